using BenchmarkDotNet.Attributes;
using TradeBalance.Projections;
using TradeBalance.Synthetic;

namespace TradeBalance.Benchmarks;

/// <summary>
/// Monte Carlo: 1,000 draws over 100,000 flows (about 970 markets) at one and at two threads.
/// <see cref="ProjectionModel.MonteCarlo"/> is measured end to end through the scenario API, as a caller uses
/// it (batch layout, point projection, the draws, the percentiles of every figure and the result
/// objects); the baseline is the same call on one thread, so the Ratio column of the two-thread
/// run is 1 / speed-up. A benchmark-level loop over <see cref="SmartKernel"/> with per-draw
/// elasticities shows the floor: the draws alone, with no percentiles. A CPU-bound control at one and
/// two threads shows how much a second thread can give on the machine at the time of the run.
/// </summary>
[MemoryDiagnoser]
public class MonteCarloBenchmarks
{
    private SyntheticTrade _trade = null!;
    private SyntheticMarkets _data = null!;

    [ParamsSource(nameof(FlowCounts))]
    public int Flows { get; set; }

    [ParamsSource(nameof(DrawCounts))]
    public int Draws { get; set; }

    public static IEnumerable<int> FlowCounts => Sizes.Pick([100_000], [10_000]);

    public static IEnumerable<int> DrawCounts => Sizes.Pick([1_000], [20]);

    [GlobalSetup]
    public void Setup()
    {
        _data = SyntheticMarkets.Generate(Flows);
        _trade = SyntheticTrade.Build(_data);
    }

    [Benchmark(Baseline = true, Description = "MonteCarlo, 1 thread")]
    public MonteCarloResult SensitivityOneThread() => Run(1);

    [Benchmark(Description = "MonteCarlo, 2 threads")]
    public MonteCarloResult SensitivityTwoThreads() => Run(2);

    [Benchmark(Description = "draws only (SmartKernel loop), 1 thread")]
    public double KernelLoopOneThread() => KernelLoop.Run(_data, Draws, 1);

    [Benchmark(Description = "draws only (SmartKernel loop), 2 threads")]
    public double KernelLoopTwoThreads() => KernelLoop.Run(_data, Draws, 2);

    [Benchmark(Description = "control: CPU-bound loop, 1 thread")]
    public double ControlOneThread() => Control(1);

    [Benchmark(Description = "control: CPU-bound loop, 2 threads")]
    public double ControlTwoThreads() => Control(2);

    /// <summary>
    /// The machine's own 1 → 2 thread ceiling, measured in the same run: 8 equal chunks of square roots
    /// (no memory traffic), so the ratio of the two controls is what two threads can gain here at best.
    /// </summary>
    private static double Control(int threads)
    {
        var sums = new double[8];
        Parallel.For(0, sums.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, c =>
        {
            var x = 0.0;
            for (var i = 0; i < 20_000_000; i++)
            {
                x += Math.Sqrt(i + c);
            }

            sums[c] = x;
        });
        return sums.Sum();
    }

    private MonteCarloResult Run(int threads) =>
        ProjectionModel.Smart.MonteCarlo(new ProjectionInputs(_trade.Scenario, _trade.Data, _trade.Schedule), new MonteCarloSettings(Draws, 42, 0.5), maxDegreeOfParallelism: threads);

    /// <summary>Per draw: elasticities drawn per market (±50 %), then the kernel; each worker owns its buffers.</summary>
    public static class KernelLoop
    {
        public static double Run(SyntheticMarkets s, int draws, int threads)
        {
            var totals = new double[draws];
            Parallel.For(
                0,
                draws,
                new ParallelOptions { MaxDegreeOfParallelism = threads },
                () => new Buffers(s.FlowCount, s.MarketCount),
                (d, _, b) =>
                {
                    var k = s.MarketCount;
                    var rng = new SyntheticMarkets.SplitMix64(42UL + ((ulong)d * 0x9E3779B97F4A7C15UL));
                    for (var m = 0; m < k; m++)
                    {
                        b.Eta[m] = s.ImportDemand[m] * (1 + (0.5 * ((2 * rng.NextDouble()) - 1)));
                        b.Sigma[m] = s.Substitution[m] * (1 + (0.5 * ((2 * rng.NextDouble()) - 1)));
                        var e = s.ExportSupply[m];
                        var u = rng.NextDouble();
                        b.Eps[m] = e >= 99 ? e : e * (1 + (0.5 * ((2 * u) - 1)));
                    }

                    SmartKernel.Project(
                        new SmartInput(s.Offsets, s.Baseline, s.TariffBefore, s.TariffAfter, b.Eta, b.Sigma, b.Eps),
                        new SmartOutput(b.Tc, b.Td, b.Pe, b.M1, b.T0, b.T1, b.R0, b.R1, b.W));
                    var total = 0.0;
                    foreach (var t in b.T1)
                    {
                        total += t;
                    }

                    totals[d] = total;
                    return b;
                },
                _ => { });
            return totals.Sum();
        }

        private sealed class Buffers(int n, int k)
        {
            public double[] Eta { get; } = new double[k];

            public double[] Sigma { get; } = new double[k];

            public double[] Eps { get; } = new double[k];

            public double[] Tc { get; } = new double[n];

            public double[] Td { get; } = new double[n];

            public double[] Pe { get; } = new double[n];

            public double[] M1 { get; } = new double[n];

            public double[] T0 { get; } = new double[k];

            public double[] T1 { get; } = new double[k];

            public double[] R0 { get; } = new double[k];

            public double[] R1 { get; } = new double[k];

            public double[] W { get; } = new double[k];
        }
    }
}
