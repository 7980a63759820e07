namespace TradeBalance.Data.Fetch.Internal;

/// <summary>A completed piece: the request, the response body as received, and when it was fetched.</summary>
internal sealed record CachedPiece(CacheRequest Request, byte[] Body, DateTimeOffset FetchedAt, bool FromCache);
