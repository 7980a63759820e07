using System.Text;
using TradeBalance.Data.Internal.HsCorrelation;
using TradeBalance.Data.Internal.Spreadsheets;
using TradeBalance.Projections;

namespace TradeBalance.Data.Tests.Fuzz;

/// <summary>
/// One reader under fuzz: its seed files, how to read bytes with it, and an optional check on what a
/// successful read returns (writing it and reading it back must work and give the same text).
/// </summary>
/// <param name="Name">Short name, used in reports and seeds.</param>
/// <param name="FileName">The file name passed to the reader (its extension matters: <c>.gz</c> would mean gzip).</param>
/// <param name="Json">True for JSON (token mutations instead of CSV field mutations).</param>
/// <param name="Seeds">The files mutations start from.</param>
/// <param name="Read">Reads the bytes; the input's parity picks a variant (with or without options, one importer or all).</param>
/// <param name="RoundTrip">Checks a successful read's value; throws <see cref="FuzzOracleException"/> on a mismatch.</param>
/// <param name="Documented">The exceptions the reader documents for bad content.</param>
/// <param name="Rows">True when the input is Parquet: a message names <c>file: row N (row group G, index I): </c> or the
/// footer or schema (<c>file: footer: </c>) instead of <c>file:line: </c>.</param>
/// <param name="Workbook">True when the input is a spreadsheet (xlsx, xls): a message names <c>file: place: </c> (a sheet and cell,
/// a part or a record), and the text-file oracles (controls outside quotes, lines) do not apply.</param>
public sealed record FuzzTarget(string Name, string FileName, bool Json, IReadOnlyList<byte[]> Seeds, Func<byte[], string, object> Read, Action<object>? RoundTrip, string Documented = "TradeDataException", bool Rows = false, bool Workbook = false)
{
    public override string ToString() => Name;
}

/// <summary>A check on a reader's output failed (not an exception the reader threw).</summary>
public sealed class FuzzOracleException : Exception
{
    public FuzzOracleException()
    {
    }

    public FuzzOracleException(string message)
        : base(message)
    {
    }

    public FuzzOracleException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>The readers the fuzz tests and the long-running fuzzer (tests/TradeBalance.Fuzz) drive.</summary>
public static class FuzzTargets
{
    private static readonly Lazy<BaciCountryCodes> BaciCodes = new(() => BaciCountryCodes.Read(FixturePath("baci-country-codes.csv")).Value);

    private static readonly WitsReadOptions WitsGroups = new()
    {
        PreferenceGroups = new Dictionary<string, IReadOnlyCollection<Country>>
        {
            ["EAC"] = [Country.FromIso3("TZA"), Country.FromIso3("UGA"), Countries.Kenya],
            ["LDC"] = [Countries.Ethiopia, Country.FromIso3("RWA")],
        },
    };

