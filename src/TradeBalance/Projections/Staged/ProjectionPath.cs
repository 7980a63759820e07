using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using NodaTime;
using TradeBalance.Internal;

namespace TradeBalance.Projections;

/// <summary>The projections of a staged scenario, one per year (<see cref="ProjectionModel.ProjectStages"/>).</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "A path of yearly points; 'ProjectionPath' is the domain name.")]
[TypeFormatterSource(typeof(NotebookFormatters), PreferredMimeTypes = new[] { NotebookFormatters.Html, NotebookFormatters.Plain })]
public sealed class ProjectionPath : IReadOnlyList<ProjectionPathPoint>
{
    internal ProjectionPath(Scenario scenario, ProjectionModel model, AnnualDate on, IEnumerable<ProjectionPathPoint> points)
    {
        Scenario = scenario;
        Model = model;
        On = on;
        Points = [.. points];
    }

    /// <summary>Gets the scenario.</summary>
    public Scenario Scenario { get; }

    /// <summary>Gets the model used.</summary>
    public ProjectionModel Model { get; }

    /// <summary>Gets the day of each year whose rates apply.</summary>
    public AnnualDate On { get; }

    /// <summary>Gets the points, one per year, ascending.</summary>
    public ImmutableArray<ProjectionPathPoint> Points { get; }

    /// <summary>Gets the number of years.</summary>
    public int Count => Points.Length;

    /// <summary>Gets a point by index.</summary>
    /// <param name="index">The index.</param>
    /// <returns>The point.</returns>
    public ProjectionPathPoint this[int index] => Points[index];

    /// <summary>Returns the point for a year.</summary>
    /// <param name="year">The year.</param>
    /// <returns>The point.</returns>
    /// <exception cref="KeyNotFoundException">The path does not cover that year.</exception>
    public ProjectionPathPoint ForYear(int year) =>
        Points.FirstOrDefault(p => p.Year == year) ?? throw new KeyNotFoundException($"The path covers {Points[0].Year}–{Points[^1].Year}, not {year}.");

    /// <summary>Returns the path as HTML: a compact <c>&lt;table&gt;</c> per beneficiary: each year's stage, projected exports to the importer by product with the rate in force, their total and the bilateral balance, culture-invariant, with every name and note HTML-escaped. A .NET Interactive notebook shows this when it displays the value.</summary>
    /// <returns>A well-formed XHTML fragment (one <c>&lt;div&gt;</c>).</returns>
    public string ToHtml() => ResultDocuments.Of(this).ToHtml();

    /// <summary>Returns the path as Markdown: the same tables as <see cref="ToHtml"/>, with every name and note Markdown-escaped.</summary>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown() => ResultDocuments.Of(this).ToMarkdown();

    /// <summary>Returns an enumerator over the points.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<ProjectionPathPoint> GetEnumerator() => ((IEnumerable<ProjectionPathPoint>)Points).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
