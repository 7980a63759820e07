using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TradeBalance.Data;
using TradeBalance.Projections;

namespace TradeBalance.Cli;

/// <summary><c>tradebalance sensitivity</c>: Monte Carlo over the elasticities, P5/P50/P95 of every figure.</summary>
internal static class SensitivityCommand
{
    /// <summary>The models, by name (Monte Carlo runs over every one).</summary>
    private static readonly string[] MonteCarloModels = [.. ProjectionModel.All.Select(m => m.Name)];

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var flows = new Option<string?>("--flows") { Description = "Flows file (canonical, UN Comtrade or CEPII BACI; - reads standard input), or a folder made by 'baci convert' (only the reference year is read). Default: the embedded Kenya–China data.", HelpName = "FILE" };
        var tariffs = new Option<string?>("--tariffs") { Description = "Tariff file (canonical or WITS; - reads standard input). Default: the embedded China schedule.", HelpName = "FILE" };
        var scenario = new Option<string?>("--scenario") { Description = "Scenario JSON (- reads standard input). Default: the embedded Kenya–China scenario.", HelpName = "FILE" };
        var model = new Option<string?>("--model") { Description = "Model: " + string.Join(" or ", MonteCarloModels) + ". Default: the scenario's.", HelpName = "NAME" };
        var draws = OptionValues.WholeNumber("--draws", 1, 1_000_000);
        draws.Description = "Number of draws, 1 to 1,000,000. Default: the scenario's (monteCarlo.draws), else 1000.";
        draws.HelpName = "N";
        var seed = OptionValues.WholeNumber("--seed", int.MinValue, int.MaxValue);
        seed.Description = "Random seed, a whole number (default: the scenario's, else 42): the same seed gives the same bands on any number of threads.";
        seed.HelpName = "S";
        var spread = OptionValues.Fraction("--spread");
        spread.Description = "Relative half-width of the uniform range around each elasticity, in [0, 1) (default: the scenario's, else 0.5).";
        spread.HelpName = "X";
        var chart = new Option<string?>("--chart") { Description = "Draw a fan chart of the beneficiaries' projected exports (P5–P95, P50, point, baseline) to FILE (.svg).", HelpName = "FILE" };
        var format = ResultOutput.FormatOption();
        var rawText = ResultOutput.RawTextOption();
        var output = ResultOutput.OutputOption();
        var command = new Command("sensitivity", "Monte Carlo over the elasticities: P5/P50/P95 of every supplier's projected imports and share.");
        var all = new Option<bool>("--all") { Description = $"Show every market in the table; without it a run of more than {ProjectionReport.Largest} markets shows the {ProjectionReport.Largest} largest." };
        var groups = GroupInputs.GroupsOption();
        var aggregate = GroupInputs.AggregateOption();
        var revisions = RevisionInputs.Create();
        revisions.AddTo(command);
        foreach (var o in new Option[] { flows, tariffs, scenario, groups, aggregate, model, draws, seed, spread, chart, format, rawText, output, all })
        {
            command.Options.Add(o);
        }

