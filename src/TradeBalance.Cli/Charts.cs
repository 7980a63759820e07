using ScottPlot;
using TradeBalance.Projections;

namespace TradeBalance.Cli;

/// <summary>Draws each supplier's market share before and after, per commodity, as a PNG or SVG.</summary>
internal static class Charts
{
    public static void WriteShares(ProjectionResult result, string path)
    {
        var plot = new Plot();
        var before = Color.FromHex("#4C72B0");
        var after = Color.FromHex("#DD8452");
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var x = 0.0;
        foreach (var market in result.Markets)
        {
            foreach (var row in market.Rows.OrderByDescending(r => r.Baseline.Amount))
            {
                var b = plot.Add.Bar(x, row.BaselineShare * 100);
                b.Color = before;
                var a = plot.Add.Bar(x + 0.4, row.ProjectedShare * 100);
                a.Color = after;
                foreach (var bar in b.Bars.Concat(a.Bars))
                {
                    bar.Size = 0.4;
                }

                ticks.AddMajor(x + 0.2, $"{row.Exporter.Alpha3}\n{ProjectionReport.CommodityName(market.Market.Hs)}");
                x += 1;
            }

            x += 0.8;
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Margins(bottom: 0);
        plot.Title($"{result.Scenario.Name}: supplier shares before and after ({ProjectionReport.ModelName(result.Model)}, baseline {result.Year})");
        plot.YLabel("Share of the importer's imports (%)");
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "before", FillColor = before });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "after", FillColor = after });
        plot.ShowLegend(Alignment.UpperRight);
        Save(plot, path, Math.Max(900, (int)(x * 55)), 560);
    }

    public static void Save(Plot plot, string path, int width, int height)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        switch (Path.GetExtension(path).ToUpperInvariant())
        {
            case ".PNG":
                plot.SavePng(path, width, height);
                break;
            case ".SVG":
                plot.SaveSvg(path, width, height);
                break;
            default:
                throw new UsageException($"--chart: '{path}' must end in .png or .svg.");
        }
    }
}
