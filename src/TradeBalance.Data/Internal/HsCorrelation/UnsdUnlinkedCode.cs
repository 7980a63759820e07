namespace TradeBalance.Data.Internal.HsCorrelation;

/// <summary>An older subheading a correlation sheet lists with <c>n/a</c> for its newer counterpart.</summary>
/// <param name="OlderCode">The older revision's 6-digit subheading.</param>
/// <param name="Sheet">The sheet it is on.</param>
/// <param name="Row">The 1-based row.</param>
internal sealed record UnsdUnlinkedCode(string OlderCode, string Sheet, int Row);
