using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Tests.Projections;

public class SensitivityTests
{
    private static readonly TradeDataSet Data = new(
        ProjectionFixtures.Market(ProjectionFixtures.Tea, 20_000_000m, 68_000_000m, 22_000_000m, 23_000_000m).Flows
            .Concat(ProjectionFixtures.Market(ProjectionFixtures.Coffee, 3_700_000m, 525_000_000m, 102_000_000m).Flows));

    private static readonly TariffSchedule Schedule = ProjectionFixtures.Schedule(15m);

    private static Scenario Scenario(double eps = 99d) =>
        ProjectionFixtures.Scenario(TariffChange.NewRate(TariffRate.Zero), new ElasticityValues(-1.5, 1.83, eps), null, ProjectionFixtures.Tea, ProjectionFixtures.Coffee);

    private static MonteCarloResult Run(int parallelism, ProjectionModelKind model = ProjectionModelKind.Smart, double spread = 0.5, double eps = 99d, int draws = 400) =>
        ProjectionModel.For(model).MonteCarlo(new ProjectionInputs(Scenario(eps), Data, Schedule), new MonteCarloSettings(draws, 7, spread), maxDegreeOfParallelism: parallelism, cancellationToken: TestContext.Current.CancellationToken);

    [Theory]
    [InlineData(ProjectionModelKind.Smart, 99d)]
    [InlineData(ProjectionModelKind.Smart, 3d)]
    [InlineData(ProjectionModelKind.Armington, 3d)]
    public void Same_seed_gives_bit_identical_results_whatever_the_parallelism(ProjectionModelKind model, double eps)
    {
        var one = Run(1, model, eps: eps);
        var four = Run(4, model, eps: eps);
        Assert.Equal(one.Rows, four.Rows);
        Assert.Equal(one.Markets, four.Markets);
        Assert.Equal(one.Exports, four.Exports);
        Assert.All(one.Rows.Zip(four.Rows), p => Assert.Equal(BitConverter.DoubleToInt64Bits(p.First.ProjectedShare.P50), BitConverter.DoubleToInt64Bits(p.Second.ProjectedShare.P50)));
    }

    [Fact]
    public void A_different_seed_gives_different_bands()
    {
        var a = ProjectionModel.Smart.MonteCarlo(new ProjectionInputs(Scenario(), Data, Schedule), new MonteCarloSettings(200, 1, 0.5), cancellationToken: TestContext.Current.CancellationToken);
        var b = ProjectionModel.Smart.MonteCarlo(new ProjectionInputs(Scenario(), Data, Schedule), new MonteCarloSettings(200, 2, 0.5), cancellationToken: TestContext.Current.CancellationToken);
        Assert.NotEqual(a.Rows, b.Rows);
    }

    [Theory]
    [InlineData(ProjectionModelKind.Smart)]
    [InlineData(ProjectionModelKind.Armington)]
    public void Percentiles_are_ordered(ProjectionModelKind model)
    {
        var r = Run(-1, model, eps: 3d);
        Assert.All(r.Rows, x => Assert.True(x.Projected.P5 <= x.Projected.P50 && x.Projected.P50 <= x.Projected.P95));
        Assert.All(r.Rows, x => Assert.True(x.ProjectedShare.P5 <= x.ProjectedShare.P50 && x.ProjectedShare.P50 <= x.ProjectedShare.P95));
        Assert.All(r.Markets, x => Assert.True(x.ProjectedTotal.P5 <= x.ProjectedTotal.P50 && x.ProjectedTotal.P50 <= x.ProjectedTotal.P95));
        Assert.All(r.Markets, x => Assert.True(x.Welfare.P5 <= x.Welfare.P50 && x.Welfare.P50 <= x.Welfare.P95));
        Assert.All(r.Exports, x => Assert.True(x.Projected.P5 <= x.Projected.P50 && x.Projected.P50 <= x.Projected.P95));

        // A real spread: Kenya's projected tea exports vary across draws.
        var kenyaTea = r.Rows.Single(x => x.Exporter == Countries.Kenya && x.Hs == ProjectionFixtures.Tea);
        Assert.True(kenyaTea.Projected.P5 < kenyaTea.Projected.P95);
        Assert.True(r.ExportsOf(Countries.Kenya).Projected.P50 > r.ExportsOf(Countries.Kenya).Baseline);
    }

