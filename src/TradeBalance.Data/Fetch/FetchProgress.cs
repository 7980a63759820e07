namespace TradeBalance.Data.Fetch;

/// <summary>What a download client is doing, for a progress line: a piece read from the cache or fetched, a retry, a wait.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="PiecesDone">The pieces complete so far.</param>
/// <param name="PiecesTotal">The pieces known so far (it grows when a piece reaches the row cap and is split).</param>
/// <param name="Detail">The piece or the reason, in words (no key); escape it before printing it to a terminal.</param>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record FetchProgress(FetchProgressKind Kind, int PiecesDone, int PiecesTotal, string Detail);
