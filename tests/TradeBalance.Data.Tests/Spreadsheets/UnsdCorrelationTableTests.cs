using TradeBalance.Data.Internal.HsCorrelation;
using TradeBalance.Data.Internal.Spreadsheets;
using Xunit;

namespace TradeBalance.Data.Tests.Spreadsheets;

/// <summary>The 21 published tables, read as the UN publishes them: counts, known links, and the relationship's direction.</summary>
public class UnsdCorrelationTableTests
{
    /// <summary>
    /// Newer subheadings the published correlation and conversion sheets do not share: 999999 (not
    /// specified) is converted but never correlated in the 2012 and 2017 tables to old revisions, and the
    /// 1996/2002 tables carry slips of their own (HS2002 codes 2710xx in the HS1996 conversion sheet).
    /// </summary>
    private static readonly Dictionary<string, (int ConversionOnly, string[] CorrelationOnly)> Mismatches = new()
    {
        ["HS 2012 to HS 1992 Correlation and conversion tables.xls"] = (1, []),
        ["HS 2012 to HS 1996 Correlation and conversion tables.xls"] = (1, []),
        ["HS 2012 to HS 2002 Correlation and conversion tables.xls"] = (1, []),
        ["HS1996 to HS1992 - Correlation and conversion tables.xls"] = (19, ["710820", "711890"]),
        ["HS2002 to HS1992 - Correlation and conversion tables.xls"] = (1, ["710820", "711890"]),
        ["HS2002 to HS1996 - Correlation and conversion tables.xls"] = (1, ["710820", "711890"]),
        ["HS2017toHS1992ConversionAndCorrelationTables.xlsx"] = (1, []),
        ["HS2017toHS1996ConversionAndCorrelationTables.xlsx"] = (1, []),
        ["HS2017toHS2002ConversionAndCorrelationTables.xlsx"] = (1, []),
        ["HS2017toHS2007ConversionAndCorrelationTables.xlsx"] = (1, []),
    };

    [Theory]
    [MemberData(nameof(UnsdTableFiles.All), MemberType = typeof(UnsdTableFiles))]
    public void Every_table_reads_with_its_revisions_and_plausible_counts(string fileName, int newer, int older)
    {
        var table = UnsdCorrelationReader.Read(UnsdTableFiles.PathOf(fileName));

        Assert.Equal((newer, older), (table.NewerYear, table.OlderYear));
        Assert.InRange(table.Conversions.Count, 5_000, 5_700);
        Assert.InRange(table.Correlations.Count, table.Conversions.Count, 20_000);
        Assert.All(table.Correlations, r => Assert.Matches("^[0-9]{6}-[0-9]{6}$", r.NewerCode + "-" + r.OlderCode));
        Assert.All(table.Correlations, r => Assert.Contains(r.Relationship, (string[])["1:1", "1:n", "n:1", "n:n"]));
        Assert.All(table.Conversions, r => Assert.Matches("^[0-9]{6}$", r.OlderCode));
        // Each relationship kind appears: a table that lost one to a spelling would show it here.
        Assert.Equal(["1:1", "1:n", "n:1", "n:n"], table.Correlations.Select(r => r.Relationship).Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(UnsdTableFiles.All), MemberType = typeof(UnsdTableFiles))]
    public void Conversions_give_every_newer_subheading_once(string fileName, int newer, int older)
    {
        _ = (newer, older);
        var table = UnsdCorrelationReader.Read(UnsdTableFiles.PathOf(fileName));
        var converted = table.Conversions.Select(r => r.NewerCode).ToList();
        var correlated = table.Correlations.Select(r => r.NewerCode).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(converted.Count, converted.Distinct(StringComparer.Ordinal).Count());
        var (conversionOnly, correlationOnly) = Mismatches.GetValueOrDefault(fileName, (0, []));
        Assert.Equal(conversionOnly, converted.Count(c => !correlated.Contains(c)));
        Assert.Equal(correlationOnly, correlated.Except(converted).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(UnsdTableFiles.All), MemberType = typeof(UnsdTableFiles))]
    public void The_relationship_is_written_newer_side_first(string fileName, int newer, int older)
    {
        _ = (newer, older);
        var table = UnsdCorrelationReader.Read(UnsdTableFiles.PathOf(fileName));
        var olderPerNewer = table.Correlations.CountBy(r => r.NewerCode).ToDictionary();
        var newerPerOlder = table.Correlations.CountBy(r => r.OlderCode).ToDictionary();

        // n:n is the group's: the older tables give it to every link of an n:n group. The other three
        // hold link by link, and only read newer side first.
        foreach (var r in table.Correlations.Where(r => r.Relationship != "n:n"))
        {
            var expected = (newerPerOlder[r.OlderCode] > 1 ? "n" : "1") + ":" + (olderPerNewer[r.NewerCode] > 1 ? "n" : "1");
            Assert.True(expected == r.Relationship, $"{r.Sheet} row {r.Row}: {r.NewerCode}-{r.OlderCode} is {r.Relationship}, its link counts give {expected}");
        }

        Assert.Contains(table.Correlations, r => r.Relationship == "n:1" && newerPerOlder[r.OlderCode] > 1);
    }

