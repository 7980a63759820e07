using System.Globalization;

namespace TradeBalance.Projections;

/// <summary>The linear GSIM system of one product (Francois &amp; Hall 2003; see the README, GSIM), over flat row-major arrays (row = exporter, column = importer).</summary>
internal static class GsimKernel
{
    /// <summary>Solves one product. Throws <see cref="ArgumentException"/> for bad inputs and <see cref="ProjectionException"/> for a singular system.</summary>
    public static GsimSolution Solve(int n, ReadOnlySpan<double> m, ReadOnlySpan<double> t0, ReadOnlySpan<double> t1, ReadOnlySpan<double> em, ReadOnlySpan<double> es, ReadOnlySpan<double> ex, string what)
    {
        Validate(n, m, t0, t1, em, es, ex);
        var nn = n * n;
        var theta = new double[nn];
        var phi = new double[nn];
        var hat = new double[nn];
        var exports = new double[n];
        var internalTotal = new double[n];
        for (var r = 0; r < n; r++)
        {
            for (var v = 0; v < n; v++)
            {
                var i = (r * n) + v;
                exports[r] += m[i];
                internalTotal[v] += t0[i] * m[i];
                hat[i] = (t1[i] / t0[i]) - 1d;
            }
        }

        for (var r = 0; r < n; r++)
        {
            for (var v = 0; v < n; v++)
            {
                var i = (r * n) + v;
                theta[i] = internalTotal[v] > 0d ? t0[i] * m[i] / internalTotal[v] : 0d;
                phi[i] = exports[r] > 0d ? m[i] / exports[r] : 0d;
            }
        }

        // g_v = (E_m + E_s)·Σ_s θ_(v),s·T̂_(v),s: the common part of every M̂ in importer v.
        var g = new double[n];
        for (var v = 0; v < n; v++)
        {
            double sum = 0d;
            for (var s = 0; s < n; s++)
            {
                sum += theta[(s * n) + v] * hat[(s * n) + v];
            }

            g[v] = (em[v] + es[v]) * sum;
        }

        // A·P̂* = b, one row per exporter r:
        // A[r,s] = Σ_v φ_(v),r·θ_(v),s·(E_m,v + E_s,v) − δ_rs·(Σ_v φ_(v),r·E_s,v + E_x,r)
        // b[r]   = −Σ_v φ_(v),r·(g_v − E_s,v·T̂_(v),r)
        // Exporters with infinite supply or no exports: P̂*_r = 0.
        var a = new double[nn];
        var b = new double[n];
        for (var r = 0; r < n; r++)
        {
            if (double.IsPositiveInfinity(ex[r]) || !(exports[r] > 0d))
            {
                a[(r * n) + r] = 1d;
                continue;
            }

            double diagonal = 0d, rhs = 0d;
            for (var v = 0; v < n; v++)
            {
                var p = phi[(r * n) + v];
                if (p == 0d)
                {
                    continue;
                }

                var w = p * (em[v] + es[v]);
                for (var s = 0; s < n; s++)
                {
                    a[(r * n) + s] += w * theta[(s * n) + v];
                }

                diagonal += p * es[v];
                rhs -= p * (g[v] - (es[v] * hat[(r * n) + v]));
            }

            a[(r * n) + r] -= diagonal + ex[r];
            b[r] = rhs;
        }

        var lu = (double[])a.Clone();
        var pivots = new int[n];
        if (!DenseLu.Factor(lu, n, pivots))
        {
            throw new ProjectionException($"The GSIM system for {what} is singular (the world-price changes are not determined); check that import-demand, substitution and export-supply elasticities are not all zero in some market.");
        }

        var x = (double[])b.Clone();
        DenseLu.Solve(lu, n, pivots, x);

        // One step of iterative refinement: x += A⁻¹·(b − A·x).
        var correction = new double[n];
        for (var r = 0; r < n; r++)
        {
            double ax = 0d;
            for (var s = 0; s < n; s++)
            {
                ax += a[(r * n) + s] * x[s];
            }

            correction[r] = b[r] - ax;
        }

        DenseLu.Solve(lu, n, pivots, correction);
        for (var r = 0; r < n; r++)
        {
            x[r] += correction[r];
        }

        // Flows: P̂_(v),r = T̂ + P̂*_r; M̂_(v),r = (E_m + E_s)·Σ_s θ_(v),s·P̂_(v),s − E_s·P̂_(v),r.
        var price = new double[nn];
        var change = new double[nn];
        var projected = new double[nn];
        var composite = new double[n];
        var linearComposite = new double[n];
        for (var r = 0; r < n; r++)
        {
            for (var v = 0; v < n; v++)
            {
                var i = (r * n) + v;
                price[i] = hat[i] + x[r];
                linearComposite[v] += theta[i] * price[i];
                composite[v] += theta[i] * (((1d + x[r]) * t1[i] / t0[i]) - 1d);
            }
        }

        var producer = new double[n];
        var consumer = new double[n];
        var revenue = new double[n];
        for (var r = 0; r < n; r++)
        {
            for (var v = 0; v < n; v++)
            {
                var i = (r * n) + v;
                change[i] = ((em[v] + es[v]) * linearComposite[v]) - (es[v] * price[i]);
                projected[i] = m[i] * (1d + change[i]) * (1d + x[r]);
                revenue[v] += (projected[i] * (t1[i] - 1d)) - (m[i] * (t0[i] - 1d));
            }
        }

        double residual = 0d;
        for (var r = 0; r < n; r++)
        {
            producer[r] = double.IsPositiveInfinity(ex[r]) ? 0d : exports[r] * x[r] * (1d + (0.5d * ex[r] * x[r]));
            consumer[r] = (-internalTotal[r] * composite[r]) - (0.5d * em[r] * internalTotal[r] * composite[r] * composite[r]);
            if (!double.IsPositiveInfinity(ex[r]) && exports[r] > 0d)
            {
                double demand = 0d;
                for (var v = 0; v < n; v++)
                {
                    demand += phi[(r * n) + v] * change[(r * n) + v];
                }

                residual = Math.Max(residual, Math.Abs(demand - (ex[r] * x[r])));
            }
        }

        foreach (var value in (ReadOnlySpan<double>)x)
        {
            if (!double.IsFinite(value))
            {
                throw new ProjectionException(string.Create(CultureInfo.InvariantCulture, $"The GSIM solve for {what} produced a non-finite world-price change (residual {residual:G6}); the system is too badly conditioned."));
            }
        }

        if (!double.IsFinite(residual))
        {
            throw new ProjectionException($"The GSIM solve for {what} produced a non-finite residual.");
        }

        return new GsimSolution(n, x, change, price, projected, composite, producer, consumer, revenue, residual);
    }

