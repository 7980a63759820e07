using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace TradeBalance.Data.Fetch.Internal;

/// <summary>
/// Gets one piece: from the cache when a valid copy is there, else over HTTPS with retries, checked, then cached.
/// Transient failures (429, 408, 5xx, a connection refused or reset, a body cut short, a timeout, a body that fails its
/// check) are tried again up to <see cref="FetchOptions.MaxAttempts"/>, waiting as <c>Retry-After</c> asks or with
/// full-jitter back-off; permanent ones (3xx, 400, 401, 403, 404 and other 4xx) stop at once with the status and the
/// provider's message. Every body is read against <see cref="FetchOptions.MaxResponseBytes"/> as it streams.
/// </summary>
internal sealed class HttpFetcher
{
    /// <summary>The longest provider message quoted in an error.</summary>
    public const int MaxMessage = 300;

    private const int MaxErrorBody = 16 * 1024;

    private readonly HttpClient _http;
    private readonly FetchOptions _options;
    private readonly Redactor _redactor;
    private readonly FetchCache _cache;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;
    private readonly Random _random;

    public HttpFetcher(HttpClient http, FetchOptions options, Redactor redactor, FetchCache cache, Func<TimeSpan, CancellationToken, Task>? delay = null, Random? random = null)
    {
        _http = http;
        _options = options;
        _redactor = redactor;
        _cache = cache;
        _delay = delay ?? Task.Delay;
        _random = random ?? Random.Shared;
    }

    public FetchCache Cache => _cache;

    /// <summary>The piece for <paramref name="request"/>: cached, or fetched, checked by <paramref name="problemOf"/> (null = fine) and cached.</summary>
    /// <param name="request">The request.</param>
    /// <param name="headers">Headers to send (the key); never stored, never printed.</param>
    /// <param name="problemOf">The check of a body: null when it is valid, else what is wrong.</param>
    /// <param name="counters">The run's counters.</param>
    /// <param name="progress">Where progress goes.</param>
    /// <param name="label">The piece in words, for progress.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public async Task<CachedPiece> PieceAsync(CacheRequest request, IReadOnlyDictionary<string, string> headers, Func<byte[], string?> problemOf, FetchCounters counters, Action<FetchProgress>? progress, string label, CancellationToken cancellationToken)
    {
        if (_cache.Read(request, _options.MaxResponseBytes, problemOf, out var corrupt) is { } cached)
        {
            counters.PiecesFromCache++;
            counters.Sources.Add(request.Url.AbsoluteUri);
            counters.FetchedAt(cached.FetchedAt);
            progress?.Invoke(new FetchProgress(FetchProgressKind.Cached, counters.PiecesDone, counters.PiecesTotal, label));
            return cached;
        }

        if (corrupt is not null)
        {
            progress?.Invoke(new FetchProgress(FetchProgressKind.Corrupt, counters.PiecesDone, counters.PiecesTotal, $"{label}: the cached piece {corrupt}; fetching it again"));
        }

        var body = await GetAsync(request.Url, headers, problemOf, counters, progress, label, cancellationToken).ConfigureAwait(false);
        var piece = _cache.Write(request, body, DateTimeOffset.UtcNow);
        counters.PiecesFetched++;
        counters.Sources.Add(request.Url.AbsoluteUri);
        counters.FetchedAt(piece.FetchedAt);
        progress?.Invoke(new FetchProgress(FetchProgressKind.Fetched, counters.PiecesDone, counters.PiecesTotal, label));
        return piece;
    }

    /// <summary>The body of a GET, after retries; throws <see cref="FetchException"/> on a permanent error or when the attempts run out.</summary>
    public async Task<byte[]> GetAsync(Uri url, IReadOnlyDictionary<string, string> headers, Func<byte[], string?> problemOf, FetchCounters counters, Action<FetchProgress>? progress, string label, CancellationToken cancellationToken)
    {
        if (url.Scheme != Uri.UriSchemeHttps)
        {
            throw new FetchException($"{url.AbsoluteUri}: only https addresses are fetched.");
        }

        var address = url.AbsoluteUri;
        for (var attempt = 1; ; attempt++)
        {
            string problem;
            TimeSpan? asked = null;
            var status = 0;
            counters.Requests++;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeout.CancelAfter(_options.Timeout);
                try
                {
                    using var message = new HttpRequestMessage(HttpMethod.Get, url);
                    foreach (var (name, value) in headers)
                    {
                        message.Headers.TryAddWithoutValidation(name, value);
                    }

                    using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                    status = (int)response.StatusCode;
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        var body = await ReadCappedAsync(response.Content, address, timeout.Token).ConfigureAwait(false);
                        var bad = problemOf(body);
                        if (bad is null)
                        {
                            return body;
                        }

                        problem = "the response " + bad;
                    }
                    else if (status is 429 or 408 or >= 500)
                    {
                        asked = RetryAfter.Of(response.Headers, DateTimeOffset.UtcNow);
                        problem = string.Create(CultureInfo.InvariantCulture, $"HTTP {status}") + await ProviderMessageAsync(response, timeout.Token).ConfigureAwait(false);
                        if (asked is { } wait && wait > _options.MaxRetryAfter)
                        {
                            throw new FetchException(_redactor.Clean(string.Create(CultureInfo.InvariantCulture, $"{address}: {problem}; the provider asks to wait {wait.TotalSeconds:N0} s (Retry-After), more than the {_options.MaxRetryAfter.TotalSeconds:N0} s allowed. Try again later; pieces already fetched are kept in the cache.")), status);
                        }
                    }
                    else
                    {
                        // 3xx (redirects are not followed: a key must not travel to another address), 400, 401, 403, 404, …
                        var said = await ProviderMessageAsync(response, timeout.Token).ConfigureAwait(false);
                        var hint = status is 401 or 403 ? " Check the key in the environment variable (its value is never printed)." : string.Empty;
                        throw new FetchException(_redactor.Clean(string.Create(CultureInfo.InvariantCulture, $"{address}: HTTP {status} {response.ReasonPhrase}{said}.{hint}")), status);
                    }
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    problem = string.Create(CultureInfo.InvariantCulture, $"no complete response within {_options.Timeout.TotalSeconds:N0} s");
                }
                catch (HttpRequestException e)
                {
                    problem = "the connection failed: " + Short(e.Message);
                }
                catch (IOException e)
                {
                    problem = "the connection was cut: " + Short(e.Message);
                }
            }

