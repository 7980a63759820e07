namespace TradeBalance.Projections;

// Monte Carlo (exact fixed-point sums of each exporter's exports per draw, and a chunk's failure).
internal static partial class MonteCarloRun
{
    /// <summary>An Armington solve that failed in one chunk: the first draw (and market) at which it failed.</summary>
    private sealed record DrawFailure(int Draw, int Market, ProjectionException Exception);

    /// <summary>
    /// Exports per exporter and draw, in fixed point: <c>Units</c> holds whole units, <c>Fractions</c>
    /// multiples of 2⁻³² of a unit. Integer sums are exact, so any order of adding gives the same total.
    /// </summary>
    private sealed class ExportSums(int exporters, int draws)
    {
        public const double FractionScale = 4294967296d;

        public long[] Units { get; } = new long[exporters * draws];

        public long[] Fractions { get; } = new long[exporters * draws];

        public void Add(int slot, double value)
        {
            // |value| < 2^62, so the truncation to long is exact in its whole part and value − whole is exact.
            var whole = (long)value;
            Units[slot] = checked(Units[slot] + whole);
            Fractions[slot] += (long)((value - whole) * FractionScale);
        }
    }
}
