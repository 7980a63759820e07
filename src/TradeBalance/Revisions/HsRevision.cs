using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace TradeBalance;

/// <summary>
/// A revision (edition) of the Harmonized System: the nomenclature the World Customs Organization
/// amends every five years or so, splitting, merging and renumbering subheadings. The same six digits
/// may name different goods in two revisions, so a code means something only with its revision.
/// </summary>
/// <remarks>
/// <para>The seven revisions are static instances, <see cref="Hs1992"/> to <see cref="Hs2022"/>, ordered by
/// <see cref="Year"/>; there are no others, so reference equality and value equality agree.</para>
/// <para><see cref="Parse"/> accepts the spellings data sources use: <c>HS2022</c>, <c>HS 2022</c>, <c>2022</c>,
/// the two-digit <c>HS22</c> or <c>HS92</c> of BACI, and the classification codes <c>H0</c> to <c>H6</c> of
/// UN Comtrade and WITS (H0 = 1992, H1 = 1996, H2 = 2002, H3 = 2007, H4 = 2012, H5 = 2017, H6 = 2022);
/// case and surrounding spaces are ignored.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class HsRevision : IComparable<HsRevision>, IEquatable<HsRevision>
{
    private HsRevision(int year, int comtradeIndex)
    {
        Year = year;
        ComtradeCode = "H" + comtradeIndex.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Gets HS 1992, the first edition (UN Comtrade's H0).</summary>
    public static HsRevision Hs1992 { get; } = new(1992, 0);

    /// <summary>Gets HS 1996 (H1).</summary>
    public static HsRevision Hs1996 { get; } = new(1996, 1);

    /// <summary>Gets HS 2002 (H2).</summary>
    public static HsRevision Hs2002 { get; } = new(2002, 2);

    /// <summary>Gets HS 2007 (H3).</summary>
    public static HsRevision Hs2007 { get; } = new(2007, 3);

    /// <summary>Gets HS 2012 (H4).</summary>
    public static HsRevision Hs2012 { get; } = new(2012, 4);

    /// <summary>Gets HS 2017 (H5).</summary>
    public static HsRevision Hs2017 { get; } = new(2017, 5);

    /// <summary>Gets HS 2022 (H6).</summary>
    public static HsRevision Hs2022 { get; } = new(2022, 6);

    /// <summary>Gets every revision, oldest first.</summary>
    public static ImmutableArray<HsRevision> All { get; } = [Hs1992, Hs1996, Hs2002, Hs2007, Hs2012, Hs2017, Hs2022];

    /// <summary>Gets the year the revision is named after (and entered into force on 1 January of), e.g. 2022.</summary>
    public int Year { get; }

    /// <summary>Gets UN Comtrade's and WITS' classification code, <c>H0</c> to <c>H6</c>.</summary>
    public string ComtradeCode { get; }

    /// <summary>Parses a revision; see the type remarks for the accepted spellings.</summary>
    /// <param name="text">The text, e.g. <c>HS2022</c>, <c>HS17</c>, <c>2007</c> or <c>H3</c>.</param>
    /// <returns>The revision.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text names no revision; the message names the text and the accepted forms.</exception>
    public static HsRevision Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var revision)
            ? revision
            : throw new FormatException($"'{text}' is not a Harmonized System revision: expected HS1992, HS1996, HS2002, HS2007, HS2012, HS2017 or HS2022 (also written 2022, HS22, or UN Comtrade's H0 to H6).");
    }

    /// <summary>Tries to parse a revision; see <see cref="Parse(string)"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="revision">The revision, when the method returns true.</param>
    /// <returns>True when the text names a revision.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out HsRevision? revision)
    {
        revision = null;
        if (text is null)
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        if (span.Length == 2 && (span[0] is 'H' or 'h') && span[1] is >= '0' and <= '6')
        {
            revision = All[span[1] - '0'];
            return true;
        }

        if (span.StartsWith("HS", StringComparison.OrdinalIgnoreCase))
        {
            span = span[2..].TrimStart();
            if (span.Length == 2 && int.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out var yy))
            {
                // BACI's HS92 … HS22: the two digits of the year, 92 and 96 in the 1900s.
                revision = FromYear(yy >= 90 ? 1900 + yy : 2000 + yy);
                return revision is not null;
            }
        }

        if (span.Length == 4 && int.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            revision = FromYear(year);
        }

        return revision is not null;
    }

    /// <summary>Returns the revision named after a year, or null when no revision is.</summary>
    /// <param name="year">A year such as 2017.</param>
    /// <returns>The revision, or null.</returns>
    public static HsRevision? FromYear(int year) => All.FirstOrDefault(r => r.Year == year);

    /// <summary>Returns <c>HS</c> and the year, for example <c>HS2022</c>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => "HS" + Year.ToString(CultureInfo.InvariantCulture);

    /// <summary>Returns true when both are the same revision.</summary>
    /// <param name="other">The other revision.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(HsRevision? other) => other is not null && other.Year == Year;

    /// <summary>Returns true when the object is the same revision.</summary>
    /// <param name="obj">The other object.</param>
    /// <returns>True when equal.</returns>
    public override bool Equals(object? obj) => Equals(obj as HsRevision);

    /// <summary>Returns a hash of the year.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => Year;

    /// <summary>Compares by year: older revisions sort first.</summary>
    /// <param name="other">The other revision.</param>
    /// <returns>The comparison of the years; null sorts first.</returns>
    public int CompareTo(HsRevision? other) => other is null ? 1 : Year.CompareTo(other.Year);

    /// <summary>Returns true when both are the same revision (or both null).</summary>
    /// <param name="left">The first revision.</param>
    /// <param name="right">The second revision.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(HsRevision? left, HsRevision? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Returns true when the revisions differ.</summary>
    /// <param name="left">The first revision.</param>
    /// <param name="right">The second revision.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(HsRevision? left, HsRevision? right) => !(left == right);

    /// <summary>Returns true when the first revision is older.</summary>
    /// <param name="left">The first revision.</param>
    /// <param name="right">The second revision.</param>
    /// <returns>True when the first sorts before the second.</returns>
    public static bool operator <(HsRevision? left, HsRevision? right) => left is null ? right is not null : left.CompareTo(right) < 0;

    /// <summary>Returns true when the first revision is older or the same.</summary>
    /// <param name="left">The first revision.</param>
    /// <param name="right">The second revision.</param>
    /// <returns>True when the first sorts before the second or equals it.</returns>
    public static bool operator <=(HsRevision? left, HsRevision? right) => left is null || left.CompareTo(right) <= 0;

    /// <summary>Returns true when the first revision is newer.</summary>
    /// <param name="left">The first revision.</param>
    /// <param name="right">The second revision.</param>
    /// <returns>True when the first sorts after the second.</returns>
    public static bool operator >(HsRevision? left, HsRevision? right) => left is not null && left.CompareTo(right) > 0;

    /// <summary>Returns true when the first revision is newer or the same.</summary>
    /// <param name="left">The first revision.</param>
    /// <param name="right">The second revision.</param>
    /// <returns>True when the first sorts after the second or equals it.</returns>
    public static bool operator >=(HsRevision? left, HsRevision? right) => left is null ? right is null : left.CompareTo(right) >= 0;
}
