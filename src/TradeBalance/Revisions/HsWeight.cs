namespace TradeBalance;

/// <summary>One code's share in a converted code's split (flows) or mean (tariff rates); the shares of an entry sum to exactly 1.</summary>
/// <param name="Code">The code weighted: a target of a split flow code, or a source of a merged tariff line.</param>
/// <param name="Share">Its share, between 0 and 1.</param>
public sealed record HsWeight(HsCode Code, decimal Share);