        command.SetAction(parse =>
        {
            var chartPath = parse.GetValue(chart);
            var outputPath = parse.GetValue(output);
            var request = ResultOutput.Request(parse.GetValue(format)!, outputPath, stdout, parse.GetValue(rawText));
            ChartFile.Check(chartPath);
            OutputPaths.Check([("--output", outputPath), ("--chart", chartPath)], [("--flows", parse.GetValue(flows)), ("--tariffs", parse.GetValue(tariffs)), ("--scenario", parse.GetValue(scenario)), ("--groups", parse.GetValue(groups)), ("--hs-weights", parse.GetValue(revisions.Weights))]);

            // Every option is checked before a file is read; the model and the draws are resolved once, the scenario's counting where no option is given.
            var given = parse.GetValue(model) is { } name ? Projector.ParseModel(name) : null;
            var inputs = Inputs.Load(parse.GetValue(scenario), parse.GetValue(flows), parse.GetValue(tariffs), null, s => ProjectionModel.Resolve(s, given).NeedsEveryImporter, parse.GetValue(groups), parse.GetValue(aggregate), revisions: revisions.Read(parse));
            Inputs.RefusePackage(inputs, "sensitivity");
            var chosen = ProjectionModel.Resolve(inputs.Scenario, given);

            // σ is drawn between the scenario's tables where it names several (docs/models.md, "Uncertainty across sources").
            var settings = MonteCarloSettings.Resolve(inputs.Scenario, chosen, MonteCarloUse.Sensitivity, parse.GetValue(draws), parse.GetValue(seed), parse.GetValue(spread))!;
            var modelInputs = inputs.For(chosen);
            var console = CliApp.Console(stdout);
            MonteCarloResult result;
            // Spectre's progress bar draws on standard output: only beside a table on a terminal.
            if (console.Profile.Capabilities.Interactive && request.Printed == OutputFormat.Table)
            {
                result = console.Progress().Start(ctx =>
                {
                    var task = ctx.AddTask("Monte Carlo draws", maxValue: settings.Draws);
                    return chosen.MonteCarlo(modelInputs, settings, progress: new Progress<int>(done => task.Value = done));
                });
            }
            else
            {
                result = Steps.Time("Monte Carlo draws", () => chosen.MonteCarlo(modelInputs, settings));
            }

            ResultOutput.Write(
                stdout,
                request,
                () => ResultTables.MonteCarlo(result),
                w => ResultJson.Sensitivity(w, result),
                () => Steps.Time("render the table", () => Render(console, result, parse.GetValue(all))));

            if (chartPath is not null)
            {
                Charts.WriteFan(result, chartPath);
            }

            _ = stderr;
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Render(IAnsiConsole console, MonteCarloResult result, bool all)
    {
        var ci = CultureInfo.InvariantCulture;
        console.MarkupLine($"[bold]{Terminal.Markup(result.Scenario.Name)}[/]");
        console.MarkupLine(Terminal.Markup($"{result.Model.DisplayName} model · {result.Settings.Draws} draws · seed {result.Settings.Seed} · {ProjectionReport.DrawRule(result.Settings, result.Scenario.Elasticities)} (η stays negative; ε ≥ 99 stays infinite)"));
        var rowsByMarket = result.Rows.ToLookup(r => (r.Importer, r.Hs));
        var markets = all || result.Point.Markets.Length <= ProjectionReport.Largest
            ? result.Point.Markets.ToList()
            : [.. result.Point.Markets.OrderByDescending(m => m.BaselineTotal.Amount).ThenBy(m => m.Market.Hs).Take(ProjectionReport.Largest)];
        foreach (var market in markets)
        {
            var table = new Table { Border = TableBorder.Rounded, Title = new TableTitle(Terminal.Markup($"{market.Market.Importer.Name}: imports of {ProjectionReport.ProductLabel(market.Market.Hs)}, {market.Market.Year}")) };
            table.AddColumn("Supplier");
            foreach (var h in Headers)
            {
                table.AddColumn(new TableColumn(h).RightAligned());
            }

            foreach (var row in rowsByMarket[(market.Market.Importer, market.Market.Hs)].OrderByDescending(r => r.Baseline.Amount))
            {
                table.AddRow(
                    Terminal.Markup(row.Exporter.Alpha3),
                    ProjectionReport.Millions(row.Baseline),
                    ProjectionReport.Millions(row.Projected.P5),
                    ProjectionReport.Millions(row.Projected.P50),
                    ProjectionReport.Millions(row.Projected.P95),
                    $"{Pct(row.ProjectedShare.P5)} / {Pct(row.ProjectedShare.P50)} / {Pct(row.ProjectedShare.P95)}");
            }

            console.Write(table);
        }

        if (markets.Count < result.Point.Markets.Length)
        {
            console.MarkupLine($"[grey]Showing the {markets.Count} largest of {result.Point.Markets.Length.ToString("N0", ci)} markets by baseline imports; --all shows every one, and --format csv writes every flow's band.[/]");
        }

        foreach (var e in result.Exports.Where(x => result.Scenario.Beneficiaries.Contains(x.Exporter)))
        {
            console.MarkupLine(Terminal.Markup($"• {e.Exporter.Name}'s exports of these products to {e.Importer.Name}: USD {ProjectionReport.Millions(e.Baseline)}m → P5 {ProjectionReport.Millions(e.Projected.P5)}m, P50 {ProjectionReport.Millions(e.Projected.P50)}m, P95 {ProjectionReport.Millions(e.Projected.P95)}m"));
        }

        ProjectionReport.RenderNotes(console, result.Point.Notes);
        static string Pct(double s) => TradeBalance.Internal.NumberText.Percent(s);
    }

    private static readonly string[] Headers = ["Baseline\nUSD m", "P5\nUSD m", "P50\nUSD m", "P95\nUSD m", "Share\nP5 / P50 / P95"];
}
