using System.Globalization;

namespace TradeBalance;

/// <summary>A market in a year: one importer's imports of one HS code.</summary>
/// <param name="Importer">The importing country.</param>
/// <param name="Hs">The commodity code.</param>
/// <param name="Year">The year.</param>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record MarketKey(Country Importer, HsCode Hs, int Year)
{
    /// <summary>Returns <c>importer hs year</c>, for example <c>CHN 0902 2024</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Importer.Alpha3} {Hs} {Year.ToString(CultureInfo.InvariantCulture)}";
}
