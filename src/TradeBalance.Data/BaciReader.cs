using System.Globalization;
using System.Text;
using TradeBalance.Data.Internal;

namespace TradeBalance.Data;

/// <summary>
/// Reads a CEPII BACI trade file (<c>BACI_HS17_Y2022_V202401b.csv</c>, header <c>t,i,j,k,v,q</c>)
/// into a <see cref="TradeDataSet"/> in USD.
/// </summary>
/// <remarks>
/// <para><b>Units.</b> <c>v</c> is in thousands of current US dollars, so every value is multiplied
/// by 1000; <c>q</c> is in metric tonnes, multiplied by 1000 to kilograms; a missing <c>q</c>
/// (<c>NA</c>, blank-padded <c>   NA</c>, or empty) is null. BACI values are FOB and reconciled
/// from both partners' reports, unlike importer-reported CIF flows: the report says so.</para>
/// <para><b>Codes.</b> <c>k</c> is read as a string: a 6-digit HS code; a 5-digit code lost its
/// leading zero and is padded (counted as an adjustment); the non-HS product <c>9999AA</c> is skipped
/// and counted. <c>i</c> (exporter) and <c>j</c> (importer) resolve through the release's country-code
/// file when given (<see cref="BaciReadOptions.CountryCodes"/>), else as ISO 3166-1 numeric codes plus
/// the trade-statistics aliases (842 USA, 251 FRA, 699 IND, 490 TWN, …); "nes" areas become ROW and
/// are summed per market. A flow from a country to itself (intra-national flows of release 202401)
/// is skipped and counted.</para>
/// <para>Streams row by row; memory grows only with the flows kept (use the filters). Bad values
/// (unknown code, bad <c>k</c>, negative or non-numeric <c>v</c>, a repeated (t, i, j, k)) raise
/// <see cref="TradeDataException"/> with file, line, column and value.</para>
/// </remarks>
/// <threadsafety>Stateless; safe to use from many threads.</threadsafety>
public static class BaciReader
{
    /// <summary>Reads a BACI file (gzip detected).</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Options; null = <see cref="BaciReadOptions.Default"/>.</param>
    /// <returns>The flows and the report.</returns>
    /// <exception cref="TradeDataException">The file holds a bad value.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ReadResult<TradeDataSet> Read(string path, BaciReadOptions? options = null)
    {
        options ??= BaciReadOptions.Default;
        return CsvEntry.FromPath(path, TradeFileFormat.Baci, options.Encoding ?? Encoding.UTF8, csv => ReadCore(csv, options));
    }

    /// <summary>Reads BACI data from a stream, which stays open.</summary>
    /// <param name="stream">The content (gzip detected).</param>
    /// <param name="fileName">The name to use in messages.</param>
    /// <param name="options">Options; null = defaults.</param>
    /// <returns>The flows and the report.</returns>
    /// <exception cref="TradeDataException">A bad value.</exception>
    public static ReadResult<TradeDataSet> Read(Stream stream, string fileName, BaciReadOptions? options = null)
    {
        options ??= BaciReadOptions.Default;
        return CsvEntry.FromStream(stream, fileName, TradeFileFormat.Baci, options.Encoding ?? Encoding.UTF8, csv => ReadCore(csv, options));
    }

    /// <summary>Reads BACI content that is already decompressed (the bytes <see cref="TradeFile.ReadFlows(Stream, string, ComtradeReadOptions?, BaciReadOptions?)"/> holds).</summary>
    internal static ReadResult<TradeDataSet> ReadDecompressed(Stream content, string fileName, BaciReadOptions options)
    {
        using var text = Input.Text(content, options.Encoding ?? Encoding.UTF8);
        using var csv = CsvInput.Open(text, fileName, TradeFileFormat.Baci);
        return ReadCore(csv, options);
    }

    /// <summary>Reads BACI data from text, which stays open.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="fileName">The name to use in messages.</param>
    /// <param name="options">Options; null = defaults.</param>
    /// <returns>The flows and the report.</returns>
    /// <exception cref="TradeDataException">A bad value.</exception>
    public static ReadResult<TradeDataSet> Read(TextReader reader, string fileName, BaciReadOptions? options = null)
    {
        options ??= BaciReadOptions.Default;
        return CsvEntry.FromText(reader, fileName, TradeFileFormat.Baci, csv => ReadCore(csv, options));
    }

