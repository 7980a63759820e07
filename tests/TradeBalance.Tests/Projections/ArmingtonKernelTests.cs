using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Tests.Projections;

/// <summary>
/// <see cref="ArmingtonKernel"/> against the closed-form solution (<see cref="ArmingtonReference"/>): every
/// output column and the welfare terms on every branch (η = −1 and near it, σ = 1 and near it, finite ε,
/// ε at the threshold 99 and ε = ∞), the solver's convergence contract, and each argument check with its
/// message. The kernel is called directly, on arrays, so every branch is reached on purpose.
/// </summary>
public class ArmingtonKernelTests
{
    /// <summary>A market with a cut, an unchanged rate, an increase, a zero rate and a supplier with no trade.</summary>
    private static readonly double[] M = [20e6, 68e6, 0, 22e6, 5e6];
    private static readonly double[] T0 = [0.15, 0.15, 0.15, 0.0, 0.3];
    private static readonly double[] T1 = [0.0, 0.15, 0.0, 0.05, 0.6];

    internal sealed record Run(int Failed, double[] Tc, double[] Td, double[] Pe, double[] M1, double[] Total0, double[] Total1, double[] Revenue0, double[] Revenue1, double[] Welfare, int[] Iterations, double[] Residuals);

    /// <summary>Runs the kernel with every output pre-filled with NaN, so an element it does not write shows.</summary>
    internal static Run Project(int[] offsets, double[] m, double[] t0, double[] t1, double[] eta, double[] sigma, double[] eps, double tolerance = 1e-12, int maxIterations = 200)
    {
        var n = m.Length;
        var k = offsets.Length - 1;
        double[] Fill(int length) => Enumerable.Repeat(double.NaN, length).ToArray();
        var r = new Run(-2, Fill(n), Fill(n), Fill(n), Fill(n), Fill(k), Fill(k), Fill(k), Fill(k), Fill(k), Enumerable.Repeat(-1, k).ToArray(), Fill(k));
        var scratch = new double[ArmingtonKernel.ScratchLength(offsets)];
        var failed = ArmingtonKernel.Project(
            new SmartInput(offsets, m, t0, t1, eta, sigma, eps),
            new SmartOutput(r.Tc, r.Td, r.Pe, r.M1, r.Total0, r.Total1, r.Revenue0, r.Revenue1, r.Welfare),
            r.Iterations, r.Residuals, scratch, tolerance, maxIterations);
        return r with { Failed = failed };
    }

    internal static Run One(double[] m, double[] t0, double[] t1, double eta, double sigma, double eps, double tolerance = 1e-12, int maxIterations = 200) =>
        Project([0, m.Length], m, t0, t1, [eta], [sigma], [eps], tolerance, maxIterations);

