using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace TradeBalance.Tests.Projections;

/// <summary>One market as the properties generate it: 1–8 suppliers, tariffs 0–60 %, valid elasticities.</summary>
public sealed record MarketCase(double[] M, double[] T0, double[] T1, double Eta, double Sigma, double Eps)
{
    public int N => M.Length;

    public override string ToString() =>
        $"M=[{string.Join(", ", M)}] t0=[{string.Join(", ", T0)}] t1=[{string.Join(", ", T1)}] η={Eta} σ={Sigma} ε={Eps}";
}

public static class SmartArbitraries
{
    private static Gen<double> Value => Gen.Frequency(
        (1, Gen.Constant(0.0)),
        (6, Gen.Choose(1, 1_000_000).Select(v => (double)v)),
        (2, Gen.Choose(1, 1_000_000).Select(v => v * 1e6)));

    private static Gen<double> Tariff => Gen.Choose(0, 600).Select(v => v / 1000.0);

    public static Gen<MarketCase> Markets(bool cutsOnly) =>
        from n in Gen.Choose(1, 8)
        from m in Gen.ArrayOf(Value, n)
        from t0 in Gen.ArrayOf(Tariff, n)
        from cut in Gen.ArrayOf(Gen.Choose(0, 1000).Select(v => v / 1000.0), n)
        from raise in Gen.ArrayOf(Tariff, n)
        from up in Gen.ArrayOf(Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true))), n)
        from eta in Gen.Choose(1, 500).Select(v => -v / 100.0)
        from sigma in Gen.Choose(1, 1000).Select(v => v / 100.0)
        from eps in Gen.Frequency((2, Gen.Constant(99.0)), (1, Gen.Choose(1, 5000).Select(v => v / 100.0)))
        select new MarketCase(
            m,
            t0,
            [.. t0.Select((t, i) => !cutsOnly && up[i] ? t + raise[i] : t * cut[i])],
            eta,
            sigma,
            eps);

    public static Arbitrary<MarketCase> Market() => Markets(cutsOnly: false).ToArbitrary();
}

[Properties(Arbitrary = [typeof(SmartArbitraries)], MaxTest = 300)]
public class SmartModelProperties
{
    private static SmartKernelRunner.Run Run(MarketCase c) => SmartKernelRunner.One(c.M, c.T0, c.T1, c.Eta, c.Sigma, c.Eps);

    private static double Scale(MarketCase c) => Math.Max(1, c.M.Sum());

    [Property]
    public void Diversion_sums_to_zero_in_every_market(MarketCase c) =>
        Assert.True(Math.Abs(Run(c).Td.Sum()) <= 1e-9 * Scale(c), c.ToString());

    [Property]
    public void Shares_sum_to_one_before_and_after(MarketCase c)
    {
        var r = Run(c);
        if (r.Total0 > 0)
        {
            Assert.Equal(1.0, c.M.Sum(m => m / r.Total0), 12);
        }

        if (r.Total1 > 0)
        {
            Assert.Equal(1.0, r.M1.Sum(m => m / r.Total1), 12);
        }
    }

    [Property]
    public void No_tariff_change_means_no_change_at_all(MarketCase c)
    {
        var r = SmartKernelRunner.One(c.M, c.T0, c.T0, c.Eta, c.Sigma, c.Eps);
        Assert.All(r.Tc, v => Assert.Equal(0, v));
        Assert.All(r.Pe, v => Assert.Equal(0, v));
        for (var i = 0; i < c.N; i++)
        {
            Assert.Equal(c.M[i], r.M1[i], 1e-9 * Scale(c));
            Assert.Equal(0, r.Td[i], 1e-9 * Scale(c));
        }

        Assert.Equal(r.Revenue0, r.Revenue1, 1e-9 * Scale(c));
    }

