using TradeBalance.Data.Internal.HsCorrelation;
using TradeBalance.Data.Internal.Spreadsheets;
using Xunit;

namespace TradeBalance.Data.Tests.Spreadsheets;

/// <summary>The correlation-table reader on hand-written workbooks of a few links (the 851712 split): what it normalises and what it refuses.</summary>
public class UnsdCorrelationReaderTests
{
    private static Workbook Table(params string[][] correlationRows) => new("t.xlsx",
    [
        new Worksheet("Conv", [new SheetRow(1, ["From HS2022", "To HS2017"]), new SheetRow(2, ["851713", "851712"]), new SheetRow(3, ["10121", "10121"])]),
        new Worksheet("Corr", [new SheetRow(1, ["Between"]), new SheetRow(2, ["HS2022", " HS2017", "Relationship"]),
            .. correlationRows.Select((r, i) => new SheetRow(i + 3, r))]),
    ]);

    [Fact]
    public void Headers_found_by_text_give_the_revisions_and_codes_get_their_leading_zero_back()
    {
        var table = UnsdCorrelationReader.Read(Table(["851713", "851712", "N : 1"], ["", ""], ["10121", "010121", "1 to 1"], ["851714", "851712", "'n:1"]));

        Assert.Equal((2022, 2017), (table.NewerYear, table.OlderYear));
        Assert.Equal(
            [new("851713", "851712", "n:1", "Corr", 3), new("010121", "010121", "1:1", "Corr", 5), new UnsdCorrelationRow("851714", "851712", "n:1", "Corr", 6)],
            table.Correlations);
        Assert.Equal([new("851713", "851712", "Conv", 2), new UnsdConversionRow("010121", "010121", "Conv", 3)], table.Conversions);
    }

    [Fact]
    public void The_older_revision_is_told_by_its_year_not_its_column_or_words()
    {
        var book = new Workbook("t.xls",
        [
            new Worksheet("A", [new SheetRow(4, ["", "Relationship", "HS 1996", "ex.", "HS 2002"]), new SheetRow(5, ["", "n:n", "010111", "", "010110"])]),
            new Worksheet("B", [new SheetRow(1, ["From HS 2002", "From HS 1996"]), new SheetRow(2, ["010110", "010111"])]),
        ]);

        var table = UnsdCorrelationReader.Read(book);

        Assert.Equal((2002, 1996), (table.NewerYear, table.OlderYear));
        Assert.Equal(new UnsdCorrelationRow("010110", "010111", "n:n", "A", 5), Assert.Single(table.Correlations));
    }

    [Theory]
    [InlineData(new[] { "85171X", "851712", "n:1" }, "t.xlsx: sheet 'Corr', cell A3: '85171X' is not an HS2022 subheading: expected 6 digits")]
    [InlineData(new[] { "851713", "8517", "n:1" }, "t.xlsx: sheet 'Corr', cell B3: '8517' is not an HS2017 subheading")]
    [InlineData(new[] { "851713", "851712", "m:1" }, "t.xlsx: sheet 'Corr', cell C3: 'm:1' is not a relationship: expected 1:1, 1:n, n:1 or n:n")]
    [InlineData(new[] { "851713", "851712", "" }, "t.xlsx: sheet 'Corr', cell C3: '' is not a relationship")]
    public void A_bad_code_or_relationship_is_refused_at_its_cell(string[] row, string expected)
    {
        var e = Assert.Throws<TradeDataException>(() => UnsdCorrelationReader.Read(Table(row)));

        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
        Assert.Equal(3, e.Line);
    }

    [Fact]
    public void A_link_given_twice_is_refused_naming_both_rows()
    {
        var e = Assert.Throws<TradeDataException>(() => UnsdCorrelationReader.Read(Table(["851713", "851712", "n:1"], ["851714", "851712", "n:1"], ["851713", "851712", "n:1"])));

        Assert.Equal("t.xlsx: sheet 'Corr', row 5: links HS2022 851713 to HS2017 851712 again: row 3 already does", e.Message);
    }

    [Fact]
    public void A_workbook_without_a_correlation_sheet_is_refused_naming_its_sheets()
    {
        var e = Assert.Throws<TradeDataException>(() => UnsdCorrelationReader.Read(new Workbook("t.xlsx", [new Worksheet("Notes", [new SheetRow(1, ["HS 2022"])])])));

        Assert.Equal("t.xlsx: workbook: has no correlation sheet (a header row with two HS revisions and Relationship) among its sheets 'Notes'", e.Message);
    }

    [Fact]
    public void A_bad_code_in_a_real_xlsx_file_is_refused_naming_the_file_sheet_and_cell()
    {
        var bytes = SyntheticXlsx.Build(
            [("Conv", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"B2\" t=\"s\"><v>3</v></c></row>"),
             ("Corr", "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c><c r=\"B2\" t=\"s\"><v>1</v></c><c r=\"C2\" t=\"s\"><v>4</v></c></row><row r=\"3\"><c r=\"A3\" t=\"s\"><v>2</v></c><c r=\"B3\"><v>8517.12</v></c><c r=\"C3\" t=\"s\"><v>5</v></c></row>")],
            ["HS2022", "HS2017", "851713", "851712", "Relationship", "n:1"]);
        var path = Path.Combine(Path.GetTempPath(), $"corr-{Guid.NewGuid():N}.xlsx");
        File.WriteAllBytes(path, bytes);
        try
        {
            var e = Assert.Throws<TradeDataException>(() => UnsdCorrelationReader.Read(path));

            Assert.Equal($"{path}: sheet 'Corr', cell B3: '8517.12' is not an HS2017 subheading: expected 6 digits (5 when a leading zero was lost)", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
