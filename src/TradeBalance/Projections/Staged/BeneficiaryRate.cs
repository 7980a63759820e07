namespace TradeBalance.Projections;

/// <summary>The rate a beneficiary pays on a traded code at one point of a <see cref="ProjectionPath"/>.</summary>
/// <param name="Exporter">The beneficiary.</param>
/// <param name="Hs">The traded code (a market of the projection).</param>
/// <param name="Rate">The rate in force on the point's date.</param>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record BeneficiaryRate(Country Exporter, HsCode Hs, TariffRate Rate);
