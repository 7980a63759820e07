using System.CommandLine;
using TradeBalance.Data;
using TradeBalance.Projections;

namespace TradeBalance.Cli;

/// <summary><c>tradebalance project</c>: project a scenario and print, write and chart the result.</summary>
internal static class ProjectCommand
{
    public static Command Create(TextWriter stdout)
    {
        var flows = new Option<string?>("--flows") { Description = "Flows file: canonical flows.csv, a UN Comtrade download or a CEPII BACI file (.gz accepted; - reads standard input), or a folder made by 'baci convert' (only the reference year is read). Default: the embedded Kenya–China data.", HelpName = "FILE" };
        var tariffs = new Option<string?>("--tariffs") { Description = "Tariff file: canonical tariffs.csv or a WITS/TRAINS download (- reads standard input). Default: the embedded China schedule.", HelpName = "FILE" };
        var scenario = new Option<string?>("--scenario") { Description = "Scenario JSON (see README; - reads standard input). Default: China 0% on Kenyan tea, coffee and avocados from 2026-05-01.", HelpName = "FILE" };
        var rates = new Option<string?>("--rates") { Description = "Exchange-rate file (base,quote,as_of,rate,basis,source) for the summary's local-currency figures (- reads standard input). Default: the embedded annual averages (KES and the other embedded countries' currencies per USD).", HelpName = "FILE" };
        var currency = LocalCurrency.CreateOption("each beneficiary's own currency in the reference year (KES for Kenya)");
        var model = new Option<string?>("--model") { Description = "Model: " + string.Join("|", Projector.ModelNames) + ". Default: the scenario's.", HelpName = "NAME" };
        var output = ResultOutput.OutputOption();
        var chart = new Option<string?>("--chart") { Description = "Also draw supplier shares before/after to FILE (.svg).", HelpName = "FILE" };
        var format = ResultOutput.FormatOption();
        var rawText = ResultOutput.RawTextOption();
        var years = new Option<string?>("--years") { Description = "Project a phased cut year by year, e.g. 2026..2030 (the scenario's stages set the phasing); --chart then draws the time path, and --format/--output write every year's rows.", HelpName = "FROM..TO" };
        var draws = OptionValues.WholeNumber("--draws", 0, 1_000_000, " (0 turns the bands off)");
        draws.Description = "Monte Carlo draws for the P5–P95 bands in the table, 0 to 1,000,000 (0 = none). Default: the scenario's, else 200 (GSIM: 0, as each GSIM draw is a whole solve).";
        draws.HelpName = "N";
        var all = new Option<bool>("--all") { Description = $"Show every market and product in the table; without it a run of more than {ProjectionReport.Largest} markets shows the {ProjectionReport.Largest} largest." };
        var seed = OptionValues.WholeNumber("--seed", int.MinValue, int.MaxValue);
        seed.Description = "Seed for the Monte Carlo draws (a whole number). Default: the scenario's, else 42.";
        seed.HelpName = "S";

        var groups = GroupInputs.GroupsOption();
        var aggregate = GroupInputs.AggregateOption();
        var command = new Command("project", "Project a tariff scenario (default: China's zero tariff on Kenyan tea, coffee and avocados).");
        var revisions = RevisionInputs.Create();
        revisions.AddTo(command);
        foreach (var o in new Option[] { flows, tariffs, scenario, rates, currency, groups, aggregate, model, output, chart, format, rawText, years, draws, seed, all })
        {
            command.Options.Add(o);
        }

        command.SetAction(parse =>
        {
            var outputPath = parse.GetValue(output);
            var chartPath = parse.GetValue(chart);
            var request = ResultOutput.Request(parse.GetValue(format)!, outputPath, stdout, parse.GetValue(rawText));
            ChartFile.Check(chartPath);
            OutputPaths.Check(
                [("--output", outputPath), ("--chart", chartPath)],
                [("--flows", parse.GetValue(flows)), ("--tariffs", parse.GetValue(tariffs)), ("--scenario", parse.GetValue(scenario)), ("--rates", parse.GetValue(rates)), ("--groups", parse.GetValue(groups)), ("--hs-weights", parse.GetValue(revisions.Weights))]);

            // Every option is checked before a file is read: a bad value is exit 2 whatever the files hold.
            var chosen = parse.GetValue(model) is { } name ? Projector.ParseModel(name) : null;
            (int From, int To)? yearRange = parse.GetValue(years) is { } range ? Projector.ParseYears(range) : null;
            var localCurrency = LocalCurrency.Parse(parse.GetValue(currency));

            var inputs = Inputs.Load(parse.GetValue(scenario), parse.GetValue(flows), parse.GetValue(tariffs), parse.GetValue(rates), s => ProjectionModel.Resolve(s, chosen).NeedsEveryImporter, parse.GetValue(groups), parse.GetValue(aggregate), revisions: revisions.Read(parse)) with { Currency = localCurrency };
            if (inputs.Package is { } package)
            {
                if (yearRange is not null)
                {
                    throw new UsageException($"--years: '{package.Name}' is a package; a staged path is projected for one scenario at a time (give one part as a scenario file).");
                }

                return ProjectPackage(stdout, inputs, package, chosen, request, chartPath, parse.GetValue(draws), parse.GetValue(seed), parse.GetValue(all));
            }

            var kind = ProjectionModel.Resolve(inputs.Scenario, chosen);
            if (yearRange is { } y)
            {
                var (from, to) = y;
                var path = Projector.Path(inputs, kind, from, to);
                ResultOutput.Write(
                    stdout,
                    request,
                    () => ResultTables.Path(path),
                    w => ResultJson.Path(w, path),
                    () => PathReport.Render(CliApp.Console(stdout), path));
                if (chartPath is not null)
                {
                    Charts.WritePath(path, chartPath);
                }

                return ExitCodes.Ok;
            }

            // The table and the JSON summary show the P5–P95 bands; CSV and Parquet carry the rows only.
            MonteCarloBands? bands = null;
            if (request.ShowsSummary)
            {
                // A GSIM draw is a whole projection: its bands are asked for (--draws or the scenario), not drawn by default.
                bands = Steps.Time("Monte Carlo bands and the projection", () => Projector.Bands(inputs, kind, parse.GetValue(draws), parse.GetValue(seed)));
            }

            // The Monte Carlo run projects the point values as well: use that projection, not a second one.
            var result = bands?.Result.Point ?? Steps.Time("project", () => Projector.Project(inputs, kind));
            ResultOutput.Write(
                stdout,
                request,
                () => ResultTables.Projection(result),
                w => ResultJson.Projection(w, result, inputs, bands),
                () => Steps.Time("render the table", () => ProjectionReport.Render(CliApp.Console(stdout), result, inputs, bands, parse.GetValue(all))));

            if (chartPath is not null)
            {
                Charts.WriteShares(result, chartPath);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A package: each part projected (with its bands where the table or JSON shows them), then the one balance.</summary>
    private static int ProjectPackage(TextWriter stdout, Inputs inputs, ScenarioPackage package, ProjectionModel? chosen, OutputRequest request, string? chartPath, int? draws, int? seed, bool all)
    {
        if (chartPath is not null)
        {
            throw new UsageException("--chart: a package has no single market chart; chart one part with its scenario file.");
        }

        // A balance between a pair with no trade in the data is zeros that mean nothing: refused, as 'balance' refuses it.
        var (country, partner, data) = (package.Country, package.Partner, inputs.Flows);
        if (!data.Years.Any(y => data.BilateralBalance(country, partner, y) is { } b && (b.Exports.Amount != 0m || b.Imports.Amount != 0m)))
        {
            throw new TradeDataException($"The data has no trade between {country.Alpha3} and {partner.Alpha3} in any year ({string.Join(", ", data.Years)}): the package's balance would be zeros. Check the package's \"balance\" and --flows.");
        }

        var wantsBands = request.ShowsSummary;
        var partInputs = package.Parts.Select(inputs.ForPart).ToList();
        var bands = new List<MonteCarloBands?>();
        var results = new List<ProjectionResult>();
        foreach (var part in partInputs)
        {
            var kind = ProjectionModel.Resolve(part.Scenario, chosen);
            var band = wantsBands ? Steps.Time($"bands and projection: {part.Scenario.Name}", () => Projector.Bands(part, kind, draws, seed)) : null;
            bands.Add(band);
            results.Add(band?.Result.Point ?? Steps.Time($"project: {part.Scenario.Name}", () => Projector.Project(part, kind)));
        }

        var result = new PackageResult(package, results);
        ResultOutput.Write(
            stdout,
            request,
            () => ResultTables.Package(result),
            w => ResultJson.Package(w, result, inputs, partInputs, bands),
            () => PackageReport.Render(CliApp.Console(stdout), result, inputs, partInputs, bands, all));
        return ExitCodes.Ok;
    }

    internal static void CheckExtension(string? path, string option, params string[] allowed)
    {
        if (path is not null && !allowed.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            throw new UsageException($"{option}: '{path}' must end in {string.Join(" or ", allowed)}.");
        }
    }
}
