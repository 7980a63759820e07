namespace TradeBalance.Internal;

/// <summary>
/// An HS code as one number, so the hierarchy can be walked (a code, its heading, its chapter, TOTAL)
/// with hash look-ups and no string allocation: <c>key = digits × 16 + length</c>.
/// </summary>
/// <remarks>Ten digits are below 2^34, so every key fits a <see cref="long"/>; TOTAL is 0.</remarks>
internal static class HsKey
{
    private static readonly long[] PowersOfTen = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000];

    /// <summary>Returns the key of a code.</summary>
    public static long Of(HsCode hs)
    {
        var digits = hs.Digits;
        long value = 0;
        foreach (var c in digits)
        {
            value = (value * 10) + (c - '0');
        }

        return (value * 16) + digits.Length;
    }

    /// <summary>Returns the number of digits of a key.</summary>
    public static int Length(long key) => (int)(key & 15);

    /// <summary>Returns the key of the code's first <paramref name="length"/> digits (0 = TOTAL); the length is even and at most the code's.</summary>
    public static long Prefix(long key, int length)
    {
        var own = (int)(key & 15);
        return ((key >> 4) / PowersOfTen[own - length] * 16) + length;
    }
}
