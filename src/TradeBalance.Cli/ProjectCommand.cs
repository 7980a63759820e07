using System.CommandLine;
using TradeBalance.Data;
using TradeBalance.Projections;

namespace TradeBalance.Cli;

/// <summary><c>tradebalance project</c>: project a scenario and print, write and chart the result.</summary>
internal static class ProjectCommand
{
    public static Command Create(TextWriter stdout)
    {
        var flows = new Option<string?>("--flows") { Description = "Flows file: canonical flows.csv, a UN Comtrade download or a CEPII BACI file (.gz accepted; - reads standard input). Default: the embedded Kenya–China data.", HelpName = "FILE" };
        var tariffs = new Option<string?>("--tariffs") { Description = "Tariff file: canonical tariffs.csv or a WITS/TRAINS download (- reads standard input). Default: the embedded China schedule.", HelpName = "FILE" };
        var scenario = new Option<string?>("--scenario") { Description = "Scenario JSON (see README; - reads standard input). Default: China 0% on Kenyan tea, coffee and avocados from 2026-05-01.", HelpName = "FILE" };
        var rates = new Option<string?>("--rates") { Description = "Exchange-rate file (base,quote,as_of,rate,basis,source) for KES figures (- reads standard input). Default: the embedded KES/USD rates.", HelpName = "FILE" };
        var model = new Option<string?>("--model") { Description = "Model: " + string.Join("|", Projector.ModelNames) + ". Default: the scenario's.", HelpName = "NAME" };
        var output = new Option<string?>("--output") { Description = "Also write the projection to FILE: .csv or .json (format by extension).", HelpName = "FILE" };
        var chart = new Option<string?>("--chart") { Description = "Also draw supplier shares before/after to FILE (.svg).", HelpName = "FILE" };
        var format = new Option<string>("--format") { Description = "What to print: table, csv or json.", DefaultValueFactory = _ => "table", HelpName = "table|csv|json" }.OneOf("a format", "table", "csv", "json");
        var years = new Option<string?>("--years") { Description = "Project a phased cut year by year, e.g. 2026..2030 (the scenario's stages set the phasing); --chart then draws the time path.", HelpName = "FROM..TO" };
        var draws = OptionValues.WholeNumber("--draws", 0, 1_000_000, " (0 turns the bands off)");
        draws.Description = "Monte Carlo draws for the P5–P95 bands in the table, 0 to 1,000,000 (0 = none). Default: the scenario's, else 200 (GSIM: 0, as each GSIM draw is a whole solve).";
        draws.HelpName = "N";
        var all = new Option<bool>("--all") { Description = $"Show every market and product in the table; without it a run of more than {ProjectionReport.Largest} markets shows the {ProjectionReport.Largest} largest." };
        var seed = OptionValues.WholeNumber("--seed", int.MinValue, int.MaxValue);
        seed.Description = "Seed for the Monte Carlo draws (a whole number). Default: the scenario's, else 42.";
        seed.HelpName = "S";

        var command = new Command("project", "Project a tariff scenario (default: China's zero tariff on Kenyan tea, coffee and avocados).");
        foreach (var o in new Option[] { flows, tariffs, scenario, rates, model, output, chart, format, years, draws, seed, all })
        {
            command.Options.Add(o);
        }

        command.SetAction(parse =>
        {
            var outputPath = parse.GetValue(output);
            var chartPath = parse.GetValue(chart);
            CheckExtension(outputPath, "--output", ".csv", ".json");
            ChartFile.Check(chartPath);
            OutputPaths.Check(
                [("--output", outputPath), ("--chart", chartPath)],
                [("--flows", parse.GetValue(flows)), ("--tariffs", parse.GetValue(tariffs)), ("--scenario", parse.GetValue(scenario)), ("--rates", parse.GetValue(rates))]);

            // Every option is checked before a file is read: a bad value is exit 2 whatever the files hold.
            var chosen = parse.GetValue(model) is { } name ? Projector.ParseModel(name) : null;
            (int From, int To)? yearRange = parse.GetValue(years) is { } range ? Projector.ParseYears(range) : null;
            if (yearRange is not null && (outputPath is not null || parse.GetValue(format) != "table"))
            {
                throw new UsageException("--years prints a year-by-year table; combine it with --chart, not with --output or --format.");
            }

            var inputs = Inputs.Load(parse.GetValue(scenario), parse.GetValue(flows), parse.GetValue(tariffs), parse.GetValue(rates), s => (chosen ?? ProjectionModel.For(s.Model)).NeedsEveryImporter);
            var kind = chosen ?? ProjectionModel.For(inputs.Scenario.Model);
            if (yearRange is { } y)
            {
                var (from, to) = y;
                var path = Projector.Path(inputs, kind, from, to);
                PathReport.Render(CliApp.Console(stdout), path);
                if (chartPath is not null)
                {
                    Charts.WritePath(path, chartPath);
                }

                return ExitCodes.Ok;
            }

            SensitivitySummary? bands = null;
            var table = parse.GetValue(format) is not ("csv" or "json");
            if (table)
            {
                // A GSIM draw is a whole projection: its bands are asked for (--draws or the scenario), not drawn by default.
                var n = parse.GetValue(draws) ?? inputs.Scenario.MonteCarlo?.Draws ?? (kind.DrawsCostAProjection ? 0 : 200);
                bands = Steps.Time("Monte Carlo bands and the projection", () => Projector.Bands(inputs, kind, n, parse.GetValue(seed)));
            }

            // The Monte Carlo run projects the point values as well: use that projection, not a second one.
            var result = bands?.Result.Point ?? Steps.Time("project", () => Projector.Project(inputs, kind));
            var csvToBoth = parse.GetValue(format) == "csv" && outputPath is not null && outputPath.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

            switch (parse.GetValue(format))
            {
                case "csv" when csvToBoth:
                    // Printed and saved: format the rows once, into the file (which is replaced only when
                    // complete), then copy the file's text to standard output.
                    Steps.Time("write " + outputPath + " and copy it to standard output", () =>
                    {
                        ProjectionCsv.Write(result, outputPath!);
                        using var saved = File.OpenText(outputPath!);
                        var buffer = new char[1 << 16];
                        int n;
                        while ((n = saved.Read(buffer, 0, buffer.Length)) > 0)
                        {
                            stdout.Write(buffer, 0, n);
                        }
                    });
                    break;
                case "csv":
                    Steps.Time("write CSV to standard output", () => ProjectionCsv.Write(result, stdout));
                    break;
                case "json":
                    stdout.Write(ProjectionJson.ToJson(result, inputs.Tariffs));
                    break;
                default:
                    Steps.Time("render the table", () => ProjectionReport.Render(CliApp.Console(stdout), result, inputs, bands, parse.GetValue(all)));
                    break;
            }

            if (outputPath is not null && !csvToBoth)
            {
                if (outputPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                {
                    ProjectionJson.Write(result, outputPath, inputs.Tariffs);
                }
                else
                {
                    Steps.Time("write " + outputPath, () => ProjectionCsv.Write(result, outputPath));
                }
            }

            if (chartPath is not null)
            {
                Charts.WriteShares(result, chartPath);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    internal static void CheckExtension(string? path, string option, params string[] allowed)
    {
        if (path is not null && !allowed.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            throw new UsageException($"{option}: '{path}' must end in {string.Join(" or ", allowed)}.");
        }
    }
}
