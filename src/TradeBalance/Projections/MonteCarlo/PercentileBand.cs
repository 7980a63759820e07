namespace TradeBalance.Projections;

/// <summary>The 5th, 50th and 95th percentiles of a figure over the Monte Carlo draws (<see cref="ProjectionModel.MonteCarlo"/>).</summary>
/// <typeparam name="T">The figure's type: <see cref="Money"/> for values, <see cref="double"/> for shares.</typeparam>
/// <param name="P5">The 5th percentile.</param>
/// <param name="P50">The median.</param>
/// <param name="P95">The 95th percentile.</param>
/// <remarks>Percentiles are Hyndman &amp; Fan's type 7 (linear interpolation between order statistics, the default of R and NumPy); see <see cref="ProjectionModel.MonteCarlo"/>. Invariant: P5 ≤ P50 ≤ P95.</remarks>
/// <threadsafety>This type is an immutable value type and thread-safe.</threadsafety>
public readonly record struct PercentileBand<T>(T P5, T P50, T P95);
