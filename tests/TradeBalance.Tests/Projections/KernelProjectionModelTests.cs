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

    /// <summary>
    /// Memory out of proportion to the input (hostile input, round three, class 6): a million draws over one market of
    /// 240 suppliers kept 7.7 GB of draws. A run whose draws one worker cannot keep within the budget is refused before
    /// it allocates, saying how many draws fit; a run that fits is not.
    /// </summary>
    [Theory]
    [MemberData(nameof(Models))]
    public void Draws_past_the_memory_budget_are_refused_before_anything_is_allocated(ProjectionModelKind kind)
    {
        var suppliers = Country.All.Where(c => !c.IsAggregate && !c.Equals(Countries.China)).Take(240).ToList();
        Assert.Equal(240, suppliers.Count);
        var flows = suppliers.Select((c, i) => new TradeFlow(c, Countries.China, HsCode.Parse("090240"), 2024, new Money(1_000_000m + i, Currency.Usd), null, "test"));
        var data = new TradeDataSet(flows);
        var scenario = KenyaChina.Scenario;
        var inputs = new ProjectionInputs(scenario, data, KenyaChina.Tariffs);
        var model = (KernelProjectionModel)ProjectionModel.For(kind);
        var ct = TestContext.Current.CancellationToken;

        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<ArgumentException>(() => model.RunMonteCarlo(inputs, new MonteCarloSettings(1_000_000, 1, 0.5), null, 2, null, ct));
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 64L << 20);
        // 483 figures (a value and a share per supplier, three market totals) and 240 exporters: 7,704 bytes a draw.
        Assert.StartsWith("1,000,000 draws need 7,347 MiB to keep every draw of the widest market's 483 figures and of 240 exporters' exports (the percentiles are exact); a run uses at most 2,048 MiB, which holds 278,749 draws of this data", e.Message, StringComparison.Ordinal);

        var fits = model.RunMonteCarlo(inputs, new MonteCarloSettings(2_000, 1, 0.5), null, 2, null, ct);
        Assert.Equal(240, fits.Rows.Length);
    }

    /// <summary>
    /// Bands for some exporters draw only the markets they supply and take percentiles of their figures only, and each
    /// band is bit for bit that of a run over every market (a market's random numbers are its own, whatever else is
    /// drawn); the point covers every market.
    /// Kenya's avocado flow is left out, so the avocado market is one Kenya does not supply.
    /// </summary>
    [Theory]
    [MemberData(nameof(Models))]
    public void Bands_for_some_exporters_draw_their_markets_only_with_the_bands_of_a_whole_run(ProjectionModelKind kind)
    {
        var avocados = HsCode.Parse("080440");
        var data = new TradeDataSet(KenyaChina.Flows.Flows.Where(f => !(f.Exporter.Equals(Countries.Kenya) && f.Hs.Equals(avocados))));
        var inputs = new ProjectionInputs(KenyaChina.Scenario, data, KenyaChina.Tariffs);
        var model = ProjectionModel.For(kind);
        var settings = new MonteCarloSettings(64, 11, 0.5);
        var ct = TestContext.Current.CancellationToken;

        var whole = model.MonteCarlo(inputs, settings, 2, cancellationToken: ct);
        var kenya = model.MonteCarlo(inputs, settings, 2, exporters: [Countries.Kenya], cancellationToken: ct);

        Assert.Contains(whole.Markets, m => m.Market.Hs.Equals(avocados));
        Assert.DoesNotContain(kenya.Markets, m => m.Market.Hs.Equals(avocados));
        Assert.Equal(whole.Markets.Length - 1, kenya.Markets.Length);
        Assert.Equal(whole.Point.Rows.Length, kenya.Point.Rows.Length);
        Assert.Equal(whole.Point.Rows, kenya.Point.Rows);
        Assert.Equal(whole.Rows.Where(r => r.Exporter.Equals(Countries.Kenya)), kenya.Rows);
        Assert.Equal(2, kenya.Rows.Length);

        foreach (var market in kenya.Markets)
        {
            Assert.Equal(whole.Markets.Single(m => m.Market.Equals(market.Market)), market);
        }

        var exports = Assert.Single(kenya.Exports);
        Assert.Equal(Countries.Kenya, exports.Exporter);
        Assert.Equal(whole.Exports.Single(e => e.Exporter.Equals(Countries.Kenya)).Projected, exports.Projected);
        Assert.True(exports.Projected.P5.Amount < exports.Projected.P95.Amount, "the band is not a point");
    }

    /// <summary>
    /// Bands for a group: its members' exports are summed in every draw, so the group's total gets one band (a band
    /// per member would not add up), and the summary shows it with the point inside.
    /// </summary>
    [Theory]
    [MemberData(nameof(Models))]
    public void Bands_for_a_group_sum_its_members_in_every_draw(ProjectionModelKind kind)
    {
        var aun = CountryGroups.AfricanUnion;
        var kenya = KenyaChina.Scenario;
        var scenario = new Scenario("African Union", kenya.Importer, [aun.Economy], kenya.Lines, kenya.Change, kenya.Effective) { Elasticities = kenya.Elasticities, ReferenceYear = kenya.ReferenceYear };
        var inputs = new ProjectionInputs(scenario, KenyaChina.Flows, KenyaChina.Tariffs);
        var model = ProjectionModel.For(kind);
        var settings = new MonteCarloSettings(64, 11, 0.5);
        var ct = TestContext.Current.CancellationToken;

        var bands = model.MonteCarlo(inputs, settings, 2, exporters: scenario.BeneficiariesAsGiven, cancellationToken: ct);

        var total = Assert.Single(bands.Exports);
        Assert.Equal(aun.Economy, total.Exporter);
        var members = aun.MembersOn(scenario.Effective);
        Assert.All(bands.Rows, r => Assert.Contains(r.Exporter, members));
        Assert.Equal(bands.Rows.Sum(r => r.Baseline.Amount), total.Baseline.Amount);
        Assert.True(total.Projected.P5.Amount < total.Projected.P95.Amount, "the band is not a point");

        var summary = ProjectionSummary.Of(bands.Point, bands).Beneficiaries.Single();
        Assert.Equal(total.Projected, summary.Band);
        Assert.Equal(aun.Economy, summary.Exporter);
        Assert.True(summary.Members.Length > 1);
    }
}
