namespace TradeBalance.Projections;

/// <summary>One destination's part of an exporter's exports, before and after a projection.</summary>
/// <param name="Destination">The importing country.</param>
/// <param name="Before">Exports to it before.</param>
/// <param name="After">Exports to it after.</param>
/// <param name="ShareBefore">Its share of the exporter's exports before, in [0, 1].</param>
/// <param name="ShareAfter">Its share after, in [0, 1].</param>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record DestinationShareChange(Country Destination, Money Before, Money After, double ShareBefore, double ShareAfter)
{
    private readonly Money _before = ResultChecks.NotNegative(Before, nameof(Before));
    private readonly Money _after = ResultChecks.NotNegative(After, nameof(After));
    private readonly double _shareBefore = ResultChecks.Share(ShareBefore, nameof(ShareBefore));
    private readonly double _shareAfter = ResultChecks.Share(ShareAfter, nameof(ShareAfter));

    /// <summary>Gets exports to it before, not negative.</summary>
    public Money Before { get => _before; init => _before = ResultChecks.NotNegative(value, nameof(Before)); }

    /// <summary>Gets exports to it after, not negative.</summary>
    public Money After { get => _after; init => _after = ResultChecks.NotNegative(value, nameof(After)); }

    /// <summary>Gets its share of the exporter's exports before, in [0, 1].</summary>
    public double ShareBefore { get => _shareBefore; init => _shareBefore = ResultChecks.Share(value, nameof(ShareBefore)); }

    /// <summary>Gets its share after, in [0, 1].</summary>
    public double ShareAfter { get => _shareAfter; init => _shareAfter = ResultChecks.Share(value, nameof(ShareAfter)); }
}
