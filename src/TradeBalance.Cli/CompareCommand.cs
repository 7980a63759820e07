using System.CommandLine;
using Spectre.Console;
using TradeBalance.Data;
using TradeBalance.Projections;

namespace TradeBalance.Cli;

/// <summary><c>tradebalance compare</c>: the same scenario under every model, side by side, for the beneficiaries.</summary>
internal static class CompareCommand
{
    public static Command Create(TextWriter stdout)
    {
        var flows = new Option<string?>("--flows") { Description = "Flows file (canonical, UN Comtrade or CEPII BACI; - reads standard input), or a folder made by 'baci convert' (only the reference year is read). Default: the embedded Kenya–China data.", HelpName = "FILE" };
        var tariffs = new Option<string?>("--tariffs") { Description = "Tariff file (canonical or WITS; - reads standard input). Default: the embedded China schedule.", HelpName = "FILE" };
        var scenario = new Option<string?>("--scenario") { Description = "Scenario JSON (- reads standard input). Default: the embedded Kenya–China scenario.", HelpName = "FILE" };
        var command = new Command("compare", "Project the scenario with SMART, exact Armington and GSIM and compare the beneficiaries' projected exports and shares.");
        var all = new Option<bool>("--all") { Description = $"Show every beneficiary row; without it a run of more than {ProjectionReport.Largest} shows the {ProjectionReport.Largest} largest." };
        var format = ResultOutput.FormatOption();
        var rawText = ResultOutput.RawTextOption();
        var output = ResultOutput.OutputOption();
        var groups = GroupInputs.GroupsOption();
        var aggregate = GroupInputs.AggregateOption();
        var revisions = RevisionInputs.Create();
        revisions.AddTo(command);
        foreach (var o in new Option[] { flows, tariffs, scenario, groups, aggregate, all, format, rawText, output })
        {
            command.Options.Add(o);
        }

        command.SetAction(parse =>
        {
            var outputPath = parse.GetValue(output);
            var request = ResultOutput.Request(parse.GetValue(format)!, outputPath, stdout, parse.GetValue(rawText));
            OutputPaths.Check([("--output", outputPath)], [("--flows", parse.GetValue(flows)), ("--tariffs", parse.GetValue(tariffs)), ("--scenario", parse.GetValue(scenario)), ("--groups", parse.GetValue(groups)), ("--hs-weights", parse.GetValue(revisions.Weights))]);
            var inputs = Inputs.Load(parse.GetValue(scenario), parse.GetValue(flows), parse.GetValue(tariffs), null, everyImporter: _ => ProjectionModel.All.Any(m => m.NeedsEveryImporter), parse.GetValue(groups), parse.GetValue(aggregate), revisions: revisions.Read(parse));
            Inputs.RefusePackage(inputs, "compare");
            var models = ProjectionModel.All;
            // Each model runs on its own: one that cannot run on these inputs says why in its column, and the others still report.
            var results = models.Select(m => Run(inputs, m)).ToList();
            if (results.All(r => r.Result is null))
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(results[0].Failure!).Throw();
            }

            var table = Tabulate(results);
            ResultOutput.Write(stdout, request, () => table, w => ResultJson.Compare(w, inputs.Scenario, table, results), () => Render(stdout, inputs, models, results, parse.GetValue(all)));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Render(TextWriter stdout, Inputs inputs, IReadOnlyList<ProjectionModel> models, IReadOnlyList<(ProjectionModel Model, ProjectionResult? Result, Exception? Failure)> results, bool showAll)
    {
        var rowsByKey = results.Select(x => x.Result?.Rows.ToDictionary(r => (r.Exporter, r.Importer, r.Hs))).ToList();
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

        var point = results.First(r => r.Result is not null).Result!;
        var rows = point.Rows.Where(r => inputs.Scenario.Beneficiaries.Contains(r.Exporter) && r.Importer.Equals(importer)).ToList();
        var shown = showAll || rows.Count <= ProjectionReport.Largest
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
                cells.Add(byKey is null ? "—" : $"{ProjectionReport.Millions(byKey[(row.Exporter, row.Importer, row.Hs)].Projected)} ({Percent(byKey[(row.Exporter, row.Importer, row.Hs)].ProjectedShare)})");
            }

            table.AddRow([.. cells.Select(Terminal.Markup)]);
        }

        console.Write(table);
        if (shown.Count < rows.Count)
        {
            console.MarkupLine($"[grey]Showing the {shown.Count} largest of {rows.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} rows by baseline; --all shows every one.[/]");
        }

        foreach (var (model, _, failure) in results.Where(r => r.Failure is not null))
        {
            console.MarkupLine(Terminal.Markup($"{model.DisplayName} could not run on these inputs: {CliApp.Classify(failure!).Message}{Hint(model)}"));
        }

        WriteWelfare(console, inputs.Scenario, results);
        console.MarkupLine("[grey]SMART is linear; Armington solves the CES model it linearises; GSIM also clears each exporter's supply across all its markets. docs/models.md gives each model's formulas and welfare measure.[/]");
    }

