using TradeBalance.Data;
using TradeBalance.Projections;

namespace TradeBalance.Cli;

/// <summary>The inputs of a run: files the user named, or the embedded Kenya–China data set for any not named.</summary>
internal sealed record Inputs(Scenario Scenario, TradeDataSet Flows, TariffSchedule Tariffs, Lazy<IReadOnlyList<TariffSchedule>> EveryImporterTariffs, ExchangeRateTable? Rates, IReadOnlyList<string> Origins)
{
    /// <summary>Gets every importer's schedule (GSIM needs them all), read on first use so the other models do not read the tariff file twice.</summary>
    public IReadOnlyList<TariffSchedule> AllTariffs => EveryImporterTariffs.Value;

    public static Inputs Load(string? scenarioPath, string? flowsPath, string? tariffsPath, string? ratesPath)
    {
        var origins = new List<string>();
        var scenario = scenarioPath is null ? KenyaChina.Scenario : Steps.Time("read scenario", () => ScenarioJson.Read(RequireFile(scenarioPath, "--scenario")));
        origins.Add(scenarioPath is null ? "scenario: embedded Kenya–China default" : $"scenario: {scenarioPath}");

        // The tariff file is read on the other core while the flows are read: the two are independent,
        // and on a large run reading is most of the time. Errors are still reported flows first.
        var timings = Steps.Timings;
        var tariffRead = tariffsPath is null ? null : Task.Run(() =>
        {
            Steps.Report(timings, progress: null);
            return Steps.Time("read tariffs (beside the flows)", () => TradeFile.ReadTariffs(RequireFile(tariffsPath, "--tariffs"), scenario.Importer));
        });

        TradeDataSet flows;
        if (flowsPath is null)
        {
            flows = KenyaChina.Flows;
            origins.Add("flows: embedded Kenya–China data set (China's 2024 imports; see SOURCES.md)");
        }
        else
        {
            var read = Steps.Time("read flows", () => TradeFile.ReadFlows(RequireFile(flowsPath, "--flows")));
            flows = read.Value;
            origins.Add($"flows: {read.Report}");
        }

        TariffSchedule tariffs;
        Lazy<IReadOnlyList<TariffSchedule>> all;
        if (tariffsPath is null)
        {
            if (!scenario.Importer.Equals(Countries.China))
            {
                throw new UsageException($"The scenario's importer is {scenario.Importer.Alpha3}; the embedded tariffs are China's. Give --tariffs FILE.");
            }

            tariffs = KenyaChina.Tariffs;
            all = new(() => [.. TariffsCsv.ReadAll(new StringReader(KenyaChina.ReadText("tariffs.csv")), "tariffs.csv").Value.Values]);
            origins.Add("tariffs: embedded China schedule (MFN, provisional and preferential lines)");
        }
        else
        {
            var read = tariffRead!.GetAwaiter().GetResult();
            tariffs = read.Value;
            all = new(() => Steps.Time("read every importer's tariffs", () => TradeFile.Detect(tariffsPath) == TradeFileFormat.Tariffs ? [.. TariffsCsv.ReadAll(tariffsPath).Value.Values] : new TariffSchedule[] { tariffs }));
            origins.Add($"tariffs: {read.Report}");
        }

        var rates = ratesPath is null ? KenyaChina.ExchangeRates : ExchangeRatesCsv.Read(RequireFile(ratesPath, "--rates")).Value;
        origins.Add(ratesPath is null ? "rates: embedded KES/USD rates" : $"rates: {ratesPath}");
        return new Inputs(scenario, flows, tariffs, all, rates, origins);
    }

    private static string RequireFile(string path, string option) =>
        File.Exists(path) ? path : throw new UsageException($"{option}: file '{path}' does not exist.");
}
