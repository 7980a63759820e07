using System.Globalization;

namespace TradeBalance.Data.Internal.Baci;

/// <summary>
/// How a column's double gives back the decimal <see cref="BaciReader.Read(string, BaciReadOptions?)"/> reads: the
/// parsers store, beside each value, the scale it was written with, and <see cref="ExactDecimal"/> rebuilds the decimal
/// from the double and that scale, digit for digit, when the value has at most 15 significant digits.
/// </summary>
internal static class BaciDecimals
{
    /// <summary>The scale that marks a value whose decimal <see cref="ExactDecimal"/> cannot give back.</summary>
    public const int Inexact = 15;

    /// <summary>The powers of ten a double holds exactly.</summary>
    public static readonly double[] Pow10 =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
        1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>The double nearest to a decimal (through its exact decimal text, which double.Parse rounds correctly).</summary>
    public static double ToDouble(decimal value) => double.Parse(value.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>
    /// The scale to store for a value read as <paramref name="exact"/> (BaciReader's decimal, × 1000) and held as the
    /// double <paramref name="x"/>: its scale when <see cref="ExactDecimal"/> gives <paramref name="exact"/> back
    /// bit for bit (digits, trailing zeros and sign), else <see cref="Inexact"/>.
    /// </summary>
    public static int ScaleOf(decimal exact, double x)
    {
        var scale = exact.Scale;
        return scale < Inexact && ExactDecimal(x, scale) is { } d && d == exact && d.Scale == scale && decimal.IsNegative(d) == decimal.IsNegative(exact) ? scale : Inexact;
    }

    /// <summary>
    /// The decimal BaciReader builds for a value written with <paramref name="scale"/> decimals and read as the double
    /// <paramref name="x"/>: m × 1000 at that scale, where m is the number written without its point. m is recovered
    /// from the double by one multiplication or division by an exact power of ten and rounding, which is exact while
    /// m &lt; 10^15 (the two roundings are each within 2^-53 relative, well under half a unit of m); null otherwise.
    /// </summary>
    public static decimal? ExactDecimal(double x, int scale)
    {
        var m = scale >= 3 ? x * Pow10[scale - 3] : x / Pow10[3 - scale];
        if (!(m >= 0 && m < 1e15))
        {
            return null;
        }

        var t = (ulong)Math.Round(m) * 1000UL;
        return new decimal((int)(uint)t, (int)(uint)(t >> 32), 0, false, (byte)scale);
    }
}
