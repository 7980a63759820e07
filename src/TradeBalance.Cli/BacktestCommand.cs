using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using TradeBalance.Data;
using TradeBalance.Projections;

namespace TradeBalance.Cli;

/// <summary>
/// <c>tradebalance backtest</c>: replay past tariff changes (the built-in cases, or a case file of the user's) with
/// every model and source of σ, and score each projection against what happened.
/// </summary>
internal static class BacktestCommand
{
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    public static Command Create(TextWriter stdout)
    {
        var cases = new Option<string[]>("--case")
        {
            Description = $"A built-in case ({string.Join(", ", BacktestCases.Names)}) or a case file (.json: a scenario with its baseline year, the outcome years, and its flows and tariff files); repeat for several. Default: every built-in case.",
            HelpName = "NAME|FILE",
            AllowMultipleArgumentsPerToken = false,
        };
        var flows = new Option<string[]>("--flows") { Description = "Flows files to use instead of the case file's (any format the tool reads; two BACI years are two files); repeat for each. Only with one --case FILE.", HelpName = "FILE" };
        var tariffs = new Option<string?>("--tariffs") { Description = "A tariff file with each line's dates, as applied, instead of the case file's. Only with one --case FILE.", HelpName = "FILE" };
        var model = new Option<string?>("--model") { Description = "Score one model: " + string.Join("|", Projector.ModelNames) + ". Default: every model.", HelpName = "NAME" };
        var draws = OptionValues.WholeNumber("--draws", 0, 100_000, " (0 turns the bands off)");
        draws.Description = "Monte Carlo draws behind each P5–P95 band, 0 to 100,000. Default: 200.";
        draws.HelpName = "N";
        var seed = OptionValues.WholeNumber("--seed", int.MinValue, int.MaxValue);
        seed.Description = "Seed for the draws. Default: each case's, else 42.";
        seed.HelpName = "S";
        var format = ResultOutput.FormatOption();
        var rawText = ResultOutput.RawTextOption();
        var output = ResultOutput.OutputOption();
        var command = new Command("backtest", "Replay past tariff changes with every model and source of σ, and score the projections against what happened.");
        foreach (var o in new Option[] { cases, flows, tariffs, model, draws, seed, format, rawText, output })
        {
            command.Options.Add(o);
        }

        command.SetAction(parse =>
        {
            var outputPath = parse.GetValue(output);
            var request = ResultOutput.Request(parse.GetValue(format)!, outputPath, stdout, parse.GetValue(rawText));
            var named = parse.GetValue(cases) ?? [];
            var flowPaths = parse.GetValue(flows) ?? [];
            var tariffPath = parse.GetValue(tariffs);
            var files = named.Where(n => !IsBuiltIn(n)).ToList();
            if ((flowPaths.Length > 0 || tariffPath is not null) && (files.Count != 1 || named.Length != 1))
            {
                throw new UsageException("--flows and --tariffs replace a case file's own files: give exactly one --case FILE with them.");
            }

            OutputPaths.Check([("--output", outputPath)], [.. files.Select(f => ("--case", (string?)f)), .. flowPaths.Select(f => ("--flows", (string?)f)), ("--tariffs", tariffPath)]);
            var options = new BacktestOptions
            {
                Models = parse.GetValue(model) is { } m ? [Projector.ParseModel(m)] : ProjectionModel.All,
                Draws = parse.GetValue(draws) ?? MonteCarloSettings.BandDraws,
                Seed = parse.GetValue(seed),
            };
            var chosen = named.Length == 0 ? [.. BacktestCases.All] : named.Select(n => Load(n, flowPaths, tariffPath)).ToList();
            var results = chosen.Select(c => Steps.Time($"backtest {c.Name}", () => Backtest.Run(c, options))).ToList();
            var table = Tabulate(results);
            ResultOutput.Write(stdout, request, () => table, w => Json(w, results, table), () => Render(stdout, results));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static bool IsBuiltIn(string name) => BacktestCases.Names.Contains(name.Trim(), StringComparer.OrdinalIgnoreCase);

    private static BacktestCase Load(string name, string[] flows, string? tariffs)
    {
        if (IsBuiltIn(name))
        {
            return BacktestCases.Find(name);
        }

        if (!name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"--case: '{Terminal.Plain(name)}' is neither a built-in case ({string.Join(", ", BacktestCases.Names)}) nor a case file (.json).");
        }

        return BacktestCaseJson.Read(name, flows.Length > 0 ? flows : null, tariffs);
    }

    private static void Render(TextWriter stdout, IReadOnlyList<BacktestResult> results)
    {
        var console = CliApp.Console(stdout);
        foreach (var result in results)
        {
            var c = result.Case;
            console.MarkupLine($"[bold]{Terminal.Markup(c.Scenario.Name)}[/]");
            var beneficiaries = string.Join(", ", c.Scenario.Beneficiaries.Select(b => b.Name));
            console.MarkupLine(Terminal.Markup($"Case {c.Name}: {beneficiaries}'s share of {c.Scenario.Importer.Name}'s imports, {c.BaselineYear} → {string.Join(" and ", c.OutcomeYears)}; projected from {c.BaselineYear} with each year's applied tariffs, against what happened"));
            var table = new Table { Border = TableBorder.Rounded };
            table.AddColumn("Year");
            table.AddColumn("Model");
            table.AddColumn("σ from");
            table.AddColumn(new TableColumn("Tariff").Centered());
            table.AddColumn(new TableColumn($"Share\n{c.BaselineYear}").RightAligned());
            table.AddColumn(new TableColumn("Projected change\npoints (P5–P95)").RightAligned());
            table.AddColumn(new TableColumn("Actual change\npoints").RightAligned());
            table.AddColumn(new TableColumn("Error\npoints").RightAligned());
            table.AddColumn(new TableColumn("Sign\nright").Centered());
            table.AddColumn(new TableColumn("Actual in\nband").Centered());
            foreach (var s in result.Scores)
            {
                table.AddRow(
                    s.Year.ToString(Ci),
                    s.Model.DisplayName,
                    Terminal.Markup(Short(s.Substitution)),
                    $"{Rate(s.TariffBaseline)} → {Rate(s.TariffOutcome)}",
                    Percent(s.BaselineShare),
                    Terminal.Markup(Points(s.ProjectedChangePoints) + BandText(s)),
                    Points(s.ActualChangePoints),
                    Points(s.ErrorPoints),
                    s.SignAgrees ? "yes" : "no",
                    s.InsideBand is { } inside ? (inside ? "yes" : "no") : "—");
            }

            console.Write(table);
            console.WriteLine();
        }

        console.MarkupLine("[grey]Shares are of the importer's imports of the product from every supplier. A projection moves only the tariffs; the outcome carries every other change too (prices, demand, rival suppliers), so an error is the model's and the world's together. Tariffs are each year's mean over its days. σ: each published table alone, and the middle of their range, the central estimate 'project' reports. P5–P95 over the Monte Carlo draws. docs/backtests.md explains each case and its sources.[/]");
    }

    private static string BandText(BacktestScore s) =>
        s.ProjectedShareBand is { } b ? $" ({Points((b.P5 - s.BaselineShare) * 100d)} to {Points((b.P95 - s.BaselineShare) * 100d)})" : string.Empty;

    /// <summary>"middle of broda-weinstein-2006 and cepii-protee-2022" reads as "middle of both" in a table cell.</summary>
    private static string Short(string source) => source.StartsWith("middle of ", StringComparison.Ordinal) ? "middle of both" : source;

    /// <summary>A year's mean rate to two decimals: "13.91%" (the CSV and JSON keep every digit).</summary>
    private static string Rate(TariffRate rate) => Math.Round(rate.Percent, 2).ToString("0.##", Ci) + "%";

    private static string Points(double points) => points.ToString("+0.00;-0.00;0.00", Ci);

    private static string Percent(double share) => TradeBalance.Internal.NumberText.Percent(share);

    /// <summary>The scorecard as rows: one per case, outcome year, model, source of σ, market and beneficiary.</summary>
    private static OutputTable Tabulate(IReadOnlyList<BacktestResult> results)
    {
        var s = results.SelectMany(r => r.Scores).ToList();
        return new OutputTable(
            "backtest",
            [
                OutputColumn.Text("case", "name", "The backtest case.", s.Select(x => x.Case)),
                OutputColumn.WholeNumber("year", "calendar year", "The outcome year scored.", s.Select(x => (int?)x.Year)),
                OutputColumn.Text("model", "name", "The model: smart, armington or gsim.", s.Select(x => x.Model.Name)),
                OutputColumn.Text("sigma_source", "name", "Where σ came from: a table's name, or the middle of several.", s.Select(x => x.Substitution)),
                OutputColumn.Text("importer", "ISO 3166-1 alpha-3", "The importing economy.", s.Select(x => x.Market.Importer.Alpha3)),
                OutputColumn.Text("hs", "HS code", "The market's product.", s.Select(x => x.Market.Hs.ToString())),
                OutputColumn.Text("beneficiary", "ISO 3166-1 alpha-3", "The supplier whose tariff was cut.", s.Select(x => x.Beneficiary.Alpha3)),
                OutputColumn.ExactNumber("tariff_baseline_percent", "percent", "The beneficiary's applied rate in the baseline year, the mean over its days.", s.Select(x => (decimal?)x.TariffBaseline.Percent)),
                OutputColumn.ExactNumber("tariff_outcome_percent", "percent", "The beneficiary's applied rate in the outcome year, the mean over its days.", s.Select(x => (decimal?)x.TariffOutcome.Percent)),
                OutputColumn.ExactNumber("baseline_usd", "USD", "The beneficiary's exports to the importer in the baseline year.", s.Select(x => (decimal?)x.BaselineValue.Amount)),
                OutputColumn.FloatingPoint("baseline_share", "fraction", "The beneficiary's share of the importer's market in the baseline year.", s.Select(x => (double?)x.BaselineShare)),
                OutputColumn.ExactNumber("projected_usd", "USD", "The projection (central estimate).", s.Select(x => (decimal?)x.ProjectedValue.Amount)),
                OutputColumn.FloatingPoint("projected_share", "fraction", "The projected share (central estimate).", s.Select(x => (double?)x.ProjectedShare)),
                OutputColumn.FloatingPoint("projected_share_p5", "fraction", "The 5th percentile of the projected share over the draws; null without draws.", s.Select(x => x.ProjectedShareBand?.P5)),
                OutputColumn.FloatingPoint("projected_share_p95", "fraction", "The 95th percentile of the projected share over the draws; null without draws.", s.Select(x => x.ProjectedShareBand?.P95)),
                OutputColumn.ExactNumber("actual_usd", "USD", "The beneficiary's exports to the importer in the outcome year.", s.Select(x => (decimal?)x.ActualValue.Amount)),
                OutputColumn.FloatingPoint("actual_share", "fraction", "The beneficiary's share of the importer's market in the outcome year.", s.Select(x => (double?)x.ActualShare)),
                OutputColumn.FloatingPoint("projected_change_points", "percentage points", "Projected share minus baseline share.", s.Select(x => (double?)x.ProjectedChangePoints)),
                OutputColumn.FloatingPoint("actual_change_points", "percentage points", "Actual share minus baseline share.", s.Select(x => (double?)x.ActualChangePoints)),
                OutputColumn.FloatingPoint("error_points", "percentage points", "Projected minus actual change in share (negative: too little).", s.Select(x => (double?)x.ErrorPoints)),
                OutputColumn.Text("sign_agrees", "yes/no", "Whether the projected and actual changes in share have the same sign.", s.Select(x => x.SignAgrees ? "yes" : "no")),
                OutputColumn.Text("inside_band", "yes/no", "Whether the actual share lies inside the projected P5–P95 band; null without draws.", s.Select(x => x.InsideBand is { } b ? (b ? "yes" : "no") : null)),
            ]);
    }

    private static void Json(Utf8JsonWriter w, IReadOnlyList<BacktestResult> results, OutputTable table)
    {
        w.WriteStartObject();
        w.WriteString("command", "backtest");
        w.WriteStartArray("cases");
        foreach (var r in results)
        {
            w.WriteStartObject();
            w.WriteString("name", r.Case.Name);
            w.WriteString("scenario", r.Case.Scenario.Name);
            w.WriteString("importer", r.Case.Scenario.Importer.Alpha3);
            w.WriteNumber("baselineYear", r.Case.BaselineYear);
            w.WriteStartArray("outcomeYears");
            foreach (var y in r.Case.OutcomeYears)
            {
                w.WriteNumberValue(y);
            }

            w.WriteEndArray();
            w.WriteNumber("draws", r.Options.Draws);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        OutputTableJson.WriteColumns(w, table);
        OutputTableJson.WriteRows(w, table);
        w.WriteEndObject();
    }
}
