namespace TradeBalance.Cli;

/// <summary>P5/P50/P95 of each beneficiary's projected exports per product, from a Monte Carlo run.</summary>
internal sealed class SensitivitySummary(IReadOnlyDictionary<(HsCode Hs, Country Exporter), (Money P5, Money P50, Money P95)> bands, int draws, int seed)
{
    public int Draws { get; } = draws;

    public int Seed { get; } = seed;

    public (Money P5, Money P50, Money P95)? For(HsCode hs, Country exporter) =>
        bands.TryGetValue((hs, exporter), out var b) ? b : null;
}
