using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace TradeBalance.Data.Internal.Baci;

/// <summary>
/// The rules of a CEPII BACI file, written once for every reader of one: the row reader behind
/// <see cref="BaciReader.Read(string, BaciReadOptions?)"/>, the columnar reader's byte parser and slow path, and
/// <see cref="BaciColumns.ToTradeDataSet(BaciReadOptions?)"/>. The header (<c>t,i,j,k,v,q</c>), the year range,
/// product codes (6 digits; 5 digits lost a leading zero; <c>9999AA</c> is not HS), country codes (nes areas become
/// ROW), intra-national rows, units (thousands) and the report's words for each.
/// </summary>
/// <remarks>The byte parser tests the same rules on bytes, for the canonical layout only: anything it does not
/// recognise goes to the slow path, which applies the rules here and names the problem.</remarks>
internal static class BaciRules
{
    /// <summary>The columns, in the order CEPII writes them: year, exporter, importer, product, value, quantity (optional).</summary>
    public const string YearColumn = "t", ExporterColumn = "i", ImporterColumn = "j", ProductColumn = "k", ValueColumn = "v", QuantityColumn = "q";

    /// <summary>The header CEPII writes, <c>t,i,j,k,v,q</c>, as the bytes the byte parser matches.</summary>
    public static readonly byte[] CanonicalHeader = Encoding.ASCII.GetBytes(string.Join(',', YearColumn, ExporterColumn, ImporterColumn, ProductColumn, ValueColumn, QuantityColumn));

    /// <summary>The canonical header without its optional last column, <c>q</c>.</summary>
    public static ReadOnlySpan<byte> CanonicalHeaderWithoutQuantity => CanonicalHeader.AsSpan(0, CanonicalHeader.Length - 1 - QuantityColumn.Length);

    public const int MinYear = 1900;

    public const int MaxYear = 2200;

    /// <summary>Country codes run from 0 to <see cref="CodeCount"/> − 1 (tables indexed by code have this length).</summary>
    public const int CodeCount = 10000;

    /// <summary>BACI's product for trade it cannot assign to an HS code: skipped and counted.</summary>
    public const string NotHsProduct = "9999AA";

    /// <summary>How BACI writes an unknown quantity (perhaps blank-padded; an empty field means the same).</summary>
    public const string MissingQuantity = "NA";

    public const string FiveDigitRule = "k had 5 digits: leading zero restored";

    public const string ProductRule = "product 9999AA (not an HS code)";

    public const string SelfFlowRule = "exporter equals importer (intra-national flow)";

    public const string ProductProblem = "is not a 6-digit HS code (BACI's k keeps its leading zero: 090240)";

    public const string ValueUnit = "BACI v × 1000 → USD (current USD; FOB, reconciled mirror flows)";

    public const string QuantityUnit = "BACI q × 1000 → kg (q is metric tonnes; NA or empty = unknown)";

    public const string NoCountryProblem = "is not an ISO 3166-1 numeric or trade-statistics country code (pass the release's country_codes file in BaciReadOptions.CountryCodes)";

    public const string NotInCodeFileProblem = "is not in the BACI country-code file given";

    /// <summary>NumericDomain's flow bounds (the same for USD and kg) as doubles, for the byte parser: a value at a bound or
    /// outside goes to the slow path, which decides it exactly in decimal.</summary>
    public const double MinPositiveUnits = (double)NumericDomain.MinPositiveFlowValue, MaxUnits = (double)NumericDomain.MaxFlowValue;

    private static readonly Lazy<byte[]> DefaultKinds = new(() => Kinds(null));

    /// <summary>What a country code names under the options.</summary>
    public enum CodeKind : byte
    {
        /// <summary>Nothing TradeBalance can use: the row is an error.</summary>
        Invalid = 0,

        Country = 1,

        /// <summary>An area "not elsewhere specified": ROW, counted as an adjustment.</summary>
        NesArea = 2,
    }

