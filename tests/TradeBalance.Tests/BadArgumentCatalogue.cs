using NodaTime;
using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Tests;

/// <summary>
/// The bad-input catalogue for the core library's API: one row per rule, each asserting the exact
/// exception type and a message fragment that names the offending value (docs/reliability.md).
/// The file and scenario rows are in TradeBalance.Data.Tests.BadInputTests, the command-line rows
/// in TradeBalance.Cli.Tests.BadOptionTests.
/// </summary>
public class BadArgumentCatalogue
{
    private static readonly LocalDate Day = new(2026, 5, 1);
    private static readonly HsCode Tea = HsCode.Parse("0902");
    private static readonly Currency Kes = Currency.Kes;
    private static readonly Currency Usd = Currency.Usd;
    private static readonly Country Kenya = Countries.Kenya;
    private static readonly Country China = Countries.China;

    private static readonly Dictionary<string, (Func<object?> Act, Type Exception, string Fragment)> Cases = new()
    {
        // Money
        ["Money.Parse: European decimal comma"] = (() => Money.Parse("KES 1,5"), typeof(FormatException), "'KES 1,5' is not an amount of money"),
        ["Money.Parse: unknown currency"] = (() => Money.Parse("ABC 10"), typeof(FormatException), "'ABC 10'"),
        ["Money.Parse: no space"] = (() => Money.Parse("USD10"), typeof(FormatException), "'USD10'"),
        ["Money +: two currencies"] = (() => new Money(1m, Kes) + new Money(1m, Usd), typeof(CurrencyMismatchException), "KES"),
        ["Money compare: two currencies"] = (() => new Money(1m, Kes) < new Money(2m, Usd), typeof(CurrencyMismatchException), "USD"),
        ["Money.Sum: a stray currency"] = (() => Money.Sum([new Money(1m, Kes), new Money(1m, Usd)], Kes), typeof(CurrencyMismatchException), "USD"),
        ["Money: default has no currency"] = (() => default(Money).Currency, typeof(InvalidOperationException), "default(Money)"),
        ["Money: null currency"] = (() => new Money(1m, null!), typeof(ArgumentNullException), "currency"),

        // HsCode
        ["HsCode.Parse: dropped leading zero"] = (() => HsCode.Parse("902"), typeof(FormatException), "'902'"),
        ["HsCode.Parse: 11 digits"] = (() => HsCode.Parse("09024000001"), typeof(FormatException), "'09024000001'"),
        ["HsCode.Parse: dot inside a pair"] = (() => HsCode.Parse("09.0.2"), typeof(FormatException), "'09.0.2'"),
        ["HsCode.Parse: letters"] = (() => HsCode.Parse("09O2"), typeof(FormatException), "'09O2'"),
        ["HsCode.Parse: null"] = (() => HsCode.Parse(null!), typeof(ArgumentNullException), "text"),

        // Country and Currency
        ["Country.FromIso3: unknown"] = (() => Country.FromIso3("XYZ"), typeof(ArgumentException), "'XYZ'"),
        ["Country.FromIso2: unknown"] = (() => Country.FromIso2("QQ"), typeof(ArgumentException), "'QQ'"),
        ["Country.FromM49: unknown"] = (() => Country.FromM49(1000), typeof(ArgumentException), "1000"),
        ["Country.Parse: a name"] = (() => Country.Parse("Kenya"), typeof(FormatException), "'Kenya'"),
        ["Currency.FromCode: symbol"] = (() => Currency.FromCode("US$"), typeof(ArgumentException), "'US$'"),
        ["Currency.FromNumeric: unknown"] = (() => Currency.FromNumeric(1), typeof(ArgumentException), "code 1"),
        ["Currency.Parse: unknown"] = (() => Currency.Parse("KSH"), typeof(FormatException), "'KSH'"),
        ["Currency.ForCountry: an aggregate"] = (() => Currency.ForCountry(Countries.RestOfWorld, Day), typeof(ArgumentException), "ROW is an aggregate"),
        ["Currency.ForCountry: no currency on the date"] = (() => Currency.ForCountry(Kenya, new LocalDate(1900, 1, 1)), typeof(ArgumentException), "KEN (Kenya) on 1900-01-01"),

        // TariffRate, TariffChange, TariffRegime, TariffSchedule
        ["TariffRate: negative"] = (() => new TariffRate(-1m), typeof(ArgumentOutOfRangeException), "-1%"),
        ["TariffRate.Parse: words"] = (() => TariffRate.Parse("15 percent"), typeof(FormatException), "'15 percent'"),
        ["TariffRate.Parse: negative"] = (() => TariffRate.Parse("-3%"), typeof(FormatException), "'-3%'"),
        ["TariffChange.CutPercent: over 100"] = (() => TariffChange.CutPercent(101m), typeof(ArgumentOutOfRangeException), "got 101"),
        ["TariffChange.CutPercent: negative"] = (() => TariffChange.CutPercent(-5m), typeof(ArgumentOutOfRangeException), "got -5"),
        ["TariffRegime.Preferential: named MFN"] = (() => TariffRegime.Preferential("mfn", [Kenya]), typeof(ArgumentException), "'MFN'"),
        ["TariffRegime.Preferential: no members"] = (() => TariffRegime.Preferential("LDC", []), typeof(ArgumentException), "'LDC'"),
        ["TariffSchedule: the importer as a partner"] = (() => new TariffSchedule(China, [new TariffLine(TariffRegime.For(China), Tea, TariffRate.Zero)]), typeof(ArgumentException), "importer CHN as its own partner"),
        ["TariffSchedule: overlapping lines"] = (() => new TariffSchedule(China, [new TariffLine(TariffRegime.Mfn, Tea, new TariffRate(15m)), new TariffLine(TariffRegime.Mfn, Tea, new TariffRate(10m), new DateInterval(Day, Day))]), typeof(ArgumentException), "overlap in time for CHN"),
        ["TariffSchedule.RateFor: no line"] = (() => new TariffSchedule(China, [new TariffLine(TariffRegime.Mfn, Tea, new TariffRate(15m))]).RateFor(Kenya, HsCode.Parse("0901"), Day), typeof(KeyNotFoundException), "HS 0901 from KEN on 2026-05-01"),

        // ExchangeRate and ExchangeRateTable
        ["ExchangeRate: one currency"] = (() => new ExchangeRate(Usd, Usd, 1m, Day), typeof(ArgumentException), "both are USD"),
        ["ExchangeRate: zero"] = (() => new ExchangeRate(Usd, Kes, 0m, Day), typeof(ArgumentException), "got 0"),
        ["ExchangeRate: negative"] = (() => new ExchangeRate(Usd, Kes, -129.5m, Day), typeof(ArgumentException), "got -129.5"),
        ["ExchangeRate: undefined basis"] = (() => new ExchangeRate(Usd, Kes, 129m, Day, (ExchangeRateBasis)99), typeof(ArgumentException), "basis 99"),
        ["ExchangeRate.Convert: other currency"] = (() => new ExchangeRate(Usd, Kes, 129m, Day).Convert(new Money(1m, Kes)), typeof(CurrencyMismatchException), "KES"),
        ["ExchangeRateTable: duplicate"] = (() => new ExchangeRateTable([new ExchangeRate(Usd, Kes, 129m, Day), new ExchangeRate(Usd, Kes, 130m, Day)]), typeof(ArgumentException), "Duplicate exchange rate"),
        ["ExchangeRateTable.Find: no rate"] = (() => new ExchangeRateTable([new ExchangeRate(Usd, Kes, 129m, Day)]).Find(Usd, Currency.Eur, Day, ExchangeRateRule.Exact), typeof(KeyNotFoundException), "USD/EUR"),

        // TradeFlow and TradeDataSet
        ["TradeFlow: one country"] = (() => TradeFlow.Usd(Kenya, Kenya, Tea, 2024, 1m), typeof(ArgumentException), "both are KEN"),
        ["TradeFlow: year before 1900"] = (() => TradeFlow.Usd(Kenya, China, Tea, 1899, 1m), typeof(ArgumentOutOfRangeException), "1899"),
        ["TradeFlow: negative value"] = (() => TradeFlow.Usd(Kenya, China, Tea, 2024, -1m), typeof(ArgumentException), "USD -1.00"),
        ["TradeFlow: default(Money)"] = (() => new TradeFlow(Kenya, China, Tea, 2024, default), typeof(ArgumentException), "default(Money)"),
        ["TradeFlow: negative quantity"] = (() => new TradeFlow(Kenya, China, Tea, 2024, new Money(1m, Usd), -2m), typeof(ArgumentException), "-2 kg"),
        ["TradeDataSet: duplicate flow"] = (() => new TradeDataSet([TradeFlow.Usd(Kenya, China, Tea, 2024, 1m), TradeFlow.Usd(Kenya, China, Tea, 2024, 2m)]), typeof(ArgumentException), "KEN→CHN 0902 2024"),
        ["TradeDataSet: another currency"] = (() => new TradeDataSet([new TradeFlow(Kenya, China, Tea, 2024, new Money(1m, Kes))]), typeof(CurrencyMismatchException), "KES"),
        ["TradeDataSet.BilateralBalance: one country"] = (() => new TradeDataSet([]).BilateralBalance(Kenya, Kenya, 2024), typeof(ArgumentException), "both are KEN"),

        // Elasticities
        ["ElasticityValues: positive import demand"] = (() => new ElasticityValues(1.5, 1.5, 99), typeof(ArgumentOutOfRangeException), "got 1.5"),
        ["ElasticityValues: zero import demand"] = (() => new ElasticityValues(0, 1.5, 99), typeof(ArgumentOutOfRangeException), "got 0"),
        ["ElasticityValues: infinite import demand"] = (() => new ElasticityValues(double.NegativeInfinity, 1.5, 99), typeof(ArgumentOutOfRangeException), "got -Infinity"),
        ["ElasticityValues: zero substitution"] = (() => new ElasticityValues(-1.5, 0, 99), typeof(ArgumentOutOfRangeException), "substitution elasticity must be finite and positive; got 0"),
        ["ElasticityValues: NaN substitution"] = (() => new ElasticityValues(-1.5, double.NaN, 99), typeof(ArgumentOutOfRangeException), "got NaN"),
        ["ElasticityValues: negative export supply"] = (() => new ElasticityValues(-1.5, 1.5, -1), typeof(ArgumentOutOfRangeException), "got -1"),
        ["Elasticities: bad override"] = (() => new Elasticities(new ElasticityValues(-1.5, 1.5, 99), new Dictionary<HsCode, ElasticityOverride> { [Tea] = new(ImportDemand: 2) }), typeof(ArgumentOutOfRangeException), "HS 0902"),

        // Scenario
        ["Scenario: no beneficiary"] = (() => new Scenario("s", China, [], [Tea], TariffChange.NewRate(TariffRate.Zero), Day), typeof(ArgumentException), "at least one beneficiary"),
        ["Scenario: importer as beneficiary"] = (() => new Scenario("s", China, [China], [Tea], TariffChange.NewRate(TariffRate.Zero), Day), typeof(ArgumentException), "importer CHN cannot be its own beneficiary"),
        ["Scenario: TOTAL line"] = (() => new Scenario("s", China, [Kenya], [HsCode.Total], TariffChange.NewRate(TariffRate.Zero), Day), typeof(ArgumentException), "not TOTAL"),
        ["Scenario.Tariffs: another importer's schedule"] = (() => Scenario().Tariffs(new TariffSchedule(Kenya, []), Countries.SriLanka, Tea), typeof(ArgumentException), "tariff schedule is KEN's"),

        // Monte Carlo and solver settings
        ["MonteCarloSettings: no draws"] = (() => new MonteCarloSettings(0), typeof(ArgumentOutOfRangeException), "from 1 to 1,000,000; 0 is not"),
        ["MonteCarloSettings: too many draws"] = (() => new MonteCarloSettings(1_000_001), typeof(ArgumentOutOfRangeException), "1,000,001 is not"),
        ["MonteCarloSettings: spread 1"] = (() => new MonteCarloSettings(10, 1, 1.0), typeof(ArgumentOutOfRangeException), "Actual value was 1."),
        ["MonteCarloSettings: NaN spread"] = (() => new MonteCarloSettings(10, 1, double.NaN), typeof(ArgumentOutOfRangeException), "Actual value was NaN."),
        ["MonteCarlo: parallelism 0"] = (() => ProjectionModel.Smart.MonteCarlo(new ProjectionInputs(Scenario(), Data(), Schedule()), maxDegreeOfParallelism: 0), typeof(ArgumentOutOfRangeException), "Actual value was 0."),
        ["ArmingtonOptions: tolerance 0"] = (() => new ArmingtonOptions { Tolerance = 0 }, typeof(ArgumentOutOfRangeException), "got 0"),
        ["ArmingtonOptions: no iterations"] = (() => new ArmingtonOptions { MaxIterations = 0 }, typeof(ArgumentOutOfRangeException), "got 0"),

        // Models
        ["ProjectionInputs: another importer's schedule"] = (() => ProjectionModel.Smart.Project(new ProjectionInputs(Scenario(), Data(), new TariffSchedule(Kenya, []))), typeof(ArgumentException), "The schedule is KEN's"),
        ["SmartModel: reference year without flows"] = (() => ProjectionModel.Smart.Project(new ProjectionInputs(Scenario(2019), Data(), Schedule())), typeof(ArgumentException), "reference year 2019 has no flows"),
        ["SmartModel: no rate for a supplier"] = (() => ProjectionModel.Smart.Project(new ProjectionInputs(Scenario(), Data(), new TariffSchedule(China, [new TariffLine(TariffRegime.For(Kenya), Tea, TariffRate.Zero)]))), typeof(KeyNotFoundException), "from LKA"),
        ["ArmingtonModel: no flows on the lines"] = (() => ProjectionModel.Armington.Project(new ProjectionInputs(Scenario(), new TradeDataSet([TradeFlow.Usd(Kenya, China, HsCode.Parse("0901"), 2024, 1m)]), Schedule())), typeof(ArgumentException), "no CHN imports in 2024 on the scenario's lines (0902)"),
        ["GsimModel.Solve: not square"] = (() => GsimModel.Solve(new double[2, 3], new double[2, 3], new double[2, 3], [-1, -1], [1, 1], [1, 1]), typeof(ArgumentException), "got 2×3"),
        ["ProjectionModel.Gsim.Solve: importer without a schedule"] = (() => ProjectionModel.Gsim.Solve(new ProjectionInputs(Scenario(), Data(), [])), typeof(ArgumentException), "missing: CHN"),

        // HS revisions and concordances
        ["HsRevision.Parse: no such revision"] = (() => HsRevision.Parse("HS2021"), typeof(FormatException), "'HS2021' is not a Harmonized System revision"),
        ["HsLink: a heading"] = (() => new HsLink(Tea, HsCode.Parse("090240")), typeof(ArgumentException), "'0902' has 4 digits"),
        ["HsLink.ParseRelationship: unknown"] = (() => HsLink.ParseRelationship("1-1"), typeof(FormatException), "'1-1'"),
        ["HsConcordance: one revision"] = (() => new HsConcordance(HsRevision.Hs2017, HsRevision.Hs2017, [Link()]), typeof(ArgumentException), "both are HS2017"),
        ["HsConcordance: a link twice"] = (() => new HsConcordance(HsRevision.Hs2017, HsRevision.Hs2022, [Link(), Link()]), typeof(ArgumentException), "links 090240 to 090240 twice"),
        ["HsConcordance.Convert: a code it does not list"] = (() => Concordance().Convert(new TradeDataSet([TradeFlow.Usd(Kenya, China, HsCode.Parse("090230"), 2024, 1m)])), typeof(ArgumentException), "HS 090230 is not listed"),
        ["HsConcordance.Convert: flows of another revision"] = (() => Concordance().Convert(Data().WithRevision(HsRevision.Hs2022)), typeof(ArgumentException), "The flows are in HS2022"),
        ["HsConcordance.Convert: a national tariff line of a split code"] = (() => new HsConcordance(HsRevision.Hs2017, HsRevision.Hs2022, [Link(), new HsLink(HsCode.Parse("090240"), HsCode.Parse("090250"))]).Convert(new TariffSchedule(China, [new TariffLine(TariffRegime.Mfn, HsCode.Parse("09024010"), TariffRate.Zero)])), typeof(ArgumentException), "national line MFN 09024010"),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Bad_argument_throws_the_documented_exception_naming_the_value(string name)
    {
        var (act, type, fragment) = Cases[name];
        var e = Assert.Throws(type, () => act());
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_catalogue_has_at_least_60_API_rows()
    {
        Assert.True(Cases.Count >= 60, $"{Cases.Count} rows");
    }

    private static Scenario Scenario(int year = 2024) =>
        new("s", China, [Kenya], [Tea], TariffChange.NewRate(TariffRate.Zero), Day) { ReferenceYear = year };

    private static TradeDataSet Data() =>
        new([TradeFlow.Usd(Kenya, China, Tea, 2024, 20_000_000m), TradeFlow.Usd(Countries.SriLanka, China, Tea, 2024, 68_000_000m)]);

    private static HsLink Link() => new(HsCode.Parse("090240"), HsCode.Parse("090240"));

    private static HsConcordance Concordance() => new(HsRevision.Hs2017, HsRevision.Hs2022, [Link()]);

    private static TariffSchedule Schedule() => new(China, [new TariffLine(TariffRegime.Mfn, Tea, new TariffRate(15m))]);
}
