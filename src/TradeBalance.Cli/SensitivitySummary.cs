using TradeBalance.Projections;

namespace TradeBalance.Cli;

/// <summary>P5/P50/P95 of each supplier's projected imports per market, from a Monte Carlo run.</summary>
internal sealed class SensitivitySummary(SensitivityResult result)
{
    public SensitivityResult Result { get; } = result;

    public int Draws => Result.Settings.Draws;

    public int Seed => Result.Settings.Seed;

    public PercentileBand<Money>? For(HsCode hs, Country exporter) =>
        Result.Rows.FirstOrDefault(r => r.Hs.Equals(hs) && r.Exporter.Equals(exporter))?.Projected;
}
