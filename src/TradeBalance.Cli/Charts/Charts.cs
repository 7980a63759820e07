using TradeBalance.Projections;

namespace TradeBalance.Cli;

/// <summary>The tool's three charts, as SVG: supplier shares before and after, a staged cut's path over the years, and a Monte Carlo fan.</summary>
internal static class Charts
{
    private const string Before = "#4C72B0";
    private const string After = "#DD8452";
    private const string Median = "#C44E52";
    private const string Point = "#000000";

    /// <summary>Line colours, in order, repeated when there are more lines.</summary>
    private static readonly string[] Palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    /// <summary>Each supplier's share of the importer's imports before and after, as pairs of bars grouped by commodity.</summary>
    public static void WriteShares(ProjectionResult result, string path) => ChartFile.Write(path, SvgChart.Render(Shares(result)));

    /// <summary>The beneficiaries' projected exports to the importer, year by year.</summary>
    public static void WritePath(ProjectionPath path, string file) => ChartFile.Write(file, SvgChart.Render(Path(path)));

    /// <summary>The beneficiaries' projected exports: the P5–P95 band, P50, the point projection and the baseline.</summary>
    public static void WriteFan(MonteCarloResult result, string file) => ChartFile.Write(file, SvgChart.Render(Fan(result)));

    /// <summary>The shares chart, described.</summary>
    internal static Chart Shares(ProjectionResult result)
    {
        var marks = new List<Mark>();
        var ticks = new List<AxisTick>();
        var groups = new List<AxisGroup>();
        var x = 0.0;
        foreach (var market in result.Markets)
        {
            var ordered = market.Rows.OrderByDescending(r => r.Baseline.Amount).ToList();
            var first = x;
            foreach (var row in ordered)
            {
                marks.Add(new BarMark(x - 0.2, 0.4, 0, (double)(row.BaselineShare * 100), Before));
                marks.Add(new BarMark(x + 0.2, 0.4, 0, (double)(row.ProjectedShare * 100), After));
                ticks.Add(new AxisTick(x, row.Exporter.Alpha3));
                x += 1;
            }

            groups.Add(new AxisGroup(first, x - 1, ProjectionReport.CommodityName(market.Market.Hs)));
            x += 0.8;
        }

        return new Chart(
            $"{result.Scenario.Name}: supplier shares before and after ({result.Model.DisplayName}, baseline {result.Year})",
            XLabel: null,
            YLabel: "Share of the importer's imports (%)",
            Width: Math.Max(900, x * 62),
            Height: 560,
            XMin: -0.7,
            XMax: Math.Max(x - 1.1, 0.7),
            ticks,
            groups,
            marks,
            [new LegendItem("before", Before), new LegendItem("after", After)]);
    }

    /// <summary>The time-path chart, described.</summary>
    internal static Chart Path(ProjectionPath path)
    {
        var importer = path.Scenario.Importer;
        var years = path.Points.Select(p => p.Year).ToList();
        var marks = new List<Mark>();
        var legend = new List<LegendItem>();
        foreach (var beneficiary in path.Scenario.Beneficiaries)
        {
            foreach (var market in path.Points[0].Result.Markets.Where(m => m.Market.Importer.Equals(importer)))
            {
                var color = Palette[marks.Count % Palette.Length];
                (double, double)[] points = [.. path.Points.Select(p => ((double)p.Year, (double)(p.Result.Rows.FirstOrDefault(r => r.Exporter.Equals(beneficiary) && r.Hs.Equals(market.Market.Hs) && r.Importer.Equals(importer))?.Projected.Amount ?? 0m) / 1e6))];
                marks.Add(new LineMark(points, color));
                legend.Add(new LegendItem($"{beneficiary.Alpha3} {ProjectionReport.CommodityName(market.Market.Hs)}", color, Line: true));
            }
        }

        return new Chart(
            $"{path.Scenario.Name}: projected exports by year ({path.Model.DisplayName})",
            XLabel: "Year",
            YLabel: "USD million",
            Width: 900,
            Height: 520,
            XMin: years.Min() - 0.3,
            XMax: years.Max() + 0.3,
            [.. years.Select(y => new AxisTick(y, y.ToString(System.Globalization.CultureInfo.InvariantCulture)))],
            [],
            marks,
            legend);
    }

    /// <summary>The fan chart, described.</summary>
    internal static Chart Fan(MonteCarloResult result)
    {
        var marks = new List<Mark>();
        var ticks = new List<AxisTick>();
        var x = 0.0;
        foreach (var row in result.Rows.Where(r => result.Scenario.Beneficiaries.Contains(r.Exporter) && r.Importer.Equals(result.Scenario.Importer)))
        {
            var band = result.Point.Rows.First(p => p.Exporter.Equals(row.Exporter) && p.Hs.Equals(row.Hs) && p.Importer.Equals(row.Importer));
            marks.Add(new BarMark(x, 0.5, (double)row.Projected.P5.Amount / 1e6, (double)row.Projected.P95.Amount / 1e6, After, Opacity: 0.45));
            marks.Add(new PointMark(x, (double)row.Baseline.Amount / 1e6, MarkerShape.Square, 9, Before));
            marks.Add(new PointMark(x, (double)row.Projected.P50.Amount / 1e6, MarkerShape.Circle, 11, Median));
            marks.Add(new PointMark(x, (double)band.Projected.Amount / 1e6, MarkerShape.OpenDiamond, 12, Point));
            ticks.Add(new AxisTick(x, $"{row.Exporter.Alpha3} {ProjectionReport.CommodityName(row.Hs)}"));
            x += 1;
        }

        return new Chart(
            $"Projected exports: P5–P95 over {result.Settings.Draws} Monte Carlo draws ({result.Model.DisplayName})",
            XLabel: null,
            YLabel: "USD million",
            Width: Math.Max(900, x * 200),
            Height: 520,
            XMin: -0.6,
            XMax: Math.Max(x - 0.4, 0.6),
            ticks,
            [],
            marks,
            [
                new LegendItem("baseline", Before, MarkerShape.Square),
                new LegendItem("point projection", Point, MarkerShape.OpenDiamond),
                new LegendItem("P50", Median, MarkerShape.Circle),
                new LegendItem("P5–P95", After, Opacity: 0.45),
            ]);
    }
}
