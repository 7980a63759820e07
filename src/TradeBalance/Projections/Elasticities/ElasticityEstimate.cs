namespace TradeBalance.Projections;

/// <summary>
/// One published estimate, as an <see cref="ElasticityTable"/> gives it for a market: the value in
/// TradeBalance's convention (η negative, σ and ε positive), what in the table it was read from, and
/// anything the table says about it.
/// </summary>
/// <param name="Value">The elasticity in TradeBalance's convention, converted from the table's own where they differ.</param>
/// <param name="Key">What the value was read from, e.g. <c>CHN HS3 090</c> or <c>HS6 090240</c>, or how it was derived.</param>
/// <param name="Note">The table's flags for the value (for example "not significant at 1 %, the HS4 mean"), or empty.</param>
/// <param name="Imputed">
/// Whether the table filled the value in rather than estimating it for this product (CEPII ProTEE's lines
/// replaced by their heading's mean): such a value is used only where no estimated one exists, and says so.
/// </param>
public sealed record ElasticityEstimate(double Value, string Key, string Note, bool Imputed = false);
