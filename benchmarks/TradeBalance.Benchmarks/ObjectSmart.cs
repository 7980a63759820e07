namespace TradeBalance.Benchmarks;

/// <summary>
/// The straightforward implementation a first version would have: one object per flow, a list per
/// market, formulas written per supplier. It is the honest baseline the span kernel must beat.
/// </summary>
public static class ObjectSmart
{
    public sealed class Flow
    {
        public double Baseline { get; init; }

        public double TariffBefore { get; init; }

        public double TariffAfter { get; init; }

        public double TradeCreation { get; set; }

        public double TradeDiversion { get; set; }

        public double PriceEffect { get; set; }

        public double Projected { get; set; }
    }

    public sealed class Market
    {
        public required List<Flow> Flows { get; init; }

        public double Eta { get; init; }

        public double Sigma { get; init; }

        public double Eps { get; init; }

        public double Welfare { get; set; }
    }

    public static List<Market> Build(Synthetic.SyntheticMarkets s)
    {
        var markets = new List<Market>(s.MarketCount);
        for (var m = 0; m < s.MarketCount; m++)
        {
            var flows = new List<Flow>();
            for (var i = s.Offsets[m]; i < s.Offsets[m + 1]; i++)
            {
                flows.Add(new Flow { Baseline = s.Baseline[i], TariffBefore = s.TariffBefore[i], TariffAfter = s.TariffAfter[i] });
            }

            markets.Add(new Market { Flows = flows, Eta = s.ImportDemand[m], Sigma = s.Substitution[m], Eps = s.ExportSupply[m] });
        }

        return markets;
    }

    public static void Project(List<Market> markets)
    {
        foreach (var market in markets)
        {
            var total = market.Flows.Sum(f => f.Baseline);
            var weights = market.Flows.Sum(f => f.Baseline * Math.Max(0, 1 + (market.Sigma * (1 - ((1 + f.TariffAfter) / (1 + f.TariffBefore))))));
            var infinite = market.Eps >= 99;
            var welfare = 0.0;
            foreach (var f in market.Flows)
            {
                var c = (f.TariffBefore - f.TariffAfter) / (1 + f.TariffBefore);
                var tc = -market.Eta * f.Baseline * c * (infinite ? 1 : market.Eps / (market.Eps - market.Eta));
                var w = f.Baseline * Math.Max(0, 1 + (market.Sigma * (1 - ((1 + f.TariffAfter) / (1 + f.TariffBefore)))));
                var td = weights > 0 ? (total * w / weights) - f.Baseline : 0;
                var q = Math.Max(0, f.Baseline + tc + td);
                f.TradeCreation = tc;
                f.TradeDiversion = td;
                f.PriceEffect = infinite ? 0 : q * -market.Eta * c / (market.Eps - market.Eta);
                f.Projected = q + f.PriceEffect;
                welfare += 0.5 * (f.TariffBefore - f.TariffAfter) * tc;
            }

            market.Welfare = welfare;
        }
    }
}
