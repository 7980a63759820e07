using System.Globalization;
using TradeBalance.Data.Fetch.Internal;

namespace TradeBalance.Data.Fetch;

/// <summary>
/// Fetches annual HS trade flows from the UN Comtrade API into a <see cref="TradeDataSet"/> read under the same rules
/// as a downloaded Comtrade file (<see cref="ComtradeReader"/>), with every completed request kept in an on-disk cache
/// so that an interrupted download resumes where it stopped and a repeated one makes no request.
/// </summary>
/// <remarks>
/// <para><b>Key.</b> With a subscription key in the environment variable <see cref="FetchOptions.ApiKeyVariable"/>
/// (default <c>COMTRADE_API_KEY</c>) the client calls <c>/data/v1/get/C/A/HS</c> and sends the key in the
/// <c>Ocp-Apim-Subscription-Key</c> header; without one it calls the public preview, <c>/public/v1/preview/C/A/HS</c>,
/// whose responses hold at most 500 rows. The key never appears in an address, the cache, a progress line or a
/// message.</para>
/// <para><b>Pieces.</b> One request per year and chunk of at most 50 partners and 20 HS codes. A response that reaches
/// the row cap (<see cref="FetchOptions.RowCap"/>) may have been cut, so that request is split (partners, then products,
/// in halves) and asked again; a single partner and product that still reaches it is an error rather than lost rows.</para>
/// <para><b>Failures.</b> See <see cref="FetchException"/>: 429 and 5xx, cut connections, timeouts and bodies that fail
/// their check are tried again (waiting as <c>Retry-After</c> asks, else with capped exponential back-off and full
/// jitter); 400, 401, 403 and 404 are not.</para>
/// <para><b>Custom trust or a proxy.</b> Pass an <see cref="HttpMessageHandler"/>: it carries every request (for example
/// a <see cref="SocketsHttpHandler"/> with a proxy or a certificate check of your own). The client's own handler follows
/// no redirect, so the key never travels to another address.</para>
/// </remarks>
/// <threadsafety>One fetch at a time per instance.</threadsafety>
public sealed class ComtradeClient : IDisposable
{
    /// <summary>The default environment variable of the subscription key.</summary>
    public const string DefaultKeyVariable = "COMTRADE_API_KEY";

    /// <summary>The row cap of the public preview (no key).</summary>
    public const int PreviewRowCap = 500;

    /// <summary>The row cap with a key.</summary>
    public const int KeyedRowCap = 100_000;

    /// <summary>The provider's address.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://comtradeapi.un.org/");

    /// <summary>The environment variable that replaces <see cref="DefaultBaseUrl"/> when set: for tests against a local server; https only.</summary>
    public const string BaseUrlVariable = "TRADEBALANCE_COMTRADE_URL";

    private const string KeyHeader = "Ocp-Apim-Subscription-Key";

    private readonly Provider _provider;
    private readonly string? _key;

    /// <summary>Creates a client; the key, if any, is read now from the environment.</summary>
    /// <param name="options">Options; null = <see cref="FetchOptions.Default"/>.</param>
    /// <param name="handler">The handler that carries requests (a proxy, custom trust); null = the client's own HTTPS handler. It is not disposed.</param>
    /// <exception cref="ArgumentException">The base address is not https.</exception>
    public ComtradeClient(FetchOptions? options = null, HttpMessageHandler? handler = null)
    {
        options ??= FetchOptions.Default;
        _key = Environment.GetEnvironmentVariable(options.ApiKeyVariable) is { Length: > 0 } key ? key.Trim() : null;
        _provider = new Provider("comtrade", Provider.Resolve(options, BaseUrlVariable, DefaultBaseUrl), options, handler, _key);
        RowCap = options.RowCap ?? (_key is null ? PreviewRowCap : KeyedRowCap);
    }

    /// <summary>Gets a value indicating whether a key was found (the keyed API is used).</summary>
    public bool HasKey => _key is not null;

    /// <summary>Gets the row cap in force: a response of this many rows is split and asked again.</summary>
    public int RowCap { get; }

    /// <summary>Gets the cache folder.</summary>
    public string CacheDirectory => _provider.Fetcher.Cache.Directory;

