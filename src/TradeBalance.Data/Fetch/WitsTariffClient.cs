using System.Globalization;
using TradeBalance.Data.Fetch.Internal;

namespace TradeBalance.Data.Fetch;

/// <summary>
/// Fetches an importer's tariffs for one year from the WITS API (UNCTAD TRAINS, HS 6-digit simple averages of the
/// national lines, partner World: the MFN schedule) and reads them under <see cref="WitsTariffReader"/>'s rules, so the
/// result is what a WITS download of the same rows gives. One request per importer and year, cached like every piece.
/// </summary>
/// <remarks>The request is <c>/API/V1/SDMX/V21/datasource/TRN/reporter/{ISO numeric}/partner/000/product/all/year/{year}/datatype/reported</c>.
/// Pass an <see cref="HttpMessageHandler"/> for a proxy or custom trust, as for <see cref="ComtradeClient"/>.</remarks>
/// <threadsafety>One fetch at a time per instance.</threadsafety>
public sealed class WitsTariffClient : IDisposable
{
    /// <summary>The provider's address.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://wits.worldbank.org/");

    /// <summary>The environment variable that replaces <see cref="DefaultBaseUrl"/> when set: for tests against a local server; https only.</summary>
    public const string BaseUrlVariable = "TRADEBALANCE_WITS_URL";

    private readonly Provider _provider;

    /// <summary>Creates a client.</summary>
    /// <param name="options">Options; null = <see cref="FetchOptions.Default"/>.</param>
    /// <param name="handler">The handler that carries requests (a proxy, custom trust); null = the client's own. It is not disposed.</param>
    /// <exception cref="ArgumentException">The base address is not https.</exception>
    public WitsTariffClient(FetchOptions? options = null, HttpMessageHandler? handler = null)
    {
        options ??= FetchOptions.Default;
        _provider = new Provider("wits", Provider.Resolve(options, BaseUrlVariable, DefaultBaseUrl), options, handler, secret: null);
    }

    /// <summary>Fetches the importer's MFN tariff schedule for a year.</summary>
    /// <param name="importer">The importer (the WITS reporter).</param>
    /// <param name="year">The tariff year.</param>
    /// <param name="progress">Called after the piece and each retry; null = silent.</param>
    /// <param name="cancellationToken">Stops the download.</param>
    /// <returns>The schedule, the reader's report and the summary.</returns>
    /// <exception cref="FetchException">The request was refused or failed after the last attempt, or WITS answered with an error (no data for that importer and year).</exception>
    /// <exception cref="TradeDataException">A row holds a value the WITS reader refuses.</exception>
    public async Task<FetchResult<TariffSchedule>> FetchTariffsAsync(Country importer, int year, Action<FetchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(importer);
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1988);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 2200);
        var path = string.Create(CultureInfo.InvariantCulture, $"API/V1/SDMX/V21/datasource/TRN/reporter/{importer.NumericCode:D3}/partner/000/product/all/year/{year}/datatype/reported");
        var url = new Uri(new Uri(_provider.BaseUrl.AbsoluteUri.TrimEnd('/') + "/"), path);
        var counters = new FetchCounters { PiecesTotal = 1 };
        var piece = await _provider.Fetcher.PieceAsync(new CacheRequest(_provider.Name, url), new Dictionary<string, string>(), WitsBody.Problem, counters, progress, $"{importer.Alpha3} {year}", cancellationToken).ConfigureAwait(false);
        var rows = WitsBody.Read(piece.Body, out var error);
        if (error is not null || rows.Count == 0)
        {
            throw new FetchException($"{url.AbsoluteUri}: WITS has no tariff data for {importer.Alpha3} in {year}{(error is null ? string.Empty : $": \"{Short(error)}\"")}. Try another year (WITS lists which years each reporter has).");
        }

        var fetched = counters.Last?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "unknown date";
        using var text = new StringReader(WitsBody.Csv(rows));
        var (schedule, report) = WitsTariffReader.Read(text, url.AbsoluteUri, importer, new WitsReadOptions { Source = $"WITS TRAINS API, fetched {fetched}" });
        return new FetchResult<TariffSchedule>(schedule, report, counters.Summary(rows.Select(r => r.Nomen).OfType<string>()));
    }

    private static string Short(string text)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= HttpFetcher.MaxMessage ? line : line[..HttpFetcher.MaxMessage] + "…";
    }

    /// <inheritdoc/>
    public void Dispose() => _provider.Dispose();
}
