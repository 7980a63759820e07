using NodaTime;
using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Tests.Projections;

/// <summary>
/// What GSIM's assembly promises beyond the kernel's solve, each held by a test because the whole-core mutation run
/// (2026-12-07) changed it with no test failing: the matrix entry's argument checks, the data checks of a projection,
/// the order of products, regions and missing importers, the rows' price effect and shares as the solution gives them,
/// the note every result carries, welfare summed over products, and the rate before a change read the day before it.
/// </summary>
public sealed class GsimContractTests
{
    private static readonly Country Usa = Countries.UnitedStates;

    /// <summary>Tea and coffee into China and the United States from Kenya, Sri Lanka and India (the US buying twice as much).</summary>
    internal static readonly TradeDataSet World = new(
        from importer in new[] { Countries.China, Usa }
        from hs in new[] { ProjectionFixtures.Tea, ProjectionFixtures.Coffee }
        from f in new (Country Exporter, decimal Value)[] { (Countries.Kenya, 20_000_000m), (Countries.SriLanka, 68_000_000m), (Countries.India, 22_000_000m) }
        select TradeFlow.Usd(f.Exporter, importer, hs, 2024, importer == Usa ? f.Value * 2 : f.Value));

    /// <summary>China: 15 % MFN on everything.</summary>
    internal static readonly TariffSchedule China = ProjectionFixtures.Schedule(15m);

    /// <summary>The United States: 6.4 % MFN on tea and coffee.</summary>
    internal static readonly TariffSchedule Us = ProjectionFixtures.Schedule(Usa, 6.4m, [ProjectionFixtures.Tea, ProjectionFixtures.Coffee]);

    private static Scenario Both() =>
        ProjectionFixtures.Scenario(TariffChange.NewRate(TariffRate.Zero), new ElasticityValues(-1.5, 1.83, 2d), null, ProjectionFixtures.Tea, ProjectionFixtures.Coffee);

