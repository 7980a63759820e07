using TradeBalance.Data.Internal.Spreadsheets;
using Xunit;
using static TradeBalance.Data.Tests.Spreadsheets.SyntheticXls;

namespace TradeBalance.Data.Tests.Spreadsheets;

/// <summary>The xls reader (compound file and BIFF8) on tiny workbooks built in memory: what it reads, and what it refuses and where.</summary>
public class XlsReaderTests
{
    [Fact]
    public void Every_cell_record_kind_lands_in_its_column_as_invariant_text()
    {
        var bytes = Workbook(Sst("HS 2007", "n:1"),
            LabelSst(1, 0, 0), Label(1, 3, "Relationship"),
            Number(2, 0, 10121), Rk(2, 1, (10110u << 2) | 2), Rk(2, 2, (50u << 2) | 3), LabelSst(2, 3, 1),
            Record(0x00BD, U16(2), U16(1), U16(15), U32((7u << 2) | 2), U16(15), U32((8u << 2) | 2), U16(2)),
            FormulaString(4, 0, "from a formula"), Record(0x0201, Cell(4, 5)));

        var sheet = Assert.Single(WorkbookReader.Read("t.xls", bytes).Sheets);

        Assert.Equal("Data", sheet.Name);
        Assert.Equal([1, 2, 3, 4], sheet.Rows.Select(r => r.Number));
        Assert.Equal(["HS 2007", "", "", "Relationship"], sheet.Rows[0].Cells);
        Assert.Equal(["10121", "10110", "0.5", "n:1"], sheet.Rows[1].Cells);
        Assert.Equal(["", "7", "8"], sheet.Rows[2].Cells);
        Assert.Equal(["from a formula"], sheet.Rows[3].Cells);
    }

    [Fact]
    public void A_small_workbook_is_read_from_the_mini_stream_and_its_mini_chain_checked()
    {
        var stream = SyntheticXls.Stream(Sst("HS 2002"), [LabelSst(1, 0, 0), Number(1, 1, 0.25)], pad4k: false);
        var bytes = MiniCompound(stream);

        Assert.True(stream.Length < 4096);
        Assert.Equal(["HS 2002", "0.25"], WorkbookReader.Read("mini.xls", bytes).Sheets[0].Rows[0].Cells);

        Put32(bytes, 512 * 3, 0); // mini sector 0 leads back to itself
        var e = Assert.Throws<TradeDataException>(() => WorkbookReader.Read("mini.xls", bytes));
        Assert.Equal("mini.xls: compound file stream 'Workbook' (mini stream): has a chain that comes back to sector 0 after 1 sectors: a cycle", e.Message);
    }

    [Fact]
    public void A_shared_string_split_across_a_continue_record_switches_to_the_width_its_new_flags_give()
    {
        // "abcdef": "ab" as 1-byte characters in the SST, "cdef" as 2-byte ones after the CONTINUE's flags byte 0x01.
        byte[] sst = [.. Record(0x00FC, U32(2), U32(2), Str("alpha"), U16(6), [0], "ab"u8.ToArray()),
            .. Record(0x003C, [1], System.Text.Encoding.Unicode.GetBytes("cdef"))];
        var bytes = Workbook(sst, LabelSst(1, 0, 0), LabelSst(1, 1, 1));

        Assert.Equal(["alpha", "abcdef"], WorkbookReader.Read("t.xls", bytes).Sheets[0].Rows[0].Cells);
    }

