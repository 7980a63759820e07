using System.Globalization;

namespace TradeBalance.Cli;

/// <summary>An axis range widened to round numbers, with a tick at every step: 1, 2 or 5 times a power of ten.</summary>
/// <param name="Min">The axis's lowest value, a multiple of <paramref name="Step"/>.</param>
/// <param name="Max">The axis's highest value, a multiple of <paramref name="Step"/>.</param>
/// <param name="Step">The distance between ticks.</param>
internal sealed record NiceScale(double Min, double Max, double Step)
{
    /// <summary>A scale that covers <paramref name="min"/> to <paramref name="max"/> with about <paramref name="ticks"/> ticks.</summary>
    public static NiceScale Covering(double min, double max, int ticks = 8)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            (min, max) = (0, 1);
        }

        if (max < min)
        {
            (min, max) = (max, min);
        }

        if (max - min < 1e-12)
        {
            // One value (or none): a unit around it, so the axis still has a length.
            max = min + Math.Max(1, Math.Abs(min) * 0.1);
        }

        var step = Round((max - min) / Math.Max(1, ticks - 1));
        return new NiceScale(Math.Floor(min / step) * step, Math.Ceiling(max / step) * step, step);
    }

    /// <summary>The tick values from <see cref="Min"/> to <see cref="Max"/>.</summary>
    public IReadOnlyList<double> Ticks
    {
        get
        {
            var count = (int)Math.Round((Max - Min) / Step);
            // Multiplied, not summed, so no rounding error builds up; rounded to the step's decimals.
            return [.. Enumerable.Range(0, count + 1).Select(i => Math.Round(Min + (i * Step), Decimals + 1))];
        }
    }

    /// <summary>A tick's label: as many decimals as the step needs, in the invariant culture.</summary>
    public string Label(double value) => value.ToString("F" + Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private int Decimals => Math.Max(0, (int)-Math.Floor(Math.Log10(Step) + 1e-9));

    private static double Round(double raw)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var fraction = raw / power;
        // The nearest of 1, 2, 5 and 10 (Heckbert's "nice numbers"), so 0–76 gets a tick every 10.
        var nice = fraction switch
        {
            < 1.5 => 1,
            < 3 => 2,
            < 7 => 5,
            _ => 10,
        };
        return nice * power;
    }
}
