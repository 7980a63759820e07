namespace TradeBalance.Internal;

/// <summary>
/// Finds the items under an HS scope in an array sorted by code (ordinal on the digits): the codes that
/// start with the scope's digits are contiguous there, so a scope costs a binary search plus its items.
/// </summary>
internal static class HsRange
{
    /// <summary>Returns the items whose code the scope contains, in their order in the array.</summary>
    public static ReadOnlySpan<T> Under<T>(T[] sortedByCode, Func<T, HsCode> code, HsCode scope)
    {
        if (scope.IsTotal)
        {
            return sortedByCode;
        }

        var digits = scope.Digits;
        int lo = 0, hi = sortedByCode.Length;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (string.CompareOrdinal(code(sortedByCode[mid]).Digits, digits) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        var end = lo;
        while (end < sortedByCode.Length && code(sortedByCode[end]).Digits.StartsWith(digits, StringComparison.Ordinal))
        {
            end++;
        }

        return sortedByCode.AsSpan(lo, end - lo);
    }

    /// <summary>Sorts items by code (ordinal), keeping the given order among equal codes.</summary>
    public static T[] Sort<T>(IReadOnlyList<T> items, Func<T, HsCode> code)
    {
        // One number per item that orders as the digit strings do: the digits padded to ten, then the
        // length (a code sorts right before the codes it contains), then the item's position.
        var keys = new (long Code, int At)[items.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = (OrdinalKey(code(items[i])), i);
        }

        Array.Sort(keys);
        var sorted = new T[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            sorted[i] = items[keys[i].At];
        }

        return sorted;
    }

    private static long OrdinalKey(HsCode hs)
    {
        long padded = 0;
        foreach (var c in hs.Digits)
        {
            padded = (padded * 10) + (c - '0');
        }

        for (var i = hs.Length; i < 10; i++)
        {
            padded *= 10;
        }

        return (padded * 16) + hs.Length;
    }
}
