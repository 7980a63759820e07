using TradeBalance.Projections;

namespace TradeBalance.Cli;

/// <summary>P5/P50/P95 of each supplier's projected imports per market, from a Monte Carlo run.</summary>
internal sealed class MonteCarloBands(MonteCarloResult result)
{
    public MonteCarloResult Result { get; } = result;

    public int Draws => Result.Settings.Draws;

    public int Seed => Result.Settings.Seed;

    // The first row per code and exporter, as the table asks for one band per summary line.
    private readonly Lazy<Dictionary<(HsCode, Country), PercentileBand<Money>>> _projected =
        new(() => result.Rows.GroupBy(r => (r.Hs, r.Exporter)).ToDictionary(g => g.Key, g => g.First().Projected));

    public PercentileBand<Money>? For(HsCode hs, Country exporter) =>
        _projected.Value.TryGetValue((hs, exporter), out var band) ? band : null;
}
