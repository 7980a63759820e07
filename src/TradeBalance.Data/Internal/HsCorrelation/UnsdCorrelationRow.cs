namespace TradeBalance.Data.Internal.HsCorrelation;

/// <summary>
/// One link of a UN correlation table: a subheading of the newer HS revision, one of the older, and how the
/// two groups relate. <see cref="Relationship"/> is written newer-side first: <c>n:1</c> means several newer
/// subheadings share this one older subheading (HS2022 851713 and 851714 both come from HS2017 851712), and
/// <c>1:n</c> means this newer subheading spans several older ones. Checked on all 21 published tables:
/// wherever the relationship is <c>1:1</c>, <c>1:n</c> or <c>n:1</c>, its first side is <c>n</c> exactly when
/// the older code has more than one newer link and its second side exactly when the newer code has more than
/// one older link; <c>n:n</c> describes the whole group, and the older xls tables also give it to links inside
/// such a group whose own counts are smaller.
/// </summary>
/// <param name="NewerCode">The newer revision's 6-digit subheading.</param>
/// <param name="OlderCode">The older revision's 6-digit subheading.</param>
/// <param name="Relationship">One of <c>1:1</c>, <c>1:n</c>, <c>n:1</c>, <c>n:n</c>, normalised from the file's spelling.</param>
/// <param name="Sheet">The sheet the link is on.</param>
/// <param name="Row">The 1-based row the link is on.</param>
internal sealed record UnsdCorrelationRow(string NewerCode, string OlderCode, string Relationship, string Sheet, int Row);
