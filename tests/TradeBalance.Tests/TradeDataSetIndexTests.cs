using System.Collections.Immutable;
using Xunit;

namespace TradeBalance.Tests;

/// <summary>
/// The constructor's grouping (one sort of packed keys) against the LINQ it replaced: the same markets in the same
/// order, the same flows in each market in the same order, the same years, and the same exception for a bad set.
/// </summary>
public class TradeDataSetIndexTests
{
    private static readonly Country[] Countries =
        [.. new[] { "KEN", "CHN", "LKA", "IND", "VNM", "ROW", "USA", "ABW", "ZWE" }.Select(Country.FromIso3)];

    private static readonly string[] Codes = ["TOTAL", "09", "0902", "090240", "0901", "080440", "8517", "851712", "01", "0101210010"];

    private static (ImmutableArray<MarketKey> Markets, Dictionary<MarketKey, ImmutableArray<TradeFlow>> ByMarket, ImmutableArray<int> Years) Reference(IReadOnlyList<TradeFlow> flows, Currency currency)
    {
        var seen = new Dictionary<(Country, Country, HsCode, int), TradeFlow>();
        foreach (var f in flows)
        {
            ArgumentNullException.ThrowIfNull(f, nameof(flows));
            if (!f.Value.Currency.Equals(currency))
            {
                throw new CurrencyMismatchException(currency, f.Value.Currency);
            }

            if (!seen.TryAdd((f.Exporter, f.Importer, f.Hs, f.Year), f))
            {
                throw new ArgumentException($"Duplicate trade flow (same exporter, importer, HS code and year): {seen[(f.Exporter, f.Importer, f.Hs, f.Year)]} and {f}.", nameof(flows));
            }
        }

        var byMarket = flows.GroupBy(f => new MarketKey(f.Importer, f.Hs, f.Year)).ToDictionary(g => g.Key, g => g.OrderBy(f => f.Exporter).ToImmutableArray());
        return ([.. byMarket.Keys.OrderBy(k => k.Year).ThenBy(k => k.Importer).ThenBy(k => k.Hs)], byMarket, [.. flows.Select(f => f.Year).Distinct().Order()]);
    }

    private static List<TradeFlow> RandomFlows(Random rng, bool allowBad)
    {
        var flows = new List<TradeFlow>();
        var n = rng.Next(0, 80);
        for (var i = 0; i < n; i++)
        {
            var e = Countries[rng.Next(Countries.Length)];
            var m = Countries[rng.Next(Countries.Length)];
            if (e.Equals(m))
            {
                continue;
            }

            // Equal values in distinct objects: a country copied, a code parsed again for every flow.
            if (rng.Next(4) == 0)
            {
                e = e with { };
            }

            var hs = HsCode.Parse(Codes[rng.Next(Codes.Length)]);
            var year = rng.Next(4) switch { 0 => 1900, 1 => 2200, _ => 2020 + rng.Next(3) };
            var currency = allowBad && rng.Next(200) == 0 ? Currency.Kes : Currency.Usd;
            flows.Add(new TradeFlow(e, m, hs, year, new Money(rng.Next(1000), currency)));
            if (allowBad && rng.Next(150) == 0)
            {
                flows.Add(null!); // a null flow: refused
            }
        }

        return flows;
    }

    [Fact]
    public void Markets_flows_and_years_are_those_of_the_LINQ_grouping()
    {
        var rng = new Random(20260502);
        var checkedSets = 0;
        for (var round = 0; round < 3000; round++)
        {
            var flows = RandomFlows(rng, allowBad: round % 3 == 0);
            if (round % 3 != 0)
            {
                flows = [.. flows.DistinctBy(f => (f.Exporter, f.Importer, f.Hs, f.Year))];
            }

            var expected = Record.Exception(() => Reference(flows, Currency.Usd));
            var actualError = Record.Exception(() => new TradeDataSet(flows));
            if (expected is not null)
            {
                Assert.NotNull(actualError);
                Assert.Equal(expected.GetType(), actualError.GetType());
                Assert.Equal(expected.Message, actualError.Message);
                continue;
            }

            Assert.Null(actualError);
            var (markets, byMarket, years) = Reference(flows, Currency.Usd);
            var ds = new TradeDataSet(flows);
            Assert.Equal(markets, ds.Markets);
            Assert.Equal(years, ds.Years);
            Assert.Equal(flows, ds.Flows);
            foreach (var market in markets)
            {
                var got = ds.FlowsInto(market);
                Assert.Equal(byMarket[market].Length, got.Length);
                Assert.True(byMarket[market].Zip(got).All(p => ReferenceEquals(p.First, p.Second)));
                Assert.Equal(got, ds.FlowsInto(new MarketKey(market.Importer with { }, HsCode.Parse(market.Hs.ToString()), market.Year)));
            }

            checkedSets++;
        }

        Assert.True(checkedSets > 1500);
    }

    [Fact]
    public void A_hundred_thousand_flows_group_as_the_LINQ_grouping_does()
    {
        var codes = Enumerable.Range(0, 2000).Select(i => HsCode.Parse((10_000 + (i * 37)).ToString("D6", System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        var flows = new List<TradeFlow>();
        foreach (var e in Countries)
        {
            foreach (var m in Countries.Where(c => !c.Equals(e)))
            {
                for (var k = 0; k < 1400; k++)
                {
                    flows.Add(new TradeFlow(e, m, codes[(k * 7) % codes.Length], 2021 + (k % 2), new Money(k, Currency.Usd)));
                }
            }
        }

        var (markets, byMarket, years) = Reference(flows, Currency.Usd);
        var ds = new TradeDataSet(flows);
        Assert.Equal(markets, ds.Markets);
        Assert.Equal(years, ds.Years);
        Assert.All(markets, m => Assert.Equal(byMarket[m], ds.FlowsInto(m)));
    }
}