    [Property]
    public Property A_deeper_cut_never_lowers_the_beneficiarys_imports_or_share() =>
        Prop.ForAll(
            SmartArbitraries.Markets(cutsOnly: true).ToArbitrary(),
            Gen.Choose(0, 1000).Select(v => v / 1000.0).ToArbitrary(),
            (c, deeper) =>
            {
                // Supplier 0 is the only beneficiary; everyone else keeps t0.
                double[] shallow = [.. c.T0.Select((t, i) => i == 0 ? c.T1[0] : t)];
                double[] deep = [.. c.T0.Select((t, i) => i == 0 ? c.T1[0] * deeper : t)];
                var a = SmartKernelRunner.One(c.M, c.T0, shallow, c.Eta, c.Sigma, c.Eps);
                var b = SmartKernelRunner.One(c.M, c.T0, deep, c.Eta, c.Sigma, c.Eps);
                var tol = 1e-9 * Scale(c);
                Assert.True(b.M1[0] >= a.M1[0] - tol, c.ToString());
                if (a.Total1 > 0 && b.Total1 > 0)
                {
                    Assert.True((b.M1[0] / b.Total1) >= (a.M1[0] / a.Total1) - 1e-12, c.ToString());
                }
            });

    [Property]
    public Property Doubling_eta_doubles_trade_creation() =>
        Prop.ForAll(SmartArbitraries.Markets(cutsOnly: true).ToArbitrary(), c =>
        {
            var a = SmartKernelRunner.One(c.M, c.T0, c.T1, c.Eta, c.Sigma, 99);
            var b = SmartKernelRunner.One(c.M, c.T0, c.T1, 2 * c.Eta, c.Sigma, 99);
            for (var i = 0; i < c.N; i++)
            {
                Assert.Equal(2 * a.Tc[i], b.Tc[i], 1e-9 * Scale(c));
            }
        });

    [Property]
    public Property A_single_beneficiarys_diversion_never_exceeds_the_rest_of_worlds_baseline() =>
        Prop.ForAll(SmartArbitraries.Markets(cutsOnly: true).ToArbitrary(), c =>
        {
            double[] t1 = [.. c.T0.Select((t, i) => i == 0 ? c.T1[0] : t)];
            var r = SmartKernelRunner.One(c.M, c.T0, t1, c.Eta, c.Sigma, c.Eps);
            var rest = c.M.Skip(1).Sum();
            Assert.True(r.Td[0] <= rest + 1e-9 * Scale(c), c.ToString());
            Assert.True(r.Td[0] >= -1e-9 * Scale(c), c.ToString());
        });

    [Property]
    public void Results_are_finite_and_imports_never_negative(MarketCase c)
    {
        var r = Run(c);
        foreach (var v in r.Tc.Concat(r.Td).Concat(r.Pe).Concat(r.M1).Append(r.Revenue0).Append(r.Revenue1).Append(r.Welfare))
        {
            Assert.True(double.IsFinite(v), c.ToString());
        }

        Assert.All(r.M1, v => Assert.True(v >= 0, c.ToString()));
    }

    [Property]
    public void Fast_path_equals_the_reference_path(MarketCase c)
    {
        var fast = Run(c);
        var slow = SmartReference.Project([.. c.M.Select((m, i) => new SmartReference.Supplier(m, c.T0[i], c.T1[i]))], c.Eta, c.Sigma, c.Eps);
        var tol = 1e-12 * Scale(c);
        for (var i = 0; i < c.N; i++)
        {
            Assert.Equal(slow.Tc[i], fast.Tc[i], tol);
            Assert.Equal(slow.Td[i], fast.Td[i], tol);
            // The finite-supply price effect is quadratic in the quantity and can dwarf the market's
            // baseline: compare it, and the projection it enters, to its own magnitude too.
            Assert.Equal(slow.Pe[i], fast.Pe[i], Math.Max(tol, 1e-13 * Math.Abs(slow.Pe[i])));
            Assert.Equal(slow.M1[i], fast.M1[i], Math.Max(tol, 1e-13 * Math.Abs(slow.M1[i])));
        }

        Assert.Equal(slow.Revenue0, fast.Revenue0, tol);
        Assert.Equal(slow.Revenue1, fast.Revenue1, Math.Max(tol, 1e-13 * Math.Abs(slow.Revenue1)));
        Assert.Equal(slow.Welfare, fast.Welfare, tol);
    }

