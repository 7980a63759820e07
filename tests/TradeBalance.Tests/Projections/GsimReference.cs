using System.Numerics;

namespace TradeBalance.Tests.Projections;

/// <summary>An exact rational number (<see cref="BigInteger"/> numerator and denominator), for oracles that must not round.</summary>
internal readonly record struct Rational
{
    private Rational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        Numerator = gcd.IsZero || gcd.IsOne ? numerator : numerator / gcd;
        Denominator = gcd.IsZero || gcd.IsOne ? denominator : denominator / gcd;
    }

    public static Rational Zero { get; } = new(0, 1);

    public static Rational One { get; } = new(1, 1);

    public BigInteger Numerator { get; }

    public BigInteger Denominator { get; }

    public bool IsZero => Numerator.IsZero;

    /// <summary>The exact value of a finite double.</summary>
    public static Rational Of(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Only finite doubles are rational.");
        }

        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        exponent -= 1075;
        BigInteger n = mantissa, d = BigInteger.One;
        if (exponent > 0)
        {
            n <<= exponent;
        }
        else
        {
            d <<= -exponent;
        }

        return new Rational(bits < 0 ? -n : n, d);
    }

    public static Rational operator +(Rational a, Rational b) => new((a.Numerator * b.Denominator) + (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static Rational operator -(Rational a, Rational b) => new((a.Numerator * b.Denominator) - (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static Rational operator *(Rational a, Rational b) => new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static Rational operator /(Rational a, Rational b) => new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    /// <summary>The nearest double, to within an ulp (the quotient is taken to 64 bits first).</summary>
    public double ToDouble()
    {
        if (Numerator.IsZero)
        {
            return 0d;
        }

        var shift = 64 - (int)(BigInteger.Abs(Numerator).GetBitLength() - Denominator.GetBitLength());
        var scaled = shift >= 0 ? (Numerator << shift) / Denominator : Numerator / (Denominator << -shift);
        return Math.ScaleB((double)scaled, -shift);
    }
}

/// <summary>
/// GSIM (Francois &amp; Hall 2003) for one product as an oracle for <c>GsimKernel</c>: the world-price changes
/// solved exactly, in rationals, from the market-clearing conditions as docs/models.md states them, and the
/// other outputs from the stated formulas at that solution. Nothing is shared with the kernel's assembly of
/// its linear system: the system here is read off the clearing conditions, which are affine in the prices.
/// </summary>
/// <remarks>
/// Flows are row-major, row = exporter r, column = importer v. With <c>T̂ = T1/T0 − 1</c>, φ_(v),r = M_rv/Σ_v M_rv,
/// θ_(v),s = T0_sv·M_sv/Σ_s T0_sv·M_sv and P̂_(v),r = T̂_rv + P̂*_r, the import change is
/// <c>M̂_(v),r = (E_m,v + E_s,v)·Σ_s θ_(v),s·P̂_(v),s − E_s,v·P̂_(v),r</c> and exporter r clears its market when
/// <c>Σ_v φ_(v),r·M̂_(v),r = E_x,r·P̂*_r</c>; an exporter with infinite supply or no exports keeps P̂*_r = 0.
/// </remarks>
internal static class GsimReference
{
    internal sealed record Solution(Rational[] ExactX, double[] X, double[] Change, double[] Price, double[] Projected, double[] Composite, double[] Producer, double[] Consumer, double[] Revenue);

    internal static Solution Solve(int n, double[] m, double[] t0, double[] t1, double[] em, double[] es, double[] ex)
    {
        var exactX = ExactWorldPrices(n, m, t0, t1, em, es, ex);
        var x = exactX.Select(q => q.ToDouble()).ToArray();
        var exports = new double[n];
        var internalTotal = new double[n];
        for (var r = 0; r < n; r++)
        {
            for (var v = 0; v < n; v++)
            {
                exports[r] += m[(r * n) + v];
                internalTotal[v] += t0[(r * n) + v] * m[(r * n) + v];
            }
        }

        double Theta(int s, int v) => internalTotal[v] > 0 ? t0[(s * n) + v] * m[(s * n) + v] / internalTotal[v] : 0;
        double Price(int r, int v) => (t1[(r * n) + v] / t0[(r * n) + v]) - 1 + x[r];
        double[] change = new double[n * n], price = new double[n * n], projected = new double[n * n];
        double[] composite = new double[n], producer = new double[n], consumer = new double[n], revenue = new double[n];
        for (var v = 0; v < n; v++)
        {
            var linear = Enumerable.Range(0, n).Sum(s => Theta(s, v) * Price(s, v));
            composite[v] = Enumerable.Range(0, n).Sum(s => Theta(s, v) * (((1 + x[s]) * t1[(s * n) + v] / t0[(s * n) + v]) - 1));
            for (var r = 0; r < n; r++)
            {
                var i = (r * n) + v;
                price[i] = Price(r, v);
                change[i] = ((em[v] + es[v]) * linear) - (es[v] * price[i]);
                projected[i] = m[i] * (1 + change[i]) * (1 + x[r]);
                revenue[v] += (projected[i] * (t1[i] - 1)) - (m[i] * (t0[i] - 1));
            }

            consumer[v] = (-internalTotal[v] * composite[v]) - (0.5 * em[v] * internalTotal[v] * composite[v] * composite[v]);
        }

        for (var r = 0; r < n; r++)
        {
            producer[r] = double.IsPositiveInfinity(ex[r]) ? 0 : (exports[r] * x[r]) + (0.5 * ex[r] * exports[r] * x[r] * x[r]);
        }

        return new Solution(exactX, x, change, price, projected, composite, producer, consumer, revenue);
    }

    /// <summary>P̂* in exact rationals: the clearing conditions f(P̂*) = 0 are affine, so A's columns are f(e_j) − f(0).</summary>
    internal static Rational[] ExactWorldPrices(int n, double[] m, double[] t0, double[] t1, double[] em, double[] es, double[] ex)
    {
        Rational Q(double d) => Rational.Of(d);
        var exports = new Rational[n];
        var internalTotal = new Rational[n];
        Array.Fill(exports, Rational.Zero);
        Array.Fill(internalTotal, Rational.Zero);
        for (var r = 0; r < n; r++)
        {
            for (var v = 0; v < n; v++)
            {
                exports[r] += Q(m[(r * n) + v]);
                internalTotal[v] += Q(t0[(r * n) + v]) * Q(m[(r * n) + v]);
            }
        }

        bool Fixed(int r) => double.IsPositiveInfinity(ex[r]) || exports[r].IsZero;
        Rational Hat(int r, int v) => (Q(t1[(r * n) + v]) / Q(t0[(r * n) + v])) - Rational.One;

        Rational[] Clearing(Rational[] x)
        {
            var f = new Rational[n];
            for (var r = 0; r < n; r++)
            {
                if (Fixed(r))
                {
                    f[r] = x[r];
                    continue;
                }

                var demand = Rational.Zero;
                for (var v = 0; v < n; v++)
                {
                    if (m[(r * n) + v] == 0)
                    {
                        continue;
                    }

                    var composite = Rational.Zero;
                    for (var s = 0; s < n; s++)
                    {
                        if (m[(s * n) + v] != 0)
                        {
                            composite += Q(t0[(s * n) + v]) * Q(m[(s * n) + v]) / internalTotal[v] * (Hat(s, v) + x[s]);
                        }
                    }

                    var change = ((Q(em[v]) + Q(es[v])) * composite) - (Q(es[v]) * (Hat(r, v) + x[r]));
                    demand += Q(m[(r * n) + v]) / exports[r] * change;
                }

                f[r] = demand - (Q(ex[r]) * x[r]);
            }

            return f;
        }

        var zero = Enumerable.Repeat(Rational.Zero, n).ToArray();
        var f0 = Clearing(zero);
        var a = new Rational[n, n + 1];
        for (var j = 0; j < n; j++)
        {
            var unit = (Rational[])zero.Clone();
            unit[j] = Rational.One;
            var fj = Clearing(unit);
            for (var i = 0; i < n; i++)
            {
                a[i, j] = fj[i] - f0[i];
            }
        }

        for (var i = 0; i < n; i++)
        {
            a[i, n] = Rational.Zero - f0[i];
        }

        // Gauss–Jordan, exact: any nonzero pivot will do.
        for (var k = 0; k < n; k++)
        {
            var p = k;
            while (a[p, k].IsZero)
            {
                p++;
            }

            for (var j = 0; j <= n; j++)
            {
                (a[k, j], a[p, j]) = (a[p, j], a[k, j]);
            }

            for (var i = 0; i < n; i++)
            {
                if (i != k && !a[i, k].IsZero)
                {
                    var factor = a[i, k] / a[k, k];
                    for (var j = k; j <= n; j++)
                    {
                        a[i, j] -= factor * a[k, j];
                    }
                }
            }
        }

        return [.. Enumerable.Range(0, n).Select(i => a[i, n] / a[i, i])];
    }
}
