namespace TradeBalance.Projections;

/// <summary>
/// The numeric core of <see cref="ArmingtonModel"/>: the exact single-market CES (Armington) model
/// over the same struct-of-arrays spans as <see cref="SmartKernel"/>. Allocates nothing; the caller
/// lends a scratch span of <see cref="ScratchLength"/> doubles.
/// </summary>
/// <remarks>
/// <para>In proportional-change ("hat") form, with baseline world prices 1, internal-price shares
/// <c>s_i = (1 + t0_i)·M_i / E0</c>, <c>E0 = Σ (1 + t0)·M</c>, log tariff-power changes
/// <c>τ_i = ln((1 + t1_i)/(1 + t0_i))</c> and unknown log world prices <c>x_i = ln p_i</c>:
/// <c>y_i = x_i + τ_i</c>, <c>L = ln P̂ = ln(Σ s·e^((1−σ)y))/(1−σ)</c>, <c>ln q̂_i = η·L − σ·(y_i − L)</c>
/// and the supply condition <c>x_i = ln q̂_i / ε</c>.</para>
/// <para>Newton on <c>F_i(x) = x_i − ln q̂_i/ε</c>. The Jacobian is <c>a·I − c·1·θᵀ</c> with
/// <c>a = 1 + σ/ε</c>, <c>c = (η + σ)/ε</c> and θ the new internal-price shares, so each step is a
/// Sherman–Morrison update in O(n): <c>Δ = −(F + c·1·(θ·F)/(a − c))/a</c>, where <c>a − c = 1 − η/ε &gt; 0</c>.
/// Steps are halved while they do not reduce <c>max|F|</c>.</para>
/// </remarks>
internal static class ArmingtonKernel
{
    private const int Regions = 7;

    /// <summary>Returns the scratch length the kernel needs for these offsets (7 doubles per flow of the largest market).</summary>
    public static int ScratchLength(ReadOnlySpan<int> offsets)
    {
        var largest = 0;
        for (var m = 0; m + 1 < offsets.Length; m++)
        {
            largest = Math.Max(largest, offsets[m + 1] - offsets[m]);
        }

        return Regions * largest;
    }

    /// <summary>Projects every market; returns −1, or the index of the first market whose solve failed (its iterations and residual are written).</summary>
    public static int Project(in SmartInput input, in SmartOutput output, Span<int> iterations, Span<double> residuals, Span<double> scratch, double tolerance, int maxIterations)
    {
        var markets = input.MarketCount;
        SmartKernel.CheckShapes(input, output, markets, input.Baseline.Length, 0, markets);
        if (iterations.Length != markets || residuals.Length != markets)
        {
            throw new ArgumentException($"Iteration and residual spans must have one element per market ({markets}).", nameof(iterations));
        }

        if (scratch.Length < ScratchLength(input.Offsets))
        {
            throw new ArgumentException($"The scratch span needs {ScratchLength(input.Offsets)} elements.", nameof(scratch));
        }

        for (var m = 0; m < markets; m++)
        {
            if (!ProjectMarket(input, output, m, scratch, tolerance, maxIterations, out iterations[m], out residuals[m]))
            {
                return m;
            }
        }

        return -1;
    }

