namespace TradeBalance.Projections;

/// <summary>One exporter's exports to the scenario's importer over the scenario's markets, in a <see cref="MonteCarloResult"/>.</summary>
/// <param name="Exporter">The exporter.</param>
/// <param name="Importer">The partner (the scenario's importer).</param>
/// <param name="Baseline">Baseline exports over the scenario's markets (not drawn).</param>
/// <param name="Projected">Projected exports over the scenario's markets, over the draws.</param>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record MonteCarloExports(Country Exporter, Country Importer, Money Baseline, PercentileBand<Money> Projected);
