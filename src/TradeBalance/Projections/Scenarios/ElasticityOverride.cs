namespace TradeBalance.Projections;

/// <summary>
/// A partial override of the elasticities for one HS code (and the codes below it): each value
/// left null falls back to a less specific override, then to the default.
/// </summary>
/// <param name="ImportDemand">η for this code, or null.</param>
/// <param name="Substitution">σ for this code, or null.</param>
/// <param name="ExportSupply">ε for this code, or null.</param>
/// <param name="Source">Where the values come from.</param>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record ElasticityOverride(double? ImportDemand = null, double? Substitution = null, double? ExportSupply = null, string Source = "");
