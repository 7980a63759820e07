using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Tests.Projections;

public class ArmingtonModelTests(ITestOutputHelper output)
{
    private static readonly TradeDataSet Tea = ProjectionFixtures.Market(ProjectionFixtures.Tea, 20_000_000m, 68_000_000m, 22_000_000m, 23_000_000m);
    private static readonly TariffSchedule Schedule = ProjectionFixtures.Schedule(15m);

    [Fact]
    public void Finite_supply_converges_with_residual_within_tolerance()
    {
        var scenario = ProjectionFixtures.Scenario(TariffChange.NewRate(TariffRate.Zero), new ElasticityValues(-1.5, 1.83, 2));
        var result = ProjectionModel.Armington.Project(new ProjectionInputs(scenario, Tea, Schedule));
        var market = Assert.Single(result.Markets);
        Assert.Equal(ProjectionModel.Armington, result.Model);
        Assert.InRange(market.Iterations!.Value, 1, 50);
        Assert.InRange(market.Residual!.Value, 0d, ArmingtonOptions.Default.Tolerance);
        Assert.NotEqual(0m, Row(market, Countries.Kenya).PriceEffect.Amount);

        // An upward-sloping supply curve damps the beneficiary's gain.
        var infinite = ProjectionModel.Armington.Project(new ProjectionInputs(ProjectionFixtures.Scenario(TariffChange.NewRate(TariffRate.Zero), new ElasticityValues(-1.5, 1.83, 99)), Tea, Schedule));
        Assert.True(Row(market, Countries.Kenya).Change < Row(infinite.Markets[0], Countries.Kenya).Change);
    }

    [Fact]
    public void Infinite_supply_needs_no_iterations_and_has_no_price_effect()
    {
        var scenario = ProjectionFixtures.Scenario(TariffChange.NewRate(TariffRate.Zero), new ElasticityValues(-1.5, 1.83, 99));
        var market = Assert.Single(ProjectionModel.Armington.Project(new ProjectionInputs(scenario, Tea, Schedule)).Markets);
        Assert.Equal(0, market.Iterations);
        Assert.Equal(0d, market.Residual);
        Assert.All(market.Rows, r => Assert.Equal(0m, r.PriceEffect.Amount));
    }

    [Theory]
    [InlineData(99d)]
    [InlineData(2d)]
    [InlineData(0.3d)]
    public void Decomposition_adds_up_and_diversion_sums_to_zero(double eps)
    {
        var scenario = ProjectionFixtures.Scenario(TariffChange.NewRate(TariffRate.Zero), new ElasticityValues(-1.2, 3.0, eps));
        var market = Assert.Single(ProjectionModel.Armington.Project(new ProjectionInputs(scenario, Tea, Schedule)).Markets);
        foreach (var r in market.Rows)
        {
            var parts = ProjectionFixtures.D(r.TradeCreation!.Value) + ProjectionFixtures.D(r.TradeDiversion!.Value) + ProjectionFixtures.D(r.PriceEffect);
            Assert.Equal(ProjectionFixtures.D(r.Change), parts, 1e-6);
        }

        Assert.Equal(0d, market.Rows.Sum(r => ProjectionFixtures.D(r.TradeDiversion!.Value)), 1e-6);
        Assert.True(ProjectionFixtures.D(Row(market, Countries.Kenya).TradeDiversion!.Value) > 0d);
        Assert.All(market.Rows.Where(r => r.Exporter != Countries.Kenya), r => Assert.True(r.TradeDiversion!.Value.Amount < 0m));
    }

    [Fact]
    public void Non_convergence_throws_naming_market_iterations_and_residual()
    {
        var scenario = ProjectionFixtures.Scenario(TariffChange.NewRate(TariffRate.Zero), new ElasticityValues(-1.5, 1.83, 2));
        var e = Assert.Throws<ProjectionException>(() => ProjectionModel.ArmingtonWith(new ArmingtonOptions { MaxIterations = 1 }).Project(new ProjectionInputs(scenario, Tea, Schedule)));
        Assert.Contains("CHN 0902 2024", e.Message, StringComparison.Ordinal);
        Assert.Contains("1 iteration", e.Message, StringComparison.Ordinal);
        Assert.Contains("residual", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, e.Iterations);
        Assert.True(e.Residual > 1e-12);
        Assert.Equal(ProjectionFixtures.Tea, e.Market!.Hs);
    }

