using System.Collections.Immutable;
using System.Text;
using TradeBalance.Projections;

namespace TradeBalance.Data;

/// <summary>
/// The built-in Kenya–China data set: China's 2024 imports of tea (0902), coffee (0901) and avocados
/// (080440) by supplier, China's tariff schedule for them, KES/USD rates, Kenya–China bilateral
/// totals, and the default scenario (China 0 % on Kenyan tea, coffee and avocados from 2026-05-01).
/// </summary>
/// <remarks>
/// <para>The files are embedded in this assembly and parsed by the same readers as any file
/// (<see cref="FlowsCsv"/>, <see cref="TariffsCsv"/>, <see cref="ExchangeRatesCsv"/>,
/// <see cref="BilateralTotalsCsv"/>, <see cref="ScenarioJson"/>), once, on first use. Every figure is
/// sourced or labelled DERIVED / ASSUMPTION in the files' <c>source</c> columns and in
/// <c>SOURCES.md</c> (<see cref="OpenFile(string)"/>).</para>
/// <para>Example: <c>ProjectionModel.Smart.Project(new ProjectionInputs(KenyaChina.Scenario, KenyaChina.Flows, KenyaChina.Tariffs))</c>.</para>
/// </remarks>
/// <threadsafety>All members are thread-safe; the values are immutable.</threadsafety>
public static class KenyaChina
{
    private const string Prefix = "TradeBalance.Data.KenyaChina.";

    // HS 2022: China's customs statistics and schedule, and the EAC's 2022 CET, have been in HS 2022 since 2022-01-01.
    private static readonly Lazy<TradeDataSet> LazyFlows = new(() => Load("flows.csv", (s, n) => FlowsCsv.Read(s, n).Value.WithRevision(HsRevision.Hs2022)));
    private static readonly Lazy<ImmutableArray<TariffSchedule>> LazySchedules = new(() => Load("tariffs.csv", (s, n) => TariffsCsv.ReadAll(s, n).Value.Values.Select(t => t.WithRevision(HsRevision.Hs2022)).ToImmutableArray()));
    private static readonly Lazy<ExchangeRateTable> LazyRates = new(() => Load("exchange-rates.csv", (s, n) => ExchangeRatesCsv.Read(s, n).Value));
    private static readonly Lazy<ImmutableArray<BilateralTotal>> LazyTotals = new(() => Load("bilateral-totals.csv", (s, n) => BilateralTotalsCsv.Read(s, n).Value));
    private static readonly Lazy<Scenario> LazyScenario = new(() => Load("scenario.json", ScenarioJson.Read));
    private static readonly Lazy<ScenarioPackage> LazyReciprocal = new(() => Load("package-reciprocal.json", ScenarioPackageJson.Read));

    /// <summary>Gets the names of the embedded files, for example <c>flows.csv</c> and <c>SOURCES.md</c>, ordered.</summary>
    public static ImmutableArray<string> FileNames { get; } =
        [.. typeof(KenyaChina).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Select(n => n[Prefix.Length..]).Order(StringComparer.Ordinal)];

    /// <summary>Gets China's imports by supplier (reference year 2024, USD, CIF; ROW = other suppliers), coded in HS 2022.</summary>
    /// <exception cref="TradeDataException">The embedded file is invalid (a build defect).</exception>
    public static TradeDataSet Flows => LazyFlows.Value;

    /// <summary>Gets the scenario's products in the order tea, coffee, avocados (China's zero tariff covers all three).</summary>
    public static IReadOnlyList<Commodity> Products { get; } = [Commodities.Tea, Commodities.Coffee, Commodities.Avocado];

    /// <summary>Gets China's tariff schedule for the data set's products: MFN lines and preferences with their dates, in HS 2022.</summary>
    /// <exception cref="TradeDataException">The embedded file is invalid (a build defect).</exception>
    public static TariffSchedule Tariffs => LazySchedules.Value.Single(s => s.Importer.Equals(Countries.China));

    /// <summary>Gets every importer's schedule in the data set (China's; Kenya's EAC CET rates on the chapters of its imports
    /// from China; the rest of the world's lines for Kenya's exports elsewhere), read once: what GSIM needs (<see cref="ProjectionModel.NeedsEveryImporter"/>).</summary>
    /// <exception cref="TradeDataException">The embedded file is invalid (a build defect).</exception>
    public static ImmutableArray<TariffSchedule> TariffSchedules => LazySchedules.Value;

    /// <summary>Gets the KES per USD rates: annual averages (dated 1 January) and dated Central Bank of Kenya rates.</summary>
    /// <exception cref="TradeDataException">The embedded file is invalid (a build defect).</exception>
    public static ExchangeRateTable ExchangeRates => LazyRates.Value;

    /// <summary>Gets Kenya–China total goods trade figures, both directions, by reporting basis, in file order.</summary>
    /// <exception cref="TradeDataException">The embedded file is invalid (a build defect).</exception>
    public static ImmutableArray<BilateralTotal> BilateralTotals => LazyTotals.Value;

    /// <summary>Gets the default scenario: China 0 % on Kenyan 0902, 0901 and 080440 from 2026-05-01, SMART, sourced elasticities.</summary>
    /// <exception cref="TradeDataException">The embedded file is invalid (a build defect).</exception>
    public static Scenario Scenario => LazyScenario.Value;

    /// <summary>
    /// Gets the reciprocal package: the default scenario (China's zero tariff, moving Kenya's exports) and a
    /// HYPOTHETICAL reciprocal cut by Kenya to 0% on goods from China in 12 HS chapters (moving Kenya's imports),
    /// with the Kenya–China balance showing both. Kenya's imports by chapter are derived and assumed (SOURCES.md).
    /// </summary>
    /// <remarks>Example: <c>KenyaChina.ReciprocalPackage.Project(KenyaChina.Flows, KenyaChina.TariffSchedules).Balance()</c>.</remarks>
    /// <exception cref="TradeDataException">The embedded file is invalid (a build defect).</exception>
    public static ScenarioPackage ReciprocalPackage => LazyReciprocal.Value;

    /// <summary>Opens an embedded file, exactly as shipped.</summary>
    /// <param name="name">One of <see cref="FileNames"/> (case-sensitive).</param>
    /// <returns>A read-only stream; dispose it.</returns>
    /// <exception cref="ArgumentException">No embedded file has that name; the message lists them.</exception>
    public static Stream OpenFile(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return typeof(KenyaChina).Assembly.GetManifestResourceStream(Prefix + name)
            ?? throw new ArgumentException($"The Kenya–China data set has no file '{name}'; it has {string.Join(", ", FileNames)}.", nameof(name));
    }

    /// <summary>Returns an embedded file's text (UTF-8).</summary>
    /// <param name="name">One of <see cref="FileNames"/>.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentException">No embedded file has that name.</exception>
    public static string ReadText(string name)
    {
        using var stream = OpenFile(name);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static T Load<T>(string name, Func<Stream, string, T> read)
    {
        using var stream = OpenFile(name);
        return read(stream, name);
    }
}
