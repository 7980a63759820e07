using System.Collections.Immutable;

namespace TradeBalance.Data.Fetch;

/// <summary>What a download did: pieces from the cache and fetched, requests made, retries, time waited, the sources and when they were fetched.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class FetchSummary
{
    internal FetchSummary(int piecesFetched, int piecesFromCache, int requests, int retries, TimeSpan waited, IEnumerable<string> sources, DateTimeOffset? firstFetched, DateTimeOffset? lastFetched, IEnumerable<string> classifications)
    {
        PiecesFetched = piecesFetched;
        PiecesFromCache = piecesFromCache;
        Requests = requests;
        Retries = retries;
        Waited = waited;
        Sources = [.. sources];
        FirstFetchedAt = firstFetched;
        LastFetchedAt = lastFetched;
        Classifications = [.. classifications.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>Gets the pieces fetched over the network by this run.</summary>
    public int PiecesFetched { get; }

    /// <summary>Gets the pieces read from the cache (no request).</summary>
    public int PiecesFromCache { get; }

    /// <summary>Gets the HTTP requests made, every attempt counted.</summary>
    public int Requests { get; }

    /// <summary>Gets the attempts that were retries of a failed one.</summary>
    public int Retries { get; }

    /// <summary>Gets the time spent waiting before retries (back-off and <c>Retry-After</c>).</summary>
    public TimeSpan Waited { get; }

    /// <summary>Gets the address of every piece (never with the key), in order.</summary>
    public ImmutableArray<string> Sources { get; }

    /// <summary>Gets when the oldest piece was fetched (it may come from the cache), or null when there was none.</summary>
    public DateTimeOffset? FirstFetchedAt { get; }

    /// <summary>Gets when the newest piece was fetched, or null when there was none.</summary>
    public DateTimeOffset? LastFetchedAt { get; }

    /// <summary>Gets the classifications the data is in as the provider names them (Comtrade: <c>H4</c> = HS 2012, <c>H5</c> = HS 2017, <c>H6</c> = HS 2022), sorted.</summary>
    public ImmutableArray<string> Classifications { get; }
}
