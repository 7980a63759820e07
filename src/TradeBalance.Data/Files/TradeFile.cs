using System.Collections.Immutable;
using TradeBalance.Data.Internal;
using TradeBalance.Data.Internal.Baci;
using TradeBalance.Data.Internal.ParquetReading;

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
/// <para>Parquet: content that starts with <c>PAR1</c> is Parquet, whatever its name; its top-level column names are
/// matched by the same rule. <see cref="ReadFlows(string, ComtradeReadOptions?, BaciReadOptions?)"/> reads canonical
/// flows and CEPII BACI from Parquet under the CSV readers' rules (errors name the row and row group instead of the
/// line); no other reader takes Parquet. Parquet that cannot seek (a pipe, standard input) is held in memory, at most
/// 1 GiB. See <c>docs/data-formats.md</c>.</para>
/// </remarks>
/// <threadsafety>Stateless; safe to use from many threads.</threadsafety>
public static class TradeFile
{
    /// <summary>Detects the layout of a file from its header (gzip detected).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The layout, or <see cref="TradeFileFormat.Unknown"/> (also when the file has no header line within its
    /// first 10,000 lines, or a line longer than 1,048,576 characters before one).</returns>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="TradeDataException">The file is named <c>.gz</c> or starts with the gzip magic bytes but does not decompress.</exception>
    public static TradeFileFormat Detect(string path)
    {
        using var input = SniffedInput.Open(path);
        return input.Format;
    }

    /// <summary>Detects the layout from the start of a stream; the stream stays open but is advanced.</summary>
    /// <param name="stream">The content (gzip detected by magic bytes).</param>
    /// <param name="fileName">The name (a <c>.gz</c> ending means gzip).</param>
    /// <returns>The layout, or <see cref="TradeFileFormat.Unknown"/>.</returns>
    /// <remarks>The stream is read only as far as the header (in blocks of 64 KB). To detect and then read a stream that
    /// cannot be rewound (standard input, a pipe), use <see cref="ReadFlows(Stream, string, ComtradeReadOptions?, BaciReadOptions?)"/>
    /// or <see cref="ReadTariffs(Stream, string, Country?, WitsReadOptions?)"/>, which do both from one pass.</remarks>
    /// <exception cref="TradeDataException">The content is named <c>.gz</c> or starts with the gzip magic bytes but does not decompress.</exception>
    public static TradeFileFormat Detect(Stream stream, string fileName) => SniffedInput.Read(stream, fileName, leaveOpen: true).Format;

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

        if (All("group", "member"))
        {
            return TradeFileFormat.CountryGroups;
        }

