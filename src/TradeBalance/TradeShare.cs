namespace TradeBalance;

/// <summary>One partner's part of a total: a supplier's share of a market, or a destination's share of an exporter's exports.</summary>
/// <param name="Partner">The supplier or destination.</param>
/// <param name="Value">Its value.</param>
/// <param name="Share">Its share of the total, a fraction in [0, 1]; 0 when the total is 0.</param>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record TradeShare(Country Partner, Money Value, double Share)
{
    private readonly Money _value = Projections.ResultChecks.NotNegative(Value, nameof(Value));
    private readonly double _share = Projections.ResultChecks.Share(Share, nameof(Share));

    /// <summary>Gets its value, not negative.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative value (with <c>with</c>).</exception>
    public Money Value { get => _value; init => _value = Projections.ResultChecks.NotNegative(value, nameof(Value)); }

    /// <summary>Gets its share of the total, a fraction in [0, 1].</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to NaN or outside [0, 1] (with <c>with</c>).</exception>
    public double Share { get => _share; init => _share = Projections.ResultChecks.Share(value, nameof(Share)); }
}
