namespace TradeBalance.Tests.Projections;

/// <summary>
/// The single-market Armington model solved in closed form, as an oracle for <c>ArmingtonKernel</c>
/// (which solves it by Newton's method): written from the model's equations in docs/models.md, with
/// plain <c>Math.Exp</c>, <c>Math.Log</c> and <c>Math.Pow</c>, none of the kernel's
/// code or its numerically careful helpers.
/// </summary>
/// <remarks>
/// <para>With internal-price shares <c>s_i = (1 + t0_i)·M_i / E0</c>, tariff factors
/// <c>τ_i = ln((1 + t1_i)/(1 + t0_i))</c>, log world prices <c>x_i</c> and the log CES index
/// <c>L = I(x + τ)</c>, <c>I(y) = ln(Σ s·e^((1−σ)y))/(1−σ)</c> (<c>Σ s·y</c> at σ = 1), demand is
/// <c>ln q̂_i = η·L − σ·(x_i + τ_i − L)</c> and supply <c>x_i = ln q̂_i / ε</c>. Supply gives
/// <c>x_i = ((η + σ)·L − σ·τ_i)/(ε + σ)</c>, so <c>x_i + τ_i = w·L + ε·τ_i/(ε + σ)</c> with
/// <c>w = (η + σ)/(ε + σ)</c>; since <c>I(y + c) = I(y) + c</c>, <c>L = I(ε·τ/(ε + σ))·(ε + σ)/(ε − η)</c>.
/// With infinite supply (ε ≥ 99) <c>x = 0</c> and <c>L = I(τ)</c>.</para>
/// <para>Then <c>q_i = M_i·e^(η·L − σ·(x_i + τ_i − L))</c>, <c>M1_i = q_i·e^(x_i)</c>; diversion
/// <c>Σ M·q_i/Σ q − M_i</c>, creation <c>q_i − Σ M·q_i/Σ q</c>, price effect <c>M1_i − q_i</c>; consumer
/// surplus <c>E0·(1 − e^((1+η)L))/(1 + η)</c> (by its series near η = −1, <c>−E0·L</c> there).</para>
/// </remarks>
internal static class ArmingtonReference
{
    internal sealed record Market(double[] Tc, double[] Td, double[] Pe, double[] M1, double[] LogPrice, double LogIndex, double Total0, double Total1, double Revenue0, double Revenue1, double Consumer)
    {
        public double Welfare => Consumer + Revenue1 - Revenue0;
    }

    internal static Market Solve(double[] m, double[] t0, double[] t1, double eta, double sigma, double eps)
    {
        var n = m.Length;
        double e0 = 0, total0 = 0, revenue0 = 0;
        for (var i = 0; i < n; i++)
        {
            e0 += (1 + t0[i]) * m[i];
            total0 += m[i];
            revenue0 += t0[i] * m[i];
        }

        var zeros = new double[n];
        if (total0 == 0)
        {
            return new Market(zeros, zeros, zeros, zeros, zeros, 0, 0, 0, 0, 0, 0);
        }

        var tau = new double[n];
        for (var i = 0; i < n; i++)
        {
            tau[i] = Math.Log((1 + t1[i]) / (1 + t0[i]));
        }

        double Index(Func<int, double> y)
        {
            if (sigma == 1)
            {
                return Enumerable.Range(0, n).Where(i => m[i] > 0).Sum(i => (1 + t0[i]) * m[i] / e0 * y(i));
            }

            var rho = 1 - sigma;
            var traded = Enumerable.Range(0, n).Where(i => m[i] > 0).ToArray();
            if (Math.Abs(rho) < 1e-5)
            {
                // ln E[e^(ρy)]/ρ = μ + ρ·κ2/2 + ρ²·κ3/6 + … (cumulants under the weights s), where ln(Σ…)/ρ would cancel.
                var mean = traded.Sum(i => (1 + t0[i]) * m[i] / e0 * y(i));
                var k2 = traded.Sum(i => (1 + t0[i]) * m[i] / e0 * Math.Pow(y(i) - mean, 2));
                var k3 = traded.Sum(i => (1 + t0[i]) * m[i] / e0 * Math.Pow(y(i) - mean, 3));
                return mean + (rho * k2 / 2) + (rho * rho * k3 / 6);
            }

            var sum = traded.Sum(i => (1 + t0[i]) * m[i] / e0 * Math.Exp(rho * y(i)));
            return Math.Log(sum) / rho;
        }

        var infinite = eps >= 99;
        var logIndex = infinite ? Index(i => tau[i]) : Index(i => eps * tau[i] / (eps + sigma)) * (eps + sigma) / (eps - eta);
        var x = new double[n];
        var q = new double[n];
        for (var i = 0; i < n; i++)
        {
            if (m[i] > 0)
            {
                x[i] = infinite ? 0 : (((eta + sigma) * logIndex) - (sigma * tau[i])) / (eps + sigma);
                q[i] = m[i] * Math.Exp((eta * logIndex) - (sigma * (x[i] + tau[i] - logIndex)));
            }
        }

        var sumQ = q.Sum();
        double[] tc = new double[n], td = new double[n], pe = new double[n], m1 = new double[n];
        double total1 = 0, revenue1 = 0;
        for (var i = 0; i < n; i++)
        {
            if (m[i] > 0)
            {
                var reallocated = total0 * q[i] / sumQ;
                m1[i] = q[i] * Math.Exp(x[i]);
                td[i] = reallocated - m[i];
                tc[i] = q[i] - reallocated;
                pe[i] = m1[i] - q[i];
            }

            total1 += m1[i];
            revenue1 += t1[i] * m1[i];
        }

        // (1 − e^(kL))/k = −L·(1 + kL/2 + (kL)²/6 + …): the series where 1 − e^(kL) would cancel.
        var k = 1 + eta;
        var kl = k * logIndex;
        var consumer = Math.Abs(kl) < 1e-4
            ? -e0 * logIndex * (1 + (kl / 2) + (kl * kl / 6) + (kl * kl * kl / 24))
            : e0 * (1 - Math.Pow(Math.Exp(logIndex), k)) / k;
        return new Market(tc, td, pe, m1, x, logIndex, total0, total1, revenue0, revenue1, consumer);
    }
}
