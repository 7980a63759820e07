using System.Collections.Immutable;

namespace TradeBalance.Projections;

/// <summary>What <see cref="Backtest.Run"/> gives: the case, and one score per outcome year, model, source of σ, market and beneficiary.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class BacktestResult
{
    internal BacktestResult(BacktestCase backtestCase, BacktestOptions options, ImmutableArray<string> substitutionSources, ImmutableArray<BacktestScore> scores)
    {
        Case = backtestCase;
        Options = options;
        SubstitutionSources = substitutionSources;
        Scores = scores;
    }

    /// <summary>Gets the case replayed.</summary>
    public BacktestCase Case { get; }

    /// <summary>Gets the options used.</summary>
    public BacktestOptions Options { get; }

    /// <summary>Gets the sources of σ scored, in order: each table alone, then the middle of all, or <c>scenario</c>.</summary>
    public ImmutableArray<string> SubstitutionSources { get; }

    /// <summary>Gets the scores, by year, then model, then source of σ, then market and beneficiary.</summary>
    public ImmutableArray<BacktestScore> Scores { get; }
}
