namespace TradeBalance.Data.Fetch.Internal;

/// <summary>Exponential back-off with full jitter: a random wait from 0 to min(cap, base × 2^(attempt−1)), so that many clients do not retry in step.</summary>
internal static class Backoff
{
    /// <summary>The wait before the attempt after <paramref name="failedAttempt"/> (1-based).</summary>
    public static TimeSpan Delay(int failedAttempt, TimeSpan baseDelay, TimeSpan maxDelay, Random random)
    {
        var ceiling = Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failedAttempt - 1, 30)));
        return TimeSpan.FromMilliseconds(random.NextDouble() * ceiling);
    }
}
