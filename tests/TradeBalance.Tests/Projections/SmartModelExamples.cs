using Xunit;

namespace TradeBalance.Tests.Projections;

/// <summary>
/// Worked examples. No published SMART example with readable inputs and outputs exists in the
/// sources we hold (docs/models.md, WITS-SMART), so these are a computed toy vector (importer with partners A 100, B 200, C 300, all at 10 %, A cut to 0,
/// η = −1.5, σ = 1.5), checked by hand, plus the J&amp;O two-source diversion formula
/// (Jammes &amp; Olarreaga 2005, as reproduced in Laird &amp; Yeats 1986) evaluated independently.
/// </summary>
public class SmartModelExamples
{
    private static readonly double[] M = [100, 200, 300];
    private static readonly double[] T0 = [0.10, 0.10, 0.10];
    private static readonly double[] T1 = [0.00, 0.10, 0.10];

    [Fact]
    public void Toy_vector_infinite_supply_matches_models_sources_section_4()
    {
        var r = SmartKernelRunner.One(M, T0, T1, -1.5, 1.5, double.PositiveInfinity);
        Assert.Equal(13.636364, r.Tc[0], 6);
        Assert.Equal(0, r.Tc[1], 12);
        Assert.Equal(11.111111, r.Td[0], 6);
        Assert.Equal(-4.444444, r.Td[1], 6);
        Assert.Equal(-6.666667, r.Td[2], 6);
        Assert.Equal(124.747475, r.M1[0], 6);
        Assert.Equal(195.555556, r.M1[1], 6);
        Assert.Equal(293.333333, r.M1[2], 6);
        Assert.Equal(-11.111111, r.Revenue1 - r.Revenue0, 6);
        Assert.Equal(0.681818, r.Welfare, 6);
        Assert.All(r.Pe, pe => Assert.Equal(0, pe));
    }

    [Fact]
    public void Ninety_nine_is_the_infinite_supply_flag_as_in_WITS()
    {
        var flag = SmartKernelRunner.One(M, T0, T1, -1.5, 1.5, 99);
        var inf = SmartKernelRunner.One(M, T0, T1, -1.5, 1.5, double.PositiveInfinity);
        Assert.Equal(inf.M1, flag.M1);
        Assert.Equal(13.636364, flag.Tc[0], 6);
    }

    [Fact]
    public void Toy_vector_finite_supply_eps_2()
    {
        // By hand: σ' = σ·ε/(ε + σ) = 1.5·2/3.5 = 0.857143 damps diversion; ρ = 1 − 1/1.1 = 0.090909;
        // w_A = 100·(1 + σ'ρ) = 107.792208, W = 607.792208; TC_A = 1.5·100·ρ·2/3.5 = 7.792208.
        var r = SmartKernelRunner.One(M, T0, T1, -1.5, 1.5, 2);
        Assert.Equal(7.792208, r.Tc[0], 6);
        Assert.Equal(6.410256, r.Td[0], 6);               // 600·107.792208/607.792208 − 100
        Assert.Equal(-2.564103, r.Td[1], 6);              // the rest lose in proportion to their baseline
        Assert.Equal(-3.846154, r.Td[2], 6);
        var quantity = 100 + r.Tc[0] + r.Td[0];
        Assert.Equal(114.202464, quantity, 6);
        Assert.Equal(8.109782, r.Pe[0], 6);               // p̂_A = (TC + TD)/(M·ε) = 14.202464/200 = 0.0710123; × 114.202464
        Assert.Equal(-1.265615, r.Pe[1], 6);              // losers' prices fall too: p̂_B = −2.564103/400
        Assert.Equal(-1.898422, r.Pe[2], 6);
        Assert.Equal(quantity + r.Pe[0], r.M1[0], 9);
        Assert.Equal(196.170283, r.M1[1], 6);
        Assert.Equal(-10.957429, r.Revenue1 - r.Revenue0, 6);
        Assert.Equal(0.389610, r.Welfare, 6);             // ½·0.1·TC_A
    }

    [Fact]
    public void One_beneficiary_diversion_equals_the_JO_two_source_formula()
    {
        var r = SmartKernelRunner.One(M, T0, T1, -1.5, 1.5, 99);
        var jo = SmartReference.JammesOlarreagaDiversion(100, 500, 1.5, 0.10, 0.0);
        Assert.Equal(jo, r.Td[0], 12);
        // The rest of the world loses in proportion to its baseline.
        Assert.Equal(-jo * 200 / 500, r.Td[1], 12);
        Assert.Equal(-jo * 300 / 500, r.Td[2], 12);
    }

    [Fact]
    public void Kenya_tea_case_from_a_handful_of_flows()
    {
        // China's 2024 tea imports by supplier (USD; the embedded data set, KenyaTea),
        // 15 % MFN, Kenya to 0 %, σ = 1.83 (Broda & Weinstein 2006, China HS3 090).
        var result = KenyaTea.Project();
        var kenya = result.Rows.Single(r => r.Exporter == Countries.Kenya);
        Assert.Equal(15m, kenya.TariffBefore.Percent);
        Assert.Equal(0m, kenya.TariffAfter.Percent);

        // TC = 1.5·21.299m·0.15/1.15; TD by J&O with M_R = 158m − 21.299m = 136.701m, ρ = 1 − 1/1.15.
        var tc = 1.5 * 21.299e6 * 0.15 / 1.15;
        var td = SmartReference.JammesOlarreagaDiversion(21.299e6, 136.701e6, 1.83, 0.15, 0);
        Assert.Equal(tc, (double)kenya.TradeCreation!.Value.Amount, 3);
        Assert.Equal(td, (double)kenya.TradeDiversion!.Value.Amount, 3);
        Assert.Equal(21.299e6 + tc + td, (double)kenya.Projected.Amount, 3);
        Assert.True(kenya.ProjectedShare > kenya.BaselineShare);
        Assert.All(result.Rows.Where(r => r.Exporter != Countries.Kenya), r => Assert.True(r.ProjectedShare < r.BaselineShare));
        Assert.Equal(1.0, result.Rows.Sum(r => r.ProjectedShare), 12);
    }
}
