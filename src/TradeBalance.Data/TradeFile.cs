using System.Text;
using TradeBalance.Data.Internal;

namespace TradeBalance.Data;

/// <summary>
/// Recognises a data file's layout from its header row, opens files (gzip by extension or magic
/// bytes), and reads flows or tariffs from any supported layout by dispatching to its reader.
/// </summary>
/// <remarks>
/// <para>Detection rule: the first line that is not blank and does not start with <c>#</c> is the
/// header; it is split on tabs when it contains one, else on commas; the column names (trimmed,
/// case-insensitive) are matched against each layout's required names in this order: BACI
/// (<c>t, i, j, k, v</c>), BACI country codes (<c>country_code</c> + <c>country_iso3</c> or
/// <c>iso_3digit_alpha</c>), WITS AVEPref / AVEMFN (<c>Reporter_ISO_N, ProductCode, SimpleAverage</c>,
/// with or without <c>Partner</c>), WITS Advanced Query (<c>Reporter, Partner, Product,
/// DutyType</c> or <c>Duty Type</c>, <c>Simple Average</c>), Comtrade Plus (<c>cmdCode</c> +
/// <c>primaryValue</c> or <c>cifValue</c>), Comtrade legacy (<c>Commodity Code, Trade Value
/// (US$)</c>), then the canonical files: exchange rates (<c>base, quote, as_of, rate</c>), projection
/// output (<c>importer, exporter, hs, baseline_usd</c>), tariffs (<c>importer, exporter, hs,
/// rate_percent</c>), flows (<c>year, exporter, importer, hs, value_usd</c>) and bilateral totals
/// (<c>year, exporter, importer, value, currency, period, basis</c>). Anything else is
/// <see cref="TradeFileFormat.Unknown"/>.</para>
/// </remarks>
/// <threadsafety>Stateless; safe to use from many threads.</threadsafety>
public static class TradeFile
{
    /// <summary>Detects the layout of a file from its header (gzip detected).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The layout, or <see cref="TradeFileFormat.Unknown"/>.</returns>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="TradeDataException">The file is named <c>.gz</c> or starts with the gzip magic bytes but does not decompress.</exception>
    public static TradeFileFormat Detect(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = File.OpenRead(path);
        return Detect(stream, path);
    }

