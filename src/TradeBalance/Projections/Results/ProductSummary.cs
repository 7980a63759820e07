namespace TradeBalance.Projections;

/// <summary>One product of a <see cref="BeneficiarySummary"/>.</summary>
/// <param name="Hs">The market's HS code.</param>
/// <param name="Baseline">The beneficiary's exports of it to the importer, before.</param>
/// <param name="Projected">The same, projected (the central estimate).</param>
/// <param name="Band">The P5–P95 band of <paramref name="Projected"/>, or null (no draws, or a group).</param>
/// <param name="ShareBefore">The beneficiary's share of the importer's imports of it, before.</param>
/// <param name="ShareAfter">The same, projected.</param>
/// <param name="DestinationShareBefore">The importer's share of the beneficiary's exports of it, before; null when the data hold no other destination.</param>
/// <param name="DestinationShareAfter">The same, projected.</param>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record ProductSummary(HsCode Hs, Money Baseline, Money Projected, PercentileBand<Money>? Band, double ShareBefore, double ShareAfter, double? DestinationShareBefore, double? DestinationShareAfter);
