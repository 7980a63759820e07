using BenchmarkDotNet.Attributes;
using TradeBalance.Projections;
using TradeBalance.Synthetic;

namespace TradeBalance.Benchmarks;

/// <summary>
/// GSIM over many products, each a 10×10 importer × exporter system: <see cref="GsimModel.Solve"/>
/// (LU with partial pivoting, one refinement step, the full solution with welfare) against a plain
/// per-product object version with jagged arrays and Gaussian elimination without pivoting (the
/// baseline; <see cref="NaiveGsim"/>). Setup checks that both give the same world-price changes.
/// </summary>
[MemoryDiagnoser]
public class GsimBenchmarks
{
    private const int Regions = 10;
    private NaiveGsim.Product[] _naive = null!;
    private (double[,] M, double[,] T0, double[,] T1, double[] Em, double[] Es, double[] Ex)[] _matrices = null!;

    [ParamsSource(nameof(ProductCounts))]
    public int Products { get; set; }

    public static IEnumerable<int> ProductCounts => Sizes.Pick([200], [20]);

    [GlobalSetup]
    public void Setup()
    {
        var rng = new SyntheticMarkets.SplitMix64(20260503);
        _naive = new NaiveGsim.Product[Products];
        _matrices = new (double[,], double[,], double[,], double[], double[], double[])[Products];
        for (var p = 0; p < Products; p++)
        {
            var m = new double[Regions, Regions];
            var t0 = new double[Regions, Regions];
            var t1 = new double[Regions, Regions];
            var em = new double[Regions];
            var es = new double[Regions];
            var ex = new double[Regions];
            for (var r = 0; r < Regions; r++)
            {
                for (var v = 0; v < Regions; v++)
                {
                    m[r, v] = r == v ? 0 : Math.Exp(rng.NextDouble() * 10);
                    t0[r, v] = 1 + (Math.Round(rng.NextDouble() * 30) / 100);
                    t1[r, v] = t0[r, v];
                }

                em[r] = -(0.5 + (rng.NextDouble() * 1.5));
                es[r] = 1 + (rng.NextDouble() * 4);
                ex[r] = 1 + (rng.NextDouble() * 10);
            }

            // One preference per product: importer p cuts its tariff on exporter p + 1 to zero.
            t1[(p + 1) % Regions, p % Regions] = 1;
            _matrices[p] = (m, t0, t1, em, es, ex);
            _naive[p] = NaiveGsim.Product.From(m, t0, t1, em, es, ex);
        }

        var library = Library();
        var naive = Naive();
        for (var p = 0; p < Products; p++)
        {
            for (var r = 0; r < Regions; r++)
            {
                var a = library[p].WorldPriceChanges[r];
                var b = naive[p][r];
                if (Math.Abs(a - b) > 1e-9 * Math.Max(1, Math.Abs(a)))
                {
                    throw new InvalidOperationException($"Product {p}, exporter {r}: GsimModel.Solve gives {a}, the naive solve {b}.");
                }
            }
        }
    }

    [Benchmark(Baseline = true, Description = "naive objects + Gauss (no pivoting)")]
    public double[][] Naive()
    {
        var x = new double[Products][];
        for (var p = 0; p < Products; p++)
        {
            x[p] = _naive[p].Solve();
        }

        return x;
    }

    [Benchmark(Description = "GsimModel.Solve (LU + refinement)")]
    public GsimSolution[] Library()
    {
        var x = new GsimSolution[Products];
        for (var p = 0; p < Products; p++)
        {
            var (m, t0, t1, em, es, ex) = _matrices[p];
            x[p] = GsimModel.Solve(m, t0, t1, em, es, ex);
        }

        return x;
    }
}