    [Fact]
    public void HS2022_851713_and_851714_both_come_from_HS2017_851712()
    {
        var table = UnsdCorrelationReader.Read(UnsdTableFiles.PathOf("HS2022toHS2017ConversionAndCorrelationTables.xlsx"));

        var fromTelephones = table.Correlations.Where(r => r.OlderCode == "851712" && r.Relationship == "n:1").Select(r => r.NewerCode);
        Assert.Equal(["851713", "851714"], fromTelephones.Order(StringComparer.Ordinal));
        Assert.Contains(table.Correlations, r => r is { NewerCode: "852411", OlderCode: "851712", Relationship: "n:n" });
        Assert.Equal("851712", Assert.Single(table.Conversions, r => r.NewerCode == "851713").OlderCode);
        Assert.Equal("851712", Assert.Single(table.Conversions, r => r.NewerCode == "851714").OlderCode);
        Assert.Equal(new UnsdCorrelationRow("851713", "851712", "n:1", "HS2022-HS2017 Correlations", 5054), table.Correlations.Single(r => r.NewerCode == "851713"));
    }

    [Fact]
    public void Xls_HS2012_to_HS2007_links_live_horses_across_its_ex_column()
    {
        // Row 3 of the sheet reads "010121 | ex | 010110 | n:n": the ex mark sits between the codes.
        var table = UnsdCorrelationReader.Read(UnsdTableFiles.PathOf("HS 2012 to HS 2007 Correlation and conversion tables.xls"));

        Assert.Equal(new UnsdCorrelationRow("010121", "010110", "n:n", "Correlation HS2012-HS2007", 3), table.Correlations[0]);
        Assert.Equal(new UnsdConversionRow("010121", "010110", "Conversion HS12-HS07", 3), table.Conversions[0]);
    }

    [Fact]
    public void Xls_HS2012_to_HS1992_spells_relationships_in_words_and_lists_two_codes_without_a_successor()
    {
        // The 2012 tables write "n to 1" and start in column C under a title block; two HS1992 codes have n/a for HS2012.
        var table = UnsdCorrelationReader.Read(UnsdTableFiles.PathOf("HS 2012 to HS 1992 Correlation and conversion tables.xls"));

        Assert.Equal(new UnsdCorrelationRow("010121", "010120", "n:n", "Correlation HS 2012-HS 1992", 8), table.Correlations[0]);
        Assert.Equal(["291639", "380999"], table.UnlinkedOlderCodes.Select(u => u.OlderCode).Order(StringComparer.Ordinal));
        Assert.All(table.UnlinkedOlderCodes, u => Assert.True(u.Row > 6000));
        Assert.Equal(new UnsdConversionRow("999999", "999999", "Conversion HS 2012-HS 1992", 5213), table.Conversions[^1]);
    }

    [Fact]
    public void Xls_HS2007_to_HS2002_converts_010594_to_010592()
    {
        var table = UnsdCorrelationReader.Read(UnsdTableFiles.PathOf("HS 2007 to HS 2002 Correlation and conversion tables.xls"));

        Assert.Equal("010592", Assert.Single(table.Conversions, r => r.NewerCode == "010594").OlderCode);
    }

    [Fact]
    public void The_same_pair_is_never_published_in_both_forms_so_xls_and_xlsx_are_checked_on_a_shared_revision()
    {
        // No pair appears as both xls and xlsx. What both forms must agree on is a revision they share:
        // HS2007's subheadings, newer in the xls tables and older in HS2017 to HS2007 (xlsx).
        var xls = UnsdCorrelationReader.Read(UnsdTableFiles.PathOf("HS 2007 to HS 2002 Correlation and conversion tables.xls"));
        var xlsx = UnsdCorrelationReader.Read(UnsdTableFiles.PathOf("HS2017toHS2007ConversionAndCorrelationTables.xlsx"));

        var fromXls = xls.Conversions.Select(r => r.NewerCode).ToHashSet(StringComparer.Ordinal);
        var fromXlsx = xlsx.Correlations.Select(r => r.OlderCode).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(5_052, fromXls.Count);
        Assert.Empty(fromXlsx.Except(fromXls));
    }

    [Fact]
    public void Workbook_reader_gives_cells_in_their_columns_for_both_forms()
    {
        var xls = WorkbookReader.Read(UnsdTableFiles.PathOf("HS 2012 to HS 1992 Correlation and conversion tables.xls"));
        var xlsx = WorkbookReader.Read(UnsdTableFiles.PathOf("HS2017toHS2012ConversionAndCorrelationTables.xlsx"));

        var title = xls.Sheets[0].Rows[0];
        Assert.Equal((1, "", "Correlation table HS 2012 to HS 1992"), (title.Number, title[0], title[1]));
        Assert.Equal(["", "", "HS 2012", "HS 1992", "Relationship"], xls.Sheets[0].Rows.Single(r => r.Number == 7).Cells);
        Assert.Equal(["Conversion HS17-HS12", "Correlation HS17-HS12"], xlsx.Sheets.Select(s => s.Name));
        Assert.Equal(["HS 2017", "", "HS 2012", "Relationship"], xlsx.Sheets[1].Rows[1].Cells);
    }
}
