namespace TradeBalance.Data.Internal.HsCorrelation;

/// <summary>
/// One row of a UN conversion table: the single older subheading that data reported under a newer subheading
/// is converted to (one row per newer subheading).
/// </summary>
/// <param name="NewerCode">The newer revision's 6-digit subheading.</param>
/// <param name="OlderCode">The older revision's 6-digit subheading it converts to.</param>
/// <param name="Sheet">The sheet the row is on.</param>
/// <param name="Row">The 1-based row.</param>
internal sealed record UnsdConversionRow(string NewerCode, string OlderCode, string Sheet, int Row);
