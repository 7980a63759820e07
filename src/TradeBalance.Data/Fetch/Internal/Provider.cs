using System.Net;

namespace TradeBalance.Data.Fetch.Internal;

/// <summary>One provider's connection: its checked https base address, the HTTP client, the cache and the fetcher.</summary>
internal sealed class Provider : IDisposable
{
    private readonly HttpClient _http;

    public Provider(string name, Uri baseUrl, FetchOptions options, HttpMessageHandler? handler, string? secret)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (!baseUrl.IsAbsoluteUri || baseUrl.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"The {name} address '{baseUrl}' is not https; only https is fetched.", nameof(baseUrl));
        }

        Name = name;
        BaseUrl = baseUrl;
        _http = handler is null
            ? new HttpClient(OwnHandler(), disposeHandler: true)
            : new HttpClient(handler, disposeHandler: false);

        // The attempt's own timeout applies (FetchOptions.Timeout); the client's would cut a retried download.
        _http.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("TradeBalance/" + (typeof(Provider).Assembly.GetName().Version?.ToString(3) ?? "0"));
        Fetcher = new HttpFetcher(_http, options, new Redactor(secret), new FetchCache(options.CacheDirectory ?? FetchOptions.DefaultCacheDirectory));
    }

    public string Name { get; }

    /// <summary>
    /// The base address: the options' (tests), else the environment variable's when it is set (a local test server; https
    /// only, checked by the constructor), else the provider's own.
    /// </summary>
    public static Uri Resolve(FetchOptions options, string variable, Uri fallback)
    {
        if (options.BaseUrl is { } set)
        {
            return set;
        }

        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps
            ? url
            : throw new ArgumentException($"The environment variable {variable} holds '{text}', which is not an https address; only https is fetched.", nameof(variable));
    }

    public Uri BaseUrl { get; }

    public HttpFetcher Fetcher { get; }

    /// <summary>
    /// The default handler: compressed responses accepted (the size cap counts the bytes after decompression), no
    /// redirect followed (a key in a header would travel to the new address), connections recycled.
    /// </summary>
    internal static SocketsHttpHandler OwnHandler() => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(30),
    };

    public void Dispose() => _http.Dispose();
}
