namespace TradeBalance.Cli;

/// <summary>The shape of a point marker, in the plot and in the legend.</summary>
internal enum MarkerShape
{
    /// <summary>A filled circle.</summary>
    Circle,

    /// <summary>A filled square.</summary>
    Square,

    /// <summary>An outlined diamond, drawn over other marks.</summary>
    OpenDiamond,
}

/// <summary>Something drawn in data coordinates inside the plot area.</summary>
/// <param name="Color">The fill or stroke colour, as <c>#rrggbb</c>.</param>
internal abstract record Mark(string Color);

/// <summary>A bar centred on <paramref name="X"/> from <paramref name="From"/> to <paramref name="To"/> on the value axis (a band when <paramref name="From"/> is not zero).</summary>
internal sealed record BarMark(double X, double Width, double From, double To, string Color, double Opacity = 1) : Mark(Color);

/// <summary>A line through points, with a dot on each.</summary>
internal sealed record LineMark(IReadOnlyList<(double X, double Y)> Points, string Color) : Mark(Color);

/// <summary>One marker at a point.</summary>
internal sealed record PointMark(double X, double Y, MarkerShape Shape, double Size, string Color) : Mark(Color);

/// <summary>A label under the horizontal axis at a position.</summary>
internal sealed record AxisTick(double Position, string Label);

/// <summary>A label on a second line under the horizontal axis, centred between two positions (a group of bars).</summary>
internal sealed record AxisGroup(double From, double To, string Label);

/// <summary>One entry of the legend: a swatch (a box, a line with a dot, or a marker) and its label.</summary>
/// <param name="Label">The text; escaped when written.</param>
/// <param name="Color">The swatch's colour.</param>
/// <param name="Marker">A marker shape, or null for a box (with <paramref name="Line"/> false) or a line.</param>
/// <param name="Line">Draw a short line with a dot, as for a <see cref="LineMark"/>.</param>
/// <param name="Opacity">The box's fill opacity.</param>
internal sealed record LegendItem(string Label, string Color, MarkerShape? Marker = null, bool Line = false, double Opacity = 1);