    /// <summary>Every target, in a fixed order.</summary>
    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new("flows", "flows.csv", false, Seeds(Embedded("flows.csv"), "year,exporter,importer,hs,value_usd,quantity_kg,source\n2024,KEN,CHN,0902,20000000,12000000,a\n2024,ROW,CHN,09.02,5.5,,\"b, c\"\n2023,404,156,090240,1,0,\n"), ReadFlows, RoundTripFlows),
        new("tariffs", "tariffs.csv", false, Seeds(Embedded("tariffs.csv"), "importer,exporter,hs,rate_percent,valid_from,valid_to,source,regime\nCHN,*,0902,15,,,mfn,\nCHN,KEN,0902,0,2026-05-01,,pref,\nCHN,ETH,0902,0,2024-12-01,,ldc,LDC\nCHN,UGA,0902,0,2024-12-01,,ldc,LDC\n"), ReadTariffs, RoundTripTariffs),
        new("rates", "exchange-rates.csv", false, Seeds(Embedded("exchange-rates.csv"), "base,quote,as_of,rate,basis,source\nUSD,KES,2024-01-01,134.82,annual-average,a\nUSD,KES,2024-01-11,159.8,daily,\nKES,USD,2024-01-11,0.00625,DAILY,\"x,y\"\n"), ReadRates, RoundTripRates),
        new("comtrade", "comtrade.csv", false, Seeds(Fixture("comtrade-plus.csv"), Fixture("comtrade-plus-pascal.csv"), Fixture("comtrade-bulk.txt"), Fixture("comtrade-legacy-22.csv"), Fixture("comtrade-legacy-35.csv")), ReadComtrade, RoundTripFlows),
        new("baci", "baci.csv", false, Seeds(Fixture("baci-hs17-2022.csv"), "t,i,j,k,v,q\n2022,404,156,090240,20000.5,12000.25\n2022,144,156,90240,1,   NA\n2022,842,156,090111,2,\n2022,156,156,090240,3,1\n2022,404,156,9999AA,1,1\n"), ReadBaci, RoundTripFlows),
        new("baci-columns", "baci.csv", false, Seeds(Fixture("baci-hs17-2022.csv"), "t,i,j,k,v,q\n2022,404,156,090240,20000.5,12000.25\n2022,144,156,90240,1,   NA\n2022,842,156,090111,2,\n2022,156,156,090240,3,1\n2022,404,156,9999AA,1,1\n"), ReadBaciColumns, RoundTripFlows),
        new("baci-codes", "country_codes.csv", false, Seeds(Fixture("baci-country-codes.csv"), Fixture("baci-country-codes-old.csv"), "country_code,country_name,country_iso2,country_iso3\n490,Other Asia nes,S19,S19\n58,Belgium-Luxembourg,BL,BLX\n899,Areas nes,,\n"), (b, n) => BaciCountryCodes.Read(new MemoryStream(b), n).Value, null),
        new("wits", "wits.csv", false, Seeds(Fixture("wits-tariffs.csv"), Fixture("wits-avemfn.csv"), Fixture("wits-avepref.csv"), Fixture("wits-ahs-only.csv")), ReadWits, RoundTripTariffs),
        new("scenario", "scenario.json", true, Seeds(Embedded("scenario.json"), """{"importer":"CHN","beneficiaries":["KEN"],"hs":["0902","080440"],"cutPercent":50,"effective":"2026-05-01","stages":3,"model":"armington","elasticities":{"default":{"importDemand":-1.2,"exportSupply":"infinity"},"byHs":{"0902":{"substitution":1.83,"source":"x"}}},"monteCarlo":{"draws":10,"seed":1,"spread":0.25},"sources":{"effective":"y"}}"""), (b, n) => ScenarioJson.Read(new MemoryStream(b), n), RoundTripScenario),
        new("groups", "groups.csv", false, Seeds("group,member,joined,left,name,kind,currency,numeric,source\nXEA,KEN,2000-07-07,2020-12-31,My bloc,customs-union,,,s\nXEA,UGA,,2030-12-31,,,,,\"a, b\"\nXEA,KEN,2031-01-01,,,,,,\nXKX,,,,Kosovo,economy,EUR,,k\nXLD,ETH,1971-11-18,,Some LDCs,category,,901,\n"), (b, n) => CountryGroupsCsv.Read(new MemoryStream(b), n).Value, RoundTripGroups),
        new("totals", "bilateral-totals.csv", false, Seeds(Embedded("bilateral-totals.csv")), (b, n) => BilateralTotalsCsv.Read(new MemoryStream(b), n).Value, RoundTripTotals),
        new("projection", "projection.csv", false, Seeds(ProjectionSeed()), (b, n) => ProjectionCsv.Read(new MemoryStream(b), n).Value, RoundTripProjection),
        new("parquet-flows", "flows.parquet", false, Seeds(ParquetSeeds.Flows(dictionary: true), ParquetSeeds.Flows(dictionary: false)), ReadParquet, RoundTripFlows, Rows: true),
        new("parquet-baci", "baci.parquet", false, Seeds(ParquetSeeds.Baci()), ReadParquet, RoundTripFlows, Rows: true),
        new("hs-table", "hs-table.xlsx", false, Seeds(HsTableSeed(), XlsSeed()), ReadHsTable, null, Workbook: true),
    ];

