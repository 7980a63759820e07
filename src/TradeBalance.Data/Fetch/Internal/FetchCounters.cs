namespace TradeBalance.Data.Fetch.Internal;

/// <summary>What one download run counts for its summary.</summary>
internal sealed class FetchCounters
{
    public int Requests { get; set; }

    public int Retries { get; set; }

    public TimeSpan Waited { get; set; }

    public int PiecesFetched { get; set; }

    public int PiecesFromCache { get; set; }

    public int PiecesDone => PiecesFetched + PiecesFromCache;

    public int PiecesTotal { get; set; }

    public List<string> Sources { get; } = [];

    public DateTimeOffset? First { get; private set; }

    public DateTimeOffset? Last { get; private set; }

    public void FetchedAt(DateTimeOffset at)
    {
        First = First is { } f && f <= at ? f : at;
        Last = Last is { } l && l >= at ? l : at;
    }

    public FetchSummary Summary(IEnumerable<string> classifications) =>
        new(PiecesFetched, PiecesFromCache, Requests, Retries, Waited, Sources, First, Last, classifications);
}
