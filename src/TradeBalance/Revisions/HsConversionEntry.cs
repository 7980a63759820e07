using System.Collections.Immutable;

namespace TradeBalance;

/// <summary>
/// How one code was converted between revisions. For flows, <see cref="Code"/> is a code of the old revision and
/// <see cref="Weights"/> say how its value was shared among its new codes; for tariff schedules, <see cref="Code"/> is
/// a code of the new revision and <see cref="Weights"/> say how its sources' rates were averaged.
/// </summary>
/// <param name="Code">The converted code (old revision for flows, new revision for tariffs).</param>
/// <param name="Rule">Where the weights came from.</param>
/// <param name="Weights">The codes on the other side with their shares, in code order; the shares sum to exactly 1.</param>
public sealed record HsConversionEntry(HsCode Code, HsWeighting Rule, ImmutableArray<HsWeight> Weights)
{
    /// <summary>Value equality: the same code, rule and weights in the same order.</summary>
    /// <param name="other">The other entry.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(HsConversionEntry? other) =>
        other is not null && Code.Equals(other.Code) && Rule == other.Rule && Weights.SequenceEqual(other.Weights);

    /// <summary>A hash consistent with <see cref="Equals(HsConversionEntry?)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(Code, Rule, Weights.Length);

    /// <summary>Returns the entry as text, for example <c>851712 → 851713 60%, 851714 40% (trade data)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"{Code}: {string.Join(", ", Weights.Select(w => $"{w.Code} {HsConversionReport.Percent(w.Share)}"))} ({HsConversionReport.RuleText(Rule)})";
}