    /// <summary>The seven readers the reliability brief names (the others are fuzzed in the long run and by parity of effort).</summary>
    public static IReadOnlyList<string> Core { get; } = ["flows", "tariffs", "rates", "comtrade", "baci", "wits", "scenario"];

    public static FuzzTarget Get(string name) => All.Single(t => t.Name == name);

    /// <summary>The fixture folder: next to the test assembly, or next to the fuzzer's.</summary>
    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static byte[] Fixture(string name) => File.ReadAllBytes(FixturePath(name));

    private static byte[] Embedded(string name)
    {
        using var s = KenyaChina.OpenFile(name);
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }

    /// <summary>
    /// A correlation table as the UN lays it out (a title row, then the header; a conversion sheet beside it), with the
    /// 8517.12 split of 2022 and a code stored as a number that lost its leading zero.
    /// </summary>
    internal static byte[] HsTableSeed()
    {
        static string Cell(string r, int s) => $"<c r=\"{r}\" t=\"s\"><v>{s}</v></c>";
        static string Num(string r, string v) => $"<c r=\"{r}\"><v>{v}</v></c>";
        string[] strings = ["Between", "HS 2022", "HS 2017", "Relationship", "n:1", "1:1", "From HS 2022", "To HS 2017"];
        var correlations = $"<row r=\"1\">{Cell("A1", 0)}</row><row r=\"2\">{Cell("A2", 1)}{Cell("B2", 2)}{Cell("C2", 3)}</row>"
            + $"<row r=\"3\">{Num("A3", "851713")}{Num("B3", "851712")}{Cell("C3", 4)}</row>"
            + $"<row r=\"4\">{Num("A4", "851714")}{Num("B4", "851712")}{Cell("C4", 4)}</row>"
            + $"<row r=\"5\">{Num("A5", "90240")}{Num("B5", "90240")}{Cell("C5", 5)}</row>";
        var conversions = $"<row r=\"1\">{Cell("A1", 6)}{Cell("B1", 7)}</row>"
            + $"<row r=\"2\">{Num("A2", "851713")}{Num("B2", "851712")}</row><row r=\"3\">{Num("A3", "851714")}{Num("B3", "851712")}</row><row r=\"4\">{Num("A4", "90240")}{Num("B4", "90240")}</row>";
        return Spreadsheets.SyntheticXlsx.Build([("HS2022-HS2017 Correlations", correlations), ("HS2022-HS2017 Conversions", conversions)], strings);
    }

    /// <summary>
    /// A workbook as the UN's tables are read: the workbook, then the correlation table where it has both kinds of sheet.
    /// (A compressed xlsx rarely survives a changed byte, so the xls seed, which has no checksum, carries most of the
    /// inputs the reader accepts.)
    /// </summary>
    private static object ReadHsTable(byte[] bytes, string name)
    {
        var workbook = WorkbookReader.Read(name, bytes);
        return workbook.Sheets.Count > 1 ? UnsdCorrelationReader.Read(workbook) : workbook;
    }

    /// <summary>A one-sheet BIFF workbook of the older tables' kind: a header with a relationship and a code stored as a number.</summary>
    private static byte[] XlsSeed() => Spreadsheets.SyntheticXls.Workbook(Spreadsheets.SyntheticXls.Sst("HS 2012", "HS 2007", "Relationship", "n:1"),
        Spreadsheets.SyntheticXls.LabelSst(1, 0, 0), Spreadsheets.SyntheticXls.LabelSst(1, 1, 1), Spreadsheets.SyntheticXls.LabelSst(1, 2, 2),
        Spreadsheets.SyntheticXls.Number(2, 0, 10121), Spreadsheets.SyntheticXls.Number(2, 1, 10110), Spreadsheets.SyntheticXls.LabelSst(2, 2, 3));

    private static IReadOnlyList<byte[]> Seeds(params object[] seeds) =>
        [.. seeds.Select(s => s as byte[] ?? Encoding.UTF8.GetBytes((string)s))];

