using System.Collections.Immutable;

namespace TradeBalance.Projections;

/// <summary>How <see cref="Backtest"/> scores a case: the models, the Monte Carlo draws for each band, and the seed.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record BacktestOptions
{
    private readonly ImmutableArray<ProjectionModel> _models = ProjectionModel.All;
    private readonly int _draws = MonteCarloSettings.BandDraws;

    /// <summary>Gets the default options: every model, 200 draws, the scenario's seed (else 42).</summary>
    public static BacktestOptions Default { get; } = new();

    /// <summary>Gets the models to score (default: every model).</summary>
    /// <exception cref="ArgumentException">Set to an empty list or one holding null (on <c>init</c>).</exception>
    public ImmutableArray<ProjectionModel> Models
    {
        get => _models;
        init => _models = !value.IsDefaultOrEmpty && value.All(m => m is not null)
            ? value
            : throw new ArgumentException("Give at least one model, none of them null.", nameof(value));
    }

    /// <summary>Gets the Monte Carlo draws behind each P5–P95 band, 0 for none (default 200).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set below 0 or above <see cref="MonteCarloSettings.MaxDraws"/> (on <c>init</c>).</exception>
    public int Draws
    {
        get => _draws;
        init => _draws = value is >= 0 and <= MonteCarloSettings.MaxDraws
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"The draws must be from 0 to {MonteCarloSettings.MaxDraws:N0}.");
    }

    /// <summary>Gets the seed of the draws, or null for the scenario's (else 42).</summary>
    public int? Seed { get; init; }

    /// <summary>Value equality, the models compared in order.</summary>
    /// <param name="other">The other options.</param>
    /// <returns>Whether models, draws and seed are equal.</returns>
    public bool Equals(BacktestOptions? other) =>
        other is not null && Models.SequenceEqual(other.Models) && Draws == other.Draws && Seed == other.Seed;

    /// <summary>A hash consistent with <see cref="Equals(BacktestOptions?)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(Models.Length, Draws, Seed);
}
