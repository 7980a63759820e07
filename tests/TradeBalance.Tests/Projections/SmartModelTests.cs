using NodaTime;
using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Tests.Projections;

public class SmartModelTests
{
    private static readonly HsCode Tea = HsCode.Parse("0902");
    private static readonly LocalDate May1 = new(2026, 5, 1);

    private static Scenario KenyaZero(params HsCode[] lines) =>
        new("test", Countries.China, [Countries.Kenya], lines.Length == 0 ? [Tea] : lines, TariffChange.NewRate(TariffRate.Zero), May1);

    [Fact]
    public void Single_beneficiary_with_one_competitor()
    {
        var r = SmartKernelRunner.One([50, 150], [0.2, 0.2], [0, 0.2], -2, 2, 99);
        var tc = 2 * 50 * 0.2 / 1.2;
        var td = SmartReference.JammesOlarreagaDiversion(50, 150, 2, 0.2, 0);
        Assert.Equal(tc, r.Tc[0], 12);
        Assert.Equal(td, r.Td[0], 12);
        Assert.Equal(-td, r.Td[1], 12);
        Assert.Equal(0, r.Tc[1]);
    }

    [Fact]
    public void Single_beneficiary_with_many_competitors_losers_lose_pro_rata()
    {
        double[] m = [10, 20, 30, 40, 50];
        var r = SmartKernelRunner.One(m, [0.3, 0.3, 0.3, 0.3, 0.3], [0, 0.3, 0.3, 0.3, 0.3], -1, 1.5, 99);
        var rest = 140.0;
        Assert.Equal(SmartReference.JammesOlarreagaDiversion(10, rest, 1.5, 0.3, 0), r.Td[0], 12);
        for (var i = 1; i < m.Length; i++)
        {
            Assert.Equal(-r.Td[0] * m[i] / rest, r.Td[i], 12);
        }
    }

    [Fact]
    public void Competitor_already_at_zero_loses_share_to_the_beneficiary()
    {
        // B already pays 0 %; A's cut from 10 % to 0 % still pulls trade from B and C.
        var r = SmartKernelRunner.One([100, 200, 300], [0.1, 0, 0.1], [0, 0, 0.1], -1.5, 1.5, 99);
        Assert.True(r.Td[0] > 0);
        Assert.True(r.Td[1] < 0);
        Assert.True(r.Td[2] < 0);
        Assert.Equal(0, r.Tc[1]);
        Assert.Equal(0, r.Td.Sum(), 10);
    }

    [Fact]
    public void Beneficiary_with_no_baseline_trade_stays_at_zero_and_the_result_says_so()
    {
        var flows = new TradeDataSet(
        [
            TradeFlow.Usd(Countries.SriLanka, Countries.China, Tea, 2024, 100m),
            TradeFlow.Usd(Countries.Kenya, Countries.China, Tea, 2024, 0m),
        ]);
        var result = ProjectionModel.Smart.Project(new ProjectionInputs(KenyaZero(), flows, KenyaTea.Tariffs()));
        var kenya = result.Rows.Single(r => r.Exporter == Countries.Kenya);
        Assert.Equal(0m, kenya.Projected.Amount);
        Assert.Contains(result.Notes, n => n.Contains("KEN has no baseline exports", StringComparison.Ordinal));
    }

    [Fact]
    public void Tariff_increase_reduces_the_targets_imports_and_diverts_to_others()
    {
        var r = SmartKernelRunner.One([100, 200], [0, 0], [0.1, 0], -1.5, 1.5, 99);
        Assert.True(r.Tc[0] < 0);
        Assert.True(r.Td[0] < 0);
        Assert.True(r.Td[1] > 0);
        Assert.True(r.M1[0] < 100);
    }

    [Fact]
    public void A_huge_increase_floors_projected_imports_at_zero()
    {
        var r = SmartKernelRunner.One([100, 200], [0, 0], [10, 0], -3, 1.5, 99);
        Assert.Equal(0, r.M1[0]);
        Assert.All(r.M1, v => Assert.True(double.IsFinite(v) && v >= 0));
    }