    [Fact]
    public void The_matrix_entry_checks_shapes_and_nulls()
    {
        double[,] m = { { 0, 1 }, { 1, 0 } };
        double[,] p = { { 1, 1 }, { 1, 1 } };
        double[] em = [-1, -1], es = [2, 2], ex = [1, 1];
        Assert.Equal(2, GsimModel.Solve(m, p, p, em, es, ex).RegionCount);

        Assert.Equal("imports", Assert.Throws<ArgumentNullException>(() => GsimModel.Solve(null!, p, p, em, es, ex)).ParamName);
        Assert.Equal("powerBefore", Assert.Throws<ArgumentNullException>(() => GsimModel.Solve(m, null!, p, em, es, ex)).ParamName);
        Assert.Equal("powerAfter", Assert.Throws<ArgumentNullException>(() => GsimModel.Solve(m, p, null!, em, es, ex)).ParamName);
        Assert.Equal("importDemand", Assert.Throws<ArgumentNullException>(() => GsimModel.Solve(m, p, p, null!, es, ex)).ParamName);
        Assert.Equal("substitution", Assert.Throws<ArgumentNullException>(() => GsimModel.Solve(m, p, p, em, null!, ex)).ParamName);
        Assert.Equal("exportSupply", Assert.Throws<ArgumentNullException>(() => GsimModel.Solve(m, p, p, em, es, null!)).ParamName);

        Assert.StartsWith("GSIM imports must be a non-empty square matrix (regions × regions); got 0×0.", Assert.Throws<ArgumentException>(() => GsimModel.Solve(new double[0, 0], p, p, em, es, ex)).Message, StringComparison.Ordinal);
        Assert.StartsWith("GSIM imports must be a non-empty square matrix (regions × regions); got 2×3.", Assert.Throws<ArgumentException>(() => GsimModel.Solve(new double[2, 3], p, p, em, es, ex)).Message, StringComparison.Ordinal);
        Assert.StartsWith("GSIM powerBefore must be 2×2 like the imports; got 2×1.", Assert.Throws<ArgumentException>(() => GsimModel.Solve(m, new double[2, 1], p, em, es, ex)).Message, StringComparison.Ordinal);
        Assert.StartsWith("GSIM powerAfter must be 2×2 like the imports; got 1×2.", Assert.Throws<ArgumentException>(() => GsimModel.Solve(m, p, new double[1, 2], em, es, ex)).Message, StringComparison.Ordinal);
        Assert.StartsWith("GSIM substitution must have one value per region (2); got 3.", Assert.Throws<ArgumentException>(() => GsimModel.Solve(m, p, p, em, [2, 2, 2], ex)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_projection_refuses_data_it_cannot_solve_naming_why()
    {
        var scenario = Both();
        Assert.StartsWith("The trade data set has no flows.", Assert.Throws<ArgumentException>(() => ProjectionModel.Gsim.Solve(new ProjectionInputs(scenario, new TradeDataSet([]), [China, Us]))).Message, StringComparison.Ordinal);

        var other = ProjectionFixtures.Market(HsCode.Parse("0903"), 5m, 7m);
        Assert.StartsWith("The data has no imports in 2024 on the scenario's lines (0901, 0902).", Assert.Throws<ArgumentException>(() => ProjectionModel.Gsim.Solve(new ProjectionInputs(scenario, other, [China]))).Message, StringComparison.Ordinal);

        var nested = new TradeDataSet(World.Flows.Append(TradeFlow.Usd(Countries.Kenya, Countries.China, HsCode.Parse("090240"), 2024, 1m)));
        Assert.StartsWith("The data holds both HS 0902 and HS 090240, one inside the other", Assert.Throws<ArgumentException>(() => ProjectionModel.Gsim.Solve(new ProjectionInputs(scenario, nested, [China, Us]))).Message, StringComparison.Ordinal);

        var india = ProjectionFixtures.Schedule(Countries.India, 10m, [ProjectionFixtures.Tea]);
        Assert.StartsWith("GSIM needs a tariff schedule for every importer of the scenario's products in 2024; missing: CHN, USA.", Assert.Throws<ArgumentException>(() => ProjectionModel.Gsim.Solve(new ProjectionInputs(scenario, World, [india]))).Message, StringComparison.Ordinal);
    }

    /// <summary>Products and their regions come in code order, rows carry the solution's price effect and the market's
    /// shares, every result says what GSIM does not define, and welfare per country is its products' summed.</summary>
    [Fact]
    public void A_projection_is_assembled_from_the_solutions_as_documented()
    {
        var result = ProjectionModel.Gsim.Solve(new ProjectionInputs(Both(), World, [China, Us]));
        Assert.Equal([ProjectionFixtures.Coffee, ProjectionFixtures.Tea], result.Products.Select(p => p.Hs));
        Assert.All(result.Products, p => Assert.Equal(p.Countries.Order(), p.Countries));
        Assert.Contains(result.Projection.Notes, n => n.StartsWith("GSIM (linearised Francois & Hall): trade creation and diversion are not defined;", StringComparison.Ordinal));

        foreach (var product in result.Products)
        {
            var s = product.Solution;
            foreach (var market in result.Projection.Markets.Where(m => m.Market.Hs.Equals(product.Hs)))
            {
                var v = product.Countries.IndexOf(market.Market.Importer);
                var before = market.Rows.Sum(r => (double)r.Baseline.Amount);
                var after = market.Rows.Sum(r => (double)r.Projected.Amount);
                foreach (var row in market.Rows)
                {
                    var r = product.Countries.IndexOf(row.Exporter);
                    var m0 = (double)row.Baseline.Amount;
                    Assert.Equal(m0 * (1d + s.ImportChange(r, v)) * s.WorldPriceChanges[r], (double)row.PriceEffect.Amount, 1e-3);
                    Assert.Equal(m0 / before, row.BaselineShare, 12);
                    Assert.Equal((double)row.Projected.Amount / after, row.ProjectedShare, 9);
                }
            }
        }

        // Welfare per country is its products' summed: an importer's consumer surplus and revenue, an exporter's producer surplus.
        foreach (var country in new[] { Countries.China, Usa, Countries.Kenya })
        {
            var welfare = result.Welfare.Single(w => w.Country == country);
            double cs = 0, ps = 0, tr = 0;
            foreach (var product in result.Products)
            {
                var i = product.Countries.IndexOf(country);
                (cs, ps, tr) = (cs + product.Solution.ConsumerSurplus[i], ps + product.Solution.ProducerSurplus[i], tr + product.Solution.TariffRevenue[i]);
            }

            Assert.Equal(SmartModel.ToMoney(ps, Currency.Usd), welfare.ProducerSurplus);
            Assert.Equal(SmartModel.ToMoney(cs, Currency.Usd), welfare.ConsumerSurplus);
            Assert.Equal(SmartModel.ToMoney(tr, Currency.Usd), welfare.TariffRevenue);
        }

        Assert.NotEqual(0m, result.Welfare.Single(w => w.Country == Countries.China).ConsumerSurplus.Amount);
    }

    /// <summary>For an importer other than the scenario's, the rate before is the one in force the day before the
    /// change and the rate after the one on its day: a schedule that itself changes on that date gives both.</summary>
    [Fact]
    public void Another_importers_rate_before_is_the_one_in_force_the_day_before()
    {
        var effective = ProjectionFixtures.Effective;
        var lines = new[] { ProjectionFixtures.Tea, ProjectionFixtures.Coffee }.SelectMany(hs => new[]
        {
            new TariffLine(TariffRegime.Mfn, hs, new TariffRate(8m), new DateInterval(new LocalDate(2000, 1, 1), effective.PlusDays(-1)), "old"),
            new TariffLine(TariffRegime.Mfn, hs, new TariffRate(4m), new DateInterval(effective, TariffLine.OpenEnd), "new"),
        });
        var us = new TariffSchedule(Usa, lines);
        var result = ProjectionModel.Gsim.Solve(new ProjectionInputs(Both(), World, [China, us]));
        Assert.All(result.Projection.Rows.Where(r => r.Importer == Usa), r =>
        {
            Assert.Equal(new TariffRate(8m), r.TariffBefore);
            Assert.Equal(new TariffRate(4m), r.TariffAfter);
        });
    }
}
