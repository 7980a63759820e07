using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Tests.Projections;

/// <summary>
/// <see cref="GsimKernel"/> against an exact rational solve of the market-clearing conditions
/// (<see cref="GsimReference"/>): the world-price changes to a few ulps (which, on a badly scaled system,
/// takes the kernel's refinement step), every other output from the model's formulas, the residual it
/// reports, and each argument check and failure with its message.
/// </summary>
public class GsimKernelTests
{
    public sealed record Product(string Name, int N, double[] M, double[] T0, double[] T1, double[] Em, double[] Es, double[] Supply)
    {
        public override string ToString() => Name;
    }

    /// <summary>The published 4-region example (docs/models.md, GSIM "Validation"): a US–EU free-trade agreement.</summary>
    private static readonly Product Published = new(
        "published 4-region example",
        4,
        [0, 50, 200, 300, 500, 0, 150, 200, 300, 100, 200, 200, 50, 100, 110, 20],
        [1.00, 1.21, 1.41, 1.22, 1.37, 1.00, 1.31, 1.23, 1.32, 1.36, 1.00, 1.18, 1.57, 1.41, 1.25, 1.15],
        [1.00, 1.21, 1.00, 1.22, 1.37, 1.00, 1.31, 1.23, 1.00, 1.36, 1.00, 1.18, 1.57, 1.41, 1.25, 1.15],
        [-1.25, -1.25, -1.25, -1.25],
        [5, 5, 5, 5],
        [1.5, 1.5, 1.5, 1.5]);

    /// <summary>
    /// Elasticities over ten orders of magnitude (found by a random search): the plain LU solve is off by
    /// 1.7e-13 in P̂*_0 and 2e-13 in P̂*_2; one step of iterative refinement brings every component to within
    /// 1e-15 of the exact solution (with the correction's sign flipped the error doubles instead).
    /// </summary>
    private static readonly Product BadlyScaled = new(
        "badly scaled 3-region system",
        3,
        [1e8, 0, 1.4e6, 4e4, 0, 0, 6e3, 9e7, 80],
        [2, 1.85, 1.1, 1.5, 1.55, 1.08, 1.66, 1.96, 1.43],
        [2, 1, 1, 1, 1.55, 1.08, 1.66, 1.96, 1.43],
        [-800, -27, -0.0014],
        [4400, 0, 270],
        [9e-6, 1.3e4, 8e-5]);

    /// <summary>Exporter 1 has infinite supply, exporter 2 exports nothing, and market 1 has no substitution.</summary>
    private static readonly Product FixedPrices = new(
        "infinite supply and an exporter without exports",
        3,
        [10, 20, 30, 40, 50, 60, 0, 0, 0],
        [1.2, 1.1, 1.0, 1.3, 1.0, 1.05, 1.1, 1.1, 1.1],
        [1.0, 1.1, 1.0, 1.0, 1.2, 1.05, 1.0, 1.1, 1.5],
        [-1.5, -0.5, -2],
        [3, 0, 8],
        [2, double.PositiveInfinity, 0.7]);

    /// <summary>Region 1 imports nothing (a market with no internal total), and region 2, which exports nothing, has a very elastic supply.</summary>
    private static readonly Product NoImports = new(
        "a market without imports and an exporter without exports",
        3,
        [10, 0, 30, 40, 0, 60, 0, 0, 0],
        [1.2, 1.1, 1.0, 1.3, 1.4, 1.05, 1.1, 1.1, 1.1],
        [1.0, 1.5, 1.0, 1.0, 1.2, 1.05, 1.0, 1.1, 1.5],
        [-1.5, -0.5, -2],
        [3, 2, 8],
        [2, 1.5, 1e20]);

    private static readonly Product OneRegion = new("one region", 1, [100], [1.2], [1.05], [-1.5], [4], [2]);

    public static TheoryData<Product> Products() => [Published, BadlyScaled, FixedPrices, NoImports, OneRegion];

