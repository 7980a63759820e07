namespace TradeBalance.Data.Fetch;

/// <summary>Which of the reporter's flows to fetch from UN Comtrade.</summary>
public enum ComtradeFlow
{
    /// <summary>The reporter's imports (<c>flowCode</c> M, CIF): the reporter is the importer, as TradeBalance's flows are.</summary>
    Import,

    /// <summary>
    /// The reporter's exports (<c>flowCode</c> X, FOB), written as mirror flows: the reporter is the exporter and each
    /// partner the importer. Use it when the importer does not report; values are then FOB, not CIF.
    /// </summary>
    Export,
}
