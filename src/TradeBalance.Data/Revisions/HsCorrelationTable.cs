using System.Collections.Immutable;
using System.Globalization;
using TradeBalance.Data.Internal.HsCorrelation;

namespace TradeBalance.Data;

/// <summary>
/// The UN Statistics Division's HS correlation and conversion tables, read as published (<c>.xlsx</c> from HS 2017 on,
/// BIFF <c>.xls</c> before), into an <see cref="HsConcordance"/> between two revisions.
/// </summary>
/// <remarks>
/// <para>Each published table joins a newer revision to an older one. Its correlation sheet lists every link with the
/// relationship the UN declares (<c>1:1</c>, <c>1:n</c>, <c>n:1</c>, <c>n:n</c>, newer side first); the concordance keeps
/// that declaration on each link (<see cref="HsLink.Declared"/>) beside the relationship computed from the links
/// themselves, so <see cref="HsConcordance.Disagreements"/> lists where the two differ. The conversion sheet (one older
/// code per newer subheading) is checked by the reader but not used: a conversion by trade weights needs every link.</para>
/// <para>The tables are not shipped with TradeBalance: <c>tradebalance fetch hs-tables</c> downloads them, or give the
/// files you have. Sheets and columns are found by their header text, never by position; anything the reader cannot
/// place is refused with the file, sheet and row (<see cref="TradeDataException"/>).</para>
/// </remarks>
/// <threadsafety>Stateless and thread-safe.</threadsafety>
public static class HsCorrelationTable
{
    /// <summary>
    /// Gets the published tables' file names by pair (newer revision first), as the UN names them: from each revision to
    /// every earlier one. The names are irregular before HS 2017, so they are listed, not built.
    /// </summary>
    public static ImmutableSortedDictionary<(int Newer, int Older), string> FileNames { get; } = new Dictionary<(int Newer, int Older), string>
    {
        [(2022, 2017)] = "HS2022toHS2017ConversionAndCorrelationTables.xlsx",
        [(2022, 2012)] = "HS2022toHS2012ConversionAndCorrelationTables.xlsx",
        [(2022, 2007)] = "HS2022toHS2007ConversionAndCorrelationTables.xlsx",
        [(2022, 2002)] = "HS2022toHS2002ConversionAndCorrelationTables.xlsx",
        [(2022, 1996)] = "HS2022toHS1996ConversionAndCorrelationTables.xlsx",
        [(2022, 1992)] = "HS2022toHS1992ConversionAndCorrelationTables.xlsx",
        [(2017, 2012)] = "HS2017toHS2012ConversionAndCorrelationTables.xlsx",
        [(2017, 2007)] = "HS2017toHS2007ConversionAndCorrelationTables.xlsx",
        [(2017, 2002)] = "HS2017toHS2002ConversionAndCorrelationTables.xlsx",
        [(2017, 1996)] = "HS2017toHS1996ConversionAndCorrelationTables.xlsx",
        [(2017, 1992)] = "HS2017toHS1992ConversionAndCorrelationTables.xlsx",
        [(2012, 2007)] = "HS 2012 to HS 2007 Correlation and conversion tables.xls",
        [(2012, 2002)] = "HS 2012 to HS 2002 Correlation and conversion tables.xls",
        [(2012, 1996)] = "HS 2012 to HS 1996 Correlation and conversion tables.xls",
        [(2012, 1992)] = "HS 2012 to HS 1992 Correlation and conversion tables.xls",
        [(2007, 2002)] = "HS 2007 to HS 2002 Correlation and conversion tables.xls",
        [(2007, 1996)] = "HS 2007 to HS 1996 Correlation and conversion tables.xls",
        [(2007, 1992)] = "HS 2007 to HS 1992 Correlation and conversion tables.xls",
        [(2002, 1996)] = "HS2002 to HS1996 - Correlation and conversion tables.xls",
        [(2002, 1992)] = "HS2002 to HS1992 - Correlation and conversion tables.xls",
        [(1996, 1992)] = "HS1996 to HS1992 - Correlation and conversion tables.xls",
    }.ToImmutableSortedDictionary();

    /// <summary>Reads one published table: the concordance from its newer revision to its older one.</summary>
    /// <param name="path">The <c>.xlsx</c> or <c>.xls</c> file (its first bytes decide which, not its name).</param>
    /// <returns>The links of the correlation sheet, each with the relationship the table declares.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="TradeDataException">The file is not a workbook, or not a correlation table as the UN publishes them; the
    /// message names the file, sheet and row.</exception>
    public static HsConcordance Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var table = UnsdCorrelationReader.Read(path);
        var newer = Revision(table, table.NewerYear);
        var older = Revision(table, table.OlderYear);
        var links = table.Correlations.Select(r => new HsLink(HsCode.Parse(r.NewerCode), HsCode.Parse(r.OlderCode), HsLink.ParseRelationship(r.Relationship)));
        return new HsConcordance(newer, older, links);
    }

    /// <summary>
    /// Reads the concordance from one revision to another out of a folder of published tables (as
    /// <c>tradebalance fetch hs-tables</c> writes it): the table that joins the two, turned round
    /// (<see cref="HsConcordance.Inverse"/>) when <paramref name="from"/> is the older revision.
    /// </summary>
    /// <param name="folder">The folder holding the tables under their published names.</param>
    /// <param name="from">The revision the codes are in.</param>
    /// <param name="to">The revision wanted.</param>
    /// <returns>The concordance <paramref name="from"/> → <paramref name="to"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The two revisions are the same.</exception>
    /// <exception cref="FileNotFoundException">The folder lacks the table that joins them; the message names the file and how to get it.</exception>
    /// <exception cref="TradeDataException">The table is not readable as published.</exception>
    public static HsConcordance Read(string folder, HsRevision from, HsRevision to)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (from == to)
        {
            throw new ArgumentException($"A concordance joins two different revisions; both are {from}.", nameof(to));
        }

        var (newer, older) = from > to ? (from, to) : (to, from);
        var name = FileNames[(newer.Year, older.Year)];
        var path = Path.Combine(folder, name);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(string.Create(CultureInfo.InvariantCulture,
                $"{folder}: has no '{name}', the UN's table joining {newer} and {older}; 'tradebalance fetch hs-tables --output {folder}' downloads it."), path);
        }

        var concordance = Read(path);
        if (concordance.From != newer || concordance.To != older)
        {
            throw new TradeDataException(name, 0, null, null, $"joins {concordance.From} and {concordance.To}, not {newer} and {older} as its name says");
        }

        return from == newer ? concordance : concordance.Inverse();
    }

    private static HsRevision Revision(UnsdCorrelationTable table, int year) =>
        HsRevision.FromYear(year) ?? throw new TradeDataException(table.FileName, 0, null, null, string.Create(CultureInfo.InvariantCulture, $"names HS{year}, which is not an HS revision (1992, 1996, 2002, 2007, 2012, 2017, 2022)"));
}
