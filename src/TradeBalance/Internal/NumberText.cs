using System.Globalization;

namespace TradeBalance.Internal;

/// <summary>
/// How figures are shown to a reader, in one place: shares as percent with two decimals, money in millions or billions
/// with two, culture-invariant. The library's documents and the tool's tables and summaries use it (compiled into the
/// tool too, as a linked source file), so one figure reads the same everywhere.
/// </summary>
internal static class NumberText
{
    /// <summary>A share (0.1348) as percent: <c>13.48%</c>.</summary>
    public static string Percent(double share) => (share * 100d).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    /// <summary>An amount in millions, grouped: <c>1,234.57</c> for 1,234,567,890.</summary>
    public static string Millions(decimal amount) => (amount / 1_000_000m).ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>An amount in millions with its sign: <c>+4.17</c>, <c>-1.29</c>, <c>0.00</c>.</summary>
    public static string SignedMillions(decimal amount) => (amount / 1_000_000m).ToString("+#,##0.00;-#,##0.00;0.00", CultureInfo.InvariantCulture);

    /// <summary>An amount in billions, grouped: <c>1.23</c> for 1,234,567,890.</summary>
    public static string Billions(decimal amount) => (amount / 1_000_000_000m).ToString("#,##0.00", CultureInfo.InvariantCulture);
}
