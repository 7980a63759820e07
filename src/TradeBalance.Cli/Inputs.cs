using TradeBalance.Data;
using TradeBalance.Projections;

namespace TradeBalance.Cli;

/// <summary>The inputs of a run: files the user named, or the embedded Kenya–China data set for any not named.</summary>
internal sealed record Inputs(Scenario Scenario, TradeDataSet Flows, TariffSchedule Tariffs, Lazy<IReadOnlyList<TariffSchedule>> EveryImporterTariffs, ExchangeRateTable? Rates, string RatesName, IReadOnlyList<string> Origins)
{
    /// <summary>Gets the package <c>--scenario</c> named, or null for one scenario (<see cref="Scenario"/> is then its first part).</summary>
    public ScenarioPackage? Package { get; init; }

    /// <summary>The embedded scenarios and packages <c>--scenario embedded:NAME</c> names.</summary>
    public static readonly IReadOnlyList<string> EmbeddedNames = ["default", "reciprocal"];

    /// <summary>A usage error for a command that takes one scenario, when <c>--scenario</c> named a package.</summary>
    public static void RefusePackage(Inputs inputs, string command)
    {
        if (inputs.Package is { } p)
        {
            throw new UsageException($"--scenario: '{p.Name}' is a package of {p.Parts.Length} parts; '{command}' takes one scenario. Run 'project' for the package, or give one part as a scenario file.");
        }
    }

    /// <summary>The inputs of one part of a package: its scenario and its importer's schedule (a union's for a member).</summary>
    public Inputs ForPart(Scenario part) => this with
    {
        Scenario = part,
        Tariffs = ScheduleFor(AllTariffs, part)
            ?? throw new UsageException($"The package's part '{part.Name}' needs {part.Importer.Alpha3}'s tariffs; the tariffs given hold {string.Join(", ", AllTariffs.Select(t => t.Importer.Alpha3).Order(StringComparer.Ordinal))}."),
    };

    /// <summary>Gets the currency <c>--currency</c> named, or null: each beneficiary's summary then uses its own (<see cref="LocalCurrency"/>).</summary>
    public Currency? Currency { get; init; }

    /// <summary>A beneficiary's local currency and rate in a projection's summary: <c>--currency</c>, else the beneficiary's currency in the reference year.</summary>
    public LocalRate Local(ProjectionResult result, Country beneficiary) =>
        LocalCurrency.Find(Currency, beneficiary, result.Data.Currency, result.Year, Rates, RatesName);

    /// <summary>The inputs a model projects from: every importer's schedules when it needs them, else the scenario importer's.</summary>
    public ProjectionInputs For(ProjectionModel model) => new(Scenario, Flows, model.NeedsEveryImporter ? AllTariffs : [Tariffs]);

    /// <summary>Gets every importer's schedule (GSIM needs them all), read on first use so the other models do not read the tariff file twice.</summary>
    public IReadOnlyList<TariffSchedule> AllTariffs => EveryImporterTariffs.Value;

    /// <summary>The name standard input goes by in messages, when an option is given as <c>-</c>.</summary>
    public const string StandardInputName = "<stdin>";

    /// <summary>Gets or sets what <c>-</c> reads on this thread (tests give their own; null: the process's standard input).</summary>
    [ThreadStatic]
    internal static Stream? StandardInput;

