using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Tests.Projections;

public class GsimModelTests
{
    private static readonly Country Usa = Countries.UnitedStates;

    // Tea and coffee into China and the US from four suppliers.
    private static readonly TradeDataSet World = new(
        from importer in new[] { Countries.China, Usa }
        from hs in new[] { ProjectionFixtures.Tea, ProjectionFixtures.Coffee }
        from f in new (Country Exporter, decimal Value)[]
        {
            (Countries.Kenya, 20_000_000m), (Countries.SriLanka, 68_000_000m), (Countries.India, 22_000_000m), (Countries.Ethiopia, 15_000_000m),
        }
        select TradeFlow.Usd(f.Exporter, importer, hs, 2024, importer == Usa ? f.Value * 2 : f.Value));

    private static readonly TariffSchedule China = ProjectionFixtures.Schedule(15m, (Countries.Ethiopia, 0m));
    private static readonly TariffSchedule Us = ProjectionFixtures.Schedule(Usa, 6.4m, [ProjectionFixtures.Tea, ProjectionFixtures.Coffee]);

    private static Scenario ZeroForKenya(double eps, params HsCode[] lines) =>
        ProjectionFixtures.Scenario(TariffChange.NewRate(TariffRate.Zero), new ElasticityValues(-1.5, 1.83, eps), null, lines);

    [Fact]
    public void Every_market_of_the_products_appears_and_other_importers_flows_move()
    {
        var result = ProjectionModel.Gsim.Solve(new ProjectionInputs(ZeroForKenya(2d), World, [China, Us]));
        var projection = result.Projection;
        Assert.Same(ProjectionModel.Gsim, projection.Model);
        Assert.Equal(2, projection.Markets.Length);
        Assert.Contains(projection.Markets, m => m.Market.Importer == Usa);
        Assert.All(projection.Rows, r => Assert.Null(r.TradeCreation));
        Assert.All(projection.Rows, r => Assert.Null(r.TradeDiversion));
        Assert.All(projection.Markets, m => Assert.InRange(m.Residual!.Value, 0d, 1e-12));
        Assert.All(projection.Markets, m => Assert.Null(m.Iterations));

        var usRows = projection.Markets.Single(m => m.Market.Importer == Usa).Rows;
        Assert.All(usRows, r => Assert.NotEqual(r.Baseline, r.Projected));
        Assert.True(usRows.Single(r => r.Exporter == Countries.Kenya).Change.Amount < 0m, "Kenya's higher world price costs it US sales");

        var product = result.Product(ProjectionFixtures.Tea);
        Assert.True(product.WorldPriceChange(Countries.Kenya) > 0d);
        Assert.True(product.WorldPriceChange(Countries.SriLanka) < 0d);
        Assert.True(result.Welfare.Single(w => w.Country == Countries.Kenya).ProducerSurplus.Amount > 0m);
        Assert.True(result.Welfare.Single(w => w.Country == Countries.China).TariffRevenue.Amount < 0m);
    }

    [Fact]
    public void With_infinite_supply_other_markets_do_not_move()
    {
        var result = ProjectionModel.Gsim.Solve(new ProjectionInputs(ZeroForKenya(99d), World, [China, Us]));
        Assert.All(result.Product(ProjectionFixtures.Tea).Solution.WorldPriceChanges, x => Assert.Equal(0d, x));
        Assert.All(result.Projection.Rows.Where(r => r.Importer == Usa), r => Assert.Equal(r.Baseline, r.Projected));
    }

    [Fact]
    public void Importer_without_a_schedule_is_named()
    {
        var e = Assert.Throws<ArgumentException>(() => ProjectionModel.Gsim.Solve(new ProjectionInputs(ZeroForKenya(2d), World, [China])));
        Assert.Contains("USA", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Products_solved_in_parallel_give_identical_results()
    {
        var scenario = ZeroForKenya(2d, ProjectionFixtures.Tea, ProjectionFixtures.Coffee);
        var a = ProjectionModel.Gsim.Solve(new ProjectionInputs(scenario, World, [China, Us]));
        var b = ProjectionModel.Gsim.Solve(new ProjectionInputs(scenario, World, [Us, China]));
        Assert.Equal(2, a.Products.Length);
        Assert.Equal(a.Projection.Rows, b.Projection.Rows);
        Assert.Equal(a.Welfare, b.Welfare);
    }

    [Theory]
    [InlineData(99d)]
    [InlineData(2d)]
    public void One_importer_agrees_with_armington_to_first_order(double eps)
    {
        var data = new TradeDataSet(World.Flows.Where(f => f.Importer == Countries.China && f.Hs == ProjectionFixtures.Tea));
        double Gap(decimal points)
        {
            var scenario = ProjectionFixtures.Scenario(TariffChange.CutPoints(points), new ElasticityValues(-1.5, 1.83, eps));
            var gsim = ProjectionModel.Gsim.Solve(new ProjectionInputs(scenario, data, [China])).Projection;
            var armington = ProjectionModel.Armington.Project(new ProjectionInputs(scenario, data, China));
            return gsim.Zip(armington).Max(p => Math.Abs(ProjectionFixtures.D(p.First.Change) - ProjectionFixtures.D(p.Second.Change)) / Math.Abs(ProjectionFixtures.D(p.Second.Change)));
        }

        var coarse = Gap(0.1m);
        var fine = Gap(0.01m);
        Assert.InRange(coarse, 0d, 0.01);
        Assert.InRange(fine, 0d, coarse * 0.2);
    }

    [Fact]
    public void Market_welfare_is_the_importers_consumer_surplus_plus_revenue()
    {
        var result = ProjectionModel.Gsim.Solve(new ProjectionInputs(ZeroForKenya(2d), World, [China, Us]));
        var china = result.Projection.Markets.Single(m => m.Market.Importer == Countries.China);
        var w = result.Product(ProjectionFixtures.Tea).Welfare.Single(x => x.Country == Countries.China);
        Assert.Equal((w.ConsumerSurplus + w.TariffRevenue).Amount, china.Welfare.Amount, 6);
        Assert.Equal(w.TariffRevenue.Amount, china.RevenueChange.Amount, 6);
    }
}
