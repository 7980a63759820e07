using System.Globalization;

namespace TradeBalance.Projections;

/// <summary>
/// Solver settings of <see cref="ArmingtonModel"/>: the tolerance on the relative residual and the
/// iteration limit of the Newton solve for the suppliers' world prices.
/// </summary>
/// <remarks>
/// <para>The residual is <c>max_i |ln p_i − (1/ε)·ln(q_i/q0_i)|</c>: the largest relative gap between a
/// supplier's world price and the price its export supply curve asks for the quantity demanded.
/// A market converges when the residual is at most <see cref="Tolerance"/>; it fails with
/// <see cref="ProjectionException"/> when <see cref="MaxIterations"/> Newton steps are not enough.</para>
/// <para>Defaults: tolerance 1e-12, 200 iterations (the solve usually needs 3 to 6).</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record ArmingtonOptions
{
    private readonly double _tolerance = 1e-12;
    private readonly int _maxIterations = 200;

    /// <summary>Gets the default settings (tolerance 1e-12, at most 200 iterations).</summary>
    public static ArmingtonOptions Default { get; } = new();

    /// <summary>Gets the tolerance on the relative residual; finite and positive, default 1e-12.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a value that is not finite and positive.</exception>
    public double Tolerance
    {
        get => _tolerance;
        init => _tolerance = double.IsFinite(value) && value > 0d
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, string.Create(CultureInfo.InvariantCulture, $"The Armington tolerance must be finite and positive; got {value:G}."));
    }

    /// <summary>Gets the largest number of Newton steps per market; at least 1, default 200.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to less than 1.</exception>
    public int MaxIterations
    {
        get => _maxIterations;
        init => _maxIterations = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, string.Create(CultureInfo.InvariantCulture, $"The Armington iteration limit must be at least 1; got {value}."));
    }
}