    public static TheoryData<double, double, double> Branches()
    {
        var data = new TheoryData<double, double, double>();

        // η = −1 exactly and within 1e-12 of it take the −E0·ln P̂ limit; −1 + 1e-6 and the rest take expm1.
        foreach (var eta in new[] { -1d, -1d + 1e-13, -1d - 1e-13, -1d + 1e-6, -0.4, -1.5, -4d })
        {
            // σ = 1 and within 1e-9 of it are Cobb–Douglas in the index; ε ≥ 99 (and ∞) is infinite supply.
            foreach (var sigma in new[] { 1d, 1d + 1e-10, 0.5, 1.83, 6d })
            {
                foreach (var eps in new[] { 99d, double.PositiveInfinity, 98.99, 3d, 0.7 })
                {
                    data.Add(eta, sigma, eps);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Branches))]
    public void Every_column_and_the_welfare_terms_match_the_closed_form(double eta, double sigma, double eps)
    {
        var run = One(M, T0, T1, eta, sigma, eps);
        var expected = ArmingtonReference.Solve(M, T0, T1, eta, sigma, eps);
        Assert.Equal(-1, run.Failed);
        AssertMatches(expected, run, 0);
        Assert.InRange(run.Residuals[0], 0d, 1e-12);
        if (eps >= ElasticityValues.InfiniteSupplyThreshold)
        {
            // Infinite supply is solved without iterating, and no price moves.
            Assert.Equal(0, run.Iterations[0]);
            Assert.Equal(0d, run.Residuals[0]);
            Assert.All(run.Pe, pe => Assert.Equal(0d, pe));
        }
        else
        {
            Assert.InRange(run.Iterations[0], 1, 50);
            Assert.True(Math.Abs(run.Pe[0]) > 1d, "a finite supply elasticity moves the beneficiary's price");
        }
    }

    [Fact]
    public void The_consumer_surplus_limit_at_unit_demand_elasticity_is_minus_expenditure_times_the_log_index()
    {
        // η = −1: ΔCS = −E0·ln P̂. A cut lowers the index, so the consumer gains; an increase costs.
        var e0 = M.Zip(T0, (m, t) => (1 + t) * m).Sum();
        foreach (var (t1, gain) in new[] { (T1, true), (T0.Select(t => t + 0.2).ToArray(), false) })
        {
            var run = One(M, T0, t1, -1d, 1.83, 99d);
            var reference = ArmingtonReference.Solve(M, T0, t1, -1d, 1.83, 99d);
            var consumer = run.Welfare[0] - run.Revenue1[0] + run.Revenue0[0];
            Assert.Equal(-e0 * reference.LogIndex, consumer, e0 * 1e-14);
            Assert.Equal(gain, consumer > 0d);
        }
    }

    [Fact]
    public void Welfare_is_continuous_across_the_unit_demand_elasticity_branch()
    {
        // Just inside and just outside |1 + η| < 1e-12 the two formulas agree to the size of 1 + η.
        double Welfare(double eta) => One(M, T0, T1, eta, 1.83, 3d).Welfare[0];
        var at = Welfare(-1d);
        foreach (var eta in new[] { -1d + 1e-13, -1d - 1e-13, -1d + 1e-11, -1d - 1e-11 })
        {
            Assert.Equal(at, Welfare(eta), Math.Abs(at) * 1e-9);
        }

        Assert.NotEqual(at, Welfare(-1d + 1e-3));
    }

    [Fact]
    public void Supply_at_the_threshold_is_infinite_and_just_below_it_is_finite()
    {
        var at = One(M, T0, T1, -1.5, 1.83, ElasticityValues.InfiniteSupplyThreshold);
        var below = One(M, T0, T1, -1.5, 1.83, Math.BitDecrement(ElasticityValues.InfiniteSupplyThreshold));
        Assert.Equal(0, at.Iterations[0]);
        Assert.All(at.Pe, pe => Assert.Equal(0d, pe));
        Assert.True(below.Iterations[0] > 0);
        Assert.True(below.Pe[0] > 0d, "the beneficiary's price rises with finite supply");
    }

    /// <summary>Random markets (zero flows, cuts and increases, extreme elasticities) against the closed form.</summary>
    [Property(Arbitrary = [typeof(ArmingtonKernelTests)], MaxTest = 200)]
    public void Random_markets_match_the_closed_form(MarketCase c)
    {
        var run = One(c.M, c.T0, c.T1, c.Eta, c.Sigma, c.Eps);
        Assert.Equal(-1, run.Failed);
        AssertMatches(ArmingtonReference.Solve(c.M, c.T0, c.T1, c.Eta, c.Sigma, c.Eps), run, 0);
    }

    public sealed record MarketCase(double[] M, double[] T0, double[] T1, double Eta, double Sigma, double Eps)
    {
        public override string ToString() =>
            $"M=[{string.Join(", ", M)}] t0=[{string.Join(", ", T0)}] t1=[{string.Join(", ", T1)}] η={Eta} σ={Sigma} ε={Eps}";
    }

    public static Arbitrary<MarketCase> MarketCases() =>
        (from n in Gen.Choose(1, 6)
         from m in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0d)), (4, Gen.Choose(1, 10_000).Select(v => v * 1000d))), n)
         from t0 in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0d)), (3, Gen.Choose(1, 300).Select(t => t / 100d))), n)
         from t1 in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0d)), (3, Gen.Choose(1, 300).Select(t => t / 100d))), n)
         from eta in Gen.Frequency((1, Gen.Constant(-1d)), (4, Gen.Choose(5, 500).Select(e => -e / 100d)))
         from sigma in Gen.Frequency((1, Gen.Constant(1d)), (4, Gen.Choose(5, 1000).Select(s => s / 100d)))
         from eps in Gen.Frequency((1, Gen.Constant(99d)), (4, Gen.Choose(20, 2000).Select(e => e / 100d)))
         select new MarketCase(m, t0, t1, eta, sigma, eps)).ToArbitrary();

    [Fact]
    public void Several_markets_are_projected_independently_as_one_each()
    {
        // Three markets in one call, each with its own elasticities; each equals its closed form.
        int[] offsets = [0, 5, 5, 7];
        double[] m = [.. M, 3e6, 4e6], t0 = [.. T0, 0.1, 0.2], t1 = [.. T1, 0.0, 0.4];
        var run = Project(offsets, m, t0, t1, [-1.5, -2d, -0.8], [1.83, 3d, 0.6], [2d, 99d, 1.2]);
        Assert.Equal(-1, run.Failed);
        AssertMatches(ArmingtonReference.Solve(M, T0, T1, -1.5, 1.83, 2d), run, 0);
        AssertMatches(ArmingtonReference.Solve([3e6, 4e6], [0.1, 0.2], [0.0, 0.4], -0.8, 0.6, 1.2), run, 2, flowOffset: 5);

        // The empty market writes zeros, and no iteration.
        Assert.Equal(0d, run.Total0[1]);
        Assert.Equal(0d, run.Total1[1]);
        Assert.Equal(0d, run.Welfare[1]);
        Assert.Equal(0, run.Iterations[1]);
    }

    [Fact]
    public void A_market_gives_the_same_bits_alone_or_after_another_market_that_used_the_scratch()
    {
        // The scratch span is shared by the markets of a call; nothing a market leaves in it (its log prices,
        // shares, Newton residuals) may reach the next one, whose suppliers without trade sit where the first
        // market's traded suppliers were.
        double[] m = [0d, 7e6, 0d, 2e6, 9e6], t0 = [0.3, 0.1, 0.2, 0.0, 0.25], t1 = [0.0, 0.0, 0.5, 0.2, 0.1];
        var alone = One(m, t0, t1, -2d, 4d, 0.8);
        var after = Project([0, 5, 10], [.. M, .. m], [.. T0, .. t0], [.. T1, .. t1], [-1.5, -2d], [1.83, 4d], [0.5, 0.8]);
        Assert.Equal(-1, after.Failed);
        Assert.Equal(alone.Iterations[0], after.Iterations[1]);
        Assert.Equal(alone.Residuals[0], after.Residuals[1]);
        foreach (var (one, two) in new[] { (alone.Tc, after.Tc), (alone.Td, after.Td), (alone.Pe, after.Pe), (alone.M1, after.M1) })
        {
            Assert.Equal(one, two[5..]);
        }

        Assert.Equal(alone.Welfare[0], after.Welfare[1]);
    }

    [Theory]
    [InlineData(99d)]
    [InlineData(2d)]
    public void A_market_without_trade_writes_zeros_over_whatever_was_there(double eps)
    {
        // Suppliers with no baseline trade, one with a tariff change: every output element is written, as 0.
        var run = One([0d, 0d, 0d], [0.1, 0.0, 0.3], [0.0, 0.0, 0.5], -1.5, 1.83, eps);
        Assert.Equal(-1, run.Failed);
        foreach (var column in new[] { run.Tc, run.Td, run.Pe, run.M1, run.Total0, run.Total1, run.Revenue0, run.Revenue1, run.Welfare, run.Residuals })
        {
            Assert.All(column, v => Assert.Equal(0d, v));
        }

        Assert.Equal(0, run.Iterations[0]);
    }

    [Theory]
    [InlineData(99d)]
    [InlineData(2d)]
    public void A_supplier_without_trade_whose_tariff_falls_a_long_way_does_not_overflow_the_weights(double eps)
    {
        // σ·Δτ = 200·ln(101) ≈ 923 > 709: e^(σΔτ) overflows if the supplier without trade enters the sums.
        double[] m = [10e6, 0d, 30e6], t0 = [0.2, 100d, 0.2], t1 = [0.2, 0d, 0.2];
        var run = One(m, t0, t1, -1.5, 200d, eps);
        Assert.Equal(-1, run.Failed);
        AssertMatches(ArmingtonReference.Solve(m, t0, t1, -1.5, 200d, eps), run, 0);
        Assert.All(run.M1.Zip(m), p => Assert.Equal(p.Second, p.First, 1e-6));
    }

    // ---- Convergence contract ----

    // Most markets converge in one or two Newton steps (F is linear in x but for the CES index). This one,
    // with very inelastic supply (ε = 0.1) and demand (η = −3) and tariffs swapped between 0 and 300 %,
    // needs nine, and its full Newton steps overshoot: found by search, 41 halvings over the nine.
    private static readonly double[] HardM = [100d, 50d];
    private static readonly double[] HardT0 = [0d, 3d];
    private static readonly double[] HardT1 = [3d, 0d];

    private static Run Hard(int maxIterations, double tolerance = 1e-12) => One(HardM, HardT0, HardT1, -3d, 0.5, 0.1, tolerance, maxIterations);

    [Fact]
    public void The_residual_reported_is_the_largest_supply_condition_error_at_the_solution()
    {
        var run = Hard(200);
        Assert.Equal(-1, run.Failed);

        // Recover the solved log world prices from the outputs (p = M1/q, q = M + TC + TD) and evaluate the
        // supply conditions F_i = x_i − ln q̂_i/ε with the test's own index: each is within the tolerance,
        // and so is the reported residual, which no supplier's error exceeds by more than rounding.
        var x = Enumerable.Range(0, HardM.Length).Select(i => Math.Log(run.M1[i] / (HardM[i] + run.Tc[i] + run.Td[i]))).ToArray();
        var errors = SupplyErrors(HardM, HardT0, HardT1, -3d, 0.5, 0.1, x);
        Assert.All(errors, e => Assert.InRange(e, 0d, 1e-11));
        Assert.InRange(run.Residuals[0], 0d, 1e-12);

        // The reported residual bounds every supplier's error: the largest recomputed error is of its size
        // (a residual taken as the smallest error, 0 for the suppliers that start converged, would stop the
        // solve before it starts).
        Assert.InRange(errors.Max(), 0d, Math.Max(run.Residuals[0], 1e-15) * 100);
        Assert.True(run.Iterations[0] > 0);
    }

    [Fact]
    public void A_solve_stopped_early_is_reported_with_its_iterations_and_residual()
    {
        var converged = Hard(200);
        var needed = converged.Iterations[0];
        Assert.InRange(needed, 3, 50);

        // Exactly the iterations it needs: converged, same answer. One fewer: market 0 failed, after that many.
        var enough = Hard(needed);
        Assert.Equal(-1, enough.Failed);
        Assert.Equal(needed, enough.Iterations[0]);
        Assert.Equal(converged.M1, enough.M1);

        var residuals = new List<double>();
        for (var max = 1; max < needed; max++)
        {
            var early = Hard(max);
            Assert.Equal(0, early.Failed);
            Assert.Equal(max, early.Iterations[0]);
            Assert.True(early.Residuals[0] > 1e-12, $"after {max} iterations the residual {early.Residuals[0]} is above the tolerance");
            residuals.Add(early.Residuals[0]);
        }

        // Each accepted step lowers the residual.
        Assert.All(residuals.Zip(residuals.Skip(1)), p => Assert.True(p.Second < p.First));
        Assert.True(converged.Residuals[0] < residuals[^1]);
    }

    [Fact]
    public void A_residual_exactly_at_the_tolerance_has_converged()
    {
        // Stop after k iterations by setting the tolerance to the residual k iterations reach.
        var converged = Hard(200);
        var k = converged.Iterations[0] - 1;
        var residualAfterK = Hard(k).Residuals[0];
        var atTolerance = Hard(200, residualAfterK);
        Assert.Equal(-1, atTolerance.Failed);
        Assert.Equal(k, atTolerance.Iterations[0]);
        Assert.Equal(residualAfterK, atTolerance.Residuals[0]);
    }

    [Fact]
    public void The_first_market_that_fails_is_returned_and_later_markets_are_not_touched()
    {
        int[] offsets = [0, 5, 7, 12];
        double[] m = [.. M, .. HardM, .. M], t0 = [.. T0, .. HardT0, .. T0], t1 = [.. T1, .. HardT1, .. T1];

        // Market 0 converges in two steps, market 1 is the hard one, market 2 would converge.
        var run = Project(offsets, m, t0, t1, [-1.5, -3d, -1.5], [1.83, 0.5, 1.83], [2d, 0.1, 2d], maxIterations: 3);
        Assert.Equal(1, run.Failed);
        Assert.InRange(run.Iterations[0], 1, 3);
        Assert.Equal(3, run.Iterations[1]);
        Assert.Equal(-1, run.Iterations[2]);
        Assert.True(double.IsNaN(run.Residuals[2]));
        Assert.All(run.M1[7..], v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void A_step_that_overshoots_is_halved_until_it_lowers_the_residual()
    {
        // The hard market's full Newton steps do not lower the residual: only halved steps converge.
        var run = Hard(200);
        Assert.Equal(-1, run.Failed);
        AssertMatches(ArmingtonReference.Solve(HardM, HardT0, HardT1, -3d, 0.5, 0.1), run, 0);
    }

    [Fact]
    public void A_solve_that_stagnates_above_the_tolerance_stops_before_the_iteration_limit()
    {
        // No double reaches a residual of 1e-300: once no halved step lowers the residual, the solve
        // stops and reports the rounding-level residual it reached, long before the limit.
        var run = Hard(1000, 1e-300);
        Assert.Equal(0, run.Failed);
        Assert.InRange(run.Iterations[0], 1, 100);
        Assert.InRange(run.Residuals[0], 1e-300, 1e-13);
    }

    // ---- Arguments ----

    [Fact]
    public void The_scratch_length_is_seven_doubles_per_flow_of_the_largest_market()
    {
        Assert.Equal(0, ArmingtonKernel.ScratchLength([]));
        Assert.Equal(0, ArmingtonKernel.ScratchLength([0]));
        Assert.Equal(0, ArmingtonKernel.ScratchLength([0, 0]));
        Assert.Equal(21, ArmingtonKernel.ScratchLength([0, 3]));
        Assert.Equal(28, ArmingtonKernel.ScratchLength([0, 3, 3, 7, 8]));
        Assert.Equal(35, ArmingtonKernel.ScratchLength([0, 5, 6]));
    }

    [Fact]
    public void A_scratch_span_of_exactly_the_length_is_enough_and_one_less_is_refused()
    {
        var input = new SmartInput([0, 5], M, T0, T1, [-1.5], [1.83], [2d]);
        double[] tc = new double[5], td = new double[5], pe = new double[5], m1 = new double[5], a = new double[1], b = new double[1], c = new double[1], d = new double[1], w = new double[1];
        var output = new SmartOutput(tc, td, pe, m1, a, b, c, d, w);
        Assert.Equal(-1, ArmingtonKernel.Project(input, output, new int[1], new double[1], new double[35], 1e-12, 200));
        var e = Assert.Throws<ArgumentException>(() => ArmingtonKernel.Project(
            new SmartInput([0, 5], M, T0, T1, [-1.5], [1.83], [2d]), new SmartOutput(tc, td, pe, m1, a, b, c, d, w), new int[1], new double[1], new double[34], 1e-12, 200));
        Assert.Equal("scratch", e.ParamName);
        Assert.Contains("needs 35 elements", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(1, 2)]
    public void Iteration_and_residual_spans_need_one_element_per_market(int iterations, int residuals)
    {
        double[] tc = new double[5], td = new double[5], pe = new double[5], m1 = new double[5], a = new double[1], b = new double[1], c = new double[1], d = new double[1], w = new double[1];
        var e = Assert.Throws<ArgumentException>(() => ArmingtonKernel.Project(
            new SmartInput([0, 5], M, T0, T1, [-1.5], [1.83], [2d]), new SmartOutput(tc, td, pe, m1, a, b, c, d, w), new int[iterations], new double[residuals], new double[35], 1e-12, 200));
        Assert.Equal("iterations", e.ParamName);
        Assert.Contains("one element per market (1)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shapes_are_checked_as_the_SMART_kernel_checks_them()
    {
        // Offsets that do not end at the flow count, before anything is written.
        double[] tc = new double[5], td = new double[5], pe = new double[5], m1 = new double[5], a = new double[1], b = new double[1], c = new double[1], d = new double[1], w = new double[1];
        var e = Assert.Throws<ArgumentException>(() => ArmingtonKernel.Project(
            new SmartInput([0, 4], M, T0, T1, [-1.5], [1.83], [2d]), new SmartOutput(tc, td, pe, m1, a, b, c, d, w), new int[1], new double[1], new double[35], 1e-12, 200));
        Assert.Contains("end at the flow count 5", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0d, 1.83, 2d)]
    [InlineData(0.5, 1.83, 2d)]
    [InlineData(double.NaN, 1.83, 2d)]
    [InlineData(double.NegativeInfinity, 1.83, 2d)]
    [InlineData(-1.5, 0d, 2d)]
    [InlineData(-1.5, -1d, 2d)]
    [InlineData(-1.5, double.NaN, 2d)]
    [InlineData(-1.5, double.PositiveInfinity, 2d)]
    [InlineData(-1.5, 1.83, 0d)]
    [InlineData(-1.5, 1.83, -2d)]
    [InlineData(-1.5, 1.83, double.NaN)]
    public void Invalid_elasticities_are_refused_naming_the_market_and_the_values(double eta, double sigma, double eps)
    {
        // Market 1 is the bad one; market 0 is fine.
        var e = Assert.Throws<ArgumentException>(() => Project([0, 5, 10], [.. M, .. M], [.. T0, .. T0], [.. T1, .. T1], [-1.5, eta], [1.83, sigma], [2d, eps]));
        Assert.Equal("input", e.ParamName);
        Assert.Contains($"Market 1 has invalid elasticities η={eta}, σ={sigma}, ε={eps}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_elasticities_at_their_edges_are_accepted()
    {
        // The smallest positive σ and ε, an η just below 0, and ε = ∞ (infinite supply).
        Assert.Equal(-1, One(M, T0, T1, -double.Epsilon, 1.83, 2d).Failed);
        Assert.Equal(-1, One(M, T0, T1, -1.5, 1e-300, 2d).Failed);
        Assert.Equal(-1, One(M, T0, T1, -1.5, 1.83, double.PositiveInfinity).Failed);
    }

    [Theory]
    [InlineData(0, -1d)]
    [InlineData(0, double.NaN)]
    [InlineData(0, double.PositiveInfinity)]
    [InlineData(1, -0.01)]
    [InlineData(1, double.NaN)]
    [InlineData(1, double.PositiveInfinity)]
    [InlineData(2, -0.01)]
    [InlineData(2, double.NaN)]
    [InlineData(2, double.PositiveInfinity)]
    public void Invalid_flow_values_are_refused_naming_the_flow_and_the_market(int column, double value)
    {
        // Flow 7 is market 1's third flow.
        double[][] columns = [[.. M, .. M], [.. T0, .. T0], [.. T1, .. T1]];
        columns[column][7] = value;
        var e = Assert.Throws<ArgumentException>(() => Project([0, 5, 10], columns[0], columns[1], columns[2], [-1.5, -1.5], [1.83, 1.83], [2d, 2d]));
        Assert.Equal("input", e.ParamName);
        Assert.Contains($"Flow 7 (market 1) has an invalid value: baseline {columns[0][7]}, tariff before {columns[1][7]}, after {columns[2][7]}", e.Message, StringComparison.Ordinal);
    }

    // ---- Helpers ----

    private static void AssertMatches(ArmingtonReference.Market expected, Run run, int market, int flowOffset = 0)
    {
        // Values agree to 1e-9 of the market's total, and welfare to 1e-9 of its expenditure: the
        // kernel's solve stops at a residual of 1e-12 in log prices.
        var scale = Math.Max(expected.Total0, 1d);
        for (var i = 0; i < expected.M1.Length; i++)
        {
            var f = flowOffset + i;
            Assert.Equal(expected.Tc[i], run.Tc[f], scale * 1e-9);
            Assert.Equal(expected.Td[i], run.Td[f], scale * 1e-9);
            Assert.Equal(expected.Pe[i], run.Pe[f], scale * 1e-9);
            Assert.Equal(expected.M1[i], run.M1[f], scale * 1e-9);
        }

        Assert.Equal(expected.Total0, run.Total0[market]);
        Assert.Equal(expected.Total1, run.Total1[market], scale * 1e-9);
        Assert.Equal(expected.Revenue0, run.Revenue0[market], scale * 1e-12);
        Assert.Equal(expected.Revenue1, run.Revenue1[market], scale * 1e-9);
        Assert.Equal(expected.Welfare, run.Welfare[market], scale * 1e-9);
    }

    /// <summary>|x_i − ln q̂_i/ε| per supplier with trade, with the index computed here from x.</summary>
    private static double[] SupplyErrors(double[] m, double[] t0, double[] t1, double eta, double sigma, double eps, double[] x)
    {
        var e0 = m.Zip(t0, (v, t) => (1 + t) * v).Sum();
        var traded = Enumerable.Range(0, m.Length).Where(i => m[i] > 0).ToArray();
        var y = traded.ToDictionary(i => i, i => x[i] + Math.Log((1 + t1[i]) / (1 + t0[i])));
        var index = Math.Log(traded.Sum(i => (1 + t0[i]) * m[i] / e0 * Math.Exp((1 - sigma) * y[i]))) / (1 - sigma);
        return [.. traded.Select(i => Math.Abs(x[i] - (((eta * index) - (sigma * (y[i] - index))) / eps)))];
    }
}
