namespace TradeBalance.Projections;

/// <summary>LU factorisation with partial pivoting of a small dense row-major matrix, in place (Doolittle; Golub &amp; Van Loan, Algorithm 3.4.1).</summary>
internal static class DenseLu
{
    /// <summary>Factors <paramref name="a"/> (n×n, row-major) in place; returns false when a pivot is below n·2⁻⁵²·max|A| (numerically singular).</summary>
    public static bool Factor(Span<double> a, int n, Span<int> pivots)
    {
        double scale = 0d;
        for (var i = 0; i < n * n; i++)
        {
            scale = Math.Max(scale, Math.Abs(a[i]));
        }

        var tiny = scale * n * 2.220446049250313e-16; // n·2⁻⁵²·max|A|
        for (var k = 0; k < n; k++)
        {
            var p = k;
            var best = Math.Abs(a[(k * n) + k]);
            for (var i = k + 1; i < n; i++)
            {
                var v = Math.Abs(a[(i * n) + k]);
                if (v > best)
                {
                    best = v;
                    p = i;
                }
            }

            pivots[k] = p;
            if (!(best > tiny) || scale == 0d)
            {
                return false;
            }

            if (p != k)
            {
                for (var j = 0; j < n; j++)
                {
                    (a[(k * n) + j], a[(p * n) + j]) = (a[(p * n) + j], a[(k * n) + j]);
                }
            }

            var pivot = a[(k * n) + k];
            for (var i = k + 1; i < n; i++)
            {
                var factor = a[(i * n) + k] / pivot;
                a[(i * n) + k] = factor;
                if (factor != 0d)
                {
                    for (var j = k + 1; j < n; j++)
                    {
                        a[(i * n) + j] -= factor * a[(k * n) + j];
                    }
                }
            }
        }

        return true;
    }

    /// <summary>Solves A·x = b in place in <paramref name="b"/> with the factors from <see cref="Factor"/>.</summary>
    public static void Solve(ReadOnlySpan<double> lu, int n, ReadOnlySpan<int> pivots, Span<double> b)
    {
        for (var k = 0; k < n; k++)
        {
            var p = pivots[k];
            if (p != k)
            {
                (b[k], b[p]) = (b[p], b[k]);
            }
        }

        for (var i = 1; i < n; i++)
        {
            double sum = b[i];
            for (var j = 0; j < i; j++)
            {
                sum -= lu[(i * n) + j] * b[j];
            }

            b[i] = sum;
        }

        for (var i = n - 1; i >= 0; i--)
        {
            double sum = b[i];
            for (var j = i + 1; j < n; j++)
            {
                sum -= lu[(i * n) + j] * b[j];
            }

            b[i] = sum / lu[(i * n) + i];
        }
    }
}