    /// <summary>Reads the run's inputs, each file opened once and read once (so a pipe, a FIFO or <c>-</c> for standard input works).</summary>
    /// <param name="scenarioPath">--scenario, or null for the embedded scenario.</param>
    /// <param name="flowsPath">--flows, or null for the embedded flows.</param>
    /// <param name="tariffsPath">--tariffs, or null for the embedded schedule.</param>
    /// <param name="ratesPath">--rates, or null for the embedded rates.</param>
    /// <param name="everyImporter">Whether the run needs every importer's schedule (GSIM), given the scenario; null: no.</param>
    /// <param name="groupsPath">--groups, or null: groups to register before the other files are read.</param>
    /// <param name="aggregate">--aggregate, or null: the groups whose members' imports are folded into them.</param>
    /// <param name="revisions">--flows-revision, --tariffs-revision and --hs-tables, or null for none.</param>
    public static Inputs Load(string? scenarioPath, string? flowsPath, string? tariffsPath, string? ratesPath, Func<Scenario, bool>? everyImporter = null, string? groupsPath = null, string? aggregate = null, RevisionInputs.Choice? revisions = null)
    {
        CheckStandardInput(("--scenario", scenarioPath), ("--flows", flowsPath), ("--tariffs", tariffsPath), ("--rates", ratesPath), ("--groups", groupsPath), ("--hs-weights", revisions?.Weights));
        var stdin = StandardInput;
        var origins = new List<string>();

        // Groups first: the scenario, flows and tariffs may name them.
        if (GroupInputs.Register(groupsPath) is { } registered)
        {
            origins.Add(registered);
        }

        var folds = GroupInputs.Parse(aggregate);
        var (scenario, package) = scenarioPath switch
        {
            null => (KenyaChina.Scenario, null),
            _ when scenarioPath.StartsWith("embedded:", StringComparison.Ordinal) => Embedded(scenarioPath["embedded:".Length..]),
            _ => Steps.Time("read scenario", () => Read(scenarioPath, "--scenario", stdin, ScenarioPackageJson.ReadScenarioOrPackage)),
        };
        origins.Add(scenarioPath is null ? "scenario: embedded Kenya–China default"
            : package is null ? $"scenario: {Name(scenarioPath)}"
            : $"package: {Name(scenarioPath)} ({package.Parts.Length} parts)");

        // A package's parts each need their importer's schedule: read them all.
        var wantsAll = package is not null || (everyImporter?.Invoke(scenario) ?? false);

        // The tariff file is read on the other core while the flows are read: the two are independent,
        // and on a large run reading is most of the time. Errors are still reported flows first.
        var timings = Steps.Timings;
        var tariffRead = tariffsPath is null ? null : Task.Run(() =>
        {
            Steps.Report(timings, progress: null);
            return Steps.Time("read tariffs (beside the flows)", () => Read(tariffsPath, "--tariffs", stdin, (s, name) => ReadTariffs(s, name, scenario, wantsAll)));
        });

        TradeDataSet flows;
        if (flowsPath is null)
        {
            flows = KenyaChina.Flows;
            origins.Add("flows: embedded Kenya–China data set (China's 2024 imports; see SOURCES.md)");
        }
        else
        {
            // A BACI conversion: only the year the projection uses (the scenario's reference year, else the latest converted).
            var read = Steps.Time("read flows", () => ReadFlows(flowsPath, "--flows", stdin, m => [scenario.ReferenceYear ?? m.Years[^1].Year]));
            flows = read.Value;
            origins.Add($"flows: {read.Report}");
            if (flows.Flows.IsEmpty)
            {
                throw new TradeDataException($"{Name(flowsPath)}: holds no trade flows (a header and no rows), so there is nothing to project.");
            }
        }

        if (folds.Count > 0)
        {
            var (folded, notes) = Steps.Time("fold members' imports", () => GroupInputs.Fold(flows, folds, scenario.Effective));
            flows = folded;
            origins.AddRange(notes);
        }

        TariffSchedule tariffs;
        Lazy<IReadOnlyList<TariffSchedule>> all;
        if (tariffsPath is null)
        {
            tariffs = ScheduleFor(KenyaChina.TariffSchedules, scenario)
                ?? throw new UsageException($"The scenario's importer is {scenario.Importer.Alpha3}; the embedded tariffs are {string.Join(", ", KenyaChina.TariffSchedules.Select(t => t.Importer.Alpha3).Order(StringComparer.Ordinal))}'s. Give --tariffs FILE.");
            all = new(() => KenyaChina.TariffSchedules);
            origins.Add(package is not null
                ? $"tariffs: embedded schedules ({string.Join(", ", KenyaChina.TariffSchedules.Select(t => t.Importer.Alpha3).Order(StringComparer.Ordinal))})"
                : tariffs.Importer.Equals(Countries.China)
                ? "tariffs: embedded China schedule (MFN, provisional and preferential lines)"
                : $"tariffs: embedded {tariffs.Importer.Name} schedule");
        }
        else
        {
            var (schedule, every, report) = tariffRead!.GetAwaiter().GetResult();
            tariffs = schedule;
            all = new(() => every ?? [schedule]);
            origins.Add($"tariffs: {report}");
        }

        (flows, tariffs, all, scenario) = RevisionInputs.Apply(revisions ?? RevisionInputs.Choice.None, flows, tariffs, all, scenario, package is not null, origins,
            path => Steps.Time("read --hs-weights", () => ReadFlows(path, "--hs-weights", stdin, m => [m.Years[^1].Year])).Value);
        var rates = ratesPath is null ? KenyaChina.ExchangeRates : Read(ratesPath, "--rates", stdin, ExchangeRatesCsv.Read).Value;
        origins.Add(ratesPath is null ? "rates: embedded rates (KES and other currencies per USD)" : $"rates: {Name(ratesPath)}");
        var inputs = new Inputs(scenario, flows, tariffs, all, rates, ratesPath is null ? LocalCurrency.EmbeddedRatesName : Name(ratesPath), origins) { Package = package };
        foreach (var part in package?.Parts ?? [])
        {
            inputs.ForPart(part); // every part's schedule is there, before anything is projected
        }

        return inputs;
    }

    private static (Scenario Scenario, ScenarioPackage? Package) Embedded(string name) => name switch
    {
        "default" => (KenyaChina.Scenario, null),
        "reciprocal" => (KenyaChina.ReciprocalPackage.Parts[0], KenyaChina.ReciprocalPackage),
        _ => throw new UsageException($"--scenario: 'embedded:{name}' is not an embedded scenario; use {string.Join(" or ", EmbeddedNames.Select(n => "embedded:" + n))}."),
    };

