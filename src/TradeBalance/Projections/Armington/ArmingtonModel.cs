using System.Globalization;

namespace TradeBalance.Projections;

/// <summary>
/// The exact single-market Armington (CES) model that WITS-SMART linearises: per market, a CES price
/// index over suppliers, constant-elasticity composite import demand and constant-elasticity export
/// supply, solved for the suppliers' world prices.
/// </summary>
/// <remarks>
/// <para>Model (the CES/Armington structure of Jammes &amp; Olarreaga 2005; see the README, Exact
/// Armington model), world prices 1 at baseline so that value = quantity:
/// <c>P_i = p_i·(1 + t_i)</c>; <c>P = (Σ b_i·P_i^(1−σ))^(1/(1−σ))</c> with <c>b_i</c> calibrated to the
/// baseline; <c>Q = Q0·(P/P0)^η</c>; <c>q_i = Q·b_i·(P_i/P)^(−σ)</c>; <c>p_i = (q_i/q0_i)^(1/ε)</c>
/// (<c>p_i = 1</c> when ε ≥ 99, infinite supply); projected value <c>M1_i = p_i·q_i</c>.
/// Baseline shares inside the CES index are at internal prices, <c>s_i = (1 + t0_i)·M_i / Σ(1 + t0)·M</c>.</para>
/// <para>Solve: Newton on <c>ln p_i − (1/ε)·ln(q_i/q0_i) = 0</c>, whose Jacobian is the identity plus a
/// rank-one term, so each step costs O(suppliers) (Sherman–Morrison), halving the step while it does
/// not reduce the largest residual. A market converges when the largest relative residual is at most
/// <see cref="ArmingtonOptions.Tolerance"/>; otherwise <see cref="ProjectionException"/>. Each
/// <see cref="MarketProjection"/> carries <see cref="MarketProjection.Iterations"/> and
/// <see cref="MarketProjection.Residual"/>.</para>
/// <para>Decomposition of each supplier's change <c>M1 − M = (q_i − M_i) + (p_i − 1)·q_i</c>, with
/// <c>q_i</c> the new quantity valued at baseline world prices: <b>diversion</b> is the re-allocation of
/// the new quantities with their total held at the baseline <c>Σ M</c> (<c>Σ M·q_i/Σ q − M_i</c>), so it
/// sums to zero over the market as SMART's does; <b>creation</b> is the rest of the quantity change
/// (<c>q_i·(1 − Σ M/Σ q)</c>); the <b>price effect</b> is <c>(p_i − 1)·q_i</c>, zero with infinite
/// supply. The three add up to <c>M1 − M</c> exactly. With infinite supply the diversion is the CES
/// re-allocation <c>q_i ∝ M_i·(P̂_i)^(−σ)</c> rescaled to <c>Σ M</c>, equal to SMART's to first order for
/// any pattern of tariff changes; with finite supply it equals SMART's finite-ε diversion to first order
/// for one beneficiary (SMART damps σ to <c>σ·ε/(ε + σ)</c>), and the market's price effect equals
/// SMART's.</para>
/// <para>Relation to SMART (tested): for a uniform cut (every supplier's tariff moves alike) the two
/// models agree to first order, supplier by supplier, with finite or infinite ε; for a preferential
/// cut the diversion agrees to first order, and so does the market total when baseline tariffs are
/// equal across suppliers. SMART's creation, though, goes entirely to the supplier whose tariff falls,
/// while CES composite growth is shared by all suppliers: per-supplier changes after a preferential
/// cut differ already at first order (by <c>|η|·c·M_b·(1 − s_b)</c> for the beneficiary b, with
/// <c>c = (t0 − t1)/(1 + t0)</c>). Armington and SMART agree to first order in the cases above only.</para>
/// <para>Welfare (<see cref="MarketProjection.Welfare"/>) is the importer's net gain, the exact consumer
/// surplus change under the constant-elasticity composite demand plus the tariff revenue change:
/// <c>E0·(1 − P̂^(1+η))/(1 + η) + (R1 − R0)</c>, <c>E0 = Σ (1 + t0)·M</c> (the limit <c>−E0·ln P̂</c> at
/// η = −1). For t1 = 0 it tends to SMART's <c>½·t0·ΔM</c> for small cuts.</para>
/// <para>A supplier with no baseline trade stays at zero, as in SMART.</para>
/// </remarks>
/// <threadsafety>Stateless; safe to use from many threads.</threadsafety>
internal static class ArmingtonModel
{
    internal static ProjectionResult Project(ProjectionBatch batch, ArmingtonOptions options, ProjectionModel model)
    {
        var n = batch.Baseline.Length;
        var k = batch.Markets.Length;
        var flowOut = new double[4 * n];
        var marketOut = new double[6 * k];
        var iterations = new int[k];
        var output = new SmartOutput(
            flowOut.AsSpan(0, n), flowOut.AsSpan(n, n), flowOut.AsSpan(2 * n, n), flowOut.AsSpan(3 * n, n),
            marketOut.AsSpan(0, k), marketOut.AsSpan(k, k), marketOut.AsSpan(2 * k, k), marketOut.AsSpan(3 * k, k), marketOut.AsSpan(4 * k, k));
        var residuals = marketOut.AsSpan(5 * k, k);
        var input = new SmartInput(batch.Offsets, batch.Baseline, batch.TariffBefore, batch.TariffAfter, batch.ImportDemand, batch.Substitution, batch.ExportSupply);
        var scratch = new double[ArmingtonKernel.ScratchLength(batch.Offsets)];
        var failed = ArmingtonKernel.Project(input, output, iterations, residuals, scratch, options.Tolerance, options.MaxIterations);
        if (failed >= 0)
        {
            throw NotConverged(batch.Markets[failed], batch.MarketElasticities[failed], iterations[failed], residuals[failed], options);
        }

        return ProjectionAssembly.Build(batch, model, output, iterations, residuals);
    }

    internal static ProjectionException NotConverged(MarketKey market, ElasticityValues elasticities, int iterations, double residual, ArmingtonOptions options) =>
        new(
            market,
            iterations,
            residual,
            string.Create(CultureInfo.InvariantCulture, $"The Armington solve for the suppliers' world prices did not converge to the tolerance {options.Tolerance:G3} within {options.MaxIterations} iteration(s) with elasticities {elasticities}."));
}
