namespace TradeBalance.Projections;

/// <summary>Small accurate helpers for the numeric core (.NET has no expm1/log1p).</summary>
internal static class NumericMath
{
    /// <summary>exp(x) − 1, accurate for small x (Kahan's trick).</summary>
    public static double ExpM1(double x)
    {
        var u = Math.Exp(x);
        if (u == 1d)
        {
            return x;
        }

        var um1 = u - 1d;
        if (um1 == -1d)
        {
            return -1d;
        }

        if (double.IsPositiveInfinity(u))
        {
            return u;
        }

        return um1 * x / Math.Log(u);
    }

    /// <summary>ln(1 + x), accurate for small x (Kahan's trick); x &gt; −1.</summary>
    public static double Log1P(double x)
    {
        var u = 1d + x;
        return u == 1d ? x : Math.Log(u) * x / (u - 1d);
    }

    /// <summary>
    /// The log of a CES price index's proportional change: <c>ln P̂ = (1/(1−σ))·ln Σ s_i·exp((1−σ)·y_i)</c>
    /// for weights <c>s</c> summing to 1 and log price changes <c>y</c>; the Cobb–Douglas limit
    /// <c>Σ s·y</c> when σ is 1. Entries with zero weight are skipped.
    /// </summary>
    public static double CesLogIndex(ReadOnlySpan<double> weights, ReadOnlySpan<double> logPrices, double sigma)
    {
        var rho = 1d - sigma;
        if (Math.Abs(rho) < 1e-9)
        {
            double mean = 0d;
            for (var i = 0; i < weights.Length; i++)
            {
                if (weights[i] > 0d)
                {
                    mean += weights[i] * logPrices[i];
                }
            }

            return mean;
        }

        double max = double.NegativeInfinity;
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] > 0d)
            {
                max = Math.Max(max, Math.Abs(rho * logPrices[i]));
            }
        }

        if (double.IsNegativeInfinity(max))
        {
            return 0d;
        }

        if (max < 1d)
        {
            // Small changes: log1p/expm1 keep full relative precision.
            double sum = 0d;
            for (var i = 0; i < weights.Length; i++)
            {
                if (weights[i] > 0d)
                {
                    sum += weights[i] * ExpM1(rho * logPrices[i]);
                }
            }

            return Log1P(sum) / rho;
        }

        // Large changes: log-sum-exp, shifted by the largest exponent.
        double top = double.NegativeInfinity;
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] > 0d)
            {
                top = Math.Max(top, rho * logPrices[i]);
            }
        }

        double acc = 0d;
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] > 0d)
            {
                acc += weights[i] * Math.Exp((rho * logPrices[i]) - top);
            }
        }

        return (top + Math.Log(acc)) / rho;
    }
}