    [Fact]
    public void Several_beneficiaries_all_gain_against_the_rest()
    {
        var r = SmartKernelRunner.One([100, 100, 100], [0.2, 0.2, 0.2], [0, 0.1, 0.2], -1.5, 2, 99);
        // ρ = (1/6, 1/12, 0), w = 100·(1 + 2ρ) = (133.3, 116.7, 100): the half-cut supplier exactly holds its own.
        Assert.Equal((300 * 400.0 / 3 / 350) - 100, r.Td[0], 10);
        Assert.Equal(0, r.Td[1], 10);
        Assert.Equal((300 * 100.0 / 350) - 100, r.Td[2], 10);
        Assert.Equal(0, r.Td.Sum(), 10);
    }

    [Fact]
    public void Result_balance_adds_the_projected_change_to_the_baseline_totals()
    {
        var flows = new TradeDataSet(
        [
            .. KenyaTea.Flows().Flows,
            // The embedded default 2024 basis: KNBS Jan-Sep 2024 annualised, in USD at 134.82.
            TradeFlow.Usd(Countries.Kenya, Countries.China, HsCode.Total, 2024, 190_872_000m),
            TradeFlow.Usd(Countries.China, Countries.Kenya, HsCode.Total, 2024, 4_223_310_000m),
        ]);
        var result = ProjectionModel.Smart.Project(new ProjectionInputs(KenyaTea.Scenario(), flows, KenyaTea.Tariffs()));
        var balance = result.Balance(Countries.Kenya, Countries.China);
        var change = result.Rows.Single(r => r.Exporter == Countries.Kenya).Change;
        Assert.Equal(190_872_000m, balance.Before.Exports.Amount);
        Assert.Equal(190_872_000m + change.Amount, balance.After.Exports.Amount);
        Assert.Equal(balance.Before.Imports, balance.After.Imports);
        Assert.Equal(change, balance.Change);

        var rates = new ExchangeRateTable([new ExchangeRate(Currency.Usd, Currency.Kes, 134.82m, new LocalDate(2024, 1, 1), ExchangeRateBasis.AnnualAverage)]);
        var kes = result.Balance(Countries.Kenya, Countries.China, rates, Currency.Kes);
        Assert.Equal(Currency.Kes, kes.After.Balance.Currency);
        Assert.Equal(balance.After.Balance.Amount * 134.82m, kes.After.Balance.Amount);
    }

    [Fact]
    public void Destination_shares_before_and_after_sum_to_one()
    {
        var flows = new TradeDataSet(
        [
            .. KenyaTea.Flows().Flows,
            TradeFlow.Usd(Countries.Kenya, Country.FromIso3("PAK"), Tea, 2024, 500_000_000m),
        ]);
        var result = ProjectionModel.Smart.Project(new ProjectionInputs(KenyaTea.Scenario(), flows, KenyaTea.Tariffs()));
        var shares = result.DestinationShares(Countries.Kenya, Tea);
        Assert.Equal(2, shares.Length);
        Assert.Equal(1.0, shares.Sum(s => s.ShareBefore), 12);
        Assert.Equal(1.0, shares.Sum(s => s.ShareAfter), 12);
        var china = shares.Single(s => s.Destination == Countries.China);
        Assert.True(china.ShareAfter > china.ShareBefore);
    }