    /// <summary>What a product <c>k</c> is.</summary>
    public enum ProductKind
    {
        Hs6,

        /// <summary>5 digits: a 6-digit code that lost its leading zero (restored, counted).</summary>
        FiveDigits,

        /// <summary><see cref="NotHsProduct"/>: the row is skipped and counted.</summary>
        NotHs,

        Invalid,
    }

    /// <summary>The ordinals of BACI's columns in a CSV header; <see cref="Fields.Q"/> is -1 when there is no <c>q</c>.</summary>
    public readonly record struct Fields(int T, int I, int J, int K, int V, int Q);

    /// <summary>What identifies a row: t, i and j (as written and resolved) and k (as a number, 090240 → 90240).</summary>
    public readonly record struct Key(int Year, int ExporterCode, Country Exporter, int ImporterCode, Country Importer, int Product);

    /// <summary>Finds the columns, in header order; a missing required one is an error naming it.</summary>
    public static Fields FindFields(RecordInput csv) => new(csv.Require(YearColumn), csv.Require(ExporterColumn), csv.Require(ImporterColumn), csv.Require(ProductColumn), csv.Require(ValueColumn), csv.Find(QuantityColumn));

    /// <summary>Reads t, i, j and k of the record, in that order (the first bad field is the one named); false, counted, for a
    /// <see cref="NotHsProduct"/> row.</summary>
    public static bool ReadKey(RecordInput csv, in Fields f, BaciCountryCodes? codes, out Key key)
    {
        var year = csv.Int(f.T, MinYear, MaxYear);
        var exporter = ReadCountry(csv, f.I, codes, out var i);
        var importer = ReadCountry(csv, f.J, codes, out var j);
        if (!ReadProduct(csv, f.K, out var product))
        {
            key = default;
            return false;
        }

        key = new Key(year, i, exporter, j, importer, product);
        return true;
    }

    /// <summary>The record's <c>v</c> in USD.</summary>
    public static decimal ReadValue(RecordInput csv, in Fields f) => Thousand(csv, f.V, csv.Decimal(f.V));

    /// <summary>The record's <c>q</c> in tonnes as written (not yet × 1000: <see cref="Thousand"/>), or null when missing.</summary>
    public static decimal? ReadTonnes(RecordInput csv, in Fields f) => csv.OptionalDecimal(f.Q, false, MissingQuantity);

    /// <summary>A BACI value or quantity (thousands of USD, tonnes) in units (USD, kg), within <see cref="NumericDomain"/>'s flow
    /// bounds (the same for both), refusing a value whose product a decimal cannot hold.</summary>
    public static decimal Thousand(RecordInput csv, int ordinal, decimal value) =>
        value <= NumericDomain.MaxFlowValue / 1000m
            ? csv.Amount(ordinal, value * 1000m, NumericDomain.MinPositiveFlowValue, NumericDomain.MaxFlowValue, "units (USD or kg)", ThousandScaling)
            : throw csv.Error(ordinal, NumberText.OutsideAmount(NumericDomain.MinPositiveFlowValue, NumericDomain.MaxFlowValue, "units (USD or kg)", ThousandScaling));

    private const string ThousandScaling = " times 1000 (BACI's thousands to units)";

    /// <summary>Reads <c>k</c>: false (counted) for <see cref="NotHsProduct"/>; a 5-digit code is counted as an adjustment.</summary>
    private static bool ReadProduct(RecordInput csv, int ordinal, out int product)
    {
        switch (Product(csv.Span(ordinal), out product))
        {
            case ProductKind.Hs6:
                return true;
            case ProductKind.FiveDigits:
                csv.Report.Adjust(FiveDigitRule);
                return true;
            case ProductKind.NotHs:
                csv.Report.Skip(ProductRule);
                return false;
            default:
                throw csv.Error(ordinal, ProductProblem);
        }
    }

