using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using TradeBalance.Projections;
using TradeBalance.Synthetic;

namespace TradeBalance.Benchmarks;

/// <summary>
/// The exact Armington (CES) model over many markets, every one with a finite export supply
/// elasticity so that the Newton solve iterates, against SMART on the same markets (the baseline:
/// the closed-form model Armington refines). Two levels: the span kernels alone, and the public
/// model APIs from a scenario (layout of the batch, the solve and the result objects).
/// </summary>
/// <remarks>
/// <c>ArmingtonKernel</c> is internal to TradeBalance; the benchmark reaches it with
/// <see cref="UnsafeAccessorAttribute"/> (.NET 10's <see cref="UnsafeAccessorTypeAttribute"/> names
/// the internal type), so the library's API is not widened for a benchmark.
/// </remarks>
[MemoryDiagnoser]
public class ArmingtonBenchmarks
{
    private SyntheticMarkets _data = null!;
    private double[] _eps = null!;
    private double[] _flowOut = null!, _marketOut = null!, _scratch = null!;
    private int[] _iterations = null!;
    private SyntheticTrade _trade = null!;

    [ParamsSource(nameof(FlowCounts))]
    public int Flows { get; set; }

    public static IEnumerable<int> FlowCounts => Sizes.Pick([100_000], [10_000]);

    [GlobalSetup]
    public void Setup()
    {
        _data = SyntheticMarkets.Generate(Flows);
        _eps = _data.FiniteExportSupply();
        _flowOut = new double[4 * Flows];
        _marketOut = new double[6 * _data.MarketCount];
        _iterations = new int[_data.MarketCount];
        var largest = 0;
        for (var m = 0; m < _data.MarketCount; m++)
        {
            largest = Math.Max(largest, _data.Offsets[m + 1] - _data.Offsets[m]);
        }

        _scratch = new double[7 * largest];
        _trade = SyntheticTrade.Build(_data, finiteSupply: true);
        if (ArmingtonKernel() >= 0)
        {
            throw new InvalidOperationException("The Armington solve did not converge on the synthetic markets.");
        }
    }

    [Benchmark(Baseline = true, Description = "SmartKernel (same markets)")]
    public void SmartKernelSameMarkets()
    {
        SmartKernel.Project(Input(), Output());
    }

    [Benchmark(Description = "ArmingtonKernel (Newton)")]
    public int ArmingtonKernel()
    {
        var k = _data.MarketCount;
        return Project(null, Input(), Output(), _iterations, _marketOut.AsSpan(5 * k, k), _scratch, 1e-12, 200);
    }

    [Benchmark(Description = "SmartModel.Project (scenario API)")]
    public ProjectionResult SmartModelApi() => ProjectionModel.Smart.Project(new ProjectionInputs(_trade.Scenario, _trade.Data, _trade.Schedule));

    [Benchmark(Description = "ArmingtonModel.Project (scenario API)")]
    public ProjectionResult ArmingtonModelApi() => ProjectionModel.Armington.Project(new ProjectionInputs(_trade.Scenario, _trade.Data, _trade.Schedule));

    [UnsafeAccessor(UnsafeAccessorKind.StaticMethod, Name = "Project")]
    private static extern int Project(
        [UnsafeAccessorType("TradeBalance.Projections.ArmingtonKernel, TradeBalance")] object? kernel,
        in SmartInput input,
        in SmartOutput output,
        Span<int> iterations,
        Span<double> residuals,
        Span<double> scratch,
        double tolerance,
        int maxIterations);

    private SmartInput Input() =>
        new(_data.Offsets, _data.Baseline, _data.TariffBefore, _data.TariffAfter, _data.ImportDemand, _data.Substitution, _eps);

    private SmartOutput Output()
    {
        int n = Flows, k = _data.MarketCount;
        return new SmartOutput(
            _flowOut.AsSpan(0, n), _flowOut.AsSpan(n, n), _flowOut.AsSpan(2 * n, n), _flowOut.AsSpan(3 * n, n),
            _marketOut.AsSpan(0, k), _marketOut.AsSpan(k, k), _marketOut.AsSpan(2 * k, k), _marketOut.AsSpan(3 * k, k), _marketOut.AsSpan(4 * k, k));
    }
}