    [Fact]
    public void Options_reject_bad_values()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ArmingtonOptions { Tolerance = 0d });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ArmingtonOptions { Tolerance = double.NaN });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ArmingtonOptions { MaxIterations = 0 });
        Assert.Equal(1e-12, ArmingtonOptions.Default.Tolerance);
        Assert.Equal(200, ArmingtonOptions.Default.MaxIterations);
    }

    [Fact]
    public void Supplier_without_baseline_trade_stays_at_zero()
    {
        var data = ProjectionFixtures.Market(ProjectionFixtures.Tea, 0m, 68_000_000m, 22_000_000m);
        var scenario = ProjectionFixtures.Scenario(TariffChange.NewRate(TariffRate.Zero), new ElasticityValues(-1.5, 1.83, 2));
        var result = ProjectionModel.Armington.Project(new ProjectionInputs(scenario, data, Schedule));
        Assert.Equal(0m, Row(result.Markets[0], Countries.Kenya).Projected.Amount);
        Assert.Contains(result.Notes, n => n.Contains("KEN", StringComparison.Ordinal));
    }

    [Fact]
    public void Welfare_tends_to_smart_triangle_for_a_small_cut_to_zero()
    {
        // Uniform small cut to zero from 0.2 %: ΔCS + ΔTR → ½·t0·ΔM (SMART's welfare), to first order in t0.
        var data = ProjectionFixtures.Market(ProjectionFixtures.Tea, 50_000_000m, 50_000_000m);
        var schedule = ProjectionFixtures.Schedule(0.2m);
        var scenario = ProjectionFixtures.Scenario(TariffChange.NewRate(TariffRate.Zero), new ElasticityValues(-1.5, 1.5, 99), [Countries.Kenya, Countries.SriLanka]);
        var armington = Assert.Single(ProjectionModel.Armington.Project(new ProjectionInputs(scenario, data, schedule)).Markets);
        var smart = Assert.Single(ProjectionModel.Smart.Project(new ProjectionInputs(scenario, data, schedule)).Markets);
        var gap = Math.Abs(ProjectionFixtures.D(armington.Welfare) - ProjectionFixtures.D(smart.Welfare)) / ProjectionFixtures.D(smart.Welfare);
        Assert.InRange(gap, 0d, 0.01);
    }

    [Fact]
    public void Large_cut_gap_to_smart_is_reported()
    {
        // Kenya's tea 15 % → 0 (the mission's cut). Not a first-order change: the gap is the nonlinearity
        // plus SMART's own-price reading of trade creation; it is written to the test output.
        var scenario = ProjectionFixtures.Scenario(TariffChange.NewRate(TariffRate.Zero), new ElasticityValues(-1.5, 1.83, 99));
        var armington = ProjectionModel.Armington.Project(new ProjectionInputs(scenario, Tea, Schedule));
        var smart = ProjectionModel.Smart.Project(new ProjectionInputs(scenario, Tea, Schedule));
        for (var i = 0; i < smart.Count; i++)
        {
            var a = ProjectionFixtures.D(armington[i].Change);
            var s = ProjectionFixtures.D(smart[i].Change);
            output.WriteLine($"{smart[i].Exporter.Alpha3}: SMART change {s,14:N0}  Armington change {a,14:N0}  relative gap {Math.Abs(a - s) / Math.Abs(s):P2}");
        }

        var a0 = Row(armington.Markets[0], Countries.Kenya);
        var s0 = Row(smart.Markets[0], Countries.Kenya);
        var ken = Math.Abs(ProjectionFixtures.D(a0.Change) - ProjectionFixtures.D(s0.Change)) / ProjectionFixtures.D(s0.Change);
        var totalGap = Math.Abs(ProjectionFixtures.D(armington.Markets[0].ProjectedTotal) - ProjectionFixtures.D(smart.Markets[0].ProjectedTotal)) / ProjectionFixtures.D(smart.Markets[0].BaselineTotal);
        output.WriteLine($"beneficiary gap {ken:P2}; market total gap {totalGap:P3} of the baseline");
        Assert.InRange(ken, 0.01, 0.5);
        Assert.InRange(totalGap, 0d, 0.01);
    }

    private static ProjectionRow Row(MarketProjection market, Country exporter) => market.Rows.Single(r => r.Exporter == exporter);
}

public class ArmingtonModelEdgeCases
{
    [Theory]
    [InlineData(-1.0, 1.0, 2.0)]
    [InlineData(-1.0, 1.0, 99.0)]
    [InlineData(-0.5, 25.0, 0.2)]
    [InlineData(-4.0, 0.1, 50.0)]
    public void Limits_and_extremes_stay_finite_and_converge(double eta, double sigma, double eps)
    {
        var data = ProjectionFixtures.Market(ProjectionFixtures.Tea, 20_000_000m, 68_000_000m, 1m);
        var schedule = ProjectionFixtures.Schedule(15m, (Countries.India, 0m));
        var scenario = ProjectionFixtures.Scenario(TariffChange.NewRate(TariffRate.Zero), new ElasticityValues(eta, sigma, eps));
        var market = Assert.Single(ProjectionModel.Armington.Project(new ProjectionInputs(scenario, data, schedule)).Markets);
        Assert.InRange(market.Residual!.Value, 0d, 1e-12);
        Assert.All(market.Rows, r => Assert.True(r.Projected.Amount >= 0m));
        Assert.True(market.Rows.Single(r => r.Exporter == Countries.Kenya).Change.Amount > 0m);
    }

    [Fact]
    public void Single_supplier_with_a_tariff_increase()
    {
        var data = ProjectionFixtures.Market(ProjectionFixtures.Tea, 20_000_000m);
        var scenario = ProjectionFixtures.Scenario(TariffChange.NewRate(new TariffRate(200m)), new ElasticityValues(-1.5, 1.5, 1.0));
        var market = Assert.Single(ProjectionModel.Armington.Project(new ProjectionInputs(scenario, data, ProjectionFixtures.Schedule(15m))).Markets);
        var row = Assert.Single(market.Rows);
        Assert.True(row.Change.Amount < 0m && row.Projected.Amount > 0m);
        Assert.Equal(0m, row.TradeDiversion!.Value.Amount);
    }
}
