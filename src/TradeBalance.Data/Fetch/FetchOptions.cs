namespace TradeBalance.Data.Fetch;

/// <summary>
/// How the download clients (<see cref="ComtradeClient"/>, <see cref="WitsTariffClient"/>,
/// <see cref="HsCorrelationTableClient"/>) fetch: where the cache is, how often a failed request is tried again, how
/// long to wait between tries, and the largest response accepted.
/// </summary>
/// <remarks>Every value is checked when it is set; <see cref="Default"/> suits the providers' published limits.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record FetchOptions
{
    private readonly string? _cacheDirectory;
    private readonly int _maxAttempts = 6;
    private readonly TimeSpan _baseDelay = TimeSpan.FromSeconds(1);
    private readonly TimeSpan _maxDelay = TimeSpan.FromSeconds(60);
    private readonly TimeSpan _maxRetryAfter = TimeSpan.FromMinutes(10);
    private readonly TimeSpan _timeout = TimeSpan.FromSeconds(120);
    private readonly long _maxResponseBytes = 256L << 20;
    private readonly string _apiKeyVariable = ComtradeClient.DefaultKeyVariable;
    private readonly int? _rowCap;

    /// <summary>Gets the defaults: the cache in <see cref="DefaultCacheDirectory"/>, 6 attempts, waits from 1 s doubling up to 60 s, a 120 s timeout, responses up to 256 MiB.</summary>
    public static FetchOptions Default { get; } = new();

    /// <summary>Gets the cache folder; null = <see cref="DefaultCacheDirectory"/>.</summary>
    /// <exception cref="ArgumentException">Set to an empty name or one holding a NUL.</exception>
    public string? CacheDirectory
    {
        get => _cacheDirectory;
        init => _cacheDirectory = value is null || (value.Length > 0 && !value.Contains('\0', StringComparison.Ordinal))
            ? value
            : throw new ArgumentException("The cache folder must be a non-empty path without NUL characters.", nameof(value));
    }

    /// <summary>Gets the most attempts of one request (the first included), 1 to 20; a permanent error (400, 401, 403, 404) is never tried again.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set outside 1 to 20.</exception>
    public int MaxAttempts
    {
        get => _maxAttempts;
        init => _maxAttempts = value is >= 1 and <= 20 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxAttempts must be from 1 to 20.");
    }

    /// <summary>Gets the first back-off ceiling: before attempt n+1 the client waits a random time from 0 to min(<see cref="MaxDelay"/>, BaseDelay × 2^(n−1)) ("full jitter").</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative time or more than a minute.</exception>
    public TimeSpan BaseDelay
    {
        get => _baseDelay;
        init => _baseDelay = value >= TimeSpan.Zero && value <= TimeSpan.FromMinutes(1) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "BaseDelay must be from 0 to 1 minute.");
    }

    /// <summary>Gets the cap on one back-off wait.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative time or more than an hour.</exception>
    public TimeSpan MaxDelay
    {
        get => _maxDelay;
        init => _maxDelay = value >= TimeSpan.Zero && value <= TimeSpan.FromHours(1) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxDelay must be from 0 to 1 hour.");
    }

    /// <summary>Gets the longest <c>Retry-After</c> the client honours; a provider asking for a longer wait is an error that says how long it asked for.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative time or more than a day.</exception>
    public TimeSpan MaxRetryAfter
    {
        get => _maxRetryAfter;
        init => _maxRetryAfter = value >= TimeSpan.Zero && value <= TimeSpan.FromDays(1) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxRetryAfter must be from 0 to 1 day.");
    }

    /// <summary>Gets the time one attempt may take, headers and body; a timeout is tried again.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set outside 1 second to 1 hour.</exception>
    public TimeSpan Timeout
    {
        get => _timeout;
        init => _timeout = value >= TimeSpan.FromMilliseconds(100) && value <= TimeSpan.FromHours(1) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Timeout must be from 0.1 second to 1 hour.");
    }

    /// <summary>Gets the largest response body accepted, in bytes (after decompression), counted while it streams in.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set outside 1 KiB to 2 GiB.</exception>
    public long MaxResponseBytes
    {
        get => _maxResponseBytes;
        init => _maxResponseBytes = value is >= 1024 and <= int.MaxValue ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxResponseBytes must be from 1 KiB to 2 GiB.");
    }

    /// <summary>Gets the environment variable that holds the UN Comtrade subscription key (default <c>COMTRADE_API_KEY</c>); the key is never read from a file.</summary>
    /// <exception cref="ArgumentException">Set to an empty name or one holding <c>=</c> or a NUL.</exception>
    public string ApiKeyVariable
    {
        get => _apiKeyVariable;
        init => _apiKeyVariable = !string.IsNullOrEmpty(value) && value.IndexOfAny(['=', '\0']) < 0
            ? value
            : throw new ArgumentException("ApiKeyVariable must be an environment variable's name.", nameof(value));
    }

    /// <summary>
    /// Gets the most rows UN Comtrade returns for one request; null = the published cap (500 without a key, 100,000
    /// with one). A response of this many rows may be cut, so the client splits its request and asks again.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set outside 1 to 1,000,000.</exception>
    public int? RowCap
    {
        get => _rowCap;
        init => _rowCap = value is null or (>= 1 and <= 1_000_000) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "RowCap must be from 1 to 1,000,000.");
    }

    /// <summary>Gets the base address that replaces a provider's (tests only: a local server); must be https. Internal so that no user aims a key elsewhere by mistake.</summary>
    internal Uri? BaseUrl { get; init; }

    /// <summary>Gets the default cache folder: <c>$XDG_CACHE_HOME/tradebalance</c> when that variable holds an absolute path, else <c>~/.cache/tradebalance</c>.</summary>
    public static string DefaultCacheDirectory
    {
        get
        {
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var root = !string.IsNullOrEmpty(xdg) && Path.IsPathFullyQualified(xdg)
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(root, "tradebalance");
        }
    }
}
