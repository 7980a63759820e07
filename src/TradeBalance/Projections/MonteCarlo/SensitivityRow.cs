namespace TradeBalance.Projections;

/// <summary>One supplier in one market of a <see cref="SensitivityResult"/>: the baseline and the percentile bands of its projected value and share.</summary>
/// <param name="Importer">The importing country.</param>
/// <param name="Exporter">The supplier.</param>
/// <param name="Hs">The market's code.</param>
/// <param name="Baseline">The baseline imports (not drawn).</param>
/// <param name="Projected">The projected imports over the draws.</param>
/// <param name="ProjectedShare">The supplier's projected share of the market over the draws, a fraction.</param>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record SensitivityRow(Country Importer, Country Exporter, HsCode Hs, Money Baseline, PercentileBand<Money> Projected, PercentileBand<double> ProjectedShare);
