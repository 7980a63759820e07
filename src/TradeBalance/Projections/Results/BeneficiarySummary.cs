using System.Collections.Immutable;

namespace TradeBalance.Projections;

/// <summary>One beneficiary's part of a <see cref="ProjectionSummary"/>: its exports to the importer before and after, per product, and its balance.</summary>
/// <param name="Exporter">The beneficiary as the scenario gives it: a country, or a group standing for its members.</param>
/// <param name="Importer">The scenario's importer.</param>
/// <param name="Members">The countries whose trade the figures add up: the beneficiary itself, or a group's members that trade in the data.</param>
/// <param name="MembersWithoutTrade">How many of a group's members have no trade in the projection's markets (0 for a country).</param>
/// <param name="Baseline">Exports to the importer over the projection's markets, before.</param>
/// <param name="Projected">The same, projected (the central estimate).</param>
/// <param name="Band">The P5–P95 band of <paramref name="Projected"/>, or null (no draws, or a group).</param>
/// <param name="Products">Per HS code, largest first.</param>
/// <param name="Balance">The bilateral balance with the importer, before and after (a group: its members' added).</param>
/// <param name="BalanceCoversAllGoods">Whether the data hold the beneficiary's trade in all goods, so the balance covers all goods rather than the products in the data.</param>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record BeneficiarySummary(
    Country Exporter,
    Country Importer,
    ImmutableArray<Country> Members,
    int MembersWithoutTrade,
    Money Baseline,
    Money Projected,
    PercentileBand<Money>? Band,
    ImmutableArray<ProductSummary> Products,
    BalanceProjection Balance,
    bool BalanceCoversAllGoods)
{
    /// <summary>Gets the change in exports as a fraction of the baseline, or null with no baseline.</summary>
    public double? Change => Baseline.Amount == 0m ? null : (double)((Projected.Amount - Baseline.Amount) / Baseline.Amount);

    /// <summary>Value equality, the members and products compared element by element.</summary>
    /// <param name="other">The other summary.</param>
    /// <returns>True when every figure is equal.</returns>
    public bool Equals(BeneficiarySummary? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Exporter.Equals(other.Exporter) && Importer.Equals(other.Importer) && Members.SequenceEqual(other.Members)
                && MembersWithoutTrade == other.MembersWithoutTrade && Baseline.Equals(other.Baseline) && Projected.Equals(other.Projected)
                && Nullable.Equals(Band, other.Band) && Products.SequenceEqual(other.Products) && Balance.Equals(other.Balance)
                && BalanceCoversAllGoods == other.BalanceCoversAllGoods));

    /// <summary>A hash consistent with <see cref="Equals(BeneficiarySummary?)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(Exporter, Importer, Members.Length, Baseline, Projected, Products.Length);

    /// <summary>Gets a value indicating whether the beneficiary is a group summarised as one.</summary>
    public bool IsGroup => Members.Length != 1 || MembersWithoutTrade != 0 || !Members[0].Equals(Exporter);
}
