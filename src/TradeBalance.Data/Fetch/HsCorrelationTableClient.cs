using System.Collections.Immutable;
using System.Globalization;
using TradeBalance.Data.Fetch.Internal;
using TradeBalance.Data.Internal;

namespace TradeBalance.Data.Fetch;

/// <summary>
/// Downloads the UN Statistics Division's HS correlation and conversion tables (one workbook per pair of HS editions,
/// from <c>https://unstats.un.org/unsd/classifications/Econ/tables/</c>) into a folder, as published: <c>.xlsx</c> for
/// the pairs from HS 2017, <c>.xls</c> before. Each file is checked to be a workbook (its first bytes) and cached like
/// every other piece, so a second download makes no request.
/// </summary>
/// <threadsafety>One download at a time per instance.</threadsafety>
public sealed class HsCorrelationTableClient : IDisposable
{
    /// <summary>The provider's address.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://unstats.un.org/");

    /// <summary>The environment variable that replaces <see cref="DefaultBaseUrl"/> when set: for tests against a local server; https only.</summary>
    public const string BaseUrlVariable = "TRADEBALANCE_UNSD_URL";

    /// <summary>The largest workbook accepted (the published ones are about 1 MB).</summary>
    public const long MaxFileBytes = 64L << 20;

    private const string Folder = "unsd/classifications/Econ/tables/";

    private readonly Provider _provider;

    /// <summary>Creates a downloader.</summary>
    /// <param name="options">Options; null = <see cref="FetchOptions.Default"/>.</param>
    /// <param name="handler">The handler that carries requests (a proxy, custom trust); null = the client's own. It is not disposed.</param>
    public HsCorrelationTableClient(FetchOptions? options = null, HttpMessageHandler? handler = null)
    {
        options ??= FetchOptions.Default;
        options = options with { MaxResponseBytes = Math.Min(options.MaxResponseBytes, MaxFileBytes) };
        _provider = new Provider("unsd-hs", Provider.Resolve(options, BaseUrlVariable, DefaultBaseUrl), options, handler, secret: null);
    }

    /// <summary>
    /// Gets the published tables by pair, <c>HS2022-HS2017</c> → file name: from each edition to every earlier one (the
    /// names are irregular before HS 2017, so they are listed rather than built).
    /// </summary>
    public static ImmutableSortedDictionary<string, string> Published { get; } =
        HsCorrelationTable.FileNames.ToImmutableSortedDictionary(p => string.Create(CultureInfo.InvariantCulture, $"HS{p.Key.Newer}-HS{p.Key.Older}"), p => p.Value, StringComparer.Ordinal);

    /// <summary>Downloads tables into a folder (each file replaced only once complete).</summary>
    /// <param name="folder">The folder; it must exist.</param>
    /// <param name="pairs">The pairs (keys of <see cref="Published"/>, case-insensitive); empty = all of them.</param>
    /// <param name="progress">Called after each file and retry; null = silent.</param>
    /// <param name="cancellationToken">Stops the download; files already fetched stay cached.</param>
    /// <returns>The paths written, in pair order, and the summary.</returns>
    /// <exception cref="ArgumentException">A pair that is not published.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FetchException">A request was refused, or failed after the last attempt.</exception>
    public async Task<(ImmutableArray<string> Files, FetchSummary Summary)> DownloadAsync(string folder, IEnumerable<string>? pairs = null, Action<FetchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The folder '{folder}' does not exist.");
        }

        var wanted = (pairs ?? []).Select(p => Published.Keys.FirstOrDefault(k => string.Equals(k, p?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"'{p}' is not a published pair; use one of {string.Join(", ", Published.Keys.Reverse())}.", nameof(pairs))).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            wanted = [.. Published.Keys.Reverse()];
        }

        var counters = new FetchCounters { PiecesTotal = wanted.Count };
        var files = new List<string>();
        var none = new Dictionary<string, string>();
        foreach (var pair in wanted)
        {
            var name = Published[pair];
            var url = new Uri(new Uri(_provider.BaseUrl.AbsoluteUri.TrimEnd('/') + "/"), Folder + Uri.EscapeDataString(name));
            var piece = await _provider.Fetcher.PieceAsync(new CacheRequest(_provider.Name, url), none, Problem, counters, progress, name, cancellationToken).ConfigureAwait(false);
            var path = Path.Combine(folder, name);
            Output.Replace(path, s => s.Write(piece.Body));
            files.Add(path);
        }

        return ([.. files], counters.Summary(wanted.Select(p => p.Replace("-", " → ", StringComparison.Ordinal))));
    }

    /// <summary>What is wrong with a body, or null when it is a workbook of the kind its name says (zip for .xlsx, OLE2 for .xls).</summary>
    internal static string? Problem(byte[] body)
    {
        ReadOnlySpan<byte> zip = [0x50, 0x4B, 0x03, 0x04];
        ReadOnlySpan<byte> ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        return body.AsSpan().StartsWith(zip) || body.AsSpan().StartsWith(ole)
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"is not a workbook (.xlsx or .xls): its {Math.Min(body.Length, 8)} first bytes are {Convert.ToHexString(body.AsSpan(0, Math.Min(body.Length, 8)))}");
    }

    /// <inheritdoc/>
    public void Dispose() => _provider.Dispose();
}