    private static void Validate(int n, ReadOnlySpan<double> imports, ReadOnlySpan<double> powerBefore, ReadOnlySpan<double> powerAfter, ReadOnlySpan<double> importDemand, ReadOnlySpan<double> substitution, ReadOnlySpan<double> exportSupply)
    {
        for (var i = 0; i < n * n; i++)
        {
            if (!double.IsFinite(imports[i]) || imports[i] < 0d)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"GSIM imports[{i / n},{i % n}] must be finite and ≥ 0; got {imports[i]:G}."), nameof(imports));
            }

            if (!double.IsFinite(powerBefore[i]) || powerBefore[i] <= 0d || !double.IsFinite(powerAfter[i]) || powerAfter[i] <= 0d)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"GSIM tariff powers (1 + t) at [{i / n},{i % n}] must be finite and positive; got {powerBefore[i]:G} before and {powerAfter[i]:G} after."), nameof(powerBefore));
            }
        }

        for (var r = 0; r < n; r++)
        {
            if (!double.IsFinite(importDemand[r]) || importDemand[r] >= 0d)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"GSIM import-demand elasticity of region {r} must be finite and negative; got {importDemand[r]:G}."), nameof(importDemand));
            }

            if (!double.IsFinite(substitution[r]) || substitution[r] < 0d)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"GSIM substitution elasticity of region {r} must be finite and ≥ 0; got {substitution[r]:G}."), nameof(substitution));
            }

            if (double.IsNaN(exportSupply[r]) || exportSupply[r] <= 0d)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"GSIM export-supply elasticity of region {r} must be positive (or +∞); got {exportSupply[r]:G}."), nameof(exportSupply));
            }
        }
    }
}
