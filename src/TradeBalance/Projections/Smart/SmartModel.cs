using System.Globalization;
namespace TradeBalance.Projections;

/// <summary>
/// WITS-SMART, the World Bank's single-market partial-equilibrium model (Jammes &amp; Olarreaga 2005;
/// Laird &amp; Yeats 1986): projects each supplier's imports after a tariff change as trade creation
/// plus trade diversion (plus a price effect when export supply is finite).
/// </summary>
/// <remarks>
/// <para>Formulas (WITS-SMART: Jammes &amp; Olarreaga 2005, Laird &amp; Yeats 1986; see the README,
/// WITS-SMART), with η entered negative and tariffs as fractions:
/// trade creation <c>TC = η·M·(t1 − t0) / ((1 + t0)·(1 − η/ε))</c> (the last factor is 1 when ε ≥ 99);
/// trade diversion re-allocates the market's baseline total by Armington weights
/// <c>w = M·max(0, 1 + σ·ρ)</c>, <c>ρ = 1 − (1 + t1)/(1 + t0)</c>: <c>TD = T·w/Σw − M</c>, which for one
/// beneficiary is exactly J&amp;O's <c>TD_b = M_b·M_R·σ·ρ/(M_b + M_R + M_b·σ·ρ)</c> with the rest of the
/// world losing in proportion to its baseline. TC and TD are both computed from the baseline and added.</para>
/// <para>SMART-compatible for one beneficiary; for several beneficiaries, or when other suppliers'
/// rates move too, the same linear Armington re-allocation is applied to everyone at once (WITS
/// does not document its rule for that case).</para>
/// <para>With finite ε, every supplier's world price moves along its own supply curve:
/// <c>p̂ = (TC + TD)/(M·ε)</c>, so the beneficiary's rises and the losers' fall, and the price effect is
/// <c>(M + TC + TD)·p̂</c> (floored so that no projection is negative). Diversion uses the damped
/// <c>σ' = σ·ε/(ε + σ)</c>, because a supplier's price rise as it sells more offsets part of its
/// tariff cut. Both follow the first-order expansion of <see cref="ArmingtonModel"/> with the same ε,
/// which a property test checks for one beneficiary. WITS reports a "Price Effect" column for finite ε
/// but does not publish its formula; with ε ≥ 99 (infinite supply) these columns are WITS-SMART's.</para>
/// <para>A supplier with no baseline trade stays at zero (SMART only re-scales existing trade); the
/// result's notes say so for beneficiaries. Revenue is <c>Σ t·M</c> before and after; welfare is
/// <c>½·Σ(t0 − t1)·TC</c>.</para>
/// </remarks>
/// <threadsafety>Stateless; safe to use from many threads.</threadsafety>
internal static class SmartModel
{
    internal static ProjectionResult Project(ProjectionBatch batch)
    {
        var n = batch.Baseline.Length;
        var k = batch.Markets.Length;
        var flowOut = new double[4 * n];
        var marketOut = new double[5 * k];
        var output = new SmartOutput(
            flowOut.AsSpan(0, n), flowOut.AsSpan(n, n), flowOut.AsSpan(2 * n, n), flowOut.AsSpan(3 * n, n),
            marketOut.AsSpan(0, k), marketOut.AsSpan(k, k), marketOut.AsSpan(2 * k, k), marketOut.AsSpan(3 * k, k), marketOut.AsSpan(4 * k, k));
        SmartKernel.Project(
            new SmartInput(batch.Offsets, batch.Baseline, batch.TariffBefore, batch.TariffAfter, batch.ImportDemand, batch.Substitution, batch.ExportSupply),
            output);

        return ProjectionAssembly.Build(batch, ProjectionModel.Smart, output, [], []);
    }

    /// <summary>The one place the numeric core's doubles become decimal money (every model converts through it).</summary>
    /// <exception cref="ProjectionException">The value is NaN, infinite, or beyond what a decimal holds (about ±7.9E+28).</exception>
    internal static Money ToMoney(double value, Currency currency) =>
        double.IsFinite(value) && Math.Abs(value) < 7.9e28
            ? new((decimal)value, currency)
            : throw new ProjectionException(string.Create(CultureInfo.InvariantCulture, $"A projected amount, {value:G6} {currency.Code}, is not finite or is beyond what a decimal amount holds (about ±7.9E+28): the inputs are outside the range the model is useful in."));
}
