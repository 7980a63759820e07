using System.Globalization;

namespace TradeBalance.Projections;

/// <summary>
/// Thrown when a model cannot produce a projection from valid inputs: an iterative solve that does
/// not converge within its limits, or a linear system that is singular.
/// </summary>
/// <remarks>
/// <para>The message always names the market (importer, HS code and year) or product, the number of
/// iterations and the residual reached, so the failure can be reproduced. TradeBalance throws this
/// instead of returning a NaN or an unconverged figure.</para>
/// </remarks>
/// <threadsafety>Instances are immutable once thrown.</threadsafety>
public sealed class ProjectionException : Exception
{
    /// <summary>Creates an exception with a default message.</summary>
    public ProjectionException()
        : base("The projection failed.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ProjectionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ProjectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for a solve that failed in one market.</summary>
    /// <param name="market">The market (or, for GSIM, a market of the product) that failed.</param>
    /// <param name="iterations">The iterations done (0 for a direct solve).</param>
    /// <param name="residual">The residual reached.</param>
    /// <param name="detail">What went wrong, one sentence; the market, iterations and residual are appended.</param>
    /// <exception cref="ArgumentNullException"><paramref name="market"/> or <paramref name="detail"/> is null.</exception>
    public ProjectionException(MarketKey market, int iterations, double residual, string detail)
        : base(Describe(market, iterations, residual, detail))
    {
        Market = market;
        Iterations = iterations;
        Residual = residual;
    }

    /// <summary>Gets the market that failed, when known.</summary>
    public MarketKey? Market { get; }

    /// <summary>Gets the iterations done before the failure, when known.</summary>
    public int? Iterations { get; }

    /// <summary>Gets the residual reached, when known (may be infinite or NaN when the solve diverged).</summary>
    public double? Residual { get; }

    private static string Describe(MarketKey market, int iterations, double residual, string detail)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(detail);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{detail} Market {market}: {iterations} iteration(s), residual {residual:G6}.");
    }
}
