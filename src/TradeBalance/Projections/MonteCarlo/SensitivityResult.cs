using System.Collections.Immutable;

namespace TradeBalance.Projections;

/// <summary>
/// The outcome of a Monte Carlo run (<see cref="Sensitivity.Run"/>): the point projection and, for
/// every reported figure, its 5th, 50th and 95th percentiles over the draws.
/// </summary>
/// <remarks>Figures: per row the projected value and share; per market the projected total, tariff revenue after and welfare; per exporter its exports to the importer over the scenario's markets. Baselines are not drawn.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class SensitivityResult
{
    internal SensitivityResult(Scenario scenario, ProjectionModelKind model, MonteCarloSettings settings, ProjectionResult point, ImmutableArray<SensitivityRow> rows, ImmutableArray<SensitivityMarket> markets, ImmutableArray<SensitivityExports> exports)
    {
        Scenario = scenario;
        Model = model;
        Settings = settings;
        Point = point;
        Rows = rows;
        Markets = markets;
        Exports = exports;
    }

    /// <summary>Gets the scenario.</summary>
    public Scenario Scenario { get; }

    /// <summary>Gets the model each draw was projected with.</summary>
    public ProjectionModelKind Model { get; }

    /// <summary>Gets the draws, seed and spread used.</summary>
    public MonteCarloSettings Settings { get; }

    /// <summary>Gets the projection at the point elasticities.</summary>
    public ProjectionResult Point { get; }

    /// <summary>Gets one entry per market × supplier, in the point projection's row order.</summary>
    public ImmutableArray<SensitivityRow> Rows { get; }

    /// <summary>Gets one entry per market, in the point projection's order.</summary>
    public ImmutableArray<SensitivityMarket> Markets { get; }

    /// <summary>Gets one entry per exporter in the scenario's markets, ordered by exporter.</summary>
    public ImmutableArray<SensitivityExports> Exports { get; }

    /// <summary>Returns an exporter's exports entry.</summary>
    /// <param name="exporter">The exporter.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="KeyNotFoundException">The exporter does not supply the scenario's markets.</exception>
    public SensitivityExports ExportsOf(Country exporter) =>
        Exports.FirstOrDefault(e => e.Exporter.Equals(exporter))
        ?? throw new KeyNotFoundException($"{exporter?.Alpha3} does not supply the scenario's markets.");
}
