namespace TradeBalance.Projections;

/// <summary>One destination's part of an exporter's exports, before and after a projection.</summary>
/// <param name="Destination">The importing country.</param>
/// <param name="Before">Exports to it before.</param>
/// <param name="After">Exports to it after.</param>
/// <param name="ShareBefore">Its share of the exporter's exports before, in [0, 1].</param>
/// <param name="ShareAfter">Its share after, in [0, 1].</param>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record DestinationShareChange(Country Destination, Money Before, Money After, double ShareBefore, double ShareAfter);