    private static bool ProjectMarket(in SmartInput input, in SmartOutput output, int m, Span<double> scratch, double tolerance, int maxIterations, out int iterations, out double residual)
    {
        var start = input.Offsets[m];
        var end = input.Offsets[m + 1];
        var n = end - start;
        var eta = input.ImportDemand[m];
        var sigma = input.Substitution[m];
        var eps = input.ExportSupply[m];
        if (!(eta < 0d) || double.IsInfinity(eta) || !(sigma > 0d) || double.IsInfinity(sigma) || !(eps > 0d))
        {
            throw new ArgumentException($"Market {m} has invalid elasticities η={eta}, σ={sigma}, ε={eps} (need η < 0, σ > 0, ε > 0).", nameof(input));
        }

        var baseline = input.Baseline[start..end];
        var t0s = input.TariffBefore[start..end];
        var t1s = input.TariffAfter[start..end];
        var tc = output.TradeCreation[start..end];
        var td = output.TradeDiversion[start..end];
        var pe = output.PriceEffect[start..end];
        var m1 = output.Projected[start..end];

        var s = scratch.Slice(0, n);
        var tau = scratch.Slice(n, n);
        var x = scratch.Slice(2 * n, n);
        var theta = scratch.Slice(3 * n, n);
        var f = scratch.Slice(4 * n, n);
        var y = scratch.Slice(5 * n, n);
        var xt = scratch.Slice(6 * n, n);

        // Pass 1: validate, baseline totals at world and internal prices.
        double total = 0d, expenditure = 0d, revenueBefore = 0d;
        for (var i = 0; i < n; i++)
        {
            var mi = baseline[i];
            var t0 = t0s[i];
            var t1 = t1s[i];
            if (!(mi >= 0d) || double.IsInfinity(mi) || !(t0 >= 0d) || double.IsInfinity(t0) || !(t1 >= 0d) || double.IsInfinity(t1))
            {
                throw new ArgumentException($"Flow {start + i} (market {m}) has an invalid value: baseline {mi}, tariff before {t0}, after {t1} (need finite, ≥ 0).", nameof(input));
            }

            total += mi;
            expenditure += (1d + t0) * mi;
            revenueBefore += t0 * mi;
        }

        iterations = 0;
        residual = 0d;
        output.MarketTotalBefore[m] = total;
        output.RevenueBefore[m] = revenueBefore;
        if (!(total > 0d))
        {
            tc.Clear();
            td.Clear();
            pe.Clear();
            m1.Clear();
            output.MarketTotalAfter[m] = 0d;
            output.RevenueAfter[m] = 0d;
            output.Welfare[m] = 0d;
            return true;
        }

        var tauMin = double.PositiveInfinity;
        for (var i = 0; i < n; i++)
        {
            var mi = baseline[i];
            s[i] = mi > 0d ? (1d + t0s[i]) * mi / expenditure : 0d;
            tau[i] = Math.Log((1d + t1s[i]) / (1d + t0s[i]));
            x[i] = 0d;
            if (mi > 0d)
            {
                tauMin = Math.Min(tauMin, tau[i]);
            }
        }

        // Diversion: CES relative demands at the baseline total quantity (composite held at Q0 = Σ M).
        double weights = 0d;
        for (var i = 0; i < n; i++)
        {
            weights += baseline[i] > 0d ? baseline[i] * Math.Exp(-sigma * (tau[i] - tauMin)) : 0d;
        }

        // Creation: the rest of the change at fixed world prices (p = 1).
        var fixedIndex = NumericMath.CesLogIndex(s, tau, sigma);
        for (var i = 0; i < n; i++)
        {
            var mi = baseline[i];
            if (mi > 0d)
            {
                var diverted = total * mi * Math.Exp(-sigma * (tau[i] - tauMin)) / weights;
                var atFixedPrices = mi * Math.Exp((eta * fixedIndex) - (sigma * (tau[i] - fixedIndex)));
                td[i] = diverted - mi;
                tc[i] = atFixedPrices - diverted;
                m1[i] = atFixedPrices;
            }
            else
            {
                td[i] = 0d;
                tc[i] = 0d;
                m1[i] = 0d;
            }

            pe[i] = 0d;
        }

        var index = fixedIndex;
        if (eps < ElasticityValues.InfiniteSupplyThreshold)
        {
            // Finite supply: solve for the world prices.
            var a = 1d + (sigma / eps);
            var c = (eta + sigma) / eps;
            var aMinusC = 1d - (eta / eps);
            residual = Evaluate(baseline, s, tau, x, y, theta, f, eta, sigma, eps, out index);
            while (!(residual <= tolerance))
            {
                if (iterations >= maxIterations)
                {
                    return false;
                }

                double thetaF = 0d;
                for (var i = 0; i < n; i++)
                {
                    thetaF += theta[i] * f[i];
                }

                var shift = c * thetaF / aMinusC;
                var accepted = false;
                var lambda = 1d;
                for (var halving = 0; halving < 60 && !accepted; halving++, lambda *= 0.5d)
                {
                    for (var i = 0; i < n; i++)
                    {
                        xt[i] = baseline[i] > 0d ? x[i] - (lambda * (f[i] + shift) / a) : 0d;
                    }

                    var trial = Evaluate(baseline, s, tau, xt, y, theta, f, eta, sigma, eps, out var trialIndex);
                    if (trial < residual)
                    {
                        xt.CopyTo(x);
                        residual = trial;
                        index = trialIndex;
                        accepted = true;
                    }
                }

                iterations++;
                if (!accepted)
                {
                    // No step reduces the residual: stagnation at rounding level above the tolerance.
                    residual = Evaluate(baseline, s, tau, x, y, theta, f, eta, sigma, eps, out index);
                    return false;
                }
            }

            // Decompose at the solved prices as SMART does: the new quantities q (valued at baseline
            // world prices) re-allocated at their baseline total Σ M are diversion, the rest of the
            // quantity change is creation, and (p − 1)·q is the price effect. At fixed prices this is
            // the decomposition above; here it is the one whose first order SMART's finite-ε columns are.
            double quantityTotal = 0d;
            for (var i = 0; i < n; i++)
            {
                var mi = baseline[i];
                y[i] = mi > 0d ? mi * Math.Exp((eta * index) - (sigma * (x[i] + tau[i] - index))) : 0d;
                quantityTotal += y[i];
            }

            for (var i = 0; i < n; i++)
            {
                var mi = baseline[i];
                if (mi > 0d)
                {
                    var quantity = y[i];
                    var reallocated = total * quantity / quantityTotal;
                    var value = quantity * Math.Exp(x[i]);
                    td[i] = reallocated - mi;
                    tc[i] = quantity - reallocated;
                    pe[i] = value - quantity;
                    m1[i] = value;
                }
            }
        }

        double totalAfter = 0d, revenueAfter = 0d;
        for (var i = 0; i < n; i++)
        {
            totalAfter += m1[i];
            revenueAfter += t1s[i] * m1[i];
        }

        // Consumer surplus under Q = Q0·(P/P0)^η: ΔCS = E0·(1 − P̂^(1+η))/(1+η), → −E0·ln P̂ at η = −1.
        var k = 1d + eta;
        var consumer = Math.Abs(k) < 1e-12 ? -expenditure * index : -expenditure * NumericMath.ExpM1(k * index) / k;
        output.MarketTotalAfter[m] = totalAfter;
        output.RevenueAfter[m] = revenueAfter;
        output.Welfare[m] = consumer + revenueAfter - revenueBefore;
        return true;
    }

