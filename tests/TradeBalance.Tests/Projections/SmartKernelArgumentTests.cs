using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Tests.Projections;

/// <summary>
/// Every argument check of <see cref="SmartKernel"/>, one condition wrong at a time, with the exception's
/// message (and parameter) asserted: span shapes, offsets, elasticities, and a bad flow value wherever it
/// sits (in a four-lane block, whose check only says "some lane", or in the scalar tail).
/// </summary>
public class SmartKernelArgumentTests
{
    // Market 0 has 3 flows, market 1 has 9 (two four-lane blocks and a tail of one): flows 3 to 11.
    private static readonly int[] Offsets = [0, 3, 12];

    private sealed class Spans
    {
        public int[] Offsets = [.. SmartKernelArgumentTests.Offsets];
        public double[] Baseline = [.. Enumerable.Range(1, 12).Select(i => i * 1e6)];
        public double[] T0 = [.. Enumerable.Range(0, 12).Select(i => (i % 4) * 0.05)];
        public double[] T1 = [.. Enumerable.Range(0, 12).Select(i => i % 3 == 0 ? 0d : 0.1)];
        public double[] Eta = [-1.5, -0.8];
        public double[] Sigma = [1.83, 3d];
        public double[] Eps = [99d, 2d];
        public double[][] FlowOut = [new double[12], new double[12], new double[12], new double[12]];
        public double[][] MarketOut = [new double[2], new double[2], new double[2], new double[2], new double[2]];

        public void Project() => SmartKernel.Project(Input, Output);

        public void ProjectRange(int first, int end) => SmartKernel.ProjectRange(Input, Output, first, end);

        private SmartInput Input => new(Offsets, Baseline, T0, T1, Eta, Sigma, Eps);

        private SmartOutput Output => new(FlowOut[0], FlowOut[1], FlowOut[2], FlowOut[3], MarketOut[0], MarketOut[1], MarketOut[2], MarketOut[3], MarketOut[4]);
    }

    [Fact]
    public void The_spans_as_built_here_are_valid()
    {
        var s = new Spans();
        s.Project();
        s.ProjectRange(1, 2);
        Assert.True(s.MarketOut[1][1] > 0d);
    }

    public static TheoryData<string, string, string> ShapeCases() => new()
    {
        { "no offsets", "input", "Market offsets must start at 0 and end at the flow count 12." },
        { "offsets start at 1", "input", "Market offsets must start at 0 and end at the flow count 12." },
        { "offsets end short", "input", "Market offsets must start at 0 and end at the flow count 12." },
        { "offsets end past the flows", "input", "Market offsets must start at 0 and end at the flow count 12." },
        { "offsets decrease", "input", "Market offsets must not decrease (market 1)." },
        { "tariff before short", "input", "Tariff spans must have one element per flow (12)." },
        { "tariff after long", "input", "Tariff spans must have one element per flow (12)." },
        { "import demand short", "input", "Elasticity spans must have one element per market (2)." },
        { "substitution long", "input", "Elasticity spans must have one element per market (2)." },
        { "export supply short", "input", "Elasticity spans must have one element per market (2)." },
        { "creation short", "output", "Per-flow output spans must have one element per flow (12)." },
        { "diversion short", "output", "Per-flow output spans must have one element per flow (12)." },
        { "price effect long", "output", "Per-flow output spans must have one element per flow (12)." },
        { "projected short", "output", "Per-flow output spans must have one element per flow (12)." },
        { "total before short", "output", "Per-market output spans must have one element per market (2)." },
        { "total after long", "output", "Per-market output spans must have one element per market (2)." },
        { "revenue before short", "output", "Per-market output spans must have one element per market (2)." },
        { "revenue after short", "output", "Per-market output spans must have one element per market (2)." },
        { "welfare short", "output", "Per-market output spans must have one element per market (2)." },
    };

    [Theory]
    [MemberData(nameof(ShapeCases))]
    public void A_span_of_the_wrong_shape_is_refused_by_Project_and_ProjectRange(string what, string parameter, string message)
    {
        foreach (var act in new Action<Spans>[] { s => s.Project(), s => s.ProjectRange(0, s.Offsets.Length == 0 ? 0 : s.Offsets.Length - 1) })
        {
            var s = Broken(what);
            var e = Assert.Throws<ArgumentException>(() => act(s));
            Assert.Equal(parameter, e.ParamName);
            Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
            Assert.All(s.MarketOut, column => Assert.All(column, v => Assert.Equal(0d, v)));
        }
    }

    [Fact]
    public void A_range_refuses_an_offset_past_the_flows_even_when_they_ascend_inside_it()
    {
        var s = new Spans { Offsets = [0, 3, 20, 12] };
        s.Eta = [-1.5, -0.8, -1d];
        s.Sigma = [1.83, 3d, 1d];
        s.Eps = [99d, 2d, 2d];
        s.MarketOut = [new double[3], new double[3], new double[3], new double[3], new double[3]];
        var e = Assert.Throws<ArgumentException>(() => s.ProjectRange(0, 2));
        Assert.Equal("input", e.ParamName);
        Assert.StartsWith("Market offsets must lie between 0 and the flow count 12 (markets 0 to 2).", e.Message, StringComparison.Ordinal);

        // The range that ends where the flows end, and the one that starts at 0, are fine.
        s.Offsets = [0, 3, 12, 12];
        s.ProjectRange(0, 3);
        s.ProjectRange(2, 3);
    }

