namespace TradeBalance.Data.Internal;

/// <summary>
/// Equality of (exporter, importer, code, year) as the records define it, with a cheap hash: the countries' numeric
/// codes, the code's digits and the year. The tuple's default hash reads every field of both Country records (their
/// names included) for every row read.
/// </summary>
internal sealed class FlowKeyComparer : IEqualityComparer<(Country Exporter, Country Importer, HsCode Hs, int Year)>
{
    public static FlowKeyComparer Instance { get; } = new();

    public bool Equals((Country Exporter, Country Importer, HsCode Hs, int Year) x, (Country Exporter, Country Importer, HsCode Hs, int Year) y) =>
        x.Year == y.Year && x.Exporter.Equals(y.Exporter) && x.Importer.Equals(y.Importer) && x.Hs.Equals(y.Hs);

    public int GetHashCode((Country Exporter, Country Importer, HsCode Hs, int Year) obj) =>
        HashCode.Combine(obj.Exporter.NumericCode, obj.Importer.NumericCode, string.GetHashCode(obj.Hs.Digits.AsSpan()), obj.Year);
}
