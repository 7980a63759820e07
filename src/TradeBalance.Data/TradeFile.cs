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
    /// <exception cref="TradeDataException">The file is not a flow layout, or holds a bad value.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ReadResult<TradeDataSet> ReadFlows(string path, ComtradeReadOptions? comtrade = null, BaciReadOptions? baci = null)
    {
        var format = Detect(path);
        return format switch
        {
            TradeFileFormat.Flows => FlowsCsv.Read(path),
            TradeFileFormat.ComtradePlus or TradeFileFormat.ComtradeLegacy => ComtradeReader.Read(path, comtrade),
            TradeFileFormat.Baci => BaciReader.Read(path, baci),
            _ => throw NotA(path, format, "trade flows (flows.csv, UN Comtrade or CEPII BACI)"),
        };
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
