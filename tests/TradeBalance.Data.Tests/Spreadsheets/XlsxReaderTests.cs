using System.IO.Compression;
using System.Text;
using TradeBalance.Data.Internal.Spreadsheets;
using Xunit;

namespace TradeBalance.Data.Tests.Spreadsheets;

/// <summary>The xlsx reader on tiny workbooks built in memory: what it reads, and what it refuses and where.</summary>
public class XlsxReaderTests
{
    [Fact]
    public void Cells_land_in_their_columns_with_gaps_and_numbers_as_invariant_text()
    {
        var bytes = SyntheticXlsx.OneSheet(
            "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c><c r=\"C2\"><v>10121</v></c><c r=\"D2\"><v>0.5</v></c></row>"
            + "<row r=\"5\"><c r=\"B5\" t=\"inlineStr\"><is><r><t>n</t></r><r><t>:1</t></r><rPh><t>x</t></rPh></is></c>"
            + "<c r=\"C5\" t=\"str\"><f>A1</f><v>cached</v></c><c r=\"D5\" t=\"b\"><v>1</v></c><c r=\"E5\"><v>1.0E+2</v></c></row>",
            "unused", "HS 2017");

        var sheet = Assert.Single(WorkbookReader.Read("t.xlsx", bytes).Sheets);

        Assert.Equal("Data", sheet.Name);
        Assert.Equal([2, 5], sheet.Rows.Select(r => r.Number));
        Assert.Equal(["HS 2017", "", "10121", "0.5"], sheet.Rows[0].Cells);
        Assert.Equal(["", "n:1", "cached", "TRUE", "100"], sheet.Rows[1].Cells);
        Assert.Equal("", sheet.Rows[1][99]);
    }

    [Fact]
    public void Shared_string_index_beyond_the_table_is_refused_at_its_cell()
    {
        var bytes = SyntheticXlsx.OneSheet("<row r=\"7\"><c r=\"C7\" t=\"s\"><v>5</v></c></row>", "only");

        var e = Assert.Throws<TradeDataException>(() => WorkbookReader.Read("bad.xlsx", bytes));

        Assert.StartsWith("bad.xlsx: sheet 'Data', cell C7: '5' is not a shared-string index", e.Message, StringComparison.Ordinal);
        Assert.Equal(7, e.Line);
    }

