using System.Collections.Immutable;

namespace TradeBalance.Projections;

/// <summary>The suppliers that lose share in one market of a <see cref="ProjectionSummary"/>, largest loss first.</summary>
/// <param name="Market">The market.</param>
/// <param name="Losses">Each losing supplier with its change in share, in percentage points (negative).</param>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record MarketLosers(MarketKey Market, ImmutableArray<ShareLoss> Losses)
{
    /// <summary>Value equality, the losses compared element by element.</summary>
    /// <param name="other">The other market's losers.</param>
    /// <returns>True when the market and every loss are equal.</returns>
    public bool Equals(MarketLosers? other) =>
        other is not null && Market.Equals(other.Market) && Losses.SequenceEqual(other.Losses);

    /// <summary>A hash consistent with <see cref="Equals(MarketLosers?)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(Market, Losses.Length);
}

/// <summary>A supplier's loss of share in a market, in percentage points (negative).</summary>
/// <param name="Exporter">The supplier.</param>
/// <param name="Points">The change in its share, in percentage points.</param>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record ShareLoss(Country Exporter, double Points);
