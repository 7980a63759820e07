namespace TradeBalance.Cli;

/// <summary>
/// Draws a <see cref="Chart"/> as SVG: the title, the legend in rows under it, the plot area with
/// horizontal grid lines at round values, the value axis from zero with its ticks and label, the
/// horizontal axis's labels (and group labels under them), then the marks.
/// </summary>
internal static class SvgChart
{
    private const double TitleSize = 16;
    private const double LabelSize = 14;
    private const double TickSize = 12;
    private const double LegendRow = 20;

    /// <summary>The chart as an SVG document.</summary>
    public static string Render(Chart chart)
    {
        var svg = new SvgWriter(chart.Width, chart.Height, chart.Title);
        svg.Text(chart.Width / 2, 26, chart.Title, TitleSize, bold: true, cssClass: "title");

        var left = 78.0;
        var right = chart.Width - 24;
        var legendRows = LayoutLegend(chart.Legend, left, right);
        var top = 44 + (legendRows.Count * LegendRow) + 8;
        var bottom = chart.Height - 30 - (chart.Groups.Count > 0 ? 18 : 0) - (chart.XLabel is null ? 0 : 22);

        var highest = chart.Marks.SelectMany(Values).DefaultIfEmpty(0).Max();
        var scale = NiceScale.Covering(0, Math.Max(highest, chart.YTop ?? 0));
        var xSpan = chart.XMax - chart.XMin is > 0 and var s ? s : 1;
        double X(double x) => left + ((x - chart.XMin) / xSpan * (right - left));
        double Y(double y) => bottom - ((y - scale.Min) / (scale.Max - scale.Min) * (bottom - top));

        // Grid and value axis.
        foreach (var tick in scale.Ticks)
        {
            svg.Line(left, Y(tick), right, Y(tick), "#e3e3e3", cssClass: "grid");
            svg.Line(left - 5, Y(tick), left, Y(tick), "#222222");
            svg.Text(left - 8, Y(tick) + 4, scale.Label(tick), TickSize, anchor: "end", cssClass: "y-tick");
        }

        svg.Text(20, (top + bottom) / 2, chart.YLabel, LabelSize, bold: true, rotate: true, cssClass: "y-label");

        // Horizontal axis labels.
        foreach (var tick in chart.XTicks)
        {
            svg.Line(X(tick.Position), bottom, X(tick.Position), bottom + 5, "#222222");
            svg.Text(X(tick.Position), bottom + 20, tick.Label, TickSize, cssClass: "x-tick");
        }

        foreach (var group in chart.Groups)
        {
            svg.Text((X(group.From) + X(group.To)) / 2, bottom + 38, group.Label, TickSize, bold: true, cssClass: "x-group");
        }

        if (chart.XLabel is not null)
        {
            svg.Text((left + right) / 2, chart.Height - 10, chart.XLabel, LabelSize, bold: true, cssClass: "x-label");
        }

        // Marks: bars, then lines, then markers, so points stay visible on bands.
        foreach (var bar in chart.Marks.OfType<BarMark>())
        {
            var x0 = X(bar.X - (bar.Width / 2));
            var x1 = X(bar.X + (bar.Width / 2));
            var y0 = Y(Math.Max(bar.From, bar.To));
            var y1 = Y(Math.Min(bar.From, bar.To));
            svg.Rect(x0, y0, x1 - x0, y1 - y0, bar.Color, "#333333", bar.Opacity, cssClass: "bar");
        }

        foreach (var line in chart.Marks.OfType<LineMark>())
        {
            svg.Polyline(line.Points.Select(p => (X(p.X), Y(p.Y))), line.Color, 2, cssClass: "line");
            foreach (var (x, y) in line.Points)
            {
                svg.Marker(MarkerShape.Circle, X(x), Y(y), 7, line.Color);
            }
        }

        foreach (var point in chart.Marks.OfType<PointMark>())
        {
            svg.Marker(point.Shape, X(point.X), Y(point.Y), point.Size, point.Color, cssClass: "marker");
        }

        // The axes' lines, over the grid and the bars' feet.
        svg.Line(left, bottom, right, bottom, "#222222", cssClass: "axis");
        svg.Line(left, top, left, bottom, "#222222", cssClass: "axis");

        var rowY = 44.0;
        foreach (var row in legendRows)
        {
            foreach (var (item, x) in row)
            {
                DrawLegendItem(svg, item, x, rowY);
            }

            rowY += LegendRow;
        }

        return svg.ToString();
    }

    /// <summary>About how wide a text is drawn, in pixels: a rule of thumb for a sans-serif font.</summary>
    private static double TextWidth(string text, double size) => SvgText.Escape(text).Length * size * 0.6;

    /// <summary>The legend's entries in rows that fit between the plot's edges, each with its left edge.</summary>
    private static List<List<(LegendItem Item, double X)>> LayoutLegend(IReadOnlyList<LegendItem> items, double left, double right)
    {
        var rows = new List<List<(LegendItem, double)>>();
        var x = left;
        foreach (var item in items)
        {
            var width = 28 + TextWidth(item.Label, TickSize) + 18;
            if (rows.Count == 0 || (x + width > right && x > left))
            {
                rows.Add([]);
                x = left;
            }

            rows[^1].Add((item, x));
            x += width;
        }

        return rows;
    }

    private static void DrawLegendItem(SvgWriter svg, LegendItem item, double x, double y)
    {
        if (item.Line)
        {
            svg.Line(x, y, x + 22, y, item.Color, 2, cssClass: "legend-swatch");
            svg.Marker(MarkerShape.Circle, x + 11, y, 7, item.Color);
        }
        else if (item.Marker is { } shape)
        {
            svg.Marker(shape, x + 11, y, 10, item.Color, cssClass: "legend-swatch");
        }
        else
        {
            svg.Rect(x, y - 6, 22, 12, item.Color, "#333333", item.Opacity, cssClass: "legend-swatch");
        }

        svg.Text(x + 28, y + 4, item.Label, TickSize, anchor: "start", cssClass: "legend");
    }

    private static IEnumerable<double> Values(Mark mark) => mark switch
    {
        BarMark b => [b.From, b.To],
        LineMark l => l.Points.Select(p => p.Y),
        PointMark p => [p.Y],
        _ => [],
    };
}
