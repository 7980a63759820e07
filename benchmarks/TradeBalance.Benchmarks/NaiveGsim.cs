namespace TradeBalance.Benchmarks;

/// <summary>
/// GSIM as a first version would write it: one object per product, jagged arrays, the linear system
/// built term by term from the linearised GSIM equations (Francois &amp; Hall 2003; README, GSIM)
/// and solved by Gaussian elimination without
/// pivoting, then the new flows. The honest baseline for <see cref="TradeBalance.Projections.GsimModel"/>.
/// </summary>
public static class NaiveGsim
{
    public sealed class Product
    {
        public required double[][] Imports { get; init; }

        public required double[][] PowerBefore { get; init; }

        public required double[][] PowerAfter { get; init; }

        public required double[] ImportDemand { get; init; }

        public required double[] Substitution { get; init; }

        public required double[] ExportSupply { get; init; }

        public double[][] Projected { get; private set; } = [];

        public static Product From(double[,] m, double[,] t0, double[,] t1, double[] em, double[] es, double[] ex)
        {
            var n = m.GetLength(0);
            double[][] Jagged(double[,] a) => [.. Enumerable.Range(0, n).Select(r => Enumerable.Range(0, n).Select(c => a[r, c]).ToArray())];
            return new Product { Imports = Jagged(m), PowerBefore = Jagged(t0), PowerAfter = Jagged(t1), ImportDemand = [.. em], Substitution = [.. es], ExportSupply = [.. ex] };
        }

        /// <summary>Returns the world-price changes P̂* per exporter and stores the projected flows.</summary>
        public double[] Solve()
        {
            var n = Imports.Length;
            var m = Imports;
            var internalTotal = new double[n];
            for (var v = 0; v < n; v++)
            {
                for (var s = 0; s < n; s++)
                {
                    internalTotal[v] += PowerBefore[s][v] * m[s][v];
                }
            }

            var hat = new double[n][];
            var theta = new double[n][];
            var phi = new double[n][];
            for (var r = 0; r < n; r++)
            {
                hat[r] = new double[n];
                theta[r] = new double[n];
                phi[r] = new double[n];
                var exports = m[r].Sum();
                for (var v = 0; v < n; v++)
                {
                    hat[r][v] = (PowerAfter[r][v] / PowerBefore[r][v]) - 1;
                    theta[r][v] = internalTotal[v] > 0 ? PowerBefore[r][v] * m[r][v] / internalTotal[v] : 0;
                    phi[r][v] = exports > 0 ? m[r][v] / exports : 0;
                }
            }

            var g = new double[n];
            for (var v = 0; v < n; v++)
            {
                for (var s = 0; s < n; s++)
                {
                    g[v] += theta[s][v] * hat[s][v];
                }

                g[v] *= ImportDemand[v] + Substitution[v];
            }

            var a = new double[n][];
            var b = new double[n];
            for (var r = 0; r < n; r++)
            {
                a[r] = new double[n];
                for (var s = 0; s < n; s++)
                {
                    for (var v = 0; v < n; v++)
                    {
                        a[r][s] += phi[r][v] * theta[s][v] * (ImportDemand[v] + Substitution[v]);
                    }
                }

                for (var v = 0; v < n; v++)
                {
                    a[r][r] -= phi[r][v] * Substitution[v];
                    b[r] -= phi[r][v] * (g[v] - (Substitution[v] * hat[r][v]));
                }

                a[r][r] -= ExportSupply[r];
            }

            // Gaussian elimination without pivoting, then back substitution.
            for (var k = 0; k < n; k++)
            {
                for (var i = k + 1; i < n; i++)
                {
                    var f = a[i][k] / a[k][k];
                    for (var j = k; j < n; j++)
                    {
                        a[i][j] -= f * a[k][j];
                    }

                    b[i] -= f * b[k];
                }
            }

            var x = new double[n];
            for (var i = n - 1; i >= 0; i--)
            {
                var sum = b[i];
                for (var j = i + 1; j < n; j++)
                {
                    sum -= a[i][j] * x[j];
                }

                x[i] = sum / a[i][i];
            }

            Projected = new double[n][];
            for (var r = 0; r < n; r++)
            {
                Projected[r] = new double[n];
                for (var v = 0; v < n; v++)
                {
                    var composite = 0.0;
                    for (var s = 0; s < n; s++)
                    {
                        composite += theta[s][v] * (hat[s][v] + x[s]);
                    }

                    var change = ((ImportDemand[v] + Substitution[v]) * composite) - (Substitution[v] * (hat[r][v] + x[r]));
                    Projected[r][v] = m[r][v] * (1 + change) * (1 + x[r]);
                }
            }

            return x;
        }
    }
}
