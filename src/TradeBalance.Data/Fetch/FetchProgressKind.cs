namespace TradeBalance.Data.Fetch;

/// <summary>The kinds of <see cref="FetchProgress"/>.</summary>
public enum FetchProgressKind
{
    /// <summary>A piece was read from the cache: no request.</summary>
    Cached,

    /// <summary>A piece was fetched and stored in the cache.</summary>
    Fetched,

    /// <summary>A piece reached the row cap and was split into smaller ones.</summary>
    Split,

    /// <summary>A request failed and will be tried again after a wait.</summary>
    Retry,

    /// <summary>A cached piece failed its check (size, hash, content) and is fetched again.</summary>
    Corrupt,
}