    private static GsimSolution Solve(Product c, string what = "HS 0902 (2024)") => GsimKernel.Solve(c.N, c.M, c.T0, c.T1, c.Em, c.Es, c.Supply, what);

    [Theory]
    [MemberData(nameof(Products))]
    public void World_price_changes_are_the_exact_solution_to_a_few_ulps(Product c)
    {
        var s = Solve(c);
        var exact = GsimReference.ExactWorldPrices(c.N, c.M, c.T0, c.T1, c.Em, c.Es, c.Supply);
        for (var r = 0; r < c.N; r++)
        {
            var x = exact[r].ToDouble();
            Assert.True(Math.Abs(s.WorldPriceChanges[r] - x) <= 4e-15 * Math.Abs(x), $"{c}: P̂*_{r} = {s.WorldPriceChanges[r]:R}, exactly {x:R}");
        }
    }

    [Fact]
    public void The_refinement_step_makes_a_badly_scaled_solve_accurate()
    {
        // The plain LU solve of this system misses the exact P̂* by up to 2e-13 relative; refined, every
        // component is within 1e-15 (a refinement with the wrong sign doubles the error instead).
        var s = Solve(BadlyScaled);
        var exact = GsimReference.ExactWorldPrices(BadlyScaled.N, BadlyScaled.M, BadlyScaled.T0, BadlyScaled.T1, BadlyScaled.Em, BadlyScaled.Es, BadlyScaled.Supply);
        var worst = Enumerable.Range(0, 3).Max(r => Math.Abs(s.WorldPriceChanges[r] - exact[r].ToDouble()) / Math.Abs(exact[r].ToDouble()));
        Assert.InRange(worst, 0d, 1e-15);
    }

    [Theory]
    [MemberData(nameof(Products))]
    public void Every_output_follows_the_model_equations_at_the_solution(Product c)
    {
        AssertMatches(c, Solve(c), GsimReference.Solve(c.N, c.M, c.T0, c.T1, c.Em, c.Es, c.Supply), 1e-12);
    }

    [Fact]
    public void Exporters_with_infinite_supply_or_no_exports_keep_their_world_price_and_gain_no_producer_surplus()
    {
        var s = Solve(FixedPrices);
        Assert.Equal(0d, s.WorldPriceChanges[1]);
        Assert.Equal(0d, s.WorldPriceChanges[2]);
        Assert.Equal(0d, s.ProducerSurplus[1]);
        Assert.Equal(0d, s.ProducerSurplus[2]);
        Assert.NotEqual(0d, s.WorldPriceChanges[0]);
        Assert.NotEqual(0d, s.ProducerSurplus[0]);
    }

    [Fact]
    public void No_tariff_change_moves_nothing()
    {
        foreach (var c in new[] { Published, BadlyScaled, FixedPrices, NoImports, OneRegion })
        {
            var s = GsimKernel.Solve(c.N, c.M, c.T0, c.T0, c.Em, c.Es, c.Supply, "x");
            Assert.All(s.WorldPriceChanges, x => Assert.Equal(0d, x));
            Assert.All(s.NetWelfare, w => Assert.Equal(0d, w));
            Assert.Equal(0d, s.Residual);
        }
    }

    // ---- The residual ----

    [Theory]
    [MemberData(nameof(Products))]
    public void The_residual_reported_is_the_largest_clearing_error_over_the_exporters_with_finite_supply(Product c)
    {
        var s = Solve(c);
        var errors = ClearingErrors(c, s);
        Assert.Equal(errors.Max(), s.Residual);
        Assert.InRange(s.Residual, 0d, 1e-12);
    }

    [Fact]
    public void The_residual_of_the_badly_scaled_system_is_that_of_its_worst_exporter()
    {
        // Each exporter's clearing error differs, so the residual picks out the largest, not the smallest.
        var s = Solve(BadlyScaled);
        var errors = ClearingErrors(BadlyScaled, s);
        Assert.True(errors.Min() < errors.Max());
        Assert.True(s.Residual > 0d);
        Assert.Equal(errors.Max(), s.Residual);
    }

