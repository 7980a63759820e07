namespace TradeBalance.Projections;

/// <summary>
/// How a scenario's uncertainty bands are drawn: number of draws, seed, and the relative spread of the uniform
/// ranges around each elasticity. Where σ is drawn between published tables is the elasticities' choice
/// (<see cref="Elasticities.SubstitutionRange"/>), so the point and its band come from one rule.
/// </summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record MonteCarloSettings
{
    /// <summary>Creates settings.</summary>
    /// <param name="draws">Number of draws, 1 to 1,000,000.</param>
    /// <param name="seed">The random seed.</param>
    /// <param name="spread">Relative half-width of each uniform range, in (0, 1): 0.5 draws σ from [0.5σ, 1.5σ].</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the message names it.</exception>
    public MonteCarloSettings(int draws = 1000, int seed = 42, double spread = 0.5)
    {
        if (draws is < 1 or > MaxDraws)
        {
            throw new ArgumentOutOfRangeException(nameof(draws), draws, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The number of draws must be from 1 to {MaxDraws:N0}; {draws:N0} is not."));
        }
        if (!(spread >= 0d && spread < 1d))
        {
            throw new ArgumentOutOfRangeException(nameof(spread), spread, "The spread must be in [0, 1) so that η stays negative and σ, ε positive.");
        }

        Draws = draws;
        Seed = seed;
        Spread = spread;
    }

    /// <summary>The most draws a run may ask for.</summary>
    public const int MaxDraws = 1_000_000;

    /// <summary>Gets the number of draws.</summary>
    public int Draws { get; }

    /// <summary>Gets the random seed.</summary>
    public int Seed { get; }

    /// <summary>Gets the relative half-width of each uniform range.</summary>
    public double Spread { get; }
}
