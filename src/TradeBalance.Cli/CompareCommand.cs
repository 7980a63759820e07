using System.CommandLine;
using Spectre.Console;
using TradeBalance.Projections;

namespace TradeBalance.Cli;

/// <summary><c>tradebalance compare</c>: the same scenario under every model, side by side, for the beneficiaries.</summary>
internal static class CompareCommand
{
    public static Command Create(TextWriter stdout)
    {
        var flows = new Option<string?>("--flows") { Description = "Flows file (canonical, UN Comtrade or CEPII BACI; - reads standard input). Default: the embedded Kenya–China data.", HelpName = "FILE" };
        var tariffs = new Option<string?>("--tariffs") { Description = "Tariff file (canonical or WITS; - reads standard input). Default: the embedded China schedule.", HelpName = "FILE" };
        var scenario = new Option<string?>("--scenario") { Description = "Scenario JSON (- reads standard input). Default: the embedded Kenya–China scenario.", HelpName = "FILE" };
        var command = new Command("compare", "Project the scenario with SMART, exact Armington and GSIM and compare the beneficiaries' projected exports and shares.");
        var all = new Option<bool>("--all") { Description = $"Show every beneficiary row; without it a run of more than {ProjectionReport.Largest} shows the {ProjectionReport.Largest} largest." };
        foreach (var o in new Option[] { flows, tariffs, scenario, all })
        {
            command.Options.Add(o);
        }

        command.SetAction(parse =>
        {
            var inputs = Inputs.Load(parse.GetValue(scenario), parse.GetValue(flows), parse.GetValue(tariffs), null, everyImporter: _ => ProjectionModel.All.Any(m => m.NeedsEveryImporter));
            var models = ProjectionModel.All;
            var results = models.Select(m => (Model: m, Result: Steps.Time("project with " + m.DisplayName, () => Projector.Project(inputs, m)))).ToList();
            var rowsByKey = results.Select(x => x.Result.Rows.ToDictionary(r => (r.Exporter, r.Importer, r.Hs))).ToList();
            var console = CliApp.Console(stdout);
            var importer = inputs.Scenario.Importer;
            console.MarkupLine($"[bold]{Terminal.Markup(inputs.Scenario.Name)}[/]: the beneficiaries' exports to {Terminal.Markup(importer.Name)} under each model (USD m; share of the market)");
            var table = new Table { Border = TableBorder.Rounded };
            table.AddColumn("Exporter");
            table.AddColumn("Product");
            table.AddColumn(new TableColumn("Baseline").RightAligned());
            foreach (var m in models)
            {
                table.AddColumn(new TableColumn(m.DisplayName).RightAligned());
            }

            var point = results[0].Result;
            var rows = point.Rows.Where(r => inputs.Scenario.Beneficiaries.Contains(r.Exporter) && r.Importer.Equals(importer)).ToList();
            var shown = parse.GetValue(all) || rows.Count <= ProjectionReport.Largest
                ? rows
                : [.. rows.OrderByDescending(r => r.Baseline.Amount).ThenBy(r => r.Hs).Take(ProjectionReport.Largest)];
            foreach (var row in shown)
            {
                var cells = new List<string>
                {
                    row.Exporter.Alpha3,
                    ProjectionReport.CommodityName(row.Hs),
                    $"{ProjectionReport.Millions(row.Baseline)} ({Percent(row.BaselineShare)})",
                };
                foreach (var byKey in rowsByKey)
                {
                    var r = byKey[(row.Exporter, row.Importer, row.Hs)];
                    cells.Add($"{ProjectionReport.Millions(r.Projected)} ({Percent(r.ProjectedShare)})");
                }

                table.AddRow([.. cells.Select(Terminal.Markup)]);
            }

            console.Write(table);
            if (shown.Count < rows.Count)
            {
                console.MarkupLine($"[grey]Showing the {shown.Count} largest of {rows.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} rows by baseline; --all shows every one.[/]");
            }

            console.MarkupLine("[grey]SMART is linear; Armington solves the CES model it linearises; GSIM also clears each exporter's supply across all its markets. See the README's Models section.[/]");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Percent(double share) => (share * 100d).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