    [Theory]
    [InlineData(ProjectionModelKind.Smart, 99d)]
    [InlineData(ProjectionModelKind.Smart, 3d)]
    [InlineData(ProjectionModelKind.Armington, 3d)]
    public void Spread_zero_reproduces_the_point_projection_exactly(ProjectionModelKind model, double eps)
    {
        var r = Run(4, model, spread: 0d, eps: eps, draws: 25);
        var point = model == ProjectionModelKind.Smart ? ProjectionModel.Smart.Project(new ProjectionInputs(Scenario(eps), Data, Schedule)) : ProjectionModel.Armington.Project(new ProjectionInputs(Scenario(eps), Data, Schedule));
        Assert.Equal(point.Rows, r.Point.Rows);
        foreach (var (band, row) in r.Rows.Zip(point.Rows))
        {
            Assert.Equal(new PercentileBand<Money>(row.Projected, row.Projected, row.Projected), band.Projected);
            Assert.Equal(new PercentileBand<double>(row.ProjectedShare, row.ProjectedShare, row.ProjectedShare), band.ProjectedShare);
            Assert.Equal(row.Baseline, band.Baseline);
        }

        foreach (var (band, market) in r.Markets.Zip(point.Markets))
        {
            Assert.Equal(new PercentileBand<Money>(market.ProjectedTotal, market.ProjectedTotal, market.ProjectedTotal), band.ProjectedTotal);
            Assert.Equal(new PercentileBand<Money>(market.RevenueAfter, market.RevenueAfter, market.RevenueAfter), band.RevenueAfter);
            Assert.Equal(new PercentileBand<Money>(market.Welfare, market.Welfare, market.Welfare), band.Welfare);
        }
    }

    [Fact]
    public void Cancellation_throws_operation_canceled()
    {
        using var before = new CancellationTokenSource();
        before.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => ProjectionModel.Smart.MonteCarlo(new ProjectionInputs(Scenario(), Data, Schedule), new MonteCarloSettings(1000), cancellationToken: before.Token));

