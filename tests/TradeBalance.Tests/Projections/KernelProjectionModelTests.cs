using TradeBalance.Data;
using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Tests.Projections;

/// <summary>
/// The hooks the kernel models (SMART, Armington) share: a Monte Carlo run takes the caller's tariff rates (as a
/// backtest gives the rates that applied) instead of the schedule's, and a failed draw names the model and market.
/// A mutation run showed both could be broken with no test failing.
/// </summary>
public sealed class KernelProjectionModelTests
{
    public static TheoryData<ProjectionModelKind> Models => [ProjectionModelKind.Smart, ProjectionModelKind.Armington];

    /// <summary>Rates that change nothing give bands equal to the baseline; without them the scenario's cut raises Kenya's exports.</summary>
    [Theory]
    [MemberData(nameof(Models))]
    public void A_monte_carlo_run_uses_the_rates_it_is_given(ProjectionModelKind kind)
    {
        var model = (KernelProjectionModel)ProjectionModel.For(kind);
        var inputs = new ProjectionInputs(KenyaChina.Scenario, KenyaChina.Flows, KenyaChina.Tariffs);
        var settings = new MonteCarloSettings(40, 7, 0.5);
        var ct = TestContext.Current.CancellationToken;
        var unchanged = model.RunMonteCarlo(inputs, settings, (f, s) => (TariffRate.FromPercent(15m), TariffRate.FromPercent(15m)), 1, null, ct);
        var scheduled = model.RunMonteCarlo(inputs, settings, rates: null, 1, null, ct);

        foreach (var row in unchanged.Rows.Where(r => r.Exporter.Equals(Countries.Kenya)))
        {
            Assert.Equal((double)row.Baseline.Amount, (double)row.Projected.P50.Amount, 2);
            Assert.Equal((double)row.Baseline.Amount, (double)row.Projected.P95.Amount, 2);
        }

        Assert.All(scheduled.Rows.Where(r => r.Exporter.Equals(Countries.Kenya)), r => Assert.True(r.Projected.P5.Amount > r.Baseline.Amount, $"{r.Hs}: {r.Projected.P5} ≤ {r.Baseline}"));
    }

    [Fact]
    public void A_failed_draw_names_the_model_and_the_market()
    {
        var market = new MarketKey(Countries.China, HsCode.Parse("0902"), 2024);
        var e = ((KernelProjectionModel)ProjectionModel.Smart).DrawFailed(market, KenyaChina.Scenario.Elasticities.For(Countries.China, market.Hs), 3, 0.5);
        Assert.Equal($"SMART failed for market {market}.", e.Message);
    }
}
