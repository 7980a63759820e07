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
    public static T[] Sort<T>(IEnumerable<T> items, Func<T, HsCode> code) =>
        [.. items.OrderBy(i => code(i).Digits, StringComparer.Ordinal)];
}
