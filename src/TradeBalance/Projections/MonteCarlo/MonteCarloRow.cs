namespace TradeBalance.Projections;

/// <summary>One supplier in one market of a <see cref="MonteCarloResult"/>: the baseline and the percentile bands of its projected value and share.</summary>
/// <param name="Importer">The importing country.</param>
/// <param name="Exporter">The supplier.</param>
/// <param name="Hs">The market's code.</param>
/// <param name="Baseline">The baseline imports (not drawn).</param>
/// <param name="Projected">The projected imports over the draws.</param>
/// <param name="ProjectedShare">The supplier's projected share of the market over the draws, a fraction.</param>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record MonteCarloRow(Country Importer, Country Exporter, HsCode Hs, Money Baseline, PercentileBand<Money> Projected, PercentileBand<double> ProjectedShare)
{
    private readonly Money _baseline = ResultChecks.NotNegative(Baseline, nameof(Baseline));
    private readonly PercentileBand<Money> _projected = ResultChecks.Band(Projected, nameof(Projected));
    private readonly PercentileBand<double> _projectedShare = ResultChecks.ShareBand(ProjectedShare, nameof(ProjectedShare));

    /// <summary>Gets the baseline imports, not negative.</summary>
    public Money Baseline { get => _baseline; init => _baseline = ResultChecks.NotNegative(value, nameof(Baseline)); }

    /// <summary>Gets the projected imports over the draws: P5 ≤ P50 ≤ P95, none negative.</summary>
    public PercentileBand<Money> Projected { get => _projected; init => _projected = ResultChecks.Band(value, nameof(Projected)); }

    /// <summary>Gets the projected share over the draws: fractions with P5 ≤ P50 ≤ P95.</summary>
    public PercentileBand<double> ProjectedShare { get => _projectedShare; init => _projectedShare = ResultChecks.ShareBand(value, nameof(ProjectedShare)); }
}