    /// <summary>
    /// Reads a whole BACI file (gzip detected) into columns: one array per field, rows in file order,
    /// parsed in parallel from one in-memory copy of the file. Many times faster than
    /// <see cref="Read(string, BaciReadOptions?)"/>; build domain flows for the rows you need with
    /// <see cref="BaciColumns.ToTradeDataSet(BaciReadOptions?)"/>.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Options; null = <see cref="BaciReadOptions.Default"/>. <see cref="BaciReadOptions.CountryCodes"/>
    /// decides which <c>i</c>/<c>j</c> codes are valid and <see cref="BaciReadOptions.Encoding"/> how the file is decoded;
    /// the filters are not applied here (every row is kept) but by <see cref="BaciColumns.ToTradeDataSet(BaciReadOptions?)"/>.</param>
    /// <returns>The columns and the report (rows read, rows kept, <c>9999AA</c> rows and blank lines skipped, adjustments).</returns>
    /// <remarks>
    /// <para>Accepts exactly the files <see cref="Read(string, BaciReadOptions?)"/> accepts, with the same messages, and
    /// also rejects a repeated (t, i, j, k) and a bad <c>v</c> on an intra-national row (which <c>Read</c> skips unread):
    /// the columns keep every row. The whole file is held in memory while it is parsed (a pooled buffer up to 256 MB), plus the
    /// columns: 27 bytes a row.</para>
    /// </remarks>
    /// <exception cref="TradeDataException">The file holds a bad value, a repeated (t, i, j, k), or is larger than 2 GB (uncompressed).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ReadResult<BaciColumns> ReadColumns(string path, BaciReadOptions? options = null) =>
        BaciColumnParser.ReadPath(path, options ?? BaciReadOptions.Default, BaciColumnParser.DefaultParts);

    /// <summary>Reads BACI data from a stream (gzip detected), which stays open, into columns; see <see cref="ReadColumns(string, BaciReadOptions?)"/>.</summary>
    /// <param name="stream">The content, read to its end.</param>
    /// <param name="fileName">The name to use in messages.</param>
    /// <param name="options">Options; null = defaults.</param>
    /// <returns>The columns and the report.</returns>
    /// <exception cref="TradeDataException">A bad value or a repeated (t, i, j, k).</exception>
    public static ReadResult<BaciColumns> ReadColumns(Stream stream, string fileName, BaciReadOptions? options = null) =>
        BaciColumnParser.ReadStream(stream, fileName, options ?? BaciReadOptions.Default, BaciColumnParser.DefaultParts);

    private static ReadResult<TradeDataSet> ReadCore(CsvInput csv, BaciReadOptions options)
    {
        var t = csv.Require("t");
        var i = csv.Require("i");
        var j = csv.Require("j");
        var k = csv.Require("k");
        var v = csv.Require("v");
        var q = csv.Find("q");
        var source = options.Source ?? $"CEPII BACI ({Path.GetFileName(csv.FileName)})";
        var flows = new FlowAccumulator(csv, options.Importers, options.Exporters, options.Products, source);
        Span<char> padded = stackalloc char[6];
        while (csv.Read())
        {
            var year = csv.Int(t, 1900, 2200);
            var exporter = Resolve(csv, i, options.CountryCodes);
            var importer = Resolve(csv, j, options.CountryCodes);
            var kk = csv.Span(k);
            HsCode? hs;
            if (kk.Length == 5 && !kk.ContainsAnyExceptInRange('0', '9'))
            {
                padded[0] = '0';
                kk.CopyTo(padded[1..]);
                hs = HsCode.Parse(padded.ToString());
                csv.Report.Adjust(FiveDigitRule);
            }
            else if (kk.Equals("9999AA", StringComparison.OrdinalIgnoreCase))
            {
                csv.Report.Skip(ProductRule);
                continue;
            }
            else if (kk.Length != 6 || !HsCode.TryParse(kk.ToString(), out hs))
            {
                throw csv.Error(k, ProductProblem);
            }

            if (exporter.Equals(importer))
            {
                csv.Report.Skip(SelfFlowRule);
                continue;
            }

            var value = Thousand(csv, v, csv.Decimal(v));
            var tonnes = csv.OptionalDecimal(q, false, "NA");
            if (!flows.Passes(exporter, importer, hs!))
            {
                continue;
            }

            flows.Add(exporter, importer, hs!, year, value, tonnes is { } kt ? Thousand(csv, q, kt) : null);
        }

        csv.Report.Unit(ValueUnit);
        csv.Report.Unit(QuantityUnit);
        csv.Report.Unit(CodeUnit(options));
        return flows.Build();
    }

