using System.Globalization;
using Spectre.Console;
using TradeBalance.Projections;

namespace TradeBalance.Cli;

/// <summary>Renders a staged projection year by year: the rate in force and the beneficiaries' projected exports.</summary>
internal static class PathReport
{
    public static void Render(IAnsiConsole console, ProjectionPath path)
    {
        var ci = CultureInfo.InvariantCulture;
        var scenario = path.Scenario;
        var importer = scenario.Importer;
        console.MarkupLine($"[bold]{Terminal.Markup(scenario.Name)}[/]");
        console.MarkupLine(Terminal.Markup($"{path.Model.DisplayName} model · {scenario.Stages} stage(s) from {scenario.Effective.ToString("uuuu-MM-dd", ci)} · rates as in force on {path.On.ToString("MM-dd", ci)} of each year"));
        foreach (var beneficiary in scenario.Beneficiaries)
        {
            var markets = path.Points[0].Result.Markets.Where(m => m.Market.Importer.Equals(importer)).Select(m => m.Market.Hs).ToList();
            var table = new Table { Border = TableBorder.Rounded, Title = new TableTitle(Terminal.Markup($"{beneficiary.Name}'s exports to {importer.Name} by year (USD m; rate in force)")) };
            table.AddColumn("Year");
            table.AddColumn(new TableColumn("Stage").RightAligned());
            foreach (var hs in markets)
            {
                table.AddColumn(new TableColumn(Terminal.Markup(ProjectionReport.CommodityName(hs))).RightAligned());
            }

            table.AddColumn(new TableColumn("Total").RightAligned());
            // "All goods" only when the data hold the pair's totals; otherwise the balance covers the products in the data.
            var allGoods = path.Points[0].Result.Data.HasTotals(beneficiary);
            table.AddColumn(new TableColumn(allGoods ? "Balance, all goods" : "Balance, these products").RightAligned());
            foreach (var point in path.Points)
            {
                var cells = new List<string> { point.Year.ToString(ci), point.Stage.ToString(ci) };
                var total = Money.Zero(point.Result.Data.Currency);
                foreach (var hs in markets)
                {
                    var row = point.Result.Rows.FirstOrDefault(r => r.Exporter.Equals(beneficiary) && r.Importer.Equals(importer) && r.Hs.Equals(hs));
                    if (row is null)
                    {
                        cells.Add("—");
                        continue;
                    }

                    total += row.Projected;
                    cells.Add($"{ProjectionReport.Millions(row.Projected)} ({row.TariffAfter.Percent.ToString("0.##", ci)}%)");
                }

                cells.Add(ProjectionReport.Millions(total));
                cells.Add(ProjectionReport.Millions(point.Result.Balance(beneficiary, importer).After.Balance));
                table.AddRow([.. cells.Select(Terminal.Markup)]);
            }

            console.Write(table);
        }

        // Every year's notes, each once: what the scenario names that takes no part is the same every year.
        ProjectionReport.RenderNotes(console, path.Points.SelectMany(p => p.Result.Notes).Distinct());
    }
}
