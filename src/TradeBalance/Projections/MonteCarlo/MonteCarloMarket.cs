namespace TradeBalance.Projections;

/// <summary>One market of a <see cref="MonteCarloResult"/>: the baseline total and the percentile bands of the projected total, tariff revenue and welfare.</summary>
/// <param name="Market">The market.</param>
/// <param name="BaselineTotal">The baseline total imports (not drawn).</param>
/// <param name="ProjectedTotal">The projected total imports over the draws.</param>
/// <param name="RevenueAfter">The tariff revenue after over the draws.</param>
/// <param name="Welfare">The model's welfare figure over the draws (see <see cref="MarketProjection.Welfare"/>).</param>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record MonteCarloMarket(MarketKey Market, Money BaselineTotal, PercentileBand<Money> ProjectedTotal, PercentileBand<Money> RevenueAfter, PercentileBand<Money> Welfare);