    /// <summary>
    /// The <c>compare</c> table: every market × supplier of the projection, its baseline, and each model's
    /// projected imports and share (null where that model could not run).
    /// </summary>
    private static OutputTable Tabulate(IReadOnlyList<(ProjectionModel Model, ProjectionResult? Result, Exception? Failure)> results)
    {
        var rows = results.First(r => r.Result is not null).Result!.Rows;
        var columns = new List<OutputColumn>
        {
            OutputColumn.Text("importer", "ISO 3166-1 alpha-3", "The importing country.", rows.Select(r => r.Importer.Alpha3)),
            OutputColumn.Text("exporter", "ISO 3166-1 alpha-3", "The supplier.", rows.Select(r => r.Exporter.Alpha3)),
            OutputColumn.Text("hs", "HS code (leading zeros kept)", "The market's product.", rows.Select(r => r.Hs.ToString())),
            OutputColumn.ExactNumber("baseline_usd", "USD", "Baseline imports from the supplier.", rows.Select(r => (decimal?)r.Baseline.Amount)),
            OutputColumn.FloatingPoint("baseline_share", "fraction", "The supplier's share of the market before, 0 to 1.", rows.Select(r => Finite(r.BaselineShare))),
        };
        foreach (var (model, result, _) in results)
        {
            var byKey = result?.Rows.ToDictionary(r => (r.Exporter, r.Importer, r.Hs));
            var matched = rows.Select(r => byKey is not null && byKey.TryGetValue((r.Exporter, r.Importer, r.Hs), out var m) ? m : null).ToList();
            columns.Add(OutputColumn.ExactNumber(model.Name + "_projected_usd", "USD", $"Projected imports under {model.DisplayName}; null when it could not run on these inputs.", matched.Select(m => m?.Projected.Amount)));
            columns.Add(OutputColumn.FloatingPoint(model.Name + "_projected_share", "fraction", $"The supplier's share after, under {model.DisplayName}; null when it could not run.", matched.Select(m => m is null ? null : Finite(m.ProjectedShare))));
        }

        columns.Add(ResultTables.ScenarioColumn(results.First(r => r.Result is not null).Result!.Scenario, rows.Length));
        return new OutputTable("compare", columns);
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    /// <summary>One model's projection, or why it could not run (bad inputs for that model; a bug still stops the run).</summary>
    private static (ProjectionModel Model, ProjectionResult? Result, Exception? Failure) Run(Inputs inputs, ProjectionModel model)
    {
        try
        {
            return (model, Steps.Time("project with " + model.DisplayName, () => Projector.Project(inputs, model)), null);
        }
        catch (Exception e) when (e is ArgumentException or KeyNotFoundException or ProjectionException)
        {
            return (model, null, e);
        }
    }

    /// <summary>
    /// The importer's welfare under each model, named by its measure: the three models define welfare
    /// differently, so the figures are not one quantity measured three ways. GSIM's cross-market effect
    /// works through exporters' world prices, which do not move under infinite supply: then it says so.
    /// </summary>
    private static void WriteWelfare(IAnsiConsole console, Scenario scenario, IReadOnlyList<(ProjectionModel Model, ProjectionResult? Result, Exception? Failure)> results)
    {
        var importer = scenario.Importer;
        var parts = results
            .Where(r => r.Result is not null)
            .Select(r =>
            {
                var welfare = r.Result!.Markets.Where(m => m.Market.Importer.Equals(importer)).Sum(m => m.Welfare.Amount);
                return $"{r.Model.DisplayName} ({r.Model.WelfareMeasure}) USD {(welfare / 1_000_000m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}m";
            });
        console.MarkupLine(Terminal.Markup($"{importer.Name}'s welfare change, each model's own measure: {string.Join("; ", parts)}."));
        var gsim = results.FirstOrDefault(r => r.Model.Kind == ProjectionModelKind.Gsim && r.Result is not null).Result;
        if (gsim is not null && gsim.Markets.All(m => m.Elasticities.IsSupplyInfinite))
        {
            console.MarkupLine("[grey]Every exporter's supply is infinite here (ε ≥ 99), so no world price moves and GSIM has no cross-market effect: each market is solved on its own, as in the other models. Give a finite exportSupply in the scenario's elasticities to see how the cut moves the beneficiary's sales elsewhere.[/]");
        }
    }

    private static string Hint(ProjectionModel model) => model.NeedsEveryImporter
        ? " Give --tariffs a file with a schedule for every importer in the data (a ROW importer too, if the data has one)."
        : string.Empty;

    private static string Percent(double share) => TradeBalance.Internal.NumberText.Percent(share);
}
