using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TradeBalance.Data.Internal.Baci;

/// <summary>
/// The byte parser's field readers, each at a position in the buffer (which has <see cref="BaciFileBuffer.Padding"/>
/// bytes after the data, so 8-byte loads never run off it): a country code, eight digits at once, a decimal number.
/// Each answers only what it recognises for sure; anything else is left to the slow path.
/// </summary>
internal static class BaciByteFields
{
    /// <summary>1 to 4 digits then a comma (consumed); -1 otherwise.</summary>
    /// <remarks>Byte by byte: the branches are well predicted (codes repeat from row to row), which keeps the next
    /// field's position off the critical path; a branch-free 8-byte SWAR version measured slower.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Code(ref byte b, ref int pos)
    {
        var d = (uint)(Unsafe.Add(ref b, pos) - '0');
        if (d > 9)
        {
            return -1;
        }

        var n = (int)d;
        for (var i = 1; i < 5; i++)
        {
            var c = Unsafe.Add(ref b, pos + i);
            d = (uint)(c - '0');
            if (d > 9)
            {
                if (c != ',')
                {
                    return -1;
                }

                pos += i + 1;
                return n;
            }

            if (i == 4)
            {
                return -1;
            }

            n = (n * 10) + (int)d;
        }

        return -1;
    }

    /// <summary>True when the 8 bytes are ASCII digits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool EightDigits(ulong x) =>
        ((x & 0xF0F0F0F0F0F0F0F0UL) | (((x + 0x0606060606060606UL) & 0xF0F0F0F0F0F0F0F0UL) >> 4)) == 0x3333333333333333UL;

    /// <summary>The value of 8 ASCII digits, the first in the lowest byte.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ParseEight(ulong x)
    {
        const ulong mask = 0x000000FF000000FFUL;
        const ulong mul1 = 0x000F424000000064UL; // 100 + (1000000 << 32)
        const ulong mul2 = 0x0000271000000001UL; // 1 + (10000 << 32)
        x -= 0x3030303030303030UL;
        x = (x * 10) + (x >> 8);
        x = (((x & mask) * mul1) + (((x >> 16) & mask) * mul2)) >> 32;
        return (int)x;
    }

    /// <summary>
    /// True for a value (× 1000) strictly inside <see cref="NumericDomain"/>'s flow bounds, or 0; false for NaN.
    /// A value at a bound or outside goes to the slow path, which decides it exactly in decimal and names the line.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool InsideDomain(double x) => x == 0d || (x > BaciRules.MinPositiveUnits && x < BaciRules.MaxUnits);

    /// <summary>
    /// digits[.digits] × 1000 as a double, exactly rounded: the digits as an integer mantissa m and the
    /// decimal count d give m × 10^(3−d), one correctly rounded IEEE operation when m &lt; 2^53 and
    /// 10^|3−d| is exact (Clinger's fast path); longer numbers go through <see cref="decimal"/> as
    /// BaciReader reads them. NaN when the text is not of that form (the caller falls back).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Number(ref byte b, ref int pos, out int scale)
    {
        var start = pos;
        scale = BaciDecimals.Inexact;
        var d = (uint)(Unsafe.Add(ref b, pos) - '0');
        if (d > 9)
        {
            return double.NaN;
        }

        ulong m = 0;
        var digits = 0;
        do
        {
            m = (m * 10) + d;
            digits++;
            d = (uint)(Unsafe.Add(ref b, ++pos) - '0');
        }
        while (d <= 9);

        var decimals = 0;
        if (Unsafe.Add(ref b, pos) == (byte)'.')
        {
            d = (uint)(Unsafe.Add(ref b, ++pos) - '0');
            if (d > 9)
            {
                return double.NaN;
            }

            do
            {
                m = (m * 10) + d;
                decimals++;
                d = (uint)(Unsafe.Add(ref b, ++pos) - '0');
            }
            while (d <= 9);

            digits += decimals;
        }

        if (digits <= 19 && m <= (1UL << 53) && decimals <= 25)
        {
            // BaciReader's decimal is m × 1000 at scale d: ExactDecimal gives it back from the double when m < 10^15.
            scale = m < 1_000_000_000_000_000UL && decimals < BaciDecimals.Inexact ? decimals : BaciDecimals.Inexact;
            return decimals <= 3 ? m * BaciDecimals.Pow10[3 - decimals] : m / BaciDecimals.Pow10[decimals - 3];
        }

        return Long(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref b, start), pos - start), out scale);
    }

    /// <summary>A number too long for the fast path: as BaciReader reads it (decimal, × 1000), then to the nearest double; NaN when it cannot.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double Long(ReadOnlySpan<byte> text, out int scale)
    {
        scale = BaciDecimals.Inexact;
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value > decimal.MaxValue / 1000m)
        {
            return double.NaN;
        }

        if (value == 0m && text.ContainsAnyInRange((byte)'1', (byte)'9'))
        {
            return double.NaN; // a non-zero number that reads as 0: the slow path names it
        }

        value *= 1000m;
        var x = BaciDecimals.ToDouble(value);
        scale = BaciDecimals.ScaleOf(value, x);
        return x;
    }
}