        using var during = new CancellationTokenSource();
        var progress = new SynchronousProgress(n =>
        {
            if (n >= 100)
            {
                during.Cancel();
            }
        });
        Assert.ThrowsAny<OperationCanceledException>(() => ProjectionModel.Smart.MonteCarlo(new ProjectionInputs(Scenario(), Data, Schedule), new MonteCarloSettings(100_000), maxDegreeOfParallelism: 2, progress: progress, cancellationToken: during.Token));
    }

    [Fact]
    public void Progress_reaches_the_number_of_draws()
    {
        var seen = new System.Collections.Concurrent.ConcurrentBag<int>();
        ProjectionModel.Smart.MonteCarlo(new ProjectionInputs(Scenario(), Data, Schedule), new MonteCarloSettings(300), progress: new SynchronousProgress(seen.Add), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains(300, seen);
        Assert.All(seen, n => Assert.InRange(n, 1, 300));
    }

    [Fact]
    public void Percentile_is_type_7()
    {
        double[] x = [1, 2, 3, 4, 10];
        Assert.Equal(1.2, MonteCarloRun.Percentile(x, 0.05), 1e-15);
        Assert.Equal(3d, MonteCarloRun.Percentile(x, 0.5));
        Assert.Equal(8.8, MonteCarloRun.Percentile(x, 0.95), 1e-12);
        Assert.Equal(5d, MonteCarloRun.Percentile([5d], 0.05));
    }

    [Fact]
    public void Percentiles_by_selection_equal_those_of_the_sorted_values()
    {
        var rng = new Random(8);
        for (var n = 1; n <= 260; n++)
        {
            for (var t = 0; t < 12; t++)
            {
                // Ties (few distinct values), signed zeros and spread values.
                var x = Enumerable.Range(0, n).Select(_ => t % 3 == 0 ? rng.Next(4) : t % 3 == 1 ? (rng.Next(2) == 0 ? -0d : 0d) + rng.Next(3) : (rng.NextDouble() - 0.5) * 1e9).ToArray();
                var sorted = x.Order().ToArray();
                var (p5, p50, p95) = MonteCarloRun.Percentiles(x);
                Assert.Equal(MonteCarloRun.Percentile(sorted, 0.05), p5);
                Assert.Equal(MonteCarloRun.Percentile(sorted, 0.50), p50);
                Assert.Equal(MonteCarloRun.Percentile(sorted, 0.95), p95);
                Assert.Equal(sorted.Order(), x.Order());
            }
        }
    }

    [Theory]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(1000)]
    [InlineData(1001)]
    [InlineData(4099)]
    public void Percentiles_through_the_buckets_equal_those_of_the_sorted_values(int n)
    {
        var rng = new Random(n);
        Func<double>[] shapes =
        [
            () => rng.NextDouble(),                                  // uniform
            () => -Math.Log(1 - rng.NextDouble()) * 1e6,             // skewed
            () => rng.Next(3),                                       // three values
            () => rng.Next(100) == 0 ? 1e300 : rng.NextDouble(),     // a far outlier crowds one bucket
            () => (rng.Next(2) == 0 ? -0d : 0d) + rng.Next(2),        // signed zeros
            () => 5d,                                                // all equal
            () => rng.Next(50) == 0 ? double.PositiveInfinity : rng.NextDouble() - 0.5,
            () => 1e15 + rng.Next(1000),                             // narrow range far from zero
        ];
        foreach (var shape in shapes)
        {
            var x = Enumerable.Range(0, n).Select(_ => shape()).ToArray();
            var sorted = x.Order().ToArray();
            var (p5, p50, p95) = MonteCarloRun.Percentiles(x);
            Assert.Equal(MonteCarloRun.Percentile(sorted, 0.05), p5);
            Assert.Equal(MonteCarloRun.Percentile(sorted, 0.50), p50);
            Assert.Equal(MonteCarloRun.Percentile(sorted, 0.95), p95);
            Assert.Equal(sorted, x.Order());
        }
    }

    [Fact]
    public void Percentiles_select_instead_of_sorting_everything()
    {
        // Selection leaves the values only partly ordered; a full sort (what Percentiles falls back to
        // when a value is NaN) leaves them ascending. A regression once sent every input to the sort.
        var rng = new Random(3);
        var x = Enumerable.Range(0, 1000).Select(_ => rng.NextDouble()).ToArray();
        var sorted = x.Order().ToArray();
        var (p5, p50, p95) = MonteCarloRun.Percentiles(x);

        Assert.Equal(MonteCarloRun.Percentile(sorted, 0.50), p50);
        Assert.Equal((MonteCarloRun.Percentile(sorted, 0.05), MonteCarloRun.Percentile(sorted, 0.95)), (p5, p95));
        Assert.NotEqual(sorted, x);

        var withNaN = x.Append(double.NaN).ToArray();
        MonteCarloRun.Percentiles(withNaN);
        Assert.True(double.IsNaN(withNaN[0]), "NaN values go through the full sort, which puts NaN first");
    }

    [Fact]
    public void A_degree_of_parallelism_of_0_or_below_minus_1_is_rejected()
    {
        var inputs = new ProjectionInputs(Scenario(), Data, Schedule);
        Assert.Throws<ArgumentOutOfRangeException>(() => ProjectionModel.Smart.MonteCarlo(inputs, maxDegreeOfParallelism: 0, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProjectionModel.Smart.MonteCarlo(inputs, maxDegreeOfParallelism: -2, cancellationToken: TestContext.Current.CancellationToken));
    }

    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