    private static byte[] ProjectionSeed()
    {
        var w = new StringWriter();
        ProjectionCsv.Write(ProjectionModel.Smart.Project(new ProjectionInputs(KenyaChina.Scenario, KenyaChina.Flows, KenyaChina.Tariffs)), w);
        return Encoding.UTF8.GetBytes(w.ToString());
    }

    private static bool Odd(byte[] b) => (b.Length & 1) == 1;

    private static TradeDataSet ReadFlows(byte[] b, string n) => FlowsCsv.Read(new MemoryStream(b), n).Value;

    /// <summary>Parquet through the entry point that recognises it; odd lengths as a stream that cannot seek (copied to a temporary file first).</summary>
    private static TradeDataSet ReadParquet(byte[] b, string n) =>
        TradeFile.ReadFlows(Odd(b) ? new ForwardOnlyStream(b) : new MemoryStream(b, writable: false), n).Value;

    private static object ReadTariffs(byte[] b, string n) =>
        Odd(b) ? TariffsCsv.ReadAll(new StreamReader(new MemoryStream(b), Encoding.UTF8), n).Value : TariffsCsv.Read(new MemoryStream(b), n, Countries.China).Value;

    private static ExchangeRateTable ReadRates(byte[] b, string n) => ExchangeRatesCsv.Read(new MemoryStream(b), n).Value;

    private static TradeDataSet ReadComtrade(byte[] b, string n) =>
        ComtradeReader.Read(new MemoryStream(b), n, Odd(b) ? new ComtradeReadOptions { Commodities = CommodityLevel.Total, Importers = new HashSet<Country> { Countries.China, Countries.Kenya } } : null).Value;

    private static TradeDataSet ReadBaci(byte[] b, string n) =>
        BaciReader.Read(new MemoryStream(b), n, Odd(b) ? new BaciReadOptions { CountryCodes = BaciCodes.Value } : null).Value;

    /// <summary>ReadColumns then ToTradeDataSet; the oracle: ReadColumns is at least as strict as BaciReader.Read, so Read
    /// accepts the same bytes and gives the same flows (values equal to 15 significant digits, the double's), and when
    /// the exact conversion TradeFile.ReadFlows uses answers, its decimals are Read's bit for bit.</summary>
    private static TradeDataSet ReadBaciColumns(byte[] b, string n)
    {
        var options = Odd(b) ? new BaciReadOptions { CountryCodes = BaciCodes.Value } : null;
        var columns = BaciReader.ReadColumns(new MemoryStream(b), n, options).Value;
        var set = columns.ToTradeDataSet(options).Value;
        var exact = columns.ToTradeDataSetExact(options ?? BaciReadOptions.Default)?.Value;
        TradeDataSet expected;
        try
        {
            expected = BaciReader.Read(new MemoryStream(b), n, options).Value;
        }
        catch (TradeDataException e)
        {
            throw new FuzzOracleException("BaciReader.ReadColumns accepted a file BaciReader.Read refuses: " + e.Message, e);
        }

        if (expected.Flows.Length != set.Flows.Length)
        {
            throw new FuzzOracleException($"BaciReader.ReadColumns gave {set.Flows.Length} flows, BaciReader.Read {expected.Flows.Length}");
        }

        if (exact is not null && exact.Flows.Length != expected.Flows.Length)
        {
            throw new FuzzOracleException($"ToTradeDataSetExact gave {exact.Flows.Length} flows, BaciReader.Read {expected.Flows.Length}");
        }

        for (var i = 0; i < set.Flows.Length; i++)
        {
            TradeFlow a = expected.Flows[i], c = set.Flows[i];
            if (!a.Exporter.Equals(c.Exporter) || !a.Importer.Equals(c.Importer) || !a.Hs.Equals(c.Hs) || a.Year != c.Year || a.Source != c.Source || !a.Value.Currency.Equals(c.Value.Currency) || !Close(a.Value.Amount, c.Value.Amount) || (a.QuantityKg is null) != (c.QuantityKg is null) || (a.QuantityKg is { } q && !Close(q, c.QuantityKg!.Value)))
            {
                throw new FuzzOracleException($"flow {i} differs: BaciReader.Read {a}, ReadColumns {c}");
            }

            if (exact is not null && (!exact.Flows[i].Equals(a) || !Bits(exact.Flows[i].Value.Amount).SequenceEqual(Bits(a.Value.Amount)) || !Bits(exact.Flows[i].QuantityKg).SequenceEqual(Bits(a.QuantityKg))))
            {
                throw new FuzzOracleException($"flow {i} differs in its digits: BaciReader.Read {a.Value.Amount}, {a.QuantityKg} kg; ToTradeDataSetExact {exact.Flows[i].Value.Amount}, {exact.Flows[i].QuantityKg} kg");
            }
        }

        return set;
    }

