using System.Globalization;
using System.Net.Http.Headers;

namespace TradeBalance.Data.Fetch.Internal;

/// <summary>The wait a <c>Retry-After</c> header asks for: delay-seconds or an HTTP-date (RFC 9110 §10.2.3).</summary>
internal static class RetryAfter
{
    /// <summary>The wait asked for, never negative; null when the header is absent or unreadable.</summary>
    public static TimeSpan? Of(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (headers.RetryAfter is { } parsed)
        {
            if (parsed.Delta is { } delta)
            {
                return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            }

            if (parsed.Date is { } date)
            {
                var wait = date - now;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }
        }

        // A fractional number of seconds is not in the standard, but some servers send it: honour it rather than ignore it.
        if (headers.TryGetValues("Retry-After", out var values)
            && values.FirstOrDefault() is { } text
            && double.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
            && seconds is >= 0 and < 1e7)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return null;
    }
}
