namespace TradeBalance;

/// <summary>Which rule gave the weights of one converted code (<see cref="HsConversionEntry.Rule"/>).</summary>
public enum HsWeighting
{
    /// <summary>Nothing to weigh: one code became one code, whole (a relabelling, or one part of a merge summed whole).</summary>
    Whole = 0,

    /// <summary>Weights from trade values: of the target codes in trade data of the new revision (flows), or of the source codes in the importer's imports (tariff means).</summary>
    TradeData = 1,

    /// <summary>Weights the user gave for the target codes.</summary>
    User = 2,

    /// <summary>Equal shares (or a simple mean of rates): no weights were at hand.</summary>
    Equal = 3,
}
