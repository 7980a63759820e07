namespace TradeBalance.Projections;

/// <summary>
/// Where each of a market's three elasticities came from: the scenario's default, an override for an
/// HS code (with its stated source), or a published table with the entry read.
/// <see cref="Elasticities.Explain"/> gives it for any market (for a result:
/// <c>result.Scenario.Elasticities.Explain(market.Market.Importer, market.Market.Hs)</c>), so an output
/// can say which η, σ and ε it used and why.
/// </summary>
/// <param name="ImportDemand">Where η came from.</param>
/// <param name="Substitution">Where σ came from.</param>
/// <param name="ExportSupply">Where ε came from.</param>
public sealed record ElasticitySources(string ImportDemand, string Substitution, string ExportSupply)
{
    /// <summary>The three on one line: <c>η: default; σ: Broda &amp; Weinstein (2006), CHN HS3 090; ε: default</c>.</summary>
    public override string ToString() => $"η: {ImportDemand}; σ: {Substitution}; ε: {ExportSupply}";
}
