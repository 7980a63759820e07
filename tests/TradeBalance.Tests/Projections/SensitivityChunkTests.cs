using TradeBalance.Projections;
using TradeBalance.Synthetic;
using Xunit;

namespace TradeBalance.Tests.Projections;

/// <summary>
/// Sensitivity over many markets, so that the run is cut into many chunks: its bands must equal
/// those of the plain method (every draw over every market, all figures stored, then sorted).
/// </summary>
public class SensitivityChunkTests
{
    private static readonly SyntheticTrade Trade = SyntheticTrade.Build(SyntheticMarkets.Generate(6_000, 11));

    [Fact]
    public void Bands_equal_those_of_storing_every_draw_and_sorting()
    {
        const int Draws = 203; // not a multiple of the block of 8 draws nor of the progress step
        var settings = new MonteCarloSettings(Draws, 5, 0.5);
        var result = ProjectionModel.Smart.MonteCarlo(new ProjectionInputs(Trade.Scenario, Trade.Data, Trade.Schedule), settings, maxDegreeOfParallelism: 3, cancellationToken: TestContext.Current.CancellationToken);

        var batch = ProjectionBatch.Create(Trade.Scenario, Trade.Data, Trade.Schedule);
        int n = batch.Baseline.Length, k = batch.Markets.Length;
        Assert.True(k > 40, "the data must span many chunks");
        var projected = new double[n][];
        var totals = new double[k][];
        var exports = new Dictionary<Country, double[]>();
        for (var i = 0; i < n; i++)
        {
            projected[i] = new double[Draws];
            exports.TryAdd(batch.Flows[i].Exporter, new double[Draws]);
        }

        for (var m = 0; m < k; m++)
        {
            totals[m] = new double[Draws];
        }

        var eta = new double[k];
        var sigma = new double[k];
        var eps = new double[k];
        var outFlows = new double[4 * n];
        var outMarkets = new double[5 * k];
        for (var d = 0; d < Draws; d++)
        {
            var rng = SplitMix64.ForDraw(settings.Seed, d);
            for (var m = 0; m < k; m++)
            {
                eta[m] = batch.ImportDemand[m] * (1 + (0.5 * ((2 * rng.NextDouble()) - 1)));
                sigma[m] = batch.Substitution[m] * (1 + (0.5 * ((2 * rng.NextDouble()) - 1)));
                var u = rng.NextDouble();
                eps[m] = batch.ExportSupply[m] >= 99 ? batch.ExportSupply[m] : batch.ExportSupply[m] * (1 + (0.5 * ((2 * u) - 1)));
            }

            SmartKernel.Project(
                new SmartInput(batch.Offsets, batch.Baseline, batch.TariffBefore, batch.TariffAfter, eta, sigma, eps),
                new SmartOutput(outFlows.AsSpan(0, n), outFlows.AsSpan(n, n), outFlows.AsSpan(2 * n, n), outFlows.AsSpan(3 * n, n), outMarkets.AsSpan(0, k), outMarkets.AsSpan(k, k), outMarkets.AsSpan(2 * k, k), outMarkets.AsSpan(3 * k, k), outMarkets.AsSpan(4 * k, k)));
            for (var i = 0; i < n; i++)
            {
                projected[i][d] = outFlows[(3 * n) + i];
                exports[batch.Flows[i].Exporter][d] += outFlows[(3 * n) + i];
            }

            for (var m = 0; m < k; m++)
            {
                totals[m][d] = outMarkets[k + m];
            }
        }

        static (double, double, double) Sorted(double[] x)
        {
            var s = x.Order().ToArray();
            return (MonteCarloRun.Percentile(s, 0.05), MonteCarloRun.Percentile(s, 0.5), MonteCarloRun.Percentile(s, 0.95));
        }

        for (var i = 0; i < n; i++)
        {
            var (p5, p50, p95) = Sorted(projected[i]);
            Assert.Equal(new PercentileBand<Money>(SmartModel.ToMoney(p5, Currency.Usd), SmartModel.ToMoney(p50, Currency.Usd), SmartModel.ToMoney(p95, Currency.Usd)), result.Rows[i].Projected);
        }

        for (var m = 0; m < k; m++)
        {
            var (p5, p50, p95) = Sorted(totals[m]);
            Assert.Equal(new PercentileBand<Money>(SmartModel.ToMoney(p5, Currency.Usd), SmartModel.ToMoney(p50, Currency.Usd), SmartModel.ToMoney(p95, Currency.Usd)), result.Markets[m].ProjectedTotal);
        }

        // Exports are summed in exact fixed point, the reference in double: equal to far below a cent.
        foreach (var e in result.Exports)
        {
            var (p5, p50, p95) = Sorted(exports[e.Exporter]);
            Assert.Equal(p5, (double)e.Projected.P5.Amount, Math.Max(1e-6, p5 * 1e-12));
            Assert.Equal(p50, (double)e.Projected.P50.Amount, Math.Max(1e-6, p50 * 1e-12));
            Assert.Equal(p95, (double)e.Projected.P95.Amount, Math.Max(1e-6, p95 * 1e-12));
        }
    }

    [Fact]
    public void Many_chunks_give_bit_identical_results_at_any_parallelism()
    {
        var settings = new MonteCarloSettings(120, 9, 0.4);
        var one = ProjectionModel.Smart.MonteCarlo(new ProjectionInputs(Trade.Scenario, Trade.Data, Trade.Schedule), settings, maxDegreeOfParallelism: 1, cancellationToken: TestContext.Current.CancellationToken);
        var four = ProjectionModel.Smart.MonteCarlo(new ProjectionInputs(Trade.Scenario, Trade.Data, Trade.Schedule), settings, maxDegreeOfParallelism: 4, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(one.Rows, four.Rows);
        Assert.Equal(one.Markets, four.Markets);
        Assert.Equal(one.Exports, four.Exports);
    }

    [Fact]
    public void Progress_counts_draw_equivalents_up_to_the_draws()
    {
        var seen = new System.Collections.Concurrent.ConcurrentBag<int>();
        ProjectionModel.Smart.MonteCarlo(new ProjectionInputs(Trade.Scenario, Trade.Data, Trade.Schedule), new MonteCarloSettings(150, 1, 0.5), maxDegreeOfParallelism: 2, progress: new SyncProgress(seen.Add), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(1, seen.Count(v => v == 150));
        Assert.All(seen, v => Assert.InRange(v, 1, 150));
        Assert.True(seen.Count >= 10, $"only {seen.Count} progress reports");
    }

    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