    [Fact]
    public void A_part_declaring_a_huge_size_is_refused_before_it_is_inflated()
    {
        var bytes = SyntheticXlsx.DeclareSize(SyntheticXlsx.OneSheet("", "a"), "xl/sharedStrings.xml", 0xFFFFFFF0);

        var e = Assert.Throws<TradeDataException>(() => WorkbookReader.Read("big.xlsx", bytes));

        Assert.StartsWith("big.xlsx: part 'xl/sharedStrings.xml': inflates to more than 67,108,864 bytes (4,294,967,280 or more)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_part_that_really_inflates_beyond_the_cap_is_refused_while_inflating()
    {
        var bytes = SyntheticXlsx.Build([("Data", "")], [], zip =>
        {
            using var s = zip.CreateEntry("xl/worksheets/sheet2.xml", CompressionLevel.Fastest).Open();
            s.Write("<worksheet><sheetData>"u8);
            var spaces = new byte[1 << 20];
            Array.Fill(spaces, (byte)' ');
            for (var i = 0; i <= SpreadsheetLimits.MaxPartBytes >> 20; i++)
            {
                s.Write(spaces);
            }
        });
        bytes = Retarget(bytes, "worksheets/sheet1.xml", "worksheets/sheet2.xml");

        var e = Assert.Throws<TradeDataException>(() => WorkbookReader.Read("bomb.xlsx", bytes));

        Assert.StartsWith("bomb.xlsx: part 'xl/worksheets/sheet2.xml': inflates to more than 67,108,864 bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_sheets_naming_one_part_are_refused_rather_than_read_twice()
    {
        var bytes = Retarget(SyntheticXlsx.Build([("One", ""), ("Two", "")], []), "worksheets/sheet2.xml", "worksheets/sheet1.xml");

        var e = Assert.Throws<TradeDataException>(() => WorkbookReader.Read("twice.xlsx", bytes));

        Assert.Equal("twice.xlsx: sheet 'Two': names part 'xl/worksheets/sheet1.xml', which another sheet already names: refused rather than read twice", e.Message);
    }

    [Fact]
    public void A_DTD_is_refused_naming_the_part()
    {
        var bytes = SyntheticXlsx.Build([("Data", "")], [], zip => SyntheticXlsx.Add(zip, "xl/worksheets/sheet9.xml",
            "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]><worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&b;</t></is></c></row></sheetData></worksheet>"));
        bytes = Retarget(bytes, "worksheets/sheet1.xml", "worksheets/sheet9.xml");

        var e = Assert.Throws<TradeDataException>(() => WorkbookReader.Read("dtd.xlsx", bytes));

        Assert.StartsWith("dtd.xlsx: part 'xl/worksheets/sheet9.xml': is not XML the reader accepts (malformed, or with a DTD, which is refused)", e.Message, StringComparison.Ordinal);
        Assert.Contains("it holds a DTD", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_element_crowded_with_attributes_is_refused_before_the_XML_parser_sees_it()
    {
        // Unchecked, 16 MB of attributes on one element keep XmlReader busy for half a minute.
        var attributes = string.Concat(Enumerable.Range(0, 100_000).Select(i => $" a{i}=\"x>y\""));
        var bytes = SyntheticXlsx.OneSheet($"<!-- <c a=\"1\" b=\"2\"> --><row r=\"1\"{attributes}/>");

        var e = Assert.Throws<TradeDataException>(() => WorkbookReader.Read("crowd.xlsx", bytes));

        Assert.Matches("^crowd\\.xlsx: part 'xl/worksheets/sheet1\\.xml', byte [0-9]+: starts an element with more than 256 attributes", e.Message);
    }

    [Theory]
    [InlineData("<a b=\"1\" c='2'/>", null)]
    [InlineData("<a b=\"=>=\"/><!-- = = --><![CDATA[ <x a=1 b=2> ]]><?pi a=b c=d?>", null)]
    [InlineData("<r><a b=\"1\" c=\"2\" d=\"3\"/></r>", 3)]
    [InlineData("<r b=\"1\" c=\"2\" d=\"3\"></r>", 0)]
    public void The_attribute_scan_steps_over_values_comments_cdata_and_instructions(string xml, int? crowdedAt)
    {
        // With a limit of 256, build the crowded case by repeating: three attributes stand for 257.
        var scaled = xml.Replace("d=\"3\"", string.Concat(Enumerable.Range(0, 255).Select(i => $" d{i}=\"3\"")), StringComparison.Ordinal);

        Assert.Equal(crowdedAt, Internal.Spreadsheets.Xlsx.XlsxXml.FindCrowdedElement(Encoding.UTF8.GetBytes(scaled)));
    }

    [Fact]
    public void A_truncated_archive_is_refused_naming_the_file()
    {
        var bytes = SyntheticXlsx.OneSheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>");

        var e = Assert.Throws<TradeDataException>(() => WorkbookReader.Read("cut.xlsx", bytes[..(bytes.Length / 2)]));

        Assert.StartsWith("cut.xlsx: zip archive: is not a readable zip archive", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<row r=\"3\"><c r=\"B4\"><v>1</v></c></row>", "t.xlsx: sheet 'Data', row 3: 'B4' is not a cell reference in this row")]
    [InlineData("<row r=\"3\"><c r=\"B3\"><v>abc</v></c></row>", "t.xlsx: sheet 'Data', cell B3: 'abc' is not a finite number")]
    [InlineData("<row r=\"3\"><c r=\"B3\"><v>NaN</v></c></row>", "t.xlsx: sheet 'Data', cell B3: 'NaN' is not a finite number")]
    [InlineData("<row r=\"3\"/><row r=\"2\"/>", "t.xlsx: sheet 'Data', row 2: comes after row 3")]
    [InlineData("<row r=\"3\"><c r=\"B3\"><v>1</v></c><c r=\"B3\"><v>2</v></c></row>", "t.xlsx: sheet 'Data', cell B3: is written twice")]
    [InlineData("<row r=\"3\"><c r=\"B3\" t=\"q\"><v>1</v></c></row>", "t.xlsx: sheet 'Data', cell B3: 'q' is a cell type xlsx does not define")]
    [InlineData("<row r=\"3\"><c r=\"XFE3\"><v>1</v></c></row>", "t.xlsx: sheet 'Data', row 3: 'XFE3' is not a cell reference")]
    [InlineData("<row r=\"3\"><c r=\"A3\"><v>1</v></c></row><row><c t=\"b\"><v>2</v></c></row>", "t.xlsx: sheet 'Data', cell A4: '2' is a boolean cell whose value is neither 0 nor 1")]
    [InlineData("<row r=\"3\"><c r=\"A3\"><v>1</v></row>", "t.xlsx: part 'xl/worksheets/sheet1.xml', XML line 1: is not XML the reader accepts")]
    [InlineData("<row r=\"3\"><c r=\"A3\"><is><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r><r>", "t.xlsx: part 'xl/worksheets/sheet1.xml', XML line 1: is not XML the reader accepts (malformed, or with a DTD, which is refused): elements are nested more than 64 deep")]
    public void Bad_cells_and_rows_are_refused_at_their_place(string sheetData, string expected)
    {
        var e = Assert.Throws<TradeDataException>(() => WorkbookReader.Read("t.xlsx", SyntheticXlsx.OneSheet(sheetData)));

        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Far_away_cells_count_their_gaps_against_the_cell_cap()
    {
        // 300 rows whose only cell is in the last column: 4.9 million cells once the gaps are filled.
        var rows = string.Concat(Enumerable.Range(1, 300).Select(r => $"<row r=\"{r}\"><c r=\"XFD{r}\"><v>1</v></c></row>"));

        var e = Assert.Throws<TradeDataException>(() => WorkbookReader.Read("wide.xlsx", SyntheticXlsx.OneSheet(rows)));

        Assert.Contains("wide.xlsx: sheet 'Data', cell XFD", e.Message, StringComparison.Ordinal);
        Assert.Contains("exceed 1,000,000 cells", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 0x05, 0x06 })]
    [InlineData(new byte[] { 0x7B, 0x22 })]
    [InlineData(new byte[0])]
    public void Content_that_is_neither_zip_nor_compound_file_is_refused_by_its_magic(byte[] bytes)
    {
        var e = Assert.Throws<TradeDataException>(() => WorkbookReader.Read("table.xlsx", bytes));

        Assert.StartsWith("table.xlsx: file: is neither an xlsx workbook", e.Message, StringComparison.Ordinal);
    }

    private static byte[] Retarget(byte[] xlsx, string from, string to)
    {
        using var input = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        using var ms = new MemoryStream();
        using (var output = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var e in input.Entries)
            {
                using var src = e.Open();
                using var dst = output.CreateEntry(e.FullName, CompressionLevel.Fastest).Open();
                if (e.FullName == "xl/_rels/workbook.xml.rels")
                {
                    var text = new StreamReader(src).ReadToEnd().Replace(from, to, StringComparison.Ordinal);
                    dst.Write(Encoding.UTF8.GetBytes(text));
                }
                else
                {
                    src.CopyTo(dst);
                }
            }
        }

        return ms.ToArray();
    }
}