    internal const string FiveDigitRule = "k had 5 digits: leading zero restored";

    internal const string ProductRule = "product 9999AA (not an HS code)";

    internal const string SelfFlowRule = "exporter equals importer (intra-national flow)";

    internal const string ProductProblem = "is not a 6-digit HS code (BACI's k keeps its leading zero: 090240)";

    internal const string ValueUnit = "BACI v × 1000 → USD (current USD; FOB, reconciled mirror flows)";

    internal const string QuantityUnit = "BACI q × 1000 → kg (q is metric tonnes; NA or empty = unknown)";

    internal static string CodeUnit(BaciReadOptions options) => options.CountryCodes is null
        ? "i, j: ISO 3166-1 numeric codes plus trade aliases (no country-code file given)"
        : "i, j: through the release's country-code file";

    internal static string NesRule(int code) => string.Create(CultureInfo.InvariantCulture, $"area nes {code} mapped to ROW");

    internal const string NoCountryProblem = "is not an ISO 3166-1 numeric or trade-statistics country code (pass the release's country_codes file in BaciReadOptions.CountryCodes)";

    internal const string NotInCodeFileProblem = "is not in the BACI country-code file given";

    internal static string UnresolvedProblem(string what) => $"is a BACI code that names no country TradeBalance knows ({what})";

    /// <summary>× 1000 (thousands of USD to USD, tonnes to kg), refusing a value whose product a decimal cannot hold.</summary>
    /// <summary>A BACI value or quantity (thousands of USD, tonnes) in units (USD, kg), within <see cref="NumericDomain"/>'s flow bounds (the same for both).</summary>
    internal static decimal Thousand(CsvInput csv, int ordinal, decimal value) =>
        value <= NumericDomain.MaxFlowValue / 1000m
            ? csv.Amount(ordinal, value * 1000m, NumericDomain.MinPositiveFlowValue, NumericDomain.MaxFlowValue, "units (USD or kg)", " times 1000 (BACI's thousands to units)")
            : throw csv.Error(ordinal, NumberText.OutsideAmount(NumericDomain.MinPositiveFlowValue, NumericDomain.MaxFlowValue, "units (USD or kg)", " times 1000 (BACI's thousands to units)"));

    private static Country Resolve(CsvInput csv, int ordinal, BaciCountryCodes? codes) => Resolve(csv, ordinal, codes, out _);

    /// <summary>Reads a country code (0–9999) and resolves it, with BaciReader's messages and adjustments; <paramref name="n"/> is the code.</summary>
    internal static Country Resolve(CsvInput csv, int ordinal, BaciCountryCodes? codes, out int n)
    {
        n = csv.Int(ordinal, 0, 9999);
        if (codes is not null)
        {
            if (codes.TryGetCountry(n, out var c))
            {
                return c;
            }

            if (codes.Unresolved.TryGetValue(n, out var what))
            {
                throw csv.Error(ordinal, UnresolvedProblem(what));
            }

            throw csv.Error(ordinal, NotInCodeFileProblem);
        }

        switch (TradeCodes.Resolve(n, out var country))
        {
            case NumericCodeKind.Country:
                return country!;
            case NumericCodeKind.NesArea:
                csv.Report.Adjust(NesRule(n));
                return country!;
            default:
                throw csv.Error(ordinal, NoCountryProblem);
        }
    }
}
