using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Tests.Projections;

/// <summary>
/// The published 4-region GSIM example (US, JP, EU, RW; US–EU free-trade agreement) from the R script
/// that reproduces GSIM (Francois &amp; Hall 2003) (docs/models.md, GSIM "Validation"): reported
/// world-price changes (0.0792, −0.0316, 0.0480, −0.0184).
/// </summary>
public class GsimModelExamples
{
    // Rows = exporter, columns = importer; order US, JP, EU, RW.
    private static readonly double[,] M =
    {
        { 0, 50, 200, 300 },
        { 500, 0, 150, 200 },
        { 300, 100, 200, 200 },
        { 50, 100, 110, 20 },
    };

    private static readonly double[,] T0 =
    {
        { 1.00, 1.21, 1.41, 1.22 },
        { 1.37, 1.00, 1.31, 1.23 },
        { 1.32, 1.36, 1.00, 1.18 },
        { 1.57, 1.41, 1.25, 1.15 },
    };

    private static readonly double[] Em = [-1.25, -1.25, -1.25, -1.25];
    private static readonly double[] Es = [5, 5, 5, 5];
    private static readonly double[] Ex = [1.5, 1.5, 1.5, 1.5];

    private static double[,] UsEuFta()
    {
        var t1 = (double[,])T0.Clone();
        t1[2, 0] = 1.0; // EU exports to the US
        t1[0, 2] = 1.0; // US exports to the EU
        return t1;
    }

    private static GsimSolution Solve() => GsimModel.Solve(M, T0, UsEuFta(), Em, Es, Ex);

    [Fact]
    public void Reproduces_the_reported_world_price_changes_to_four_decimals()
    {
        var s = Solve();
        Assert.Equal(0.0792, s.WorldPriceChanges[0], 4);
        Assert.Equal(-0.0316, s.WorldPriceChanges[1], 4);
        Assert.Equal(0.0480, s.WorldPriceChanges[2], 4);
        Assert.Equal(-0.0184, s.WorldPriceChanges[3], 4);

        // An independent Gaussian-elimination solve of the same system (done once, by hand, outside this code).
        Assert.Equal(0.0791813134, s.WorldPriceChanges[0], 1e-10);
        Assert.Equal(-0.0316209421, s.WorldPriceChanges[1], 1e-10);
        Assert.Equal(0.0480492966, s.WorldPriceChanges[2], 1e-10);
        Assert.Equal(-0.0183717099, s.WorldPriceChanges[3], 1e-10);
    }

    [Fact]
    public void Each_exporters_supply_change_equals_its_demand_change()
    {
        var s = Solve();
        Assert.InRange(s.Residual, 0d, 1e-12);
        for (var r = 0; r < 4; r++)
        {
            double exports = 0d, demand = 0d;
            for (var v = 0; v < 4; v++)
            {
                exports += M[r, v];
            }

            for (var v = 0; v < 4; v++)
            {
                demand += M[r, v] / exports * s.ImportChange(r, v);
            }

            Assert.Equal(Ex[r] * s.WorldPriceChanges[r], demand, 1e-12);
        }
    }

    [Fact]
    public void Welfare_components_follow_the_stated_formulas()
    {
        var s = Solve();
        var t1 = UsEuFta();
        for (var c = 0; c < 4; c++)
        {
            double exports = 0d, q = 0d, composite = 0d, revenue = 0d;
            for (var k = 0; k < 4; k++)
            {
                exports += M[c, k];
                q += T0[k, c] * M[k, c];
            }

            for (var r = 0; r < 4; r++)
            {
                composite += T0[r, c] * M[r, c] / q * (((1 + s.WorldPriceChanges[r]) * t1[r, c] / T0[r, c]) - 1);
                revenue += (s.ProjectedImports(r, c) * (t1[r, c] - 1)) - (M[r, c] * (T0[r, c] - 1));
            }

            var x = s.WorldPriceChanges[c];
            Assert.Equal(composite, s.CompositePriceChanges[c], 1e-14);
            Assert.Equal((exports * x) + (0.5 * Ex[c] * exports * x * x), s.ProducerSurplus[c], 1e-9);
            Assert.Equal((-q * composite) - (0.5 * Em[c] * q * composite * composite), s.ConsumerSurplus[c], 1e-9);
            Assert.Equal(revenue, s.TariffRevenue[c], 1e-9);
            Assert.Equal(s.ProducerSurplus[c] + s.ConsumerSurplus[c] + s.TariffRevenue[c], s.NetWelfare[c], 1e-9);
        }

        // docs/models.md (GSIM welfare): for JP (whose composite price rises) the consistent form gives about −8.59,
        // the R peer's sgn() form −8.876.
        Assert.True(s.CompositePriceChanges[1] > 0d);
        Assert.Equal(-8.59, s.ConsumerSurplus[1], 0.01);
    }

    [Fact]
    public void Projected_flows_follow_from_the_changes()
    {
        var s = Solve();
        for (var r = 0; r < 4; r++)
        {
            for (var v = 0; v < 4; v++)
            {
                Assert.Equal(M[r, v] * (1 + s.ImportChange(r, v)) * (1 + s.WorldPriceChanges[r]), s.ProjectedImports(r, v), 1e-12);
            }
        }

        Assert.True(s.ProjectedImports(2, 0) > M[2, 0], "EU exports to the US grow under the FTA");
        Assert.True(s.ProjectedImports(1, 0) < M[1, 0], "JP exports to the US are diverted");
    }

    [Fact]
    public void No_tariff_change_means_no_change()
    {
        var s = GsimModel.Solve(M, T0, T0, Em, Es, Ex);
        Assert.All(s.WorldPriceChanges, x => Assert.Equal(0d, x, 1e-15));
        Assert.All(s.NetWelfare, w => Assert.Equal(0d, w, 1e-12));
    }
}