    /// <summary>The importer's schedule, and every importer's when the run needs them, from one read of the file.</summary>
    /// <remarks>An importer in a customs union (on the scenario's date) may have no rows of its own: the union's are its own.</remarks>
    private static (TariffSchedule Schedule, IReadOnlyList<TariffSchedule>? Every, ReadReport Report) ReadTariffs(Stream stream, string name, Scenario scenario, bool every)
    {
        var importer = scenario.Importer;
        var inUnion = CountryGroups.All.Any(g => g.HasCommonTariff && g.Contains(importer, scenario.Effective));
        if (!every && !inUnion)
        {
            var one = TradeFile.ReadTariffs(stream, name, importer);
            return (one.Value, null, one.Report);
        }

        var read = TradeFile.ReadAllTariffs(stream, name);
        return ScheduleFor([.. read.Value.Values], scenario) is { } schedule
            ? (schedule, every ? [.. read.Value.Values] : null, read.Report)
            : throw new TradeDataException(name, 1, "importer", importer.Alpha3, $"has no tariff rows in the file (it holds {string.Join(", ", read.Value.Keys.Select(k => k.Alpha3))}){(inUnion ? ", nor has a customs union it belongs to" : string.Empty)}");
    }

    /// <summary>The scenario importer's schedule: its own, else that of a customs union it belongs to on the effective date; null when neither.</summary>
    private static TariffSchedule? ScheduleFor(IReadOnlyList<TariffSchedule> schedules, Scenario scenario) =>
        TariffSchedule.Find(schedules, scenario.Importer, scenario.Effective);

    /// <summary>The name an input goes by in messages and reports: its path, or <see cref="StandardInputName"/> for <c>-</c>.</summary>
    public static string Name(string path) => path == "-" ? StandardInputName : Terminal.Plain(path);

    /// <summary>Throws a usage error when more than one input option is <c>-</c>: standard input can be read only once.</summary>
    public static void CheckStandardInput(params (string Option, string? Path)[] inputs)
    {
        var named = inputs.Where(o => o.Path == "-").Select(o => o.Option).ToList();
        if (named.Count > 1)
        {
            throw new UsageException($"{string.Join(" and ", named)}: only one input can be read from standard input ('-').");
        }

        // A closed standard input is refused before any work, not waited on forever.
        if (named.Count == 1 && StandardInput is null && StandardStreams.InputClosed())
        {
            throw new IOException($"{named[0]} -: standard input is closed, so there is nothing to read; pipe the file in, or give its path.");
        }
    }

    /// <summary>
    /// Reads a flows option: a BACI conversion's folder or manifest (<see cref="BaciParquet"/>), of which only the years
    /// <paramref name="years"/> picks are read, or any flows file <see cref="TradeFile.ReadFlows(Stream, string, ComtradeReadOptions?, BaciReadOptions?)"/> reads.
    /// </summary>
    /// <param name="path">The option's value.</param>
    /// <param name="option">The option, for messages.</param>
    /// <param name="years">The years to read from a conversion, given its manifest; null: every year.</param>
    public static ReadResult<TradeDataSet> ReadFlows(string path, string option, Func<BaciParquetManifest, IEnumerable<int>?> years) => ReadFlows(path, option, StandardInput, years);

    private static ReadResult<TradeDataSet> ReadFlows(string path, string option, Stream? stdin, Func<BaciParquetManifest, IEnumerable<int>?> years)
    {
        if (path != "-" && (Directory.Exists(path) || BaciParquet.IsConversion(path)))
        {
            // A folder without a manifest is refused here too, by the library, naming what is missing and the fix.
            var manifest = BaciParquet.IsConversion(path) ? BaciParquet.ReadManifest(path) : null;
            return BaciParquet.ReadFlows(path, manifest is null ? null : years(manifest));
        }

        return Read(path, option, stdin, (s, name) => TradeFile.ReadFlows(s, name));
    }

    /// <summary>Opens the option's file once (or this thread's standard input for <c>-</c>) and reads it.</summary>
    public static T Read<T>(string path, string option, Func<Stream, string, T> read) => Read(path, option, StandardInput, read);

    /// <summary>Opens the option's file once (or standard input for <c>-</c>) and reads it.</summary>
    private static T Read<T>(string path, string option, Stream? stdin, Func<Stream, string, T> read)
    {
        if (path == "-")
        {
            if (stdin is not null)
            {
                return read(stdin, StandardInputName);
            }

            if (StandardStreams.InputClosed())
            {
                throw new IOException($"{option} -: standard input is closed, so there is nothing to read; pipe the file in, or give its path.");
            }

            using var input = System.Console.OpenStandardInput();
            return read(input, StandardInputName);
        }

        if (!File.Exists(path))
        {
            throw new UsageException(Directory.Exists(path) ? $"{option}: '{path}' is a directory, not a file." : $"{option}: file '{path}' does not exist.");
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return read(file, path);
    }
}
