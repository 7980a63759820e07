namespace TradeBalance;

/// <summary>One partner's part of a total: a supplier's share of a market, or a destination's share of an exporter's exports.</summary>
/// <param name="Partner">The supplier or destination.</param>
/// <param name="Value">Its value.</param>
/// <param name="Share">Its share of the total, a fraction in [0, 1]; 0 when the total is 0.</param>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record TradeShare(Country Partner, Money Value, double Share);
