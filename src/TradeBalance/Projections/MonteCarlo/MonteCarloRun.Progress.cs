namespace TradeBalance.Projections;

// Monte Carlo (progress in draw-equivalents).
internal static partial class MonteCarloRun
{
    /// <summary>Turns work done (flow and market figures × draws) into draw-equivalents for the caller's progress.</summary>
    private sealed class ProgressTracker(IProgress<int>? progress, int draws, long total)
    {
        private readonly int _step = Math.Max(1, draws / 100);
        private long _done;
        private int _lastStep;

        public void Add(long units)
        {
            if (progress is null || units == 0)
            {
                return;
            }

            var done = Interlocked.Add(ref _done, units);
            var value = done >= total ? draws : (int)(done * (double)draws / total);
            if (value == draws && done - units < total)
            {
                progress.Report(draws);
                return;
            }

            var step = value / _step;
            while (value >= 1 && value < draws)
            {
                var last = Volatile.Read(ref _lastStep);
                if (step <= last)
                {
                    return;
                }

                if (Interlocked.CompareExchange(ref _lastStep, step, last) == last)
                {
                    progress.Report(value);
                    return;
                }
            }
        }
    }
}