            if (attempt >= _options.MaxAttempts)
            {
                throw new FetchException(_redactor.Clean(string.Create(CultureInfo.InvariantCulture, $"{address}: {problem}; gave up after {attempt} attempts. Run the same command again to resume: pieces already fetched are kept in the cache.")), status);
            }

            var delay = asked ?? Backoff.Delay(attempt, _options.BaseDelay, _options.MaxDelay, _random);
            counters.Retries++;
            counters.Waited += delay;
            progress?.Invoke(new FetchProgress(FetchProgressKind.Retry, counters.PiecesDone, counters.PiecesTotal, _redactor.Clean(string.Create(CultureInfo.InvariantCulture, $"{label}: {problem}; attempt {attempt + 1} of {_options.MaxAttempts} in {delay.TotalSeconds:0.0} s{(asked is null ? string.Empty : " (Retry-After)")}"))));
            await _delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The body, refused as soon as it passes the size cap (by its declared length or as it streams).</summary>
    private async Task<byte[]> ReadCappedAsync(HttpContent content, string address, CancellationToken cancellationToken)
    {
        var cap = _options.MaxResponseBytes;
        if (content.Headers.ContentLength is { } declared && declared > cap)
        {
            throw TooLarge(address, cap);
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            // The declared length only sizes the first buffer, and only up to 1 MiB: it is the server's word, not a fact.
            using var buffer = new MemoryStream((int)Math.Min(content.Headers.ContentLength ?? 64 * 1024, 1 << 20));
            var chunk = new byte[64 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > cap)
                {
                    throw TooLarge(address, cap);
                }

                buffer.Write(chunk, 0, read);
            }

            if (content.Headers.ContentLength is { } length && length != buffer.Length && content.Headers.ContentEncoding.Count == 0)
            {
                throw new IOException(string.Create(CultureInfo.InvariantCulture, $"the body ended after {buffer.Length:N0} of {length:N0} bytes"));
            }

            return buffer.ToArray();
        }
    }

    private static FetchException TooLarge(string address, long cap) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{address}: the response is larger than {cap:N0} bytes (FetchOptions.MaxResponseBytes); it was not read further. Ask for less (fewer products or partners per request) or raise the limit."));

    /// <summary>": the provider's message" from an error body (JSON <c>message</c>/<c>error</c>/<c>errorObject.errorMessage</c>, else the text), bounded, one line; empty when there is none.</summary>
    private async Task<string> ProviderMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                bytes = new byte[MaxErrorBody];
                var total = 0;
                int read;
                while (total < bytes.Length && (read = await stream.ReadAsync(bytes.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += read;
                }

                Array.Resize(ref bytes, total);
            }
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            return string.Empty;
        }

        var text = Encoding.UTF8.GetString(bytes);
        try
        {
            using var json = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 16 });
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var name in new[] { "message", "Message", "error", "errorMessage", "title" })
                {
                    if (json.RootElement.TryGetProperty(name, out var m) && m.ValueKind == JsonValueKind.String && m.GetString() is { Length: > 0 } s)
                    {
                        text = s;
                        break;
                    }
                }

                if (json.RootElement.TryGetProperty("errorObject", out var o) && o.ValueKind == JsonValueKind.Object && o.TryGetProperty("errorMessage", out var em) && em.ValueKind == JsonValueKind.String)
                {
                    text = em.GetString() ?? text;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: the text itself is the message.
        }

        text = Short(_redactor.Clean(text));
        return text.Length == 0 ? string.Empty : $": \"{text}\"";
    }

    /// <summary>Text on one line, at most <see cref="MaxMessage"/> characters.</summary>
    private static string Short(string text)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= MaxMessage ? line : string.Concat(line.AsSpan(0, MaxMessage), "…");
    }
}
