using FsCheck.Xunit;
using Xunit;

namespace TradeBalance.Tests;

[Properties(Arbitrary = [typeof(Arbitraries)])]
public class TradeDataSetProperties
{
    private const double Tolerance = 1e-12;

    private static void AssertSharesAddUp(IReadOnlyList<TradeShare> shares)
    {
        var total = shares.Sum(s => s.Value.Amount);
        Assert.All(shares, s => Assert.InRange(s.Share, 0d, 1d));
        if (total > 0m)
        {
            Assert.InRange(shares.Sum(s => s.Share), 1d - Tolerance, 1d + Tolerance);
        }
        else
        {
            Assert.All(shares, s => Assert.Equal(0d, s.Share));
        }

        Assert.Equal(shares.Select(s => s.Partner).Order(), shares.Select(s => s.Partner));
    }

    [Property]
    public void Supplier_shares_of_every_market_sum_to_one(TradeDataSet ds)
    {
        foreach (var m in ds.Markets)
        {
            var shares = ds.SupplierShares(m.Importer, m.Hs, m.Year);
            Assert.Equal(ds.FlowsInto(m).Length, shares.Length);
            AssertSharesAddUp(shares);
        }
    }

    [Property]
    public void Destination_shares_sum_to_one_for_every_exporter_scope_and_year(TradeDataSet ds)
    {
        foreach (var exporter in Arbitraries.DataSetCountries)
        {
            foreach (var scope in Arbitraries.DataSetCodes)
            {
                foreach (var year in Arbitraries.DataSetYears)
                {
                    var shares = ds.DestinationShares(exporter, scope, year);
                    AssertSharesAddUp(shares);
                    Assert.All(shares, s => Assert.Equal(ds.Total(exporter, s.Partner, scope, year), s.Value));
                }
            }
        }
    }

    [Property]
    public void Balance_is_exports_minus_imports_and_mirrors_the_partners(TradeDataSet ds)
    {
        foreach (var a in Arbitraries.DataSetCountries)
        {
            foreach (var b in Arbitraries.DataSetCountries.Where(c => !c.Equals(a)))
            {
                foreach (var year in Arbitraries.DataSetYears)
                {
                    var ab = ds.BilateralBalance(a, b, year);
                    var ba = ds.BilateralBalance(b, a, year);
                    Assert.Equal(ab.Exports - ab.Imports, ab.Balance);
                    Assert.Equal(ds.Total(a, b, HsCode.Total, year), ab.Exports);
                    Assert.Equal(ab.Exports, ba.Imports);
                    Assert.Equal(-ab.Balance, ba.Balance);
                }
            }
        }
    }

    [Property]
    public void Totals_count_only_the_topmost_codes_present(TradeDataSet ds)
    {
        foreach (var g in ds.Flows.GroupBy(f => (f.Exporter, f.Importer, f.Year)))
        {
            foreach (var scope in Arbitraries.DataSetCodes)
            {
                var inScope = g.Where(f => scope.Contains(f.Hs)).ToList();
                // Oracle: a flow counts unless a strictly shorter code in scope is a prefix of its code.
                var expected = inScope
                    .Where(f => !inScope.Any(o => o.Hs.Length < f.Hs.Length && f.Hs.Digits.StartsWith(o.Hs.Digits, StringComparison.Ordinal)))
                    .Sum(f => f.Value.Amount);
                Assert.Equal(new Money(expected, ds.Currency), ds.Total(g.Key.Exporter, g.Key.Importer, scope, g.Key.Year));
                Assert.True(ds.Total(g.Key.Exporter, g.Key.Importer, scope, g.Key.Year).Amount <= inScope.Sum(f => f.Value.Amount));
            }
        }
    }

    [Property]
    public void Destination_shares_equal_a_scan_of_every_flow(TradeDataSet ds)
    {
        foreach (var exporter in Arbitraries.DataSetCountries)
        {
            foreach (var year in Arbitraries.DataSetYears)
            {
                foreach (var scope in Arbitraries.DataSetCodes)
                {
                    // Oracle: every flow scanned, grouped by destination, top-most codes summed.
                    var expected = ds.Flows.Where(f => f.Exporter.Equals(exporter) && f.Year == year && scope.Contains(f.Hs))
                        .GroupBy(f => f.Importer)
                        .OrderBy(g => g.Key)
                        .Select(g => (g.Key, g.Where(f => !g.Any(o => o.Hs.Length < f.Hs.Length && o.Hs.Contains(f.Hs))).Sum(f => f.Value.Amount)))
                        .ToList();
                    var shares = ds.DestinationShares(exporter, scope, year);
                    Assert.Equal(expected.Select(e => e.Key), shares.Select(s => s.Partner));
                    Assert.Equal(expected.Select(e => e.Item2), shares.Select(s => s.Value.Amount));
                }
            }
        }
    }

    [Property]
    public void Every_flow_is_in_its_market_exactly_once(TradeDataSet ds)
    {
        Assert.Equal(ds.Flows.Length, ds.Markets.Sum(m => ds.FlowsInto(m).Length));
        Assert.All(ds.Flows, f => Assert.Single(ds.FlowsInto(new MarketKey(f.Importer, f.Hs, f.Year)), x => x == f));
        Assert.Equal(ds.Flows.Select(f => f.Year).Distinct().Order(), ds.Years);
    }
}
