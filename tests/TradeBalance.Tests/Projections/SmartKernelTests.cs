using TradeBalance.Projections;
using TradeBalance.Synthetic;
using Xunit;

namespace TradeBalance.Tests.Projections;

/// <summary>
/// <see cref="SmartKernel.ProjectRange"/>: ranges of markets give <see cref="SmartKernel.Project"/>'s results
/// bit for bit, touch nothing outside the range, and check their arguments.
/// </summary>
public class SmartKernelTests
{
    private sealed class Outputs
    {
        public Outputs(int flows, int markets, double fill)
        {
            Arrays = [new double[flows], new double[flows], new double[flows], new double[flows], new double[markets], new double[markets], new double[markets], new double[markets], new double[markets]];
            foreach (var a in Arrays)
            {
                Array.Fill(a, fill);
            }
        }

        public double[][] Arrays { get; }

        public SmartOutput Span => new(Arrays[0], Arrays[1], Arrays[2], Arrays[3], Arrays[4], Arrays[5], Arrays[6], Arrays[7], Arrays[8]);
    }

    private static SmartInput Input(SyntheticMarkets s, int[]? offsets = null) =>
        new(offsets ?? s.Offsets, s.Baseline, s.TariffBefore, s.TariffAfter, s.ImportDemand, s.Substitution, s.ExportSupply);

    [Fact]
    public void Ranges_that_cover_every_market_give_the_whole_projection_bit_for_bit()
    {
        var s = SyntheticMarkets.Generate(20_000, seed: 7);
        var whole = new Outputs(s.FlowCount, s.MarketCount, 0d);
        SmartKernel.Project(Input(s), whole.Span);

        // Uneven cuts, an empty range and one-market ranges, run on two threads as a caller splitting the work would.
        int[] cuts = [0, 1, 1, 2, 37, 38, s.MarketCount / 2, s.MarketCount - 1, s.MarketCount];
        var split = new Outputs(s.FlowCount, s.MarketCount, double.NaN);
        Parallel.For(0, cuts.Length - 1, new ParallelOptions { MaxDegreeOfParallelism = 2 }, c => SmartKernel.ProjectRange(Input(s), split.Span, cuts[c], cuts[c + 1]));

        for (var a = 0; a < whole.Arrays.Length; a++)
        {
            for (var i = 0; i < whole.Arrays[a].Length; i++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(whole.Arrays[a][i]), BitConverter.DoubleToInt64Bits(split.Arrays[a][i]));
            }
        }
    }

    [Fact]
    public void A_range_writes_only_its_own_markets_and_their_flows()
    {
        var s = SyntheticMarkets.Generate(5_000, seed: 11);
        var o = new Outputs(s.FlowCount, s.MarketCount, double.NaN);
        const int first = 3, end = 6;
        SmartKernel.ProjectRange(Input(s), o.Span, first, end);

        // The kernel writes finite numbers only, so a NaN left over is an element it did not touch.
        int fromFlow = s.Offsets[first], toFlow = s.Offsets[end];
        for (var a = 0; a < 4; a++)
        {
            for (var i = 0; i < s.FlowCount; i++)
            {
                Assert.Equal(i >= fromFlow && i < toFlow, !double.IsNaN(o.Arrays[a][i]));
            }
        }

        for (var a = 4; a < 9; a++)
        {
            for (var m = 0; m < s.MarketCount; m++)
            {
                Assert.Equal(m is >= first and < end, !double.IsNaN(o.Arrays[a][m]));
            }
        }
    }

    [Theory]
    [InlineData(-1, 2)]
    [InlineData(3, 2)]
    [InlineData(0, 100_000)]
    public void A_range_outside_the_markets_is_refused(int first, int end)
    {
        var s = SyntheticMarkets.Generate(2_000, seed: 3);
        var o = new Outputs(s.FlowCount, s.MarketCount, 0d);
        Assert.Throws<ArgumentOutOfRangeException>(() => SmartKernel.ProjectRange(Input(s), o.Span, first, end));
    }

    [Fact]
    public void Offsets_that_decrease_inside_the_range_are_refused_with_the_market()
    {
        var s = SyntheticMarkets.Generate(2_000, seed: 5);
        var offsets = (int[])s.Offsets.Clone();
        (offsets[5], offsets[6]) = (offsets[6], offsets[5]);
        var o = new Outputs(s.FlowCount, s.MarketCount, 0d);

        var e = Assert.Throws<ArgumentException>(() => SmartKernel.ProjectRange(Input(s, offsets), o.Span, 2, 8));
        Assert.Contains("must not decrease (market 5)", e.Message, StringComparison.Ordinal);

        // Project checks every market, so it refuses the same offsets too.
        Assert.Throws<ArgumentException>(() => SmartKernel.Project(Input(s, offsets), o.Span));
    }

    [Fact]
    public void Offsets_outside_the_flows_are_refused_even_when_they_ascend_inside_the_range()
    {
        var s = SyntheticMarkets.Generate(2_000, seed: 5);
        var offsets = (int[])s.Offsets.Clone();
        offsets[2] = -5;
        var o = new Outputs(s.FlowCount, s.MarketCount, 0d);

        var e = Assert.Throws<ArgumentException>(() => SmartKernel.ProjectRange(Input(s, offsets), o.Span, 2, 4));
        Assert.Contains("between 0 and the flow count", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_range_checks_the_span_lengths_as_Project_does()
    {
        var s = SyntheticMarkets.Generate(2_000, seed: 5);
        var o = new Outputs(s.FlowCount - 1, s.MarketCount, 0d);
        Assert.Throws<ArgumentException>(() => SmartKernel.ProjectRange(Input(s), o.Span, 0, 1));
    }
}