    [Property]
    public Property Permuting_suppliers_permutes_results() =>
        Prop.ForAll(SmartArbitraries.Market(), c =>
        {
            int[] perm = [.. Enumerable.Range(0, c.N).Reverse()];
            var a = Run(c);
            var b = SmartKernelRunner.One([.. perm.Select(i => c.M[i])], [.. perm.Select(i => c.T0[i])], [.. perm.Select(i => c.T1[i])], c.Eta, c.Sigma, c.Eps);
            var tol = 1e-9 * Scale(c);
            for (var k = 0; k < c.N; k++)
            {
                Assert.Equal(a.M1[perm[k]], b.M1[k], tol);
                Assert.Equal(a.Td[perm[k]], b.Td[k], tol);
            }
        });

    [Property]
    public Property One_beneficiary_diversion_is_the_JO_formula() =>
        Prop.ForAll(SmartArbitraries.Markets(cutsOnly: true).ToArbitrary(), c =>
        {
            double[] t1 = [.. c.T0.Select((t, i) => i == 0 ? c.T1[0] : t)];
            var r = SmartKernelRunner.One(c.M, c.T0, t1, c.Eta, c.Sigma, 99);
            var rest = c.M.Skip(1).Sum();
            if (c.M[0] + rest > 0)
            {
                var jo = SmartReference.JammesOlarreagaDiversion(c.M[0], rest, c.Sigma, c.T0[0], t1[0]);
                Assert.Equal(jo, r.Td[0], 1e-9 * Scale(c));
            }
        });

    [Property]
    public Property Diversion_approaches_the_rest_of_world_ceiling_as_sigma_grows() =>
        Prop.ForAll(SmartArbitraries.Markets(cutsOnly: true).ToArbitrary(), c =>
        {
            // A real cut for supplier 0 with positive baseline, nobody else moves.
            double[] m = [.. c.M.Select((v, i) => i == 0 ? Math.Max(v, 1) : v)];
            double[] t0 = [.. c.T0.Select((t, i) => i == 0 ? Math.Max(t, 0.05) : t)];
            double[] t1 = [.. t0.Select((t, i) => i == 0 ? 0 : t)];
            var rest = m.Skip(1).Sum();
            var rho = 1 - (1 / (1 + t0[0]));

            // TD_b = M_b·M_R·σρ/(M_b + M_R + M_b·σρ): pick σ so that M_b·σρ dwarfs M_b + M_R.
            var sigma = 1e9 * (m[0] + rest) / (m[0] * rho);
            var r = SmartKernelRunner.One(m, t0, t1, c.Eta, sigma, 99);
            Assert.Equal(rest, r.Td[0], 1e-6 * Math.Max(1, m.Sum()));
        });

    [Property]
    public Property Removing_one_beneficiarys_tariff_never_raises_revenue_and_welfare_is_not_negative() =>
        Prop.ForAll(SmartArbitraries.Markets(cutsOnly: true).ToArbitrary(), c =>
        {
            double[] t1 = [.. c.T0.Select((t, i) => i == 0 ? 0 : t)];
            var r = SmartKernelRunner.One(c.M, c.T0, t1, c.Eta, c.Sigma, 99);
            Assert.True(r.Revenue1 <= r.Revenue0 + 1e-9 * Scale(c), c.ToString());
            Assert.True(r.Welfare >= 0, c.ToString());
        });

    [Property]
    public Property Finite_supply_creates_less_than_infinite_supply() =>
        Prop.ForAll(SmartArbitraries.Markets(cutsOnly: true).ToArbitrary(), c =>
        {
            var finite = SmartKernelRunner.One(c.M, c.T0, c.T1, c.Eta, c.Sigma, Math.Min(c.Eps, 50));
            var infinite = SmartKernelRunner.One(c.M, c.T0, c.T1, c.Eta, c.Sigma, 99);
            for (var i = 0; i < c.N; i++)
            {
                Assert.True(finite.Tc[i] <= infinite.Tc[i] + 1e-9 * Scale(c), c.ToString());
            }
        });
}
