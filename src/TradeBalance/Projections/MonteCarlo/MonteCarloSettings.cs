namespace TradeBalance.Projections;

/// <summary>How a scenario's uncertainty bands are drawn: number of draws, seed, and the relative spread of the uniform ranges around each elasticity.</summary>
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

    /// <summary>
    /// Gets published tables of σ to draw between (<see cref="ElasticityTables"/>), or an empty array
    /// (the default) to draw σ within <see cref="Spread"/> of its point value like η and ε.
    /// </summary>
    /// <remarks>With tables, each market's σ is drawn uniformly between the lowest and the highest of
    /// its point value and the tables' estimates for that importer and product, so the band covers the
    /// disagreement between sources; a market that no table covers keeps the spread. η and ε are drawn
    /// within the spread either way.</remarks>
    /// <exception cref="ArgumentException">A table is null or not a table of σ (on <c>init</c>).</exception>
    public System.Collections.Immutable.ImmutableArray<ElasticityTable> SubstitutionTables
    {
        get => _substitutionTables.IsDefault ? [] : _substitutionTables;
        init
        {
            if (value.IsDefault)
            {
                _substitutionTables = [];
                return;
            }

            foreach (var table in value)
            {
                if (table is null || table.Parameter != ElasticityParameter.Substitution)
                {
                    throw new ArgumentException($"Monte Carlo draws σ between tables of σ; '{table?.Name ?? "null"}' is not one.", nameof(value));
                }
            }

            _substitutionTables = value;
        }
    }

    private readonly System.Collections.Immutable.ImmutableArray<ElasticityTable> _substitutionTables;

    /// <summary>Value equality, the tables compared in order.</summary>
    /// <param name="other">The settings to compare with.</param>
    /// <returns>Whether draws, seed, spread and tables are equal.</returns>
    public bool Equals(MonteCarloSettings? other) =>
        other is not null && Draws == other.Draws && Seed == other.Seed && Spread.Equals(other.Spread) && SubstitutionTables.SequenceEqual(other.SubstitutionTables);

    /// <summary>A hash consistent with <see cref="Equals(MonteCarloSettings?)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(Draws, Seed, Spread, SubstitutionTables.Length);

    /// <summary>
    /// The interval σ is drawn from in a market: its point value and the tables' estimates inside the
    /// numeric domain, lowest to highest; <c>null</c> when no table is set or none covers the market.
    /// </summary>
    internal (double Low, double High)? SubstitutionRange(Country importer, HsCode hs, double point)
    {
        if (SubstitutionTables.IsEmpty)
        {
            return null;
        }

        double low = point, high = point;
        var found = false;
        foreach (var table in SubstitutionTables)
        {
            if (table.Find(importer, hs) is { Value: > 0d and <= NumericDomain.MaxSubstitution } estimate)
            {
                (low, high, found) = (Math.Min(low, estimate.Value), Math.Max(high, estimate.Value), true);
            }
        }

        return found ? (low, high) : null;
    }
}
