namespace TradeBalance;

/// <summary>The commodities of the Kenya–China question.</summary>
/// <threadsafety>All members are immutable and thread-safe.</threadsafety>
public static class Commodities
{
    /// <summary>Gets tea, whether or not flavoured (HS heading 0902).</summary>
    public static Commodity Tea { get; } = new(HsCode.Parse("0902"), "Tea");

    /// <summary>Gets coffee, roasted or not (HS heading 0901).</summary>
    public static Commodity Coffee { get; } = new(HsCode.Parse("0901"), "Coffee");

    /// <summary>Gets avocados, fresh or dried (HS subheading 0804.40).</summary>
    public static Commodity Avocado { get; } = new(HsCode.Parse("080440"), "Avocados");

    /// <summary>Gets the three commodities in the order tea, coffee, avocado.</summary>
    public static IReadOnlyList<Commodity> KenyaChinaFocus { get; } = [Tea, Coffee, Avocado];
}
