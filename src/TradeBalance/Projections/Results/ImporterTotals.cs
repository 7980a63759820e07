namespace TradeBalance.Projections;

/// <summary>An importer's totals over a projection's markets, in a <see cref="ProjectionSummary"/>.</summary>
/// <param name="Importer">The importer.</param>
/// <param name="RevenueBefore">Tariff revenue before.</param>
/// <param name="RevenueAfter">Tariff revenue after.</param>
/// <param name="Welfare">The welfare change, as the model measures it (<see cref="ProjectionModel.WelfareMeasure"/>).</param>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record ImporterTotals(Country Importer, Money RevenueBefore, Money RevenueAfter, Money Welfare);
