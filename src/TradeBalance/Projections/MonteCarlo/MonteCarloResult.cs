using System.Collections.Immutable;
using TradeBalance.Internal;

namespace TradeBalance.Projections;

/// <summary>
/// The outcome of a Monte Carlo run (<see cref="ProjectionModel.MonteCarlo"/>): the point projection and, for
/// every reported figure, its 5th, 50th and 95th percentiles over the draws.
/// </summary>
/// <remarks>Figures: per row the projected value and share; per market the projected total, tariff revenue after and welfare; per exporter its exports to the importer over the scenario's markets. Baselines are not drawn.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
[TypeFormatterSource(typeof(NotebookFormatters), PreferredMimeTypes = new[] { NotebookFormatters.Html, NotebookFormatters.Plain })]
public sealed class MonteCarloResult
{
    internal MonteCarloResult(Scenario scenario, ProjectionModel model, MonteCarloSettings settings, ProjectionResult point, ImmutableArray<MonteCarloRow> rows, ImmutableArray<MonteCarloMarket> markets, ImmutableArray<MonteCarloExports> exports)
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
    public ProjectionModel Model { get; }

    /// <summary>Gets the draws, seed and spread used.</summary>
    public MonteCarloSettings Settings { get; }

    /// <summary>Gets the projection at the point elasticities.</summary>
    public ProjectionResult Point { get; }

    /// <summary>Gets one entry per market × supplier, in the point projection's row order.</summary>
    public ImmutableArray<MonteCarloRow> Rows { get; }

    /// <summary>Gets one entry per market, in the point projection's order.</summary>
    public ImmutableArray<MonteCarloMarket> Markets { get; }

    /// <summary>Gets one entry per exporter in the scenario's markets, ordered by exporter.</summary>
    public ImmutableArray<MonteCarloExports> Exports { get; }

    /// <summary>Returns an exporter's exports entry.</summary>
    /// <param name="exporter">The exporter.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="KeyNotFoundException">The exporter does not supply the scenario's markets.</exception>
    public MonteCarloExports ExportsOf(Country exporter) =>
        Exports.FirstOrDefault(e => e.Exporter.Equals(exporter))
        ?? throw new KeyNotFoundException($"{exporter?.Alpha3} does not supply the scenario's markets.");

    /// <summary>Returns the bands as HTML: a compact <c>&lt;table&gt;</c> each for exporters, markets and suppliers, with the P5, P50 and P95 of every figure,, culture-invariant, with every name and note HTML-escaped. A .NET Interactive notebook shows this when it displays the value.</summary>
    /// <returns>A well-formed XHTML fragment (one <c>&lt;div&gt;</c>).</returns>
    public string ToHtml() => ResultDocuments.Of(this).ToHtml();

    /// <summary>Returns the bands as Markdown: the same tables as <see cref="ToHtml"/>, with every name and note Markdown-escaped.</summary>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown() => ResultDocuments.Of(this).ToMarkdown();
}
