namespace TradeBalance;

/// <summary>The result of converting data between HS revisions, and the report of how it was done.</summary>
/// <typeparam name="T">What was converted: a <see cref="TradeDataSet"/> or a <see cref="TariffSchedule"/>.</typeparam>
/// <param name="Result">The converted data, in the new revision.</param>
/// <param name="Report">How each code was converted, with totals.</param>
public sealed record HsConversion<T>(T Result, HsConversionReport Report)
    where T : class;
