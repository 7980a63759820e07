namespace TradeBalance.Internal;

/// <summary>
/// Equality of markets as the record defines it (importer, code and year equal), with a cheap hash: the
/// importer's numeric code, the code's digits and the year. The record's own hash reads every field of the
/// country, its names included.
/// </summary>
internal sealed class MarketKeyComparer : IEqualityComparer<MarketKey>
{
    public static MarketKeyComparer Instance { get; } = new();

    public bool Equals(MarketKey? x, MarketKey? y) => EqualityComparer<MarketKey>.Default.Equals(x, y);

    public int GetHashCode(MarketKey obj) =>
        HashCode.Combine(obj.Importer?.NumericCode ?? 0, obj.Hs?.Digits is { } d ? string.GetHashCode(d.AsSpan()) : 0, obj.Year);
}
