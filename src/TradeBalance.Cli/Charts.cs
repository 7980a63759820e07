using ScottPlot;
using TradeBalance.Projections;
using Bar = ScottPlot.Bar;

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
            var ordered = market.Rows.OrderByDescending(r => r.Baseline.Amount).ToList();
            for (var k = 0; k < ordered.Count; k++)
            {
                var row = ordered[k];
                var b = plot.Add.Bar(x, row.BaselineShare * 100);
                b.Color = before;
                var a = plot.Add.Bar(x + 0.4, row.ProjectedShare * 100);
                a.Color = after;
                foreach (var bar in b.Bars.Concat(a.Bars))
                {
                    bar.Size = 0.4;
                }

                // The commodity is named once, under the middle bar of its group.
                var group = k == ordered.Count / 2 ? ProjectionReport.CommodityName(market.Market.Hs) : string.Empty;
                ticks.AddMajor(x + 0.2, $"{row.Exporter.Alpha3}\n{group}");
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
        Save(plot, path, Math.Max(900, (int)(x * 62)), 560);
    }

    public static void WritePath(ProjectionPath path, string file)
    {
        var plot = new Plot();
        var importer = path.Scenario.Importer;
        double[] years = [.. path.Points.Select(p => (double)p.Year)];
        foreach (var beneficiary in path.Scenario.Beneficiaries)
        {
            foreach (var market in path.Points[0].Result.Markets.Where(m => m.Market.Importer.Equals(importer)))
            {
                double[] values = [.. path.Points.Select(p => (double)(p.Result.Rows.FirstOrDefault(r => r.Exporter.Equals(beneficiary) && r.Hs.Equals(market.Market.Hs) && r.Importer.Equals(importer))?.Projected.Amount ?? 0m) / 1e6)];
                var line = plot.Add.Scatter(years, values);
                line.LegendText = $"{beneficiary.Alpha3} {ProjectionReport.CommodityName(market.Market.Hs)}";
                line.LineWidth = 2;
                line.MarkerSize = 6;
            }
        }

        plot.Title($"{path.Scenario.Name}: projected exports by year ({ProjectionReport.ModelName(path.Model)})");
        plot.YLabel("USD million");
        plot.XLabel("Year");
        var yearTicks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var year in path.Points.Select(p => p.Year))
        {
            yearTicks.AddMajor(year, year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        plot.Axes.Bottom.TickGenerator = yearTicks;
        plot.ShowLegend(Alignment.UpperLeft);
        Save(plot, file, 900, 520);
    }

    public static void WriteFan(SensitivityResult result, string file)
    {
        var plot = new Plot();
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var x = 0.0;
        foreach (var row in result.Rows.Where(r => result.Scenario.Beneficiaries.Contains(r.Exporter) && r.Importer.Equals(result.Scenario.Importer)))
        {
            var band = result.Point.Rows.First(p => p.Exporter.Equals(row.Exporter) && p.Hs.Equals(row.Hs) && p.Importer.Equals(row.Importer));
            var bar = plot.Add.Bar(new Bar { Position = x, ValueBase = (double)row.Projected.P5.Amount / 1e6, Value = (double)row.Projected.P95.Amount / 1e6, FillColor = Color.FromHex("#DD8452").WithAlpha(0.45), Size = 0.5 });
            _ = bar;
            var median = plot.Add.Marker(x, (double)row.Projected.P50.Amount / 1e6);
            median.Color = Color.FromHex("#C44E52");
            median.Size = 10;
            var point = plot.Add.Marker(x, (double)band.Projected.Amount / 1e6, MarkerShape.OpenDiamond);
            point.Color = Colors.Black;
            point.Size = 10;
            var baseline = plot.Add.Marker(x, (double)row.Baseline.Amount / 1e6, MarkerShape.FilledSquare);
            baseline.Color = Color.FromHex("#4C72B0");
            baseline.Size = 8;
            ticks.AddMajor(x, $"{row.Exporter.Alpha3} {ProjectionReport.CommodityName(row.Hs)}");
            x += 1;
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Title($"Projected exports: P5–P95 over {result.Settings.Draws} Monte Carlo draws ({ProjectionReport.ModelName(result.Model)})");
        plot.YLabel("USD million");
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "baseline", MarkerStyle = new MarkerStyle(MarkerShape.FilledSquare, 8, Color.FromHex("#4C72B0")) });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "point projection", MarkerStyle = new MarkerStyle(MarkerShape.OpenDiamond, 10, Colors.Black) });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "P50", MarkerStyle = new MarkerStyle(MarkerShape.FilledCircle, 10, Color.FromHex("#C44E52")) });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "P5–P95", FillColor = Color.FromHex("#DD8452").WithAlpha(0.45) });
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Axes.SetLimitsY(0, (double)result.Rows.Where(r => result.Scenario.Beneficiaries.Contains(r.Exporter)).Max(r => r.Projected.P95.Amount) / 1e6 * 1.35);
        Save(plot, file, Math.Max(900, (int)(x * 200)), 520);
    }

    public static void Save(Plot plot, string path, int width, int height)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var extension = Path.GetExtension(path).ToUpperInvariant();
        if (extension is not (".PNG" or ".SVG"))
        {
            throw new UsageException($"--chart: '{path}' must end in .png or .svg.");
        }

        // Drawn to a new file beside the chart and moved over it only when complete, so a failed run
        // leaves the old chart (or none).
        var target = OutputPaths.Resolve(path);
        var temporary = Path.Combine(Path.GetDirectoryName(target) ?? ".", $".{Path.GetFileNameWithoutExtension(target)}.{Guid.NewGuid():N}{Path.GetExtension(target)}");
        try
        {
            if (extension == ".PNG")
            {
                plot.SavePng(temporary, width, height);
            }
            else
            {
                plot.SaveSvg(temporary, width, height);
            }

            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
