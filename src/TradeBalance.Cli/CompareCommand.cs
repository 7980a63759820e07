using System.CommandLine;
using Spectre.Console;
using TradeBalance.Projections;

namespace TradeBalance.Cli;

/// <summary><c>tradebalance compare</c>: the same scenario under every model, side by side, for the beneficiaries.</summary>
internal static class CompareCommand
{
    public static Command Create(TextWriter stdout)
    {
        var flows = new Option<string?>("--flows") { Description = "Flows file (canonical, UN Comtrade or CEPII BACI). Default: the embedded Kenya–China data.", HelpName = "FILE" };
        var tariffs = new Option<string?>("--tariffs") { Description = "Tariff file (canonical or WITS). Default: the embedded China schedule.", HelpName = "FILE" };
        var scenario = new Option<string?>("--scenario") { Description = "Scenario JSON. Default: the embedded Kenya–China scenario.", HelpName = "FILE" };
        var command = new Command("compare", "Project the scenario with SMART, exact Armington and GSIM and compare the beneficiaries' projected exports and shares.");
        foreach (var o in new Option[] { flows, tariffs, scenario })
        {
            command.Options.Add(o);
        }

        command.SetAction(parse =>
        {
            var inputs = Inputs.Load(parse.GetValue(scenario), parse.GetValue(flows), parse.GetValue(tariffs), null);
            var models = new[] { ProjectionModelKind.Smart, ProjectionModelKind.Armington, ProjectionModelKind.Gsim };
            var results = models.Select(m => (Model: m, Result: Projector.Project(inputs, m))).ToList();
            var console = CliApp.Console(stdout);
            var importer = inputs.Scenario.Importer;
            console.MarkupLine($"[bold]{Markup.Escape(inputs.Scenario.Name)}[/]: the beneficiaries' exports to {Markup.Escape(importer.Name)} under each model (USD m; share of the market)");
            var table = new Table { Border = TableBorder.Rounded };
            table.AddColumn("Exporter");
            table.AddColumn("Product");
            table.AddColumn(new TableColumn("Baseline").RightAligned());
            foreach (var m in models)
            {
                table.AddColumn(new TableColumn(ProjectionReport.ModelName(m)).RightAligned());
            }

            var point = results[0].Result;
            foreach (var row in point.Rows.Where(r => inputs.Scenario.Beneficiaries.Contains(r.Exporter) && r.Importer.Equals(importer)))
            {
                var cells = new List<string>
                {
                    row.Exporter.Alpha3,
                    ProjectionReport.CommodityName(row.Hs),
                    $"{ProjectionReport.Millions(row.Baseline)} ({Percent(row.BaselineShare)})",
                };
                foreach (var (_, result) in results)
                {
                    var r = result.Rows.Single(x => x.Exporter.Equals(row.Exporter) && x.Importer.Equals(row.Importer) && x.Hs.Equals(row.Hs));
                    cells.Add($"{ProjectionReport.Millions(r.Projected)} ({Percent(r.ProjectedShare)})");
                }

                table.AddRow([.. cells.Select(Markup.Escape)]);
            }

            console.Write(table);
            console.MarkupLine("[grey]SMART is linear; Armington solves the CES model it linearises; GSIM also clears each exporter's supply across all its markets. See the README's Models section.[/]");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Percent(double share) => (share * 100d).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
