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
    public MonteCarloSettings(int draws = DefaultDraws, int seed = DefaultSeed, double spread = DefaultSpread)
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

    /// <summary>The draws of a Monte Carlo run whose bands are the result (<see cref="MonteCarloUse.Sensitivity"/>): 1,000.</summary>
    public const int DefaultDraws = 1000;

    /// <summary>The draws behind the bands printed beside a projection (<see cref="MonteCarloUse.Bands"/>): 200, enough for P5 and P95 to settle within a few percent.</summary>
    public const int BandDraws = 200;

    /// <summary>The default seed: 42.</summary>
    public const int DefaultSeed = 42;

    /// <summary>The default spread: 0.5, each elasticity drawn within ±50 % of its point value.</summary>
    public const double DefaultSpread = 0.5;

    /// <summary>
    /// The settings a run uses, resolved once for every command and caller: each value is the caller's, else the
    /// scenario's (<see cref="Scenario.MonteCarlo"/>), else the default for the use.
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="model">The model the run projects with (a GSIM draw costs a projection, so its bands beside a projection are off unless asked for).</param>
    /// <param name="use">Bands beside a projection (default <see cref="BandDraws"/>; 0 draws means none), or a sensitivity run (default <see cref="DefaultDraws"/>).</param>
    /// <param name="draws">The caller's draws, or null.</param>
    /// <param name="seed">The caller's seed, or null.</param>
    /// <param name="spread">The caller's spread, or null.</param>
    /// <returns>The settings, or null when a projection's bands are off (0 draws).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scenario"/> or <paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the message names it.</exception>
    public static MonteCarloSettings? Resolve(Scenario scenario, ProjectionModel model, MonteCarloUse use, int? draws = null, int? seed = null, double? spread = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(model);
        var given = scenario.MonteCarlo;
        var n = draws ?? given?.Draws ?? (use == MonteCarloUse.Sensitivity ? DefaultDraws : model.DrawsCostAProjection ? 0 : BandDraws);
        return n == 0 && use == MonteCarloUse.Bands
            ? null
            : new MonteCarloSettings(n, seed ?? given?.Seed ?? DefaultSeed, spread ?? given?.Spread ?? DefaultSpread);
    }

    /// <summary>Gets the number of draws.</summary>
    public int Draws { get; }

    /// <summary>Gets the random seed.</summary>
    public int Seed { get; }

    /// <summary>Gets the relative half-width of each uniform range.</summary>
    public double Spread { get; }
}
