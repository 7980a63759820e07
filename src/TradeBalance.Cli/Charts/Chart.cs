namespace TradeBalance.Cli;

/// <summary>
/// A whole chart, described in data coordinates: what <see cref="SvgChart.Render"/> draws. The value
/// axis starts at zero and ends at a round number above the highest mark (or <paramref name="YTop"/>).
/// </summary>
/// <param name="Title">The title; user text (scenario names) is escaped when written.</param>
/// <param name="XLabel">The horizontal axis's label, or null.</param>
/// <param name="YLabel">The value axis's label.</param>
/// <param name="Width">The width in pixels.</param>
/// <param name="Height">The height in pixels.</param>
/// <param name="XMin">The data value at the plot area's left edge.</param>
/// <param name="XMax">The data value at the plot area's right edge.</param>
/// <param name="XTicks">The labels under the horizontal axis.</param>
/// <param name="Groups">Second-line labels under runs of ticks (empty for none).</param>
/// <param name="Marks">What is drawn, in order: later marks over earlier ones.</param>
/// <param name="Legend">The legend's entries, drawn in rows above the plot area.</param>
/// <param name="YTop">A value the axis must reach, or null for the highest mark.</param>
internal sealed record Chart(
    string Title,
    string? XLabel,
    string YLabel,
    double Width,
    double Height,
    double XMin,
    double XMax,
    IReadOnlyList<AxisTick> XTicks,
    IReadOnlyList<AxisGroup> Groups,
    IReadOnlyList<Mark> Marks,
    IReadOnlyList<LegendItem> Legend,
    double? YTop = null);
