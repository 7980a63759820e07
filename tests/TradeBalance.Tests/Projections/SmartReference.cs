namespace TradeBalance.Tests.Projections;

/// <summary>
/// The plain, obviously-correct SMART path the fast kernel is checked against: one market at a
/// time, arrays of objects, formulas written exactly as docs/models.md prints them.
/// </summary>
internal static class SmartReference
{
    internal sealed record Supplier(double M, double T0, double T1);

    internal sealed record Outcome(double[] Tc, double[] Td, double[] Pe, double[] M1, double Revenue0, double Revenue1, double Welfare);

    internal static Outcome Project(IReadOnlyList<Supplier> s, double eta, double sigma, double eps)
    {
        var n = s.Count;
        var infinite = eps >= 99;
        var total = s.Sum(x => x.M);
        // Finite supply damps the relative price move: σ' = σ·ε/(ε + σ).
        var sigmaUsed = infinite ? sigma : sigma * eps / (eps + sigma);
        var w = s.Select(x => x.M * Math.Max(0, 1 + (sigmaUsed * (1 - ((1 + x.T1) / (1 + x.T0)))))).ToArray();
        var wSum = w.Sum();
        var tc = new double[n];
        var td = new double[n];
        var pe = new double[n];
        var m1 = new double[n];
        for (var i = 0; i < n; i++)
        {
            var x = s[i];
            // TC = η·M·(t1 − t0) / ((1 + t0)·(1 − η/ε)), η negative.
            tc[i] = eta * x.M * (x.T1 - x.T0) / ((1 + x.T0) * (infinite ? 1 : 1 - (eta / eps)));
            td[i] = wSum > 0 ? (total * w[i] / wSum) - x.M : 0;
            var q = x.M + tc[i] + td[i];
            if (q < 0)
            {
                tc[i] -= q;
                q = 0;
            }

            // Each supplier's price moves along its own supply curve: p̂ = (TC + TD)/(M·ε), floored at −q.
            pe[i] = infinite || x.M == 0 ? 0 : Math.Max(-q, q * (tc[i] + td[i]) / (x.M * eps));
            m1[i] = q + pe[i];
        }

        var r0 = s.Select((x, i) => x.T0 * x.M).Sum();
        var r1 = s.Select((x, i) => x.T1 * m1[i]).Sum();
        var welfare = s.Select((x, i) => 0.5 * (x.T0 - x.T1) * tc[i]).Sum();
        return new Outcome(tc, td, pe, m1, r0, r1, welfare);
    }

    /// <summary>Jammes &amp; Olarreaga's two-source diversion for one beneficiary b against the rest R.</summary>
    internal static double JammesOlarreagaDiversion(double mb, double mr, double sigma, double t0, double t1)
    {
        var rho = 1 - ((1 + t1) / (1 + t0));
        return mb * mr * sigma * rho / (mb + mr + (mb * sigma * rho));
    }
}