    private static int[] Bits(decimal? d) => d is { } v ? decimal.GetBits(v) : [];

    private static bool Close(decimal a, decimal b) => Math.Abs((double)a - (double)b) <= 1e-14 * Math.Max(Math.Abs((double)a), Math.Abs((double)b));

    // WITS has no Stream overload: the text reader decodes as the path overload does (UTF-8, BOM honoured).
    private static object ReadWits(byte[] b, string n)
    {
        using var text = new StreamReader(new MemoryStream(b), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Odd(b) ? WitsTariffReader.ReadAll(text, n, WitsGroups).Value : WitsTariffReader.Read(text, n, null, WitsGroups).Value;
    }

    private static void RoundTripFlows(object value) =>
        Same(value, v => Write(w => FlowsCsv.Write((TradeDataSet)v, w)), t => FlowsCsv.Read(new StringReader(t), "roundtrip.csv").Value);

    private static void RoundTripTariffs(object value)
    {
        foreach (var schedule in value is TariffSchedule s ? [s] : ((IReadOnlyDictionary<Country, TariffSchedule>)value).Values)
        {
            Same(schedule, v => Write(w => TariffsCsv.Write((TariffSchedule)v, w)), t => TariffsCsv.Read(new StringReader(t), "roundtrip.csv", schedule.Importer).Value);
        }
    }

    private static void RoundTripRates(object value) =>
        Same(value, v => Write(w => ExchangeRatesCsv.Write((ExchangeRateTable)v, w)), t => ExchangeRatesCsv.Read(new StringReader(t), "roundtrip.csv").Value);

    private static void RoundTripGroups(object value) =>
        Same(value, v => Write(w => CountryGroupsCsv.Write((System.Collections.Immutable.ImmutableArray<CountryGroup>)v, w)), t => CountryGroupsCsv.Read(new StringReader(t), "roundtrip.csv").Value);

    private static void RoundTripTotals(object value) =>
        Same(value, v => Write(w => BilateralTotalsCsv.Write((System.Collections.Immutable.ImmutableArray<BilateralTotal>)v, w)), t => BilateralTotalsCsv.Read(new StringReader(t), "roundtrip.csv").Value);

    private static void RoundTripProjection(object value) =>
        Same(value, v => Write(w => ProjectionCsv.Write((System.Collections.Immutable.ImmutableArray<ProjectionOutputRow>)v, w)), t => ProjectionCsv.Read(new StringReader(t), "roundtrip.csv").Value);

    private static void RoundTripScenario(object value) =>
        Same(value, v => ScenarioJson.ToJson((Scenario)v), t => ScenarioJson.Parse(t, "roundtrip.json"));

    /// <summary>Writing the value, reading that back and writing again must give the same text.</summary>
    private static void Same(object value, Func<object, string> write, Func<string, object> read)
    {
        var first = write(value);
        object again;
        try
        {
            again = read(first);
        }
        catch (Exception e)
        {
            throw new FuzzOracleException("the writer's output does not read back: " + e.Message, e);
        }

        var second = write(again);
        if (!string.Equals(first, second, StringComparison.Ordinal))
        {
            throw new FuzzOracleException($"write → read → write changed the text:\n--- first\n{first}\n--- second\n{second}");
        }
    }

    private static string Write(Action<TextWriter> write)
    {
        var w = new StringWriter { NewLine = "\n" };
        write(w);
        return w.ToString();
    }
}
