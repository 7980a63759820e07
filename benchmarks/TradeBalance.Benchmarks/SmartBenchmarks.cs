using BenchmarkDotNet.Attributes;
using TradeBalance.Projections;
using TradeBalance.Synthetic;

namespace TradeBalance.Benchmarks;

/// <summary>
/// SMART over many synthetic flows: the span kernel against the per-flow object implementation
/// (the baseline) and against the memory floor (read the same inputs, write the same outputs once).
/// </summary>
[MemoryDiagnoser]
public class SmartBenchmarks
{
    private SyntheticMarkets _data = null!;
    private List<ObjectSmart.Market> _objects = null!;
    private double[] _tc = null!, _td = null!, _pe = null!, _m1 = null!;
    private double[] _t0 = null!, _t1 = null!, _r0 = null!, _r1 = null!, _w = null!;

    [ParamsSource(nameof(FlowCounts))]
    public int Flows { get; set; }

    public static IEnumerable<int> FlowCounts => Sizes.Pick([1_000, 100_000, 1_000_000, 10_000_000], [1_000, 100_000]);

    [GlobalSetup]
    public void Setup()
    {
        _data = SyntheticMarkets.Generate(Flows);
        _objects = ObjectSmart.Build(_data);
        _tc = new double[Flows];
        _td = new double[Flows];
        _pe = new double[Flows];
        _m1 = new double[Flows];
        var k = _data.MarketCount;
        _t0 = new double[k];
        _t1 = new double[k];
        _r0 = new double[k];
        _r1 = new double[k];
        _w = new double[k];
    }

    [Benchmark(Baseline = true, Description = "object per flow")]
    public void ObjectPerFlow() => ObjectSmart.Project(_objects);

    [Benchmark(Description = "memory floor (fused copy)")]
    public void MemoryFloor() => Floor(_data.Baseline, _data.TariffBefore, _data.TariffAfter, _tc, _td, _pe, _m1);

    /// <summary>
    /// The memory floor, shared with the peer runner so that both measure the same loop: reads the
    /// kernel's three per-flow inputs and writes its four per-flow outputs once, over spans (no
    /// bounds checks in the loop), so nothing but the memory traffic is timed.
    /// </summary>
    public static void Floor(ReadOnlySpan<double> m, ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> tc, Span<double> td, Span<double> pe, Span<double> m1)
    {
        for (var i = 0; i < m.Length; i++)
        {
            tc[i] = a[i];
            td[i] = b[i];
            pe[i] = m[i];
            m1[i] = m[i];
        }
    }

    [Benchmark(Description = "SmartKernel (spans)")]
    public void Kernel() => SmartKernel.Project(
        new SmartInput(_data.Offsets, _data.Baseline, _data.TariffBefore, _data.TariffAfter, _data.ImportDemand, _data.Substitution, _data.ExportSupply),
        new SmartOutput(_tc, _td, _pe, _m1, _t0, _t1, _r0, _r1, _w));
}
