using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using NodaTime;

namespace TradeBalance.Projections;

/// <summary>The projections of a staged scenario, one per year (<see cref="StagedProjection.Project(Scenario, TradeDataSet, TariffSchedule, int, int, ProjectionModelKind?, AnnualDate?)"/>).</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "A path of yearly points; 'ProjectionPath' is the domain name.")]
public sealed class ProjectionPath : IReadOnlyList<ProjectionPathPoint>
{
    internal ProjectionPath(Scenario scenario, ProjectionModelKind model, AnnualDate on, IEnumerable<ProjectionPathPoint> points)
    {
        Scenario = scenario;
        Model = model;
        On = on;
        Points = [.. points];
    }

    /// <summary>Gets the scenario.</summary>
    public Scenario Scenario { get; }

    /// <summary>Gets the model used.</summary>
    public ProjectionModelKind Model { get; }

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

    /// <summary>Returns an enumerator over the points.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<ProjectionPathPoint> GetEnumerator() => ((IEnumerable<ProjectionPathPoint>)Points).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