    /// <summary>What a product <c>k</c> (trimmed) is, and its number when it has 5 or 6 digits.</summary>
    public static ProductKind Product(ReadOnlySpan<char> k, out int product)
    {
        product = 0;
        if (k.Length is 5 or 6 && !k.ContainsAnyExceptInRange('0', '9'))
        {
            product = int.Parse(k, NumberStyles.None, CultureInfo.InvariantCulture);
            return k.Length == 5 ? ProductKind.FiveDigits : ProductKind.Hs6;
        }

        return k.Equals(NotHsProduct, StringComparison.OrdinalIgnoreCase) ? ProductKind.NotHs : ProductKind.Invalid;
    }

    /// <summary>The HS code of a product number (90240 → <c>090240</c>).</summary>
    public static HsCode Hs(int product) => HsCode.Parse(product.ToString("D6", CultureInfo.InvariantCulture));

    /// <summary>Reads a country code (0–9999) and resolves it; <paramref name="code"/> is the code as written.</summary>
    private static Country ReadCountry(RecordInput csv, int ordinal, BaciCountryCodes? codes, out int code)
    {
        code = csv.Int(ordinal, 0, CodeCount - 1);
        switch (Resolve(code, codes, out var country))
        {
            case CodeKind.Country:
                return country!;
            case CodeKind.NesArea:
                csv.Report.Adjust(NesRule(code));
                return country!;
            default:
                throw csv.Error(ordinal, CodeProblem(code, codes));
        }
    }

    /// <summary>Resolves a code through the release's country-code file when given, else as an ISO 3166-1 numeric code or a
    /// trade-statistics alias; a nes area is ROW.</summary>
    public static CodeKind Resolve(int code, BaciCountryCodes? codes, out Country? country)
    {
        if (codes is not null)
        {
            return codes.TryGetCountry(code, out country) ? CodeKind.Country : CodeKind.Invalid;
        }

        return TradeCodes.Resolve(code, out country) switch
        {
            NumericCodeKind.Country => CodeKind.Country,
            NumericCodeKind.NesArea => CodeKind.NesArea,
            _ => CodeKind.Invalid,
        };
    }

    /// <summary><see cref="Resolve"/>: true for a country or a nes area (ROW).</summary>
    public static bool TryResolve(int code, BaciCountryCodes? codes, [NotNullWhen(true)] out Country? country) => Resolve(code, codes, out country) != CodeKind.Invalid;

    /// <summary>What is wrong with a code that <see cref="Resolve"/> finds <see cref="CodeKind.Invalid"/>.</summary>
    public static string CodeProblem(int code, BaciCountryCodes? codes) =>
        codes is null ? NoCountryProblem
        : codes.Unresolved.TryGetValue(code, out var what) ? $"is a BACI code that names no country TradeBalance knows ({what})"
        : NotInCodeFileProblem;

    /// <summary>The <see cref="CodeKind"/> of every code (the byte parser's lookup table); shared for the default resolution.</summary>
    public static byte[] CodeKinds(BaciCountryCodes? codes) => codes is null ? DefaultKinds.Value : Kinds(codes);

    private static byte[] Kinds(BaciCountryCodes? codes)
    {
        var kinds = new byte[CodeCount];
        for (var n = 0; n < kinds.Length; n++)
        {
            kinds[n] = (byte)Resolve(n, codes, out _);
        }

        return kinds;
    }

    public static string NesRule(int code) => string.Create(CultureInfo.InvariantCulture, $"area nes {code} mapped to ROW");

    /// <summary>The <see cref="TradeFlow.Source"/> of the flows read.</summary>
    public static string Source(BaciReadOptions options, string fileName) => options.Source ?? $"CEPII BACI ({Path.GetFileName(fileName)})";

    /// <summary>The units every BACI read reports.</summary>
    public static void AddUnits(ReportBuilder report, BaciReadOptions options)
    {
        report.Unit(ValueUnit);
        report.Unit(QuantityUnit);
        report.Unit(options.CountryCodes is null
            ? "i, j: ISO 3166-1 numeric codes plus trade aliases (no country-code file given)"
            : "i, j: through the release's country-code file");
    }
}