    /// <summary>Detects the layout from the start of a stream; the stream stays open but is advanced.</summary>
    /// <param name="stream">The content (gzip detected by magic bytes).</param>
    /// <param name="fileName">The name (a <c>.gz</c> ending means gzip).</param>
    /// <returns>The layout, or <see cref="TradeFileFormat.Unknown"/>.</returns>
    /// <exception cref="TradeDataException">The content is named <c>.gz</c> or starts with the gzip magic bytes but does not decompress.</exception>
    public static TradeFileFormat Detect(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        using var text = new StreamReader(Input.Decompress(stream, fileName, leaveOpen: true), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        for (var i = 0; i < 10_000; i++)
        {
            string? line;
            try
            {
                line = text.ReadLine();
            }
            catch (InvalidDataException e)
            {
                throw CsvInput.NotGzip(fileName, i + 1, e);
            }

            if (line is null)
            {
                return TradeFileFormat.Unknown;
            }

            line = line.TrimStart('\uFEFF');
            var t = line.AsSpan().TrimStart();
            if (t.IsEmpty || t[0] == '#')
            {
                continue;
            }

            return Detect(CsvInput.SplitHeader(line, CsvInput.DetectDelimiter(line)));
        }

        return TradeFileFormat.Unknown;
    }

    /// <summary>Detects the layout from column names.</summary>
    /// <param name="columns">The header's column names.</param>
    /// <returns>The layout, or <see cref="TradeFileFormat.Unknown"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="columns"/> is null.</exception>
    public static TradeFileFormat Detect(IEnumerable<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var set = columns.Select(c => c.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        bool All(params string[] names) => names.All(set.Contains);
        bool Any(params string[] names) => names.Any(set.Contains);

        if (All("t", "i", "j", "k", "v"))
        {
            return TradeFileFormat.Baci;
        }

        if (All("country_code") && Any("country_iso3", "iso_3digit_alpha"))
        {
            return TradeFileFormat.BaciCountryCodes;
        }

        if (All("Reporter_ISO_N", "ProductCode", "SimpleAverage"))
        {
            return set.Contains("Partner") ? TradeFileFormat.WitsAvePref : TradeFileFormat.WitsAveMfn;
        }

        if (All("Reporter", "Partner", "Product", "Simple Average") && Any("DutyType", "Duty Type"))
        {
            return TradeFileFormat.WitsTariffs;
        }

        if (All("cmdCode") && Any("primaryValue", "cifValue"))
        {
            return TradeFileFormat.ComtradePlus;
        }

        if (All("Commodity Code", "Trade Value (US$)"))
        {
            return TradeFileFormat.ComtradeLegacy;
        }

        if (All("base", "quote", "as_of", "rate"))
        {
            return TradeFileFormat.ExchangeRates;
        }

        if (All("importer", "exporter", "hs", "baseline_usd"))
        {
            return TradeFileFormat.ProjectionOutput;
        }

        if (All("importer", "exporter", "hs", "rate_percent"))
        {
            return TradeFileFormat.Tariffs;
        }

        if (All("year", "exporter", "importer", "hs", "value_usd"))
        {
            return TradeFileFormat.Flows;
        }

        return All("year", "exporter", "importer", "value", "currency", "period", "basis") ? TradeFileFormat.BilateralTotals : TradeFileFormat.Unknown;
    }

    /// <summary>Opens a file for reading, decompressing gzip when the name ends in <c>.gz</c> or the content starts with 1F 8B.</summary>
    /// <param name="path">The file.</param>
    /// <returns>A forward-only stream of the (decompressed) content; dispose it.</returns>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public static Stream OpenRead(string path) => Input.OpenFile(path);

    /// <summary>Reads trade flows from any flow layout: canonical <c>flows.csv</c>, UN Comtrade (Plus or legacy) or CEPII BACI.</summary>
    /// <param name="path">The file.</param>
    /// <param name="comtrade">Options when the file is a Comtrade download; null = defaults.</param>
    /// <param name="baci">Options when the file is a BACI file; null = defaults.</param>
    /// <returns>The flows and the report.</returns>
    /// <remarks>
    /// <para>Each layout goes to its reader: <see cref="FlowsCsv.Read(string)"/>,
    /// <see cref="ComtradeReader.Read(string, ComtradeReadOptions?)"/>, and for BACI one of two paths that give the flows,
    /// report or error <see cref="BaciReader.Read(string, BaciReadOptions?)"/> gives with the same options, every
    /// <see cref="decimal"/> digit for digit.</para>
    /// <para><b>Which BACI path.</b> Without a filter (<see cref="BaciReadOptions.Importers"/>,
    /// <see cref="BaciReadOptions.Exporters"/> and <see cref="BaciReadOptions.Products"/> all null: every row is kept
    /// anyway) and in UTF-8 (<see cref="BaciReadOptions.Encoding"/> null or UTF-8), a file in CEPII's own layout (header
    /// <c>t,i,j,k,v,q</c> or <c>t,i,j,k,v</c>, unquoted ASCII fields, an optional BOM) is read whole and in parallel by
    /// the parser of <see cref="BaciReader.ReadColumns(string, BaciReadOptions?)"/> and turned into flows as
    /// <see cref="BaciColumns.ToTradeDataSet(BaciReadOptions?)"/> does: several times faster. That holds the
    /// decompressed file in memory while it is parsed, plus 27 bytes a row for the columns, besides the flows. Any
    /// other read streams through <see cref="BaciReader.Read(string, BaciReadOptions?)"/>, whose memory grows only
    /// with the flows kept: filter to read a large file into bounded memory.</para>
    /// <para>The columnar path hands over to <c>BaciReader.Read</c>, which reads the file again from the start, when it
    /// cannot give <c>Read</c>'s answer itself: a file in any other layout (comments, blank lines, quotes, padding,
    /// exponents, another column order), a kept value with more than 15 significant digits or 14 decimals (its double
    /// cannot carry <c>Read</c>'s decimal), and any <see cref="TradeDataException"/>, so that a bad file fails with
    /// <c>Read</c>'s message, and a file <c>Read</c> accepts but the columns refuse (a repeated (t, i, j, k) that
    /// <c>Read</c> merges into ROW or skips, a bad <c>v</c> on an intra-national row, a file over 2 GB uncompressed) is
    /// read.</para>
    /// </remarks>
    /// <exception cref="TradeDataException">The file is not a flow layout, or holds a bad value.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ReadResult<TradeDataSet> ReadFlows(string path, ComtradeReadOptions? comtrade = null, BaciReadOptions? baci = null)
    {
        var format = Detect(path);
        return format switch
        {
            TradeFileFormat.Flows => FlowsCsv.Read(path),
            TradeFileFormat.ComtradePlus or TradeFileFormat.ComtradeLegacy => ComtradeReader.Read(path, comtrade),
            TradeFileFormat.Baci => ReadBaci(path, baci ?? BaciReadOptions.Default),
            _ => throw NotA(path, format, "trade flows (flows.csv, UN Comtrade or CEPII BACI)"),
        };
    }

    /// <summary>
    /// True when <see cref="ReadFlows"/> tries the columns for a BACI file read with these options: no filter (every
    /// row is kept anyway), and UTF-8 (a UTF-8 BOM is then skipped alike by both readers).
    /// </summary>
    internal static bool ReadsBaciByColumns(BaciReadOptions options) =>
        options.Importers is null && options.Exporters is null && options.Products is null && (options.Encoding is null or { CodePage: 65001 });

    /// <summary>BACI through <see cref="ReadFlows"/>: the rule in its remarks.</summary>
    internal static ReadResult<TradeDataSet> ReadBaci(string path, BaciReadOptions options) =>
        (ReadsBaciByColumns(options) ? TryReadBaciByColumns(path, options) : null) ?? BaciReader.Read(path, options);

    /// <summary>The columnar path: the flows <c>BaciReader.Read</c> gives, or null when only <c>Read</c> can give its answer.</summary>
    internal static ReadResult<TradeDataSet>? TryReadBaciByColumns(string path, BaciReadOptions options)
    {
        try
        {
            return BaciColumnParser.ReadPathFast(path, options, BaciColumnParser.DefaultParts)?.Value.ToTradeDataSetExact(options);
        }
        catch (TradeDataException)
        {
            return null; // BaciReader.Read names the problem its own way, or accepts what the columns refuse
        }
    }

    /// <summary>Reads one importer's tariff schedule from any tariff layout: canonical <c>tariffs.csv</c> or a WITS/TRAINS download.</summary>
    /// <param name="path">The file.</param>
    /// <param name="importer">The importer wanted; null = the file's only importer.</param>
    /// <param name="wits">Options when the file is a WITS download; null = defaults.</param>
    /// <returns>The schedule and the report.</returns>
    /// <exception cref="TradeDataException">The file is not a tariff layout, or holds a bad value.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ReadResult<TariffSchedule> ReadTariffs(string path, Country? importer = null, WitsReadOptions? wits = null)
    {
        var format = Detect(path);
        return format switch
        {
            TradeFileFormat.Tariffs => TariffsCsv.Read(path, importer),
            TradeFileFormat.WitsTariffs or TradeFileFormat.WitsAveMfn or TradeFileFormat.WitsAvePref => WitsTariffReader.Read(path, importer, wits),
            _ => throw NotA(path, format, "tariffs (tariffs.csv or a WITS/TRAINS download)"),
        };
    }

    private static TradeDataException NotA(string path, TradeFileFormat format, string wanted) =>
        new(path, 1, null, null, format == TradeFileFormat.Unknown
            ? $"has a header TradeBalance does not recognise; expected {wanted} (see docs/data-formats.md)"
            : $"is a {format} file, not {wanted}");
}
