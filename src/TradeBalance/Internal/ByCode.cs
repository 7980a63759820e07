namespace TradeBalance.Internal;

/// <summary>
/// Items grouped by a key in one pass, each group sorted by HS code only when first asked for: a data
/// set or result answers scoped questions about a few exporters without sorting every exporter's flows.
/// </summary>
/// <threadsafety>Safe to read from many threads; a group is sorted once.</threadsafety>
internal sealed class ByCode<TKey, T>
    where TKey : notnull
{
    private readonly Dictionary<TKey, List<T>> _groups = [];
    private readonly Dictionary<TKey, T[]> _sorted = [];
    private readonly Func<T, HsCode> _code;
    private readonly Lock _gate = new();

    public ByCode(IEnumerable<T> items, Func<T, TKey> key, Func<T, HsCode> code)
    {
        _code = code;
        foreach (var item in items)
        {
            var k = key(item);
            if (!_groups.TryGetValue(k, out var list))
            {
                _groups[k] = list = [];
            }

            list.Add(item);
        }
    }

    /// <summary>Returns the group's items under the scope, sorted by code (input order among equal codes).</summary>
    public ReadOnlySpan<T> Under(TKey key, HsCode scope)
    {
        T[]? sorted;
        lock (_gate)
        {
            if (!_sorted.TryGetValue(key, out sorted) && _groups.TryGetValue(key, out var list))
            {
                _sorted[key] = sorted = HsRange.Sort(list, _code);
            }
        }

        return sorted is null ? [] : HsRange.Under(sorted, _code, scope);
    }
}
