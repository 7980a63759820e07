namespace TradeBalance.Data.Internal.HsCorrelation;

/// <summary>
/// The header row of a correlation or conversion sheet, found by its text: two cells naming HS revisions
/// (<c>HS 2007</c>, <c>HS2022</c>, <c>From HS 2017</c>, <c>To HS 1992</c>, spacing and case as the files
/// vary them) and, on a correlation sheet, a <c>Relationship</c> cell. Which revision is newer comes from
/// the years, not from "From"/"To" (one published header reads "From HS 2022 | From HS 1992").
/// </summary>
internal sealed record UnsdHeader(int Row, int NewerColumn, int NewerYear, int OlderColumn, int OlderYear, int? RelationshipColumn)
{
    private static readonly int[] Revisions = [1988, 1992, 1996, 2002, 2007, 2012, 2017, 2022, 2027];

    /// <summary>Gets whether this is a correlation sheet's header (it has a Relationship column).</summary>
    public bool IsCorrelation => RelationshipColumn is not null;

    /// <summary>The header of a row, or null when the row is not one.</summary>
    public static UnsdHeader? Find(Spreadsheets.SheetRow row)
    {
        var revisions = new List<(int Column, int Year)>();
        int? relationship = null;
        for (var c = 0; c < row.Cells.Count; c++)
        {
            var text = row[c].Trim();
            if (Revision(text) is { } year)
            {
                revisions.Add((c, year));
            }
            else if (text.Equals("Relationship", StringComparison.OrdinalIgnoreCase))
            {
                relationship = c;
            }
        }

        if (revisions.Count != 2 || revisions[0].Year == revisions[1].Year)
        {
            return null;
        }

        var (newer, older) = revisions[0].Year > revisions[1].Year ? (revisions[0], revisions[1]) : (revisions[1], revisions[0]);
        return new UnsdHeader(row.Number, newer.Column, newer.Year, older.Column, older.Year, relationship);
    }

    /// <summary>The year of a header cell such as <c>From HS 2017</c>, or null.</summary>
    internal static int? Revision(string text)
    {
        var s = text.AsSpan().Trim();
        foreach (var word in (ReadOnlySpan<string>)["From", "To"])
        {
            if (s.StartsWith(word, StringComparison.OrdinalIgnoreCase) && s.Length > word.Length && char.IsWhiteSpace(s[word.Length]))
            {
                s = s[word.Length..].TrimStart();
                break;
            }
        }

        if (!s.StartsWith("HS", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        s = s[2..].TrimStart();
        if (s.Length != 4 || !int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year))
        {
            return null;
        }

        return Array.IndexOf(Revisions, year) >= 0 ? year : null;
    }
}
