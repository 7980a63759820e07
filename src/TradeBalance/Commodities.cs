namespace TradeBalance;

/// <summary>Commodities TradeBalance knows by name, to label products in reports (any other HS code is shown as its code).</summary>
/// <threadsafety>All members are immutable and thread-safe.</threadsafety>
public static class Commodities
{
    /// <summary>Gets tea, whether or not flavoured (HS heading 0902).</summary>
    public static Commodity Tea { get; } = new(HsCode.Parse("0902"), "Tea");

    /// <summary>Gets coffee, roasted or not (HS heading 0901).</summary>
    public static Commodity Coffee { get; } = new(HsCode.Parse("0901"), "Coffee");

    /// <summary>Gets avocados, fresh or dried (HS subheading 0804.40).</summary>
    public static Commodity Avocado { get; } = new(HsCode.Parse("080440"), "Avocados");

    /// <summary>Gets every named commodity: tea, coffee, avocados.</summary>
    public static IReadOnlyList<Commodity> All { get; } = [Tea, Coffee, Avocado];

    /// <summary>Finds the named commodity with exactly this HS code.</summary>
    /// <param name="code">The HS code.</param>
    /// <param name="commodity">The commodity, or null.</param>
    /// <returns>True when the code has a name here.</returns>
    public static bool TryFind(HsCode code, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Commodity? commodity)
    {
        ArgumentNullException.ThrowIfNull(code);
        commodity = All.FirstOrDefault(c => c.Code.Equals(code));
        return commodity is not null;
    }
}
