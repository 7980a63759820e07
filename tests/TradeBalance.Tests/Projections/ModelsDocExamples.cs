using NodaTime;
using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Tests.Projections;

/// <summary>
/// The examples of docs/models.md ("Beyond SMART"), compiled and run; each test checks that the page shows
/// what the example prints, so the documentation cannot drift.
/// </summary>
public class ModelsDocExamples(ITestOutputHelper output)
{
    private static readonly HsCode Tea = HsCode.Parse("0902");

    private static readonly TradeDataSet Data = new(
    [
        TradeFlow.Usd(Countries.SriLanka, Countries.China, Tea, 2024, 68_000_000m),
        TradeFlow.Usd(Countries.India, Countries.China, Tea, 2024, 22_000_000m),
        TradeFlow.Usd(Countries.Kenya, Countries.China, Tea, 2024, 20_000_000m),
    ]);

    private static readonly TariffSchedule China = new(Countries.China, [new TariffLine(TariffRegime.Mfn, Tea, new TariffRate(15m))]);

    private static readonly Scenario Scenario = new("Zero tariff on Kenyan tea", Countries.China, [Countries.Kenya], [Tea], TariffChange.NewRate(TariffRate.Zero), new LocalDate(2026, 5, 1))
    {
        Elasticities = new Elasticities(new ElasticityValues(-1.5, 1.83, 2.0)),
    };

    [Fact]
    public void Armington()
    {
        var result = ProjectionModel.ArmingtonWith(new ArmingtonOptions { Tolerance = 1e-12, MaxIterations = 200 }).Project(new ProjectionInputs(Scenario, Data, China));
        var market = result.Market(Tea);
        // The residual's last digits depend on the machine's floating point; the page shows the table.
        output.WriteLine($"{market.Iterations} iterations, residual {market.Residual:G3}");
        output.WriteLine(result.ToString());
        Assert.True(market.Residual <= 1e-12);
        AssertPageShows(result.ToString());
    }

    [Fact]
    public void Gsim_matrices()
    {
        double[,] m = { { 0, 50, 200, 300 }, { 500, 0, 150, 200 }, { 300, 100, 200, 200 }, { 50, 100, 110, 20 } };
        double[,] t0 = { { 1.00, 1.21, 1.41, 1.22 }, { 1.37, 1.00, 1.31, 1.23 }, { 1.32, 1.36, 1.00, 1.18 }, { 1.57, 1.41, 1.25, 1.15 } };
        var t1 = (double[,])t0.Clone();
        t1[2, 0] = t1[0, 2] = 1.0; // US–EU free trade
        var s = GsimModel.Solve(m, t0, t1, [-1.25, -1.25, -1.25, -1.25], [5, 5, 5, 5], [1.5, 1.5, 1.5, 1.5]);
        output.WriteLine(string.Join(", ", s.WorldPriceChanges.Select(x => x.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(0.0792, s.WorldPriceChanges[0], 4);
    }

    [Fact]
    public void Gsim_scenario()
    {
        var world = new TradeDataSet(Data.Flows.Concat(
        [
            TradeFlow.Usd(Countries.SriLanka, Countries.UnitedStates, Tea, 2024, 90_000_000m),
            TradeFlow.Usd(Countries.India, Countries.UnitedStates, Tea, 2024, 70_000_000m),
            TradeFlow.Usd(Countries.Kenya, Countries.UnitedStates, Tea, 2024, 15_000_000m),
        ]));
        var us = new TariffSchedule(Countries.UnitedStates, [new TariffLine(TariffRegime.Mfn, Tea, new TariffRate(6.4m))]);
        var result = ProjectionModel.Gsim.Solve(new ProjectionInputs(Scenario, world, [China, us]));
        output.WriteLine(result.ToString());
        var kenyaInUs = result.Projection.Market(Countries.UnitedStates, Tea).Rows.Single(r => r.Exporter == Countries.Kenya);
        var line = FormattableString.Invariant($"Kenya's tea price {result.Product(Tea).WorldPriceChange(Countries.Kenya):P2}; US sales {kenyaInUs.Change}");
        output.WriteLine(line);
        Assert.True(kenyaInUs.Change.Amount < 0m);
        AssertPageShows("// " + line);
    }

    [Fact]
    public void Staged()
    {
        var staged = new Scenario("Kenyan tea, 3 stages", Countries.China, [Countries.Kenya], [Tea], TariffChange.NewRate(TariffRate.Zero), new LocalDate(2026, 5, 1))
        {
            Stages = 3,
        };
        var path = ProjectionModel.Smart.ProjectStages(new ProjectionInputs(staged, Data, China), 2025, 2029);
        foreach (var point in path)
        {
            var kenya = point.Result.Rows.Single(r => r.Exporter == Countries.Kenya);
            var line = FormattableString.Invariant($"{point.Year}: stage {point.Stage}, rate {point.RateFor(Countries.Kenya, Tea)}, Kenya {kenya.Projected}");
            output.WriteLine(line);
            AssertPageShows("// " + line);
        }

        var lines = StagedProjection.ToTariffLines(staged, China); // one preferential line per stage
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public void Monte_carlo()
    {
        var bands = ProjectionModel.Smart.MonteCarlo(
            new ProjectionInputs(Scenario, Data, China),
            new MonteCarloSettings(draws: 1000, seed: 42, spread: 0.5),
            progress: new Progress<int>(_ => { }),
            cancellationToken: TestContext.Current.CancellationToken);
        var kenya = bands.ExportsOf(Countries.Kenya);
        var line = FormattableString.Invariant($"Kenya's tea exports to China: P5 {kenya.Projected.P5}, P50 {kenya.Projected.P50}, P95 {kenya.Projected.P95}");
        output.WriteLine(line);
        Assert.True(kenya.Projected.P5 <= kenya.Projected.P95);
        AssertPageShows("// " + line);
    }

    private static void AssertPageShows(string printed)
    {
        static string Normalize(string s) => string.Join('\n', s.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd())).Trim();
        var page = Normalize(File.ReadAllText(TradeBalance.Testing.RepoFiles.Path(Path.Combine("docs", "models.md"))));
        Assert.Contains(Normalize(printed), page, StringComparison.Ordinal);
    }
}
