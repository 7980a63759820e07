using TradeBalance.Projections;
using TradeBalance.Synthetic;
using Xunit;

namespace TradeBalance.Tests.Projections;

/// <summary>
/// <see cref="SmartKernel"/> over the benchmarks' synthetic markets (<see cref="SyntheticMarkets"/>,
/// from the TradeBalance.Synthetic project): a million flows in about ten thousand markets.
/// No timing assertions: the benchmarks measure speed, these check what holds at any size.
/// </summary>
public class SmartKernelLargeInputTests
{
    private sealed class Buffers(SyntheticMarkets s)
    {
        public double[] Tc { get; } = new double[s.FlowCount];

        public double[] Td { get; } = new double[s.FlowCount];

        public double[] Pe { get; } = new double[s.FlowCount];

        public double[] M1 { get; } = new double[s.FlowCount];

        public double[] Total0 { get; } = new double[s.MarketCount];

        public double[] Total1 { get; } = new double[s.MarketCount];

        public double[] Revenue0 { get; } = new double[s.MarketCount];

        public double[] Revenue1 { get; } = new double[s.MarketCount];

        public double[] Welfare { get; } = new double[s.MarketCount];

        public void Project(SyntheticMarkets s) => SmartKernel.Project(
            new SmartInput(s.Offsets, s.Baseline, s.TariffBefore, s.TariffAfter, s.ImportDemand, s.Substitution, s.ExportSupply),
            new SmartOutput(Tc, Td, Pe, M1, Total0, Total1, Revenue0, Revenue1, Welfare));
    }

    [Fact]
    public void A_million_flows_give_finite_outputs_and_diversion_that_sums_to_zero_per_market()
    {
        var s = SyntheticMarkets.Generate(1_000_000);
        var b = new Buffers(s);
        b.Project(s);

        Assert.Equal(1_000_000, s.FlowCount);
        Assert.All(new[] { b.Tc, b.Td, b.Pe, b.M1, b.Total0, b.Total1, b.Revenue0, b.Revenue1, b.Welfare }, a => Assert.All(a, x => Assert.True(double.IsFinite(x))));
        Assert.All(b.M1, x => Assert.True(x >= 0d));
        for (var m = 0; m < s.MarketCount; m++)
        {
            double diversion = 0d, baseline = 0d;
            for (var i = s.Offsets[m]; i < s.Offsets[m + 1]; i++)
            {
                diversion += b.Td[i];
                baseline += s.Baseline[i];
            }

            // Diversion re-allocates the market: zero up to rounding relative to the market's size.
            Assert.True(Math.Abs(diversion) <= 1e-9 * baseline, $"market {m}: diversion sums to {diversion} of {baseline}");
            Assert.Equal(baseline, b.Total0[m], baseline * 1e-12);
        }
    }

    [Fact]
    public void Allocation_does_not_depend_on_the_number_of_flows()
    {
        var small = SyntheticMarkets.Generate(1_000);
        var large = SyntheticMarkets.Generate(1_000_000);
        var bs = new Buffers(small);
        var bl = new Buffers(large);
        bs.Project(small); // JIT
        bl.Project(large);

        var before = GC.GetAllocatedBytesForCurrentThread();
        bs.Project(small);
        var smallBytes = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        bl.Project(large);
        var largeBytes = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(smallBytes, largeBytes);
        Assert.Equal(0, largeBytes);
    }

    [Fact]
    public void The_generator_is_deterministic()
    {
        var a = SyntheticMarkets.Generate(10_000);
        var b = SyntheticMarkets.Generate(10_000);
        Assert.Equal(a.Offsets, b.Offsets);
        Assert.Equal(a.Baseline, b.Baseline);
        Assert.Equal(a.ExportSupply, b.ExportSupply);
        Assert.NotEqual(a.Baseline, SyntheticMarkets.Generate(10_000, seed: 1).Baseline);
    }
}