    // ---- Random systems ----

    public sealed record RandomCase(Product Value)
    {
        public override string ToString() =>
            $"n={Value.N} M=[{string.Join(", ", Value.M)}] T0=[{string.Join(", ", Value.T0)}] T1=[{string.Join(", ", Value.T1)}] Em=[{string.Join(", ", Value.Em)}] Es=[{string.Join(", ", Value.Es)}] Supply=[{string.Join(", ", Value.Supply)}]";
    }

    public static Arbitrary<RandomCase> RandomCases() =>
        (from n in Gen.Choose(1, 4)
         from m in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0d)), (4, Gen.Choose(1, 1000).Select(v => (double)v))), n * n)
         from t0 in Gen.ArrayOf(Gen.Choose(100, 200).Select(t => t / 100d), n * n)
         from change in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0d)), (2, Gen.Choose(-50, 50).Select(t => t / 100d))), n * n)
         from em in Gen.ArrayOf(Gen.Choose(1, 400).Select(e => -e / 100d), n)
         from es in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0d)), (3, Gen.Choose(1, 1000).Select(e => e / 100d))), n)
         from ex in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(double.PositiveInfinity)), (4, Gen.Choose(1, 1000).Select(e => e / 100d))), n)
         let t1 = t0.Zip(change, (a, d) => Math.Max(1d, a + d)).ToArray()
         select new RandomCase(new Product("random", n, m, t0, t1, em, es, ex))).ToArbitrary();

    [Property(Arbitrary = [typeof(GsimKernelTests)], MaxTest = 150)]
    public void Random_systems_match_the_exact_solution_and_the_formulas(RandomCase random)
    {
        var c = random.Value;
        var s = Solve(c);
        var reference = GsimReference.Solve(c.N, c.M, c.T0, c.T1, c.Em, c.Es, c.Supply);
        for (var r = 0; r < c.N; r++)
        {
            Assert.Equal(reference.X[r], s.WorldPriceChanges[r], 1e-12);
        }

        AssertMatches(c, s, reference, 1e-10);
        Assert.Equal(ClearingErrors(c, s).DefaultIfEmpty(0d).Max(), s.Residual);
    }

    // ---- Arguments and failures ----

    public static TheoryData<string, int, double, string, string> BadValues() => new()
    {
        { "imports", 5, -1d, "imports", "GSIM imports[1,2] must be finite and ≥ 0; got -1." },
        { "imports", 2, double.NaN, "imports", "GSIM imports[0,2] must be finite and ≥ 0; got NaN." },
        { "imports", 3, double.PositiveInfinity, "imports", "GSIM imports[1,0] must be finite and ≥ 0; got Infinity." },
        { "t0", 7, 0d, "powerBefore", "GSIM tariff powers (1 + t) at [2,1] must be finite and positive; got 0 before and 1.1 after." },
        { "t0", 7, -1d, "powerBefore", "GSIM tariff powers (1 + t) at [2,1] must be finite and positive; got -1 before and 1.1 after." },
        { "t0", 0, double.NaN, "powerBefore", "GSIM tariff powers (1 + t) at [0,0] must be finite and positive; got NaN before and 1 after." },
        { "t0", 0, double.PositiveInfinity, "powerBefore", "GSIM tariff powers (1 + t) at [0,0] must be finite and positive; got Infinity before and 1 after." },
        { "t1", 8, 0d, "powerBefore", "GSIM tariff powers (1 + t) at [2,2] must be finite and positive; got 1.1 before and 0 after." },
        { "t1", 8, -0.5, "powerBefore", "GSIM tariff powers (1 + t) at [2,2] must be finite and positive; got 1.1 before and -0.5 after." },
        { "t1", 8, double.NaN, "powerBefore", "GSIM tariff powers (1 + t) at [2,2] must be finite and positive; got 1.1 before and NaN after." },
        { "t1", 8, double.PositiveInfinity, "powerBefore", "GSIM tariff powers (1 + t) at [2,2] must be finite and positive; got 1.1 before and Infinity after." },
        { "em", 2, 0d, "importDemand", "GSIM import-demand elasticity of region 2 must be finite and negative; got 0." },
        { "em", 2, 0.5, "importDemand", "GSIM import-demand elasticity of region 2 must be finite and negative; got 0.5." },
        { "em", 1, double.NegativeInfinity, "importDemand", "GSIM import-demand elasticity of region 1 must be finite and negative; got -Infinity." },
        { "em", 1, double.NaN, "importDemand", "GSIM import-demand elasticity of region 1 must be finite and negative; got NaN." },
        { "es", 2, -0.1, "substitution", "GSIM substitution elasticity of region 2 must be finite and ≥ 0; got -0.1." },
        { "es", 0, double.PositiveInfinity, "substitution", "GSIM substitution elasticity of region 0 must be finite and ≥ 0; got Infinity." },
        { "es", 0, double.NaN, "substitution", "GSIM substitution elasticity of region 0 must be finite and ≥ 0; got NaN." },
        { "ex", 2, 0d, "exportSupply", "GSIM export-supply elasticity of region 2 must be positive (or +∞); got 0." },
        { "ex", 2, -3d, "exportSupply", "GSIM export-supply elasticity of region 2 must be positive (or +∞); got -3." },
        { "ex", 0, double.NaN, "exportSupply", "GSIM export-supply elasticity of region 0 must be positive (or +∞); got NaN." },
        { "ex", 0, double.NegativeInfinity, "exportSupply", "GSIM export-supply elasticity of region 0 must be positive (or +∞); got -Infinity." },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Each_bad_value_is_refused_naming_its_place_and_value(string array, int index, double value, string parameter, string message)
    {
        var c = WithValue(FixedPrices, array, index, value);
        var e = Assert.Throws<ArgumentException>(() => Solve(c));
        Assert.Equal(parameter, e.ParamName);
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_at_the_edge_of_the_domain_are_accepted()
    {
        // Zero imports and substitution, small positive powers, tiny positive supply, an import demand just below 0, ∞ supply.
        foreach (var (array, index, value) in new (string, int, double)[]
        {
            ("imports", 4, 0d), ("es", 0, 0d), ("t0", 4, 1e-3), ("t1", 4, 1e-3), ("em", 0, -double.Epsilon),
            ("ex", 0, double.Epsilon), ("ex", 0, double.PositiveInfinity),
        })
        {
            var s = Solve(WithValue(FixedPrices, array, index, value));
            Assert.All(s.WorldPriceChanges, x => Assert.True(double.IsFinite(x)));
        }
    }

    [Fact]
    public void A_numerically_singular_system_is_refused_naming_the_product()
    {
        // Exporter 0 sells only where every elasticity is 1e-20, exporter 1 only where they are 1e10: row 0
        // of the system is below the pivot threshold n·2⁻⁵²·max|A|.
        var e = Assert.Throws<ProjectionException>(() => GsimKernel.Solve(2, [1, 0, 0, 1], [1, 1, 1, 1], [1.1, 1, 1, 1], [-1e-20, -1e10], [0, 0], [1e-20, 1e10], "HS 0902 (2024)"));
        Assert.Equal("The GSIM system for HS 0902 (2024) is singular (the world-price changes are not determined); check that import-demand, substitution and export-supply elasticities are not all zero in some market.", e.Message);
    }

    [Fact]
    public void A_world_price_change_that_overflows_is_refused_naming_the_product()
    {
        // A tariff power that rises 1e308-fold: (E_m + E_s)·θ·T̂ overflows, so P̂* is not finite.
        var e = Assert.Throws<ProjectionException>(() => GsimKernel.Solve(2, [1, 1, 1, 1], [1, 1, 1, 1], [1e308, 1, 1, 1], [-1, -1], [10, 10], [1, 1], "HS 0902 (2024)"));
        Assert.StartsWith("The GSIM solve for HS 0902 (2024) produced a non-finite world-price change (residual ", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("); the system is too badly conditioned.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_residual_that_overflows_is_refused_naming_the_product()
    {
        // P̂* is finite, but a flow without trade whose tariff power rises 1e10-fold, into a market with
        // E_s = 1e300, has an infinite import change, which the clearing error of its exporter picks up.
        var e = Assert.Throws<ProjectionException>(() => GsimKernel.Solve(2, [1, 0, 0, 1], [1, 1, 1, 1], [1, 1, 1e10, 1], [-1, -1], [1e300, 1], [double.PositiveInfinity, 1], "HS 0902 (2024)"));
        Assert.Equal("The GSIM solve for HS 0902 (2024) produced a non-finite residual.", e.Message);
    }

    // ---- Helpers ----

    private static Product WithValue(Product c, string array, int index, double value)
    {
        double[] Set(double[] a)
        {
            var copy = (double[])a.Clone();
            copy[index] = value;
            return copy;
        }

        return array switch
        {
            "imports" => c with { M = Set(c.M) },
            "t0" => c with { T0 = Set(c.T0) },
            "t1" => c with { T1 = Set(c.T1) },
            "em" => c with { Em = Set(c.Em) },
            "es" => c with { Es = Set(c.Es) },
            "ex" => c with { Supply = Set(c.Supply) },
            _ => throw new ArgumentOutOfRangeException(nameof(array), array, null),
        };
    }

    /// <summary>|Σ_v φ_(v),r·M̂_(v),r − E_x,r·P̂*_r| for each exporter with finite supply and exports, from the solution's outputs.</summary>
    private static double[] ClearingErrors(Product c, GsimSolution s)
    {
        var n = c.N;
        var errors = new List<double>();
        for (var r = 0; r < n; r++)
        {
            var exports = 0d;
            for (var v = 0; v < n; v++)
            {
                exports += c.M[(r * n) + v];
            }

            if (double.IsPositiveInfinity(c.Supply[r]) || exports == 0)
            {
                continue;
            }

            var demand = 0d;
            for (var v = 0; v < n; v++)
            {
                demand += c.M[(r * n) + v] / exports * s.ImportChange(r, v);
            }

            errors.Add(Math.Abs(demand - (c.Supply[r] * s.WorldPriceChanges[r])));
        }

        return [.. errors];
    }

    private static void AssertMatches(Product c, GsimSolution s, GsimReference.Solution expected, double relative)
    {
        var n = c.N;
        var scale = Math.Max(1d, c.M.Max());
        for (var r = 0; r < n; r++)
        {
            for (var v = 0; v < n; v++)
            {
                var i = (r * n) + v;
                Assert.Equal(expected.Change[i], s.ImportChange(r, v), relative * Math.Max(1d, Math.Abs(expected.Change[i])));
                Assert.Equal(expected.Price[i], s.InternalPriceChange(r, v), relative * Math.Max(1d, Math.Abs(expected.Price[i])));
                Assert.Equal(expected.Projected[i], s.ProjectedImports(r, v), relative * scale);
            }

            Assert.Equal(expected.Composite[r], s.CompositePriceChanges[r], relative);
            Assert.Equal(expected.Producer[r], s.ProducerSurplus[r], relative * scale);
            Assert.Equal(expected.Consumer[r], s.ConsumerSurplus[r], relative * scale);
            Assert.Equal(expected.Revenue[r], s.TariffRevenue[r], relative * scale);
            Assert.Equal(expected.Producer[r] + expected.Consumer[r] + expected.Revenue[r], s.NetWelfare[r], relative * scale);
        }

        Assert.Equal(n, s.RegionCount);
    }
}