    /// <summary>Evaluates F at x; writes θ and F, returns max|F| (∞ when not finite) and the log price index.</summary>
    private static double Evaluate(ReadOnlySpan<double> baseline, ReadOnlySpan<double> s, ReadOnlySpan<double> tau, ReadOnlySpan<double> x, Span<double> y, Span<double> theta, Span<double> f, double eta, double sigma, double eps, out double index)
    {
        var n = baseline.Length;
        for (var i = 0; i < n; i++)
        {
            y[i] = x[i] + tau[i];
        }

        index = NumericMath.CesLogIndex(s, y, sigma);
        var rho = 1d - sigma;
        double worst = 0d;
        for (var i = 0; i < n; i++)
        {
            if (baseline[i] > 0d)
            {
                var logQuantity = (eta * index) - (sigma * (y[i] - index));
                f[i] = x[i] - (logQuantity / eps);
                theta[i] = s[i] * Math.Exp(rho * (y[i] - index));
                var af = Math.Abs(f[i]);
                worst = double.IsFinite(af) ? Math.Max(worst, af) : double.PositiveInfinity;
            }
            else
            {
                f[i] = 0d;
                theta[i] = 0d;
            }
        }

        return double.IsFinite(index) ? worst : double.PositiveInfinity;
    }
}