    public static TheoryData<double, double, double> BadElasticities() => new()
    {
        { 0d, 1.83, 2d },
        { 0.5, 1.83, 2d },
        { double.NaN, 1.83, 2d },
        { double.NegativeInfinity, 1.83, 2d },
        { -1.5, 0d, 2d },
        { -1.5, -2d, 2d },
        { -1.5, double.NaN, 2d },
        { -1.5, double.PositiveInfinity, 2d },
        { -1.5, 1.83, 0d },
        { -1.5, 1.83, -1d },
        { -1.5, 1.83, double.NaN },
    };

    [Theory]
    [MemberData(nameof(BadElasticities))]
    public void Invalid_elasticities_are_refused_naming_the_market_and_the_values(double eta, double sigma, double eps)
    {
        var s = new Spans { Eta = [-1.5, eta], Sigma = [1.83, sigma], Eps = [99d, eps] };
        var e = Assert.Throws<ArgumentException>(s.Project);
        Assert.Equal("input", e.ParamName);
        Assert.StartsWith($"Market 1 has invalid elasticities η={eta}, σ={sigma}, ε={eps} (need η < 0, σ > 0, ε > 0).", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Elasticities_at_the_edges_of_their_domain_are_accepted()
    {
        new Spans { Eta = [-1.5, -double.Epsilon], Sigma = [1.83, double.Epsilon], Eps = [99d, double.Epsilon] }.Project();
        new Spans { Eps = [99d, double.PositiveInfinity] }.Project();
        new Spans { Eta = [-1.5, -1e300], Sigma = [1.83, 1e300] }.Project();
    }

    /// <summary>Flows 3 and 6 sit in the first four-lane block of market 1, 8 and 10 in the second, 11 in the scalar tail.</summary>
    public static TheoryData<int, int, double> BadFlows()
    {
        var data = new TheoryData<int, int, double>();
        foreach (var flow in new[] { 3, 6, 8, 10, 11 })
        {
            foreach (var column in new[] { 0, 1, 2 })
            {
                foreach (var value in new[] { -1d, -double.Epsilon, double.NaN, double.PositiveInfinity, double.NegativeInfinity })
                {
                    data.Add(flow, column, value);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadFlows))]
    public void A_bad_flow_value_is_refused_naming_the_flow_wherever_it_sits(int flow, int column, double value)
    {
        var s = new Spans();
        double[][] columns = [s.Baseline, s.T0, s.T1];
        columns[column][flow] = value;
        var e = Assert.Throws<ArgumentException>(s.Project);
        Assert.Equal($"Flow {flow} (market 1) has an invalid value: baseline {s.Baseline[flow]}, tariff before {s.T0[flow]}, after {s.T1[flow]} (need finite, ≥ 0).", e.Message);

        // A range over market 1 alone finds it too; one over market 0 does not read it.
        Assert.Throws<ArgumentException>(() => s.ProjectRange(1, 2));
        s.ProjectRange(0, 1);
    }

    [Fact]
    public void The_first_bad_flow_of_a_block_is_named()
    {
        var s = new Spans();
        s.T1[6] = double.NaN;
        s.Baseline[5] = -3d;
        var e = Assert.Throws<ArgumentException>(s.Project);
        Assert.StartsWith("Flow 5 (market 1)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_values_are_accepted_in_every_lane()
    {
        var s = new Spans();
        Array.Fill(s.Baseline, 0d, 3, 9);
        Array.Fill(s.T0, 0d);
        Array.Fill(s.T1, 0d);
        s.Project();
        Assert.Equal(0d, s.MarketOut[0][1]);

        var t = new Spans();
        t.Baseline[4] = 0d;
        t.T0[9] = 0d;
        t.T1[11] = 0d;
        t.Project();
    }

    private static Spans Broken(string what)
    {
        var s = new Spans();
        switch (what)
        {
            case "no offsets": s.Offsets = []; break;
            case "offsets start at 1": s.Offsets = [1, 3, 12]; break;
            case "offsets end short": s.Offsets = [0, 3, 11]; break;
            case "offsets end past the flows": s.Offsets = [0, 3, 13]; break;
            case "offsets decrease": s.Offsets = [0, 13, 12]; break;
            case "tariff before short": s.T0 = s.T0[..11]; break;
            case "tariff after long": s.T1 = [.. s.T1, 0d]; break;
            case "import demand short": s.Eta = [-1.5]; break;
            case "substitution long": s.Sigma = [1.83, 3d, 1d]; break;
            case "export supply short": s.Eps = [99d]; break;
            case "creation short": s.FlowOut[0] = new double[11]; break;
            case "diversion short": s.FlowOut[1] = new double[11]; break;
            case "price effect long": s.FlowOut[2] = new double[13]; break;
            case "projected short": s.FlowOut[3] = new double[11]; break;
            case "total before short": s.MarketOut[0] = new double[1]; break;
            case "total after long": s.MarketOut[1] = new double[3]; break;
            case "revenue before short": s.MarketOut[2] = new double[1]; break;
            case "revenue after short": s.MarketOut[3] = new double[1]; break;
            case "welfare short": s.MarketOut[4] = new double[1]; break;
            default: throw new ArgumentOutOfRangeException(nameof(what), what, null);
        }

        return s;
    }
}
