using System.Globalization;
using TradeBalance.Data.Internal;
using TradeBalance.Projections;

namespace TradeBalance.Data;

/// <summary>
/// Reads a backtest case file (docs/data-formats.md, "Backtest cases"): a scenario whose reference year is the
/// baseline, the years to score, and the flows and tariff files to score them on, named relative to the case file.
/// </summary>
/// <remarks>
/// <para>Fields: <c>name</c> (a short name for scorecards), <c>outcomeYears</c> (an array of years after the
/// baseline), <c>scenario</c> (an object in the <see cref="ScenarioJson"/> format, with <c>referenceYear</c> set
/// to the baseline year), <c>flows</c> (a file, or an array of files, of any format <see cref="TradeFile.ReadFlows(string, ComtradeReadOptions?, BaciReadOptions?)"/>
/// reads: canonical CSV, UN Comtrade, CEPII BACI or Parquet; two BACI years are two files), <c>tariffs</c> (a
/// tariff file with each line's dates, as applied) and <c>sources</c> (an object of strings). Every field but
/// <c>sources</c> is required, and unknown fields are errors naming the path, as in a scenario.</para>
/// </remarks>
/// <threadsafety>Stateless; safe to use from many threads.</threadsafety>
public static class BacktestCaseJson
{
    private static readonly string[] RootFields = ["name", "outcomeYears", "scenario", "flows", "tariffs", "sources"];

    /// <summary>Reads a case file and the flows and tariff files it names (relative paths from the case file's folder).</summary>
    /// <param name="path">The case file.</param>
    /// <param name="flows">Flows files to use instead of the case's, or null.</param>
    /// <param name="tariffs">A tariff file to use instead of the case's, or null.</param>
    /// <returns>The case.</returns>
    /// <exception cref="TradeDataException">A file is invalid, or the case breaks a rule (the message names the file, line and path).</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static BacktestCase Read(string path, IReadOnlyList<string>? flows = null, string? tariffs = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        JsonNode root;
        using (var stream = File.OpenRead(path))
        {
            root = ScenarioJson.ReadNode(stream, path);
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        string Resolve(string name) => Path.IsPathRooted(name) ? name : Path.Combine(folder, name);
        return FromNode(
            root,
            names => flows is { Count: > 0 } ? Merge(flows.Select(f => TradeFile.ReadFlows(f).Value)) : Merge(names.Select(n => TradeFile.ReadFlows(Resolve(n)).Value)),
            (name, importer) => TradeFile.ReadTariffs(tariffs ?? Resolve(name), importer).Value);
    }

    /// <summary>The case from its node tree, reading its files through the given functions.</summary>
    internal static BacktestCase FromNode(JsonNode root, Func<IReadOnlyList<string>, TradeDataSet> readFlows, Func<string, Country, TariffSchedule> readTariffs)
    {
        root.ExpectObject(RootFields);
        var name = ScenarioJson.Required(root, "name").String();
        if (string.IsNullOrWhiteSpace(name))
        {
            throw root.Property("name")!.Error("is blank; a case needs a short name for its scorecard");
        }

        var yearsNode = ScenarioJson.Required(root, "outcomeYears");
        var years = yearsNode.Array().Select(y => y.Int()).ToList();
        var scenarioNode = ScenarioJson.Required(root, "scenario");
        var scenario = ScenarioJson.FromNode(scenarioNode);
        if (scenario.ReferenceYear is not { } baseline)
        {
            throw scenarioNode.Error("has no referenceYear: a backtest case's scenario gives its baseline year there");
        }

        var flowsNode = ScenarioJson.Required(root, "flows");
        IReadOnlyList<string> flowNames = flowsNode.Kind == System.Text.Json.JsonValueKind.Array
            ? [.. flowsNode.Array().Select(n => n.String())]
            : [flowsNode.String()];
        var tariffsNode = ScenarioJson.Required(root, "tariffs");
        var flows = readFlows(flowNames);
        var schedule = readTariffs(tariffsNode.String(), scenario.Importer);
        try
        {
            return new BacktestCase(name, scenario, flows, schedule, years);
        }
        catch (ArgumentException e)
        {
            var at = e.ParamName == "outcomeYears" ? yearsNode : e.ParamName == "flows" ? flowsNode : e.ParamName == "tariffs" ? tariffsNode : root;
            throw at.Error(e.Message.Split(" (Parameter", 2)[0].TrimEnd('.') + string.Create(CultureInfo.InvariantCulture, $" (baseline {baseline})"), e);
        }
    }

    /// <summary>One data set from several files' flows (two BACI years are two files).</summary>
    internal static TradeDataSet Merge(IEnumerable<TradeDataSet> sets)
    {
        var list = sets.ToList();
        return list.Count == 1 ? list[0] : new TradeDataSet(list.SelectMany(s => s.Flows), list[0].Currency);
    }
}