    /// <summary>Fetches the query's flows (from the cache where pieces are already there).</summary>
    /// <param name="query">What to fetch.</param>
    /// <param name="progress">Called after each piece, retry and split; null = silent.</param>
    /// <param name="cancellationToken">Stops the download; completed pieces stay cached.</param>
    /// <returns>The flows (USD), the reader's report over every piece, and the summary.</returns>
    /// <exception cref="FetchException">A request was refused, or failed after the last attempt.</exception>
    /// <exception cref="TradeDataException">A response holds a value the reader refuses, or one partner and product alone reaches the row cap.</exception>
    public async Task<FetchResult<TradeDataSet>> FetchFlowsAsync(ComtradeQuery query, Action<FetchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var counters = new FetchCounters();
        var queue = new LinkedList<ComtradePiece>(ComtradePiece.Plan(query));
        var complete = new List<(ComtradePiece Piece, CachedPiece Body)>();
        var headers = _key is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [KeyHeader] = _key };
        while (queue.First is { } node)
        {
            queue.RemoveFirst();
            var piece = node.Value;
            counters.PiecesTotal = counters.PiecesDone + queue.Count + 1;
            var request = new CacheRequest(_provider.Name, piece.Url(_provider.BaseUrl, HasKey, query.Reporter, query.Flow, RowCap));
            var asked = new ComtradeBody.Asked(ComtradePiece.Code(query.Reporter), piece.Year, query.Flow == ComtradeFlow.Import ? "M" : "X");
            var body = await _provider.Fetcher.PieceAsync(request, headers, b => ComtradeBody.Problem(b, asked), counters, progress, piece.Describe(), cancellationToken).ConfigureAwait(false);
            if (ComtradeBody.Count(body.Body) < RowCap)
            {
                complete.Add((piece, body));
                continue;
            }

            if (piece.Split() is not var (first, second))
            {
                throw new TradeDataException(string.Create(CultureInfo.InvariantCulture, $"{request.Url.AbsoluteUri}: the response holds {RowCap:N0} rows, the row cap, for a single {(piece.Partners.IsEmpty ? "product with every partner" : "partner and product")} ({piece.Describe()}); more rows may exist and would be lost. {(piece.Partners.IsEmpty ? "Name the partners (--partner) so the request can be split, or use a key for a higher cap." : "Use a key for a higher cap.")}"));
            }

            queue.AddFirst(second);
            queue.AddFirst(first);
            counters.PiecesTotal = counters.PiecesDone + queue.Count;
            progress?.Invoke(new FetchProgress(FetchProgressKind.Split, counters.PiecesDone, counters.PiecesTotal, string.Create(CultureInfo.InvariantCulture, $"{piece.Describe()}: {RowCap:N0} rows, the cap; split in two")));
        }

        return Read(query, complete, counters);
    }

    private static FetchResult<TradeDataSet> Read(ComtradeQuery query, List<(ComtradePiece Piece, CachedPiece Body)> pieces, FetchCounters counters)
    {
        var classifications = new SortedSet<string>(StringComparer.Ordinal);
        var skipped = new Dictionary<string, long>(StringComparer.Ordinal);
        var adjustments = new Dictionary<string, long>(StringComparer.Ordinal);
        var units = new List<string>();
        var flows = new List<TradeFlow>();
        long read = 0, kept = 0;
        var fetched = counters.Last?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "unknown date";
        var options = new ComtradeReadOptions { Source = $"UN Comtrade API, fetched {fetched}" };
        foreach (var (_, body) in pieces)
        {
            var before = skipped.Values.Sum();
            var csv = ComtradeBody.Csv(body.Body, query.Flow, classifications, skipped);
            var mirrored = skipped.Values.Sum() - before;
            using var text = new StringReader(csv);
            var (data, report) = ComtradeReader.Read(text, body.Request.Url.AbsoluteUri, options);
            flows.AddRange(data.Flows);
            read += report.RowsRead + mirrored;
            kept += report.RowsKept;
            Add(skipped, report.Skipped);
            Add(adjustments, report.Adjustments);
            units.AddRange(report.Units.Where(u => !units.Contains(u, StringComparer.Ordinal)));
        }

        if (query.Flow == ComtradeFlow.Export)
        {
            units.Insert(0, "flows: the reporter's exports (X) written as mirror flows: reporter = exporter, partner = importer; value = primaryValue, FOB");
        }

        TradeDataSet set;
        try
        {
            set = new TradeDataSet(flows);
        }
        catch (ArgumentException e)
        {
            throw new TradeDataException($"UN Comtrade API: the pieces of this download overlap: {e.Message}", e);
        }

        var report2 = new ReadReport("UN Comtrade API", TradeFileFormat.ComtradePlus, read, kept, skipped, adjustments, units);
        return new FetchResult<TradeDataSet>(set, report2, counters.Summary(classifications));
    }

    private static void Add(Dictionary<string, long> into, IReadOnlyDictionary<string, long> from)
    {
        foreach (var (k, v) in from)
        {
            into[k] = into.TryGetValue(k, out var old) ? old + v : v;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _provider.Dispose();
}
