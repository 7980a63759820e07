namespace TradeBalance.Projections;

/// <summary>One country's welfare changes in a GSIM projection: producer surplus as an exporter, consumer surplus and tariff revenue as an importer, and their sum.</summary>
/// <remarks>Formulas in <see cref="GsimSolution"/>; values are in the data set's currency at world prices.</remarks>
/// <param name="Country">The country.</param>
/// <param name="ProducerSurplus">ΔPS, from the change in its export (world) price.</param>
/// <param name="ConsumerSurplus">ΔCS, from the change in its composite import price.</param>
/// <param name="TariffRevenue">ΔTR, its tariff revenue after minus before.</param>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record GsimWelfare(Country Country, Money ProducerSurplus, Money ConsumerSurplus, Money TariffRevenue)
{
    /// <summary>Gets the net welfare change, ΔPS + ΔCS + ΔTR.</summary>
    public Money NetWelfare => ProducerSurplus + ConsumerSurplus + TariffRevenue;
}