    [Fact]
    public void Unknown_continuation_flags_are_refused_at_the_record()
    {
        byte[] sst = [.. Record(0x00FC, U32(1), U32(1), U16(6), [0], "ab"u8.ToArray()), .. Record(0x003C, [0x41], "cdef"u8.ToArray())];

        var e = Assert.Throws<TradeDataException>(() => WorkbookReader.Read("t.xls", Workbook(sst)));

        Assert.StartsWith("t.xls: globals, record 0x00FC at offset ", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("has a string continued with option flags 0x41: only bit 0 (2-byte characters) may be set", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shared_string_index_beyond_the_table_is_refused_at_its_cell()
    {
        var e = Assert.Throws<TradeDataException>(() => WorkbookReader.Read("t.xls", Workbook(Sst("a", "b"), LabelSst(7, 2, 2))));

        Assert.Equal("t.xls: sheet 'Data', cell C7: '2' is a shared-string index beyond the table's 2 strings (0 to 1)", e.Message);
        Assert.Equal(7, e.Line);
    }

    [Fact]
    public void An_sst_declaring_more_strings_than_its_bytes_can_hold_is_refused_before_allocating()
    {
        var sst = Record(0x00FC, U32(1), U32(0x7FFFFFFF), Str("a"));

        var e = Assert.Throws<TradeDataException>(() => WorkbookReader.Read("t.xls", Workbook(sst)));

        Assert.Contains("t.xls: globals, record 0x00FC at offset", e.Message, StringComparison.Ordinal);
        Assert.Contains("declares 2,147,483,647 shared strings, more than its 4 bytes can hold", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cyclic_fat_chain_is_refused_naming_the_sector()
    {
        var bytes = Workbook(Sst("a"), LabelSst(1, 0, 0));
        Put32(bytes, FatOffset + (4 * 4), 3); // sector 4 leads back to sector 3

        var e = Assert.Throws<TradeDataException>(() => WorkbookReader.Read("loop.xls", bytes));

        Assert.Equal("loop.xls: compound file stream 'Workbook': has a chain that comes back to sector 3 after 3 sectors: a cycle", e.Message);
    }

    [Fact]
    public void A_cyclic_difat_chain_is_refused_naming_the_sector()
    {
        // 237 FAT sectors: 109 listed in the header, 127 in DIFAT sector 5, one more in the DIFAT sector
        // after it, which sector 5 names as itself.
        var bytes = Compound(new byte[240 * 512]);
        for (var i = 0; i < 109; i++)
        {
            Put32(bytes, 0x4C + (i * 4), 0);
        }

        Put32(bytes, 0x2C, 237);
        Put32(bytes, 0x44, 5);
        Put32(bytes, 0x48, 2);
        Array.Clear(bytes, 512 * 6, 512);
        Put32(bytes, (512 * 6) + 508, 5);

        var e = Assert.Throws<TradeDataException>(() => WorkbookReader.Read("difat.xls", bytes));

        Assert.Equal("difat.xls: compound file DIFAT sector 5: is visited twice: the DIFAT chain has a cycle", e.Message);
    }

    [Fact]
    public void A_sector_number_beyond_the_file_is_refused()
    {
        var bytes = Workbook(Sst("a"), LabelSst(1, 0, 0));
        Put32(bytes, FatOffset + (2 * 4), 5000);

        var e = Assert.Throws<TradeDataException>(() => WorkbookReader.Read("far.xls", bytes));

        Assert.StartsWith("far.xls: compound file stream 'Workbook': has a chain that leads to sector 5000, beyond the", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0x7FFFFFFFu, "declares 2,147,483,647 bytes, more than the 67,108,864 a workbook may have")]
    [InlineData(60_000u, "declares 60,000 bytes but its chain holds")]
    public void A_stream_size_beyond_the_cap_or_its_chain_is_refused(uint size, string problem)
    {
        var bytes = Workbook(Sst("a"), LabelSst(1, 0, 0));
        Put32(bytes, WorkbookEntryOffset + 120, size);

        var e = Assert.Throws<TradeDataException>(() => WorkbookReader.Read("huge.xls", bytes));

        Assert.StartsWith("huge.xls: compound file stream 'Workbook': " + problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_declaring_more_fat_sectors_than_the_file_holds_is_refused()
    {
        var bytes = Workbook(Sst("a"));
        Put32(bytes, 0x2C, 0x00FFFFFF);

        var e = Assert.Throws<TradeDataException>(() => WorkbookReader.Read("fat.xls", bytes));

        Assert.StartsWith("fat.xls: compound file header: declares 16,777,215 FAT and 0 DIFAT sectors, but the file holds", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_cut_by_the_end_of_the_stream_is_refused_at_its_offset()
    {
        var stream = Stream(Sst("a"), [LabelSst(1, 0, 0)]);
        var cut = stream[..^6]; // inside the LABELSST record, before the sheet's EOF

        var e = Assert.Throws<TradeDataException>(() => WorkbookReader.Read("cut.xls", Compound(cut)));

        Assert.Matches("^cut\\.xls: sheet 'Data', record 0x00FD at offset [0-9]+: declares 10 bytes of data but the stream ends after 8 \\(truncated file\\)$", e.Message);
    }

    [Fact]
    public void A_sheet_cut_at_a_record_boundary_is_refused_for_its_missing_eof()
    {
        var stream = Stream(Sst("a"), [LabelSst(1, 0, 0)])[..^4];

        var e = Assert.Throws<TradeDataException>(() => WorkbookReader.Read("noeof.xls", Compound(stream)));

        Assert.Equal("noeof.xls: sheet 'Data': ends before its EOF record (truncated file)", e.Message);
    }

    [Fact]
    public void Two_sheets_at_one_offset_are_refused_rather_than_walked_twice()
    {
        // A second BOUNDSHEET8 naming the same substream: a thousand of them would walk one long sheet a thousand times.
        var stream = Stream(Sst("a"), [LabelSst(1, 0, 0)]);
        var boundSheet = stream.AsSpan(20, 4 + 6 + 6).ToArray(); // BOF is 20 bytes; BOUNDSHEET8 of "Data" follows
        Assert.Equal(0x85, boundSheet[0]);
        var offset = BitConverter.ToUInt32(boundSheet, 4) + (uint)boundSheet.Length;
        BitConverter.GetBytes(offset).CopyTo(boundSheet, 4);
        BitConverter.GetBytes(offset).CopyTo(stream, 24);
        byte[] doubled = [.. stream[..20], .. boundSheet, .. stream[20..]];

        var e = Assert.Throws<TradeDataException>(() => WorkbookReader.Read("twice.xls", Compound(doubled)));

        Assert.Matches("^twice\\.xls: sheet 'Data', record 0x00FD at offset [0-9]+: is read a second time: the sheets' substreams overlap", e.Message);
    }

    [Fact]
    public void A_file_cut_in_half_is_refused_naming_the_file()
    {
        var bytes = Workbook(Sst("a"), LabelSst(1, 0, 0));

        var e = Assert.Throws<TradeDataException>(() => WorkbookReader.Read("half.xls", bytes[..(bytes.Length / 2)]));

        Assert.StartsWith("half.xls: compound file stream 'Workbook': ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_compound_file_without_a_workbook_stream_is_refused()
    {
        var bytes = Workbook(Sst("a"));
        System.Text.Encoding.Unicode.GetBytes("Document").CopyTo(bytes, WorkbookEntryOffset);

        var e = Assert.Throws<TradeDataException>(() => WorkbookReader.Read("doc.xls", bytes));

        Assert.Equal("doc.xls: compound file: holds no Workbook stream: it is a compound file but not an Excel workbook", e.Message);
    }
}