        return All("year", "exporter", "importer", "value", "currency", "period", "basis") ? TradeFileFormat.BilateralTotals : TradeFileFormat.Unknown;
    }

    /// <summary>Opens a file for reading, decompressing gzip when the name ends in <c>.gz</c> or the content starts with 1F 8B.</summary>
    /// <param name="path">The file.</param>
    /// <returns>A forward-only stream of the (decompressed) content; dispose it. Gzip is checked to its end: a file cut
    /// short or altered throws <see cref="InvalidDataException"/> from the read that reaches the end.</returns>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public static Stream OpenRead(string path) => Input.OpenFile(path);

    /// <summary>Reads trade flows from any flow layout: canonical <c>flows.csv</c>, UN Comtrade (Plus or legacy) or CEPII BACI.</summary>
    /// <param name="path">The file: a regular file, or anything that can be read once (a FIFO, <c>/dev/stdin</c>).</param>
    /// <param name="comtrade">Options when the file is a Comtrade download; null = defaults.</param>
    /// <param name="baci">Options when the file is a BACI file; null = defaults.</param>
    /// <returns>The flows and the report.</returns>
    /// <remarks>
    /// <para>The file is opened once and read once: the layout is recognised from the first block (see <see cref="TradeFile"/>),
    /// which is then read again from memory by the layout's reader: <see cref="FlowsCsv.Read(Stream, string)"/>,
    /// <see cref="ComtradeReader.Read(Stream, string, ComtradeReadOptions?)"/>, and for BACI one of two paths that give the
    /// flows, report or error <see cref="BaciReader.Read(Stream, string, BaciReadOptions?)"/> gives with the same options,
    /// every <see cref="decimal"/> digit for digit.</para>
    /// <para><b>Which BACI path.</b> Without a filter (<see cref="BaciReadOptions.Importers"/>,
    /// <see cref="BaciReadOptions.Exporters"/> and <see cref="BaciReadOptions.Products"/> all null: every row is kept
    /// anyway) and in UTF-8 (<see cref="BaciReadOptions.Encoding"/> null or UTF-8), the (decompressed) file is read whole
    /// into memory and, when it is in CEPII's own layout (header <c>t,i,j,k,v,q</c> or <c>t,i,j,k,v</c>, unquoted ASCII
    /// fields, an optional BOM), parsed in parallel by the parser of <see cref="BaciReader.ReadColumns(string, BaciReadOptions?)"/>
    /// and turned into flows as <see cref="BaciColumns.ToTradeDataSet(BaciReadOptions?)"/> does: several times faster. That
    /// holds the decompressed file in memory while it is parsed, plus 27 bytes a row for the columns, besides the flows. Any
    /// other read streams through <c>BaciReader.Read</c>, whose memory grows only with the flows kept: filter to read a
    /// large file into bounded memory.</para>
    /// <para>The columnar path hands over to <c>BaciReader.Read</c>, which reads the content held in memory, when it
    /// cannot give <c>Read</c>'s answer itself: a file in any other layout (comments, blank lines, quotes, padding,
    /// exponents, another column order), a kept value with more than 15 significant digits or 14 decimals (its double
    /// cannot carry <c>Read</c>'s decimal), and any <see cref="TradeDataException"/>, so that a bad file fails with
    /// <c>Read</c>'s message, and a file <c>Read</c> accepts but the columns refuse (a repeated (t, i, j, k) that
    /// <c>Read</c> merges into ROW or skips, a bad <c>v</c> on an intra-national row) is read. A file over 2 GB
    /// uncompressed is streamed by <c>Read</c> from the 2 GB already read and the rest of the input.</para>
    /// </remarks>
    /// <exception cref="TradeDataException">The file is not a flow layout, or holds a bad value, or is gzip cut short.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ReadResult<TradeDataSet> ReadFlows(string path, ComtradeReadOptions? comtrade = null, BaciReadOptions? baci = null)
    {
        using var input = SniffedInput.Open(path);
        return ReadFlows(input, path, comtrade, baci);
    }

    /// <summary>Reads trade flows from a stream in any flow layout, in one pass (standard input and pipes work); see
    /// <see cref="ReadFlows(string, ComtradeReadOptions?, BaciReadOptions?)"/>.</summary>
    /// <param name="stream">The content (gzip detected by magic bytes), read to its end; it stays open.</param>
    /// <param name="fileName">The name to use in messages (a <c>.gz</c> ending means gzip).</param>
    /// <param name="comtrade">Options when the content is a Comtrade download; null = defaults.</param>
    /// <param name="baci">Options when the content is a BACI file; null = defaults.</param>
    /// <returns>The flows and the report.</returns>
    /// <exception cref="TradeDataException">The content is not a flow layout, or holds a bad value, or is gzip cut short.</exception>
    public static ReadResult<TradeDataSet> ReadFlows(Stream stream, string fileName, ComtradeReadOptions? comtrade = null, BaciReadOptions? baci = null)
    {
        using var input = SniffedInput.Read(stream, fileName, leaveOpen: true);
        return ReadFlows(input, fileName, comtrade, baci);
    }

    private static ReadResult<TradeDataSet> ReadFlows(SniffedInput input, string fileName, ComtradeReadOptions? comtrade, BaciReadOptions? baci)
    {
        if (input.Parquet is { } parquet)
        {
            return Stated(ParquetFlows.Read(parquet, baci), fileName);
        }

        return Stated(input.Format switch
        {
            TradeFileFormat.Flows => FlowsCsv.Read(input.Content, fileName),
            TradeFileFormat.ComtradePlus or TradeFileFormat.ComtradeLegacy => ComtradeReader.Read(input.Content, fileName, comtrade),
            TradeFileFormat.Baci => ReadBaci(input, fileName, baci ?? BaciReadOptions.Default),
            _ => throw NotA(input, fileName, "trade flows (flows.csv, UN Comtrade or CEPII BACI)"),
        }, fileName);
    }

    /// <summary>
    /// The flows with the HS revision their file's name states (<c>BACI_HS17_…</c>, <c>…_H5_…</c>) where the content states none
    /// (UN Comtrade's classification column does).
    /// </summary>
    private static ReadResult<TradeDataSet> Stated(ReadResult<TradeDataSet> read, string fileName) =>
        read.Value.Revision is null && FileRevision.FromName(fileName) is { } named ? new(read.Value.WithRevision(named), read.Report) : read;

    /// <summary>A schedule with the HS revision its file's name states (WITS: <c>AVEMFN_H5_156_2024_U2.CSV</c>).</summary>
    private static ReadResult<TariffSchedule> Stated(ReadResult<TariffSchedule> read, string fileName) =>
        read.Value.Revision is null && FileRevision.FromName(fileName) is { } named ? new(read.Value.WithRevision(named), read.Report) : read;

    /// <summary>
    /// True when <see cref="ReadFlows(string, ComtradeReadOptions?, BaciReadOptions?)"/> tries the columns for a BACI file read
    /// with these options: no filter (every row is kept anyway), and UTF-8 (a UTF-8 BOM is then skipped alike by both readers).
    /// </summary>
    internal static bool ReadsBaciByColumns(BaciReadOptions options) =>
        options.Importers is null && options.Exporters is null && options.Products is null && (options.Encoding is null or { CodePage: 65001 });

    /// <summary>BACI through <see cref="ReadFlows(string, ComtradeReadOptions?, BaciReadOptions?)"/>: the rule in its remarks.</summary>
    internal static ReadResult<TradeDataSet> ReadBaci(string path, BaciReadOptions options)
    {
        using var input = SniffedInput.Open(path);
        return ReadBaci(input, path, options);
    }

    /// <summary>The columnar path alone (tests): the flows <c>BaciReader.Read</c> gives, or null when only <c>Read</c> can give its answer.</summary>
    internal static ReadResult<TradeDataSet>? TryReadBaciByColumns(string path, BaciReadOptions options)
    {
        try
        {
            return BaciColumnParser.ReadPathFast(path, options, BaciColumnParser.DefaultParts)?.Value.ToTradeDataSetExact(options);
        }
        catch (TradeDataException)
        {
            return null;
        }
    }

    private static ReadResult<TradeDataSet> ReadBaci(SniffedInput input, string fileName, BaciReadOptions options) =>
        ReadsBaciByColumns(options)
            ? BaciColumnParser.ReadFlows(input.Content, fileName, input.SizeHint, options, BaciColumnParser.DefaultParts)
            : BaciReader.Read(input.Content, fileName, options);

    /// <summary>Reads one importer's tariff schedule from any tariff layout: canonical <c>tariffs.csv</c> or a WITS/TRAINS download.</summary>
    /// <param name="path">The file: a regular file, or anything that can be read once (a FIFO, <c>/dev/stdin</c>); opened once.</param>
    /// <param name="importer">The importer wanted; null = the file's only importer.</param>
    /// <param name="wits">Options when the file is a WITS download; null = defaults.</param>
    /// <returns>The schedule and the report.</returns>
    /// <exception cref="TradeDataException">The file is not a tariff layout, or holds a bad value.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ReadResult<TariffSchedule> ReadTariffs(string path, Country? importer = null, WitsReadOptions? wits = null)
    {
        using var input = SniffedInput.Open(path);
        return ReadTariffs(input, path, importer, wits);
    }

    /// <summary>Reads one importer's tariff schedule from a stream in any tariff layout, in one pass; see
    /// <see cref="ReadTariffs(string, Country?, WitsReadOptions?)"/>.</summary>
    /// <param name="stream">The content (gzip detected by magic bytes), read to its end; it stays open.</param>
    /// <param name="fileName">The name to use in messages (a <c>.gz</c> ending means gzip).</param>
    /// <param name="importer">The importer wanted; null = the content's only importer.</param>
    /// <param name="wits">Options when the content is a WITS download; null = defaults.</param>
    /// <returns>The schedule and the report.</returns>
    /// <exception cref="TradeDataException">The content is not a tariff layout, or holds a bad value.</exception>
    public static ReadResult<TariffSchedule> ReadTariffs(Stream stream, string fileName, Country? importer = null, WitsReadOptions? wits = null)
    {
        using var input = SniffedInput.Read(stream, fileName, leaveOpen: true);
        return ReadTariffs(input, fileName, importer, wits);
    }

    /// <summary>Reads every importer's tariff schedule from any tariff layout, opening the file once.</summary>
    /// <param name="path">The file: a regular file, or anything that can be read once (a FIFO, <c>/dev/stdin</c>).</param>
    /// <param name="wits">Options when the file is a WITS download; null = defaults.</param>
    /// <returns>The schedules by importer, and the report.</returns>
    /// <exception cref="TradeDataException">The file is not a tariff layout, or holds a bad value.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ReadResult<ImmutableSortedDictionary<Country, TariffSchedule>> ReadAllTariffs(string path, WitsReadOptions? wits = null)
    {
        using var input = SniffedInput.Open(path);
        return ReadAllTariffs(input, path, wits);
    }

    /// <summary>Reads every importer's tariff schedule from a stream in any tariff layout, in one pass.</summary>
    /// <param name="stream">The content (gzip detected by magic bytes), read to its end; it stays open.</param>
    /// <param name="fileName">The name to use in messages (a <c>.gz</c> ending means gzip).</param>
    /// <param name="wits">Options when the content is a WITS download; null = defaults.</param>
    /// <returns>The schedules by importer, and the report.</returns>
    /// <exception cref="TradeDataException">The content is not a tariff layout, or holds a bad value.</exception>
    public static ReadResult<ImmutableSortedDictionary<Country, TariffSchedule>> ReadAllTariffs(Stream stream, string fileName, WitsReadOptions? wits = null)
    {
        using var input = SniffedInput.Read(stream, fileName, leaveOpen: true);
        return ReadAllTariffs(input, fileName, wits);
    }

    private static ReadResult<TariffSchedule> ReadTariffs(SniffedInput input, string fileName, Country? importer, WitsReadOptions? wits) => Stated(input.Format switch
    {
        _ when input.Parquet is not null => throw NotA(input, fileName, "tariffs (tariffs.csv or a WITS/TRAINS download)"),
        TradeFileFormat.Tariffs => TariffsCsv.Read(input.Content, fileName, importer),
        TradeFileFormat.WitsTariffs or TradeFileFormat.WitsAveMfn or TradeFileFormat.WitsAvePref => WitsTariffReader.Read(input.Content, fileName, importer, wits),
        _ => throw NotA(input, fileName, "tariffs (tariffs.csv or a WITS/TRAINS download)"),
    }, fileName);

    private static ReadResult<ImmutableSortedDictionary<Country, TariffSchedule>> ReadAllTariffs(SniffedInput input, string fileName, WitsReadOptions? wits)
    {
        var read = input.Format switch
        {
            _ when input.Parquet is not null => throw NotA(input, fileName, "tariffs (tariffs.csv or a WITS/TRAINS download)"),
            TradeFileFormat.Tariffs => TariffsCsv.ReadAll(input.Content, fileName),
            TradeFileFormat.WitsTariffs or TradeFileFormat.WitsAveMfn or TradeFileFormat.WitsAvePref => WitsTariffReader.ReadAll(input.Content, fileName, wits),
            _ => throw NotA(input, fileName, "tariffs (tariffs.csv or a WITS/TRAINS download)"),
        };
        return FileRevision.FromName(fileName) is { } named
            ? new(read.Value.ToImmutableSortedDictionary(p => p.Key, p => p.Value.Revision is null ? p.Value.WithRevision(named) : p.Value), read.Report)
            : read;
    }

    private static TradeDataException NotA(SniffedInput input, string path, string wanted) =>
        input.Parquet is { } parquet ? ParquetSource.Bad(path, "schema", $"is Parquet ({(parquet.Format == TradeFileFormat.Unknown ? "columns " + string.Join(", ", parquet.Columns) : Describe(parquet.Format) + "'s columns")}); TradeBalance reads Parquet for trade flows only (canonical flows or CEPII BACI), not {wanted}")
        : input.Problem is { } problem ? new(path, input.ProblemLine, null, null, problem) : NotA(path, input.Format, wanted);

    private static TradeDataException NotA(string path, TradeFileFormat format, string wanted) =>
        new(path, 1, null, null, format == TradeFileFormat.Unknown
            ? $"has a header TradeBalance does not recognise; expected {wanted} (see docs/data-formats.md)"
            : $"is {Describe(format)}, not {wanted}");

    /// <summary>A layout in words, with its article: "an exchange-rates file", "a UN Comtrade Plus download".</summary>
    internal static string Describe(TradeFileFormat format) => format switch
    {
        TradeFileFormat.Flows => "a flows file (flows.csv)",
        TradeFileFormat.Tariffs => "a tariffs file (tariffs.csv)",
        TradeFileFormat.ExchangeRates => "an exchange-rates file",
        TradeFileFormat.BilateralTotals => "a bilateral-totals file",
        TradeFileFormat.ProjectionOutput => "a projection written by TradeBalance",
        TradeFileFormat.ComtradePlus => "a UN Comtrade Plus download",
        TradeFileFormat.ComtradeLegacy => "a UN Comtrade (legacy) download",
        TradeFileFormat.Baci => "a CEPII BACI file",
        TradeFileFormat.BaciCountryCodes => "a BACI country-codes file",
        TradeFileFormat.WitsTariffs => "a WITS/TRAINS tariff download",
        TradeFileFormat.WitsAveMfn => "a WITS AVE MFN download",
        TradeFileFormat.WitsAvePref => "a WITS AVE preferential download",
        TradeFileFormat.CountryGroups => "a country-groups file",
        _ => "a file of unknown layout",
    };
}