    [Fact]
    public void ToString_prints_a_table_with_every_supplier()
    {
        var text = KenyaTea.Project().ToString();
        foreach (var code in new[] { "LKA", "VNM", "IND", "KEN", "ROW" })
        {
            Assert.Contains(code, text, StringComparison.Ordinal);
        }

        Assert.Contains("15% → 0%", text, StringComparison.Ordinal);
        Assert.Contains("21,299,000", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Result_enumerates_rows_and_finds_markets()
    {
        var result = KenyaTea.Project();
        Assert.Equal(5, result.Count);
        Assert.Equal(result.Rows, result.ToList());
        Assert.Same(result.Rows[0], result[0]);
        Assert.Equal(Tea, result.Market(Tea).Market.Hs);
        Assert.Throws<KeyNotFoundException>(() => result.Market(HsCode.Parse("0901")));
    }

    [Fact]
    public void Cut_in_points_and_linear_cut()
    {
        Assert.Equal(10m, TariffChange.CutPoints(5).Apply(TariffRate.FromPercent(15)).Percent);
        Assert.Equal(0m, TariffChange.CutPoints(50).Apply(TariffRate.FromPercent(15)).Percent);
        Assert.Equal(3m, TariffChange.CutPercent(80).Apply(TariffRate.FromPercent(15)).Percent);
        Assert.Throws<ArgumentOutOfRangeException>(() => TariffChange.CutPercent(101));
        var linear = KenyaTea.Project(TariffChange.CutPercent(100));
        var zero = KenyaTea.Project();
        Assert.Equal(zero.Rows.Select(r => r.Projected), linear.Rows.Select(r => r.Projected));
    }

    [Theory]
    [InlineData(0.0, 1.5, 99)]
    [InlineData(1.0, 1.5, 99)]
    [InlineData(double.NaN, 1.5, 99)]
    [InlineData(-1.5, 0.0, 99)]
    [InlineData(-1.5, -1.0, 99)]
    [InlineData(-1.5, double.PositiveInfinity, 99)]
    [InlineData(-1.5, 1.5, 0.0)]
    [InlineData(-1.5, 1.5, double.NaN)]
    public void Invalid_elasticities_throw_naming_the_value(double eta, double sigma, double eps)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ElasticityValues(eta, sigma, eps));
        Assert.Contains("got", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Kernel_rejects_negative_and_NaN_flows_and_bad_elasticities()
    {
        Assert.Throws<ArgumentException>(() => SmartKernelRunner.One([-1, 2], [0, 0], [0, 0], -1, 1, 99));
        Assert.Throws<ArgumentException>(() => SmartKernelRunner.One([double.NaN, 2], [0, 0], [0, 0], -1, 1, 99));
        Assert.Throws<ArgumentException>(() => SmartKernelRunner.One([1, 2], [double.NaN, 0], [0, 0], -1, 1, 99));
        Assert.Throws<ArgumentException>(() => SmartKernelRunner.One([1, 2], [0, 0], [-0.1, 0], -1, 1, 99));
        Assert.Throws<ArgumentException>(() => SmartKernelRunner.One([1, 2], [0, 0], [0, 0], 1, 1, 99));
        Assert.Throws<ArgumentException>(() => SmartKernelRunner.One([1, 2], [0, 0], [0, 0], -1, 0, 99));
    }

    [Fact]
    public void Kernel_rejects_mis_shaped_spans()
    {
        Assert.Throws<ArgumentException>(() =>
        {
            double[] o = new double[2], k = new double[1];
            SmartKernel.Project(new SmartInput([0, 3], [1, 2], [0, 0], [0, 0], [-1], [1], [99]), new SmartOutput(o, o, o, o, k, k, k, k, k));
        });
    }

    [Fact]
    public void Unknown_country_and_mismatched_inputs_throw_clearly()
    {
        Assert.Throws<ArgumentException>(() => Country.FromIso3("XYZ"));
        var otherSchedule = new TariffSchedule(Countries.India, [new TariffLine(TariffRegime.Mfn, Tea, TariffRate.Zero)]);
        var e = Assert.Throws<ArgumentException>(() => ProjectionModel.Smart.Project(new ProjectionInputs(KenyaTea.Scenario(), KenyaTea.Flows(), otherSchedule)));
        Assert.Contains("IND", e.Message, StringComparison.Ordinal);
        var noLine = new TariffSchedule(Countries.China, [new TariffLine(TariffRegime.Mfn, HsCode.Parse("0901"), TariffRate.Zero)]);
        var k = Assert.Throws<KeyNotFoundException>(() => ProjectionModel.Smart.Project(new ProjectionInputs(KenyaTea.Scenario(), KenyaTea.Flows(), noLine)));
        Assert.Contains("0902", k.Message, StringComparison.Ordinal);
        var wrongYear = new Scenario("x", Countries.China, [Countries.Kenya], [Tea], TariffChange.NewRate(TariffRate.Zero), May1) { ReferenceYear = 2019 };
        Assert.Contains("2019", Assert.Throws<ArgumentException>(() => ProjectionModel.Smart.Project(new ProjectionInputs(wrongYear, KenyaTea.Flows(), KenyaTea.Tariffs()))).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ProjectionModel.Smart.Project(new ProjectionInputs(KenyaZero(HsCode.Parse("0901")), KenyaTea.Flows(), KenyaTea.Tariffs())));
    }

    [Fact]
    public void Overlapping_hs_levels_are_refused_rather_than_double_counted()
    {
        var flows = new TradeDataSet(
        [
            TradeFlow.Usd(Countries.Kenya, Countries.China, Tea, 2024, 10m),
            TradeFlow.Usd(Countries.Kenya, Countries.China, HsCode.Parse("090240"), 2024, 8m),
        ]);
        var e = Assert.Throws<ArgumentException>(() => ProjectionModel.Smart.Project(new ProjectionInputs(KenyaZero(), flows, KenyaTea.Tariffs())));
        Assert.Contains("twice", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scenario_rules_before_is_day_before_and_others_get_the_schedule_on_the_day()
    {
        var schedule = new TariffSchedule(Countries.China,
        [
            new TariffLine(TariffRegime.Mfn, Tea, TariffRate.FromPercent(15)),
            new TariffLine(TariffRegime.For(Countries.Ethiopia), Tea, TariffRate.Zero, new DateInterval(May1, new LocalDate(2028, 4, 30))),
        ]);
        var s = KenyaZero();
        Assert.Equal((TariffRate.FromPercent(15), TariffRate.Zero), s.Tariffs(schedule, Countries.Kenya, Tea));
        Assert.Equal((TariffRate.FromPercent(15), TariffRate.Zero), s.Tariffs(schedule, Countries.Ethiopia, Tea));
        Assert.Equal((TariffRate.FromPercent(15), TariffRate.FromPercent(15)), s.Tariffs(schedule, Countries.SriLanka, Tea));
        Assert.Throws<ArgumentException>(() => new Scenario("x", Countries.China, [Countries.China], [Tea], TariffChange.NewRate(TariffRate.Zero), May1));
        Assert.Throws<ArgumentException>(() => new Scenario("x", Countries.China, [], [Tea], TariffChange.NewRate(TariffRate.Zero), May1));
        Assert.Throws<ArgumentException>(() => new Scenario("x", Countries.China, [Countries.Kenya], [], TariffChange.NewRate(TariffRate.Zero), May1));
    }

    [Fact]
    public void Elasticity_overrides_most_specific_wins_per_parameter()
    {
        var e = new Elasticities(
            new ElasticityValues(-1.5, 1.5, 99),
            new Dictionary<HsCode, ElasticityOverride>
            {
                [HsCode.Parse("09")] = new(ImportDemand: -0.8, Substitution: 2.0),
                [HsCode.Parse("0902")] = new(Substitution: 1.83),
            });
        var tea = e.For(HsCode.Parse("090240"));
        Assert.Equal(-0.8, tea.ImportDemand);
        Assert.Equal(1.83, tea.Substitution);
        Assert.True(tea.IsSupplyInfinite);
        Assert.Equal(2.0, e.For(HsCode.Parse("0901")).Substitution);
        Assert.Equal(1.5, e.For(HsCode.Parse("0804")).Substitution);
        var bad = Assert.Throws<ArgumentOutOfRangeException>(() => e.With(HsCode.Parse("0901"), new ElasticityOverride(ImportDemand: 0.5)));
        Assert.Contains("0901", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scenario_init_properties_are_validated()
    {
        var s = KenyaZero();
        Assert.Throws<ArgumentOutOfRangeException>(() => new Scenario("x", Countries.China, [Countries.Kenya], [Tea], TariffChange.NewRate(TariffRate.Zero), May1) { Stages = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new Scenario("x", Countries.China, [Countries.Kenya], [Tea], TariffChange.NewRate(TariffRate.Zero), May1) { ReferenceYear = 1800 });
        Assert.Throws<ArgumentNullException>(() => new Scenario("x", Countries.China, [Countries.Kenya], [Tea], TariffChange.NewRate(TariffRate.Zero), May1) { Elasticities = null! });
        Assert.Equal(1, s.Stages);
        Assert.Null(s.ReferenceYear);
    }
}
