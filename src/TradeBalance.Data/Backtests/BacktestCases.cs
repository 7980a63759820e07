using System.Collections.Immutable;
using TradeBalance.Projections;

namespace TradeBalance.Data;

/// <summary>
/// The backtest cases built into TradeBalance, each a completed tariff change with its flows before and after
/// and the tariffs as applied, every figure sourced in the case's files (docs/backtests.md has the scorecard):
/// <see cref="ChinaAustraliaWine"/> and <see cref="KoreaChileWine"/>.
/// </summary>
/// <remarks>Example: <c>Backtest.Run(BacktestCases.ChinaAustraliaWine).Scores</c>. The files are embedded in this
/// assembly and read once, on first use, by the same readers as any file.</remarks>
/// <threadsafety>All members are thread-safe; the values are immutable.</threadsafety>
public static class BacktestCases
{
    private const string Prefix = "TradeBalance.Data.Backtests.";

    private static readonly Lazy<BacktestCase> LazyChafta = new(() => Load("chafta-wine"));
    private static readonly Lazy<BacktestCase> LazyKorea = new(() => Load("korea-chile-wine"));

    /// <summary>
    /// Gets the China–Australia FTA wine case: China's tariff on Australian wine cut from 14 % to 0 in five steps
    /// (2015-12-20 to 2019-01-01), China's imports of HS 2204 by origin in 2015 (baseline), 2018 and 2019.
    /// </summary>
    /// <exception cref="TradeDataException">An embedded file is invalid (a build defect).</exception>
    public static BacktestCase ChinaAustraliaWine => LazyChafta.Value;

    /// <summary>
    /// Gets the Korea–Chile FTA wine case: Korea's 15 % tariff on Chilean wine cut to 12.5 % on 2004-04-01 and by
    /// 2.5 points a year after; Korea's imports of HS 2204 by origin in 2003 (baseline), 2005 and 2006.
    /// </summary>
    /// <exception cref="TradeDataException">An embedded file is invalid (a build defect).</exception>
    public static BacktestCase KoreaChileWine => LazyKorea.Value;

    /// <summary>Gets every built-in case, in the order the scorecard shows them.</summary>
    public static ImmutableArray<BacktestCase> All => [ChinaAustraliaWine, KoreaChileWine];

    /// <summary>Gets the built-in cases' names: <c>chafta-wine</c>, <c>korea-chile-wine</c>.</summary>
    public static ImmutableArray<string> Names { get; } = ["chafta-wine", "korea-chile-wine"];

    /// <summary>Finds a built-in case by name (case-insensitive).</summary>
    /// <param name="name">A name from <see cref="Names"/>.</param>
    /// <returns>The case.</returns>
    /// <exception cref="ArgumentException">No built-in case has that name; the message lists the names.</exception>
    public static BacktestCase Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.FirstOrDefault(c => string.Equals(c.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"'{name}' is not a built-in backtest case; the cases are {string.Join(", ", Names)}.", nameof(name));
    }

    /// <summary>Opens one of a case's embedded files (case.json, flows.csv, tariffs.csv; or SOURCES.md at the top), exactly as shipped.</summary>
    /// <param name="name">For example <c>chafta-wine/flows.csv</c> or <c>SOURCES.md</c>.</param>
    /// <returns>A read-only stream; dispose it.</returns>
    /// <exception cref="ArgumentException">No embedded file has that name.</exception>
    public static Stream OpenFile(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return typeof(BacktestCases).Assembly.GetManifestResourceStream(Prefix + name.Replace('/', '.'))
            ?? throw new ArgumentException($"The built-in backtests have no file '{name}'.", nameof(name));
    }

    private static BacktestCase Load(string name)
    {
        using var caseFile = OpenFile($"{name}/case.json");
        var root = ScenarioJson.ReadNode(caseFile, $"{name}/case.json");
        return BacktestCaseJson.FromNode(
            root,
            files => BacktestCaseJson.Merge(files.Select(f =>
            {
                using var s = OpenFile($"{name}/{f}");
                return FlowsCsv.Read(s, $"{name}/{f}").Value;
            })),
            (file, importer) =>
            {
                using var s = OpenFile($"{name}/{file}");
                return TariffsCsv.Read(s, $"{name}/{file}", importer).Value;
            });
    }
}
