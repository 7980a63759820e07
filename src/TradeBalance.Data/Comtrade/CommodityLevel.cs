namespace TradeBalance.Data;

/// <summary>Which commodity rows an external trade reader keeps: HS detail or the all-goods totals, never both (that would count trade twice).</summary>
public enum CommodityLevel
{
    /// <summary>HS codes (chapters, headings, subheadings); <c>TOTAL</c> rows are skipped and counted.</summary>
    Detail = 0,

    /// <summary>Only <c>TOTAL</c> (all goods) rows, as <see cref="HsCode.Total"/>; HS detail rows are skipped and counted.</summary>
    Total = 1,
}
