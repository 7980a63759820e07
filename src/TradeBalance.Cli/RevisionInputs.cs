using System.CommandLine;
using TradeBalance.Data;
using TradeBalance.Projections;

namespace TradeBalance.Cli;

/// <summary>
/// <c>--flows-revision</c>, <c>--tariffs-revision</c> and <c>--hs-tables DIR</c>: the HS revision of each input, and the
/// UN's correlation tables that join revisions. A file states its revision where it can (UN Comtrade's classification
/// column, BACI's and WITS's file names, a BACI conversion's manifest; the embedded data are HS 2022); the options state
/// it where it does not. Flows and tariffs of two revisions are converted (the flows, to the schedule's revision) only
/// with the tables; σ tables of another revision are read through them.
/// </summary>
internal static class RevisionInputs
{
    /// <summary>The three options of a command that reads flows and tariffs.</summary>
    public sealed record Options(Option<string?> Flows, Option<string?> Tariffs, Option<string?> Tables, Option<string?> Weights)
    {
        /// <summary>Adds the options to a command.</summary>
        public void AddTo(Command command)
        {
            command.Options.Add(Flows);
            command.Options.Add(Tariffs);
            command.Options.Add(Tables);
            command.Options.Add(Weights);
        }

        /// <summary>Reads the options' values, before any file is read: a revision that is none is a usage error.</summary>
        public Choice Read(ParseResult parse)
        {
            var tables = parse.GetValue(Tables);
            var weights = parse.GetValue(Weights);
            if (tables is not null && !Directory.Exists(tables))
            {
                throw new UsageException($"--hs-tables: '{Terminal.Plain(tables)}' is not a folder; 'tradebalance fetch hs-tables --output DIR' downloads the UN's tables into one.");
            }

            if (weights is not null && tables is null)
            {
                throw new UsageException("--hs-weights: weights a conversion, which needs --hs-tables DIR too.");
            }

            return new(Revision(parse.GetValue(Flows), "--flows-revision"), Revision(parse.GetValue(Tariffs), "--tariffs-revision"), tables, weights);
        }
    }

    /// <summary>What the options say: the revisions stated, and the folder of tables.</summary>
    public sealed record Choice(HsRevision? Flows, HsRevision? Tariffs, string? Tables, string? Weights = null)
    {
        /// <summary>No option given.</summary>
        public static Choice None { get; } = new(null, null, null);
    }

    /// <summary>Creates the options.</summary>
    public static Options Create() => new(
        new Option<string?>("--flows-revision") { Description = "The HS revision the flows are coded in (HS1992 … HS2022, HS17, H5, 2017), where the file does not say (Comtrade's classification column, BACI's and WITS's file names do).", HelpName = "REVISION" },
        new Option<string?>("--tariffs-revision") { Description = "The HS revision the tariffs are coded in, where the file does not say (a WITS file's name does).", HelpName = "REVISION" },
        new Option<string?>("--hs-tables") { Description = "A folder of the UN's HS correlation tables ('tradebalance fetch hs-tables' writes one): flows of another revision than the tariffs are converted to the tariffs', and σ tables of another revision are read through them.", HelpName = "DIR" },
        new Option<string?>("--hs-weights") { Description = "Flows in the tariffs' revision (any file --flows reads; all importers and years summed) whose trade weights the codes a conversion splits; without it, a split is shared equally.", HelpName = "FILE" });

    /// <summary>
    /// Applies the choice to what was read: states the revisions, converts flows of another revision than the scenario
    /// importer's schedule (or refuses without tables), and reads σ tables of other revisions through the tables.
    /// </summary>
    public static (TradeDataSet Flows, TariffSchedule Tariffs, Lazy<IReadOnlyList<TariffSchedule>> All, Scenario Scenario) Apply(
        Choice choice, TradeDataSet flows, TariffSchedule tariffs, Lazy<IReadOnlyList<TariffSchedule>> all, Scenario scenario, bool package, List<string> origins, Func<string, TradeDataSet> readFlows)
    {
        flows = flows.WithRevision(Stated(choice.Flows, flows.Revision, "--flows-revision", "flows"));
        var tariffRevision = Stated(choice.Tariffs, tariffs.Revision, "--tariffs-revision", "tariffs");
        tariffs = tariffs.WithRevision(tariffRevision);
        var every = all;
        all = new(() => [.. every.Value.Select(s => s.Revision is null ? s.WithRevision(tariffRevision) : s)]);

        if (flows.Revision is { } from && tariffs.Revision is { } to && from != to)
        {
            if (choice.Tables is not { } folder)
            {
                throw new UsageException($"The flows are in {from} and the tariffs in {to}: give --hs-tables DIR, the UN's correlation tables ('tradebalance fetch hs-tables --output DIR' downloads them), to convert the flows to {to}; or --flows-revision / --tariffs-revision where a file's revision is not what it says.");
            }

            var concordance = Table(folder, from, to);
            var weights = choice.Weights is { } path ? readFlows(path) : null;
            if (weights is not null)
            {
                weights = weights.WithRevision(Stated(to, weights.Revision, "--hs-weights", "weights' flows"));
            }

            HsConversionReport report;
            try
            {
                (flows, report) = Steps.Time("convert flows to the tariffs' revision", () => concordance.Convert(flows, weights));
            }
            catch (ArgumentException e)
            {
                throw new TradeDataException($"The flows cannot be converted from {from} to {to}: {e.Message}", e);
            }

            origins.Add($"flows converted: {report.Summary()}");
        }

        if (choice.Tables is { } tables && flows.Revision is { } products && !package)
        {
            var others = scenario.Elasticities.SubstitutionTables.Select(t => t.Revision).OfType<HsRevision>().Where(r => r != products).Distinct().ToList();
            if (others.Count > 0)
            {
                var concordances = others.Select(r => Table(tables, products, r)).ToList();
                scenario = scenario with { Elasticities = scenario.Elasticities.WithConcordances(products, concordances) };
                origins.Add($"σ tables read through the UN's concordances: {string.Join(", ", concordances.Select(c => $"{c.From} → {c.To}"))}");
            }
        }

        return (flows, tariffs, all, scenario);
    }

    /// <summary>The UN's table joining two revisions; a folder without it is a usage error naming the file and how to get it.</summary>
    private static HsConcordance Table(string folder, HsRevision from, HsRevision to)
    {
        try
        {
            return HsCorrelationTable.Read(folder, from, to);
        }
        catch (FileNotFoundException e)
        {
            throw new UsageException($"--hs-tables: {Terminal.Plain(e.Message)}");
        }
    }

    private static HsRevision? Stated(HsRevision? option, HsRevision? file, string name, string what) =>
        option is null || file is null || option == file
            ? option ?? file
            : throw new UsageException($"{name}: {option}, but the {what} state {file} (a column or the file's name); leave the option out, or give the file the other revision says.");

    private static HsRevision? Revision(string? text, string option) =>
        text is null ? null
        : HsRevision.TryParse(text, out var r) ? r
        : throw new UsageException($"{option}: '{Terminal.Plain(text)}' is not an HS revision; give HS1992, HS1996, HS2002, HS2007, HS2012, HS2017 or HS2022 (also HS17, H5 or 2017).");
}
