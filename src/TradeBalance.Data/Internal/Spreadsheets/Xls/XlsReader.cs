using System.Buffers.Binary;
using System.Globalization;

namespace TradeBalance.Data.Internal.Spreadsheets.Xls;

/// <summary>
/// Reads a legacy xls workbook (BIFF8 in a compound file) as text: the globals substream gives the sheets
/// (BOUNDSHEET8: name, type, offset) and the shared strings (SST with its CONTINUE records); each worksheet's
/// substream gives its cells (LABELSST, LABEL, RSTRING, NUMBER, RK, MULRK, FORMULA with its cached value or
/// STRING, BOOLERR, BLANK, MULBLANK).
/// </summary>
internal static class XlsReader
{
    private const ushort Biff8 = 0x0600;
    private const ushort GlobalsSubstream = 0x0005;
    private const ushort WorksheetSubstream = 0x0010;

    /// <summary>Reads the workbook held in <paramref name="bytes"/> (a compound file).</summary>
    public static Workbook Read(string fileName, byte[] bytes)
    {
        var cfb = CompoundFile.Open(fileName, bytes);
        var stream = cfb.ReadStream("Workbook")
            ?? throw SpreadsheetErrors.At(fileName, "compound file", cfb.HasStream("Book")
                ? "holds an Excel 5/95 workbook (BIFF5): only BIFF8 (Excel 97 to 2003) is read; save it as .xlsx"
                : "holds no Workbook stream: it is a compound file but not an Excel workbook");
        var globals = new BiffRecordReader(fileName, stream, 0, "globals");
        var (sheets, sst) = ReadGlobals(globals);
        var budget = new CellBudget(fileName);
        // Bytes walked over all sheets: substreams do not overlap, so together they fit in what follows the
        // globals. Without this, a thousand sheets pointing at one long substream would each walk it again.
        long walked = globals.Position;
        var read = new List<Worksheet>(sheets.Count);
        foreach (var (name, offset) in sheets)
        {
            read.Add(ReadSheet(fileName, stream, name, offset, sst, budget, ref walked));
        }

        return new Workbook(fileName, read);
    }

    private static (List<(string Name, int Offset)> Sheets, List<string> Sst) ReadGlobals(BiffRecordReader records)
    {
        ReadBof(records, GlobalsSubstream, "workbook globals");
        var sheets = new List<(string, int)>();
        var sst = new List<string>();
        while (records.TryRead(out var rec))
        {
            switch (rec.Type)
            {
                case BiffRecordType.Eof:
                    return (sheets, sst);
                case BiffRecordType.FilePass:
                    throw records.Error(rec.Where, "says the workbook is encrypted (password-protected): save it without a password");
                case BiffRecordType.BoundSheet8:
                {
                    var data = records.Data(rec, 8, "BOUNDSHEET8");
                    var offset = BinaryPrimitives.ReadUInt32LittleEndian(data);
                    var sheetType = data[5];
                    var name = records.WithContinues(rec);
                    name.Skip(6);
                    var sheetName = name.ReadUnicodeString(countBytes: 1);
                    if (sheets.Count >= SpreadsheetLimits.MaxSheets)
                    {
                        throw records.Error(rec.Where, string.Create(CultureInfo.InvariantCulture, $"declares more than {SpreadsheetLimits.MaxSheets:N0} sheets"));
                    }

                    if (offset >= (uint)records.Stream.Length)
                    {
                        throw records.Error(rec.Where, string.Create(CultureInfo.InvariantCulture, $"places sheet '{sheetName}' at offset {offset}, beyond the {records.Stream.Length:N0}-byte Workbook stream"));
                    }

                    // 0 is a worksheet (or dialog sheet); charts (2) and macro sheets (1, 6) hold no cells.
                    if (sheetType == 0)
                    {
                        sheets.Add((sheetName, (int)offset));
                    }

                    break;
                }

                case BiffRecordType.Sst:
                    sst = ReadSst(records, rec);
                    break;
            }
        }

        throw records.Error(string.Empty, "end before their EOF record (truncated file)");
    }

    private static List<string> ReadSst(BiffRecordReader records, BiffRecord rec)
    {
        var data = records.WithContinues(rec);
        _ = data.ReadUInt32(); // total references: not needed
        var unique = data.ReadUInt32();
        // Each string takes 3 bytes at least (count and flags): a count beyond that is a lie, not a size.
        if (unique > SpreadsheetLimits.MaxSharedStrings || unique > data.Remaining / 3)
        {
            throw records.Error(rec.Where, string.Create(CultureInfo.InvariantCulture,
                $"declares {unique:N0} shared strings, more than its {data.Remaining:N0} bytes can hold or than the {SpreadsheetLimits.MaxSharedStrings:N0} a workbook may have"));
        }

        var sst = new List<string>((int)unique);
        for (var i = 0; i < unique; i++)
        {
            sst.Add(data.ReadUnicodeString());
        }

        return sst;
    }

    private static Worksheet ReadSheet(string fileName, byte[] stream, string name, int offset, List<string> sst, CellBudget budget, ref long walked)
    {
        var records = new BiffRecordReader(fileName, stream, offset, $"sheet '{name}'");
        ReadBof(records, WorksheetSubstream, "worksheet");
        walked += records.Position - offset;
        var sheet = new SheetBuilder(fileName, name, budget);
        var depth = 0; // a chart embedded in the sheet is a nested BOF..EOF substream
        (int Row, int Column, BiffRecord Formula)? pendingString = null;
        while (records.TryRead(out var rec))
        {
            walked += 4 + rec.Length;
            if (walked > stream.Length)
            {
                throw records.Error(rec.Where, "is read a second time: the sheets' substreams overlap (two sheets at one offset, or one inside another)");
            }

            if (pendingString is { } unanswered && rec.Type is not (BiffRecordType.String or BiffRecordType.Continue) && IsCell(rec.Type))
            {
                throw records.Error(unanswered.Formula.Where, "is a formula whose string result has no STRING record after it", unanswered.Row);
            }

            switch (rec.Type)
            {
                case BiffRecordType.Bof:
                    depth++;
                    continue;
                case BiffRecordType.Eof when depth == 0:
                    return pendingString is { } missing
                        ? throw records.Error(missing.Formula.Where, "is a formula whose string result has no STRING record after it", missing.Row)
                        : sheet.Build();
                case BiffRecordType.Eof:
                    depth--;
                    continue;
            }

            if (depth > 0)
            {
                continue;
            }

            switch (rec.Type)
            {
                case BiffRecordType.String when pendingString is { } p:
                {
                    var data = records.WithContinues(rec);
                    Add(records, sheet, p.Row, p.Column, data.ReadUnicodeString(), rec);
                    pendingString = null;
                    break;
                }

                case BiffRecordType.LabelSst:
                {
                    var (row, column) = Place(records, rec, 10, "LABELSST");
                    var index = BinaryPrimitives.ReadUInt32LittleEndian(records.Data(rec)[6..]);
                    if (index >= (uint)sst.Count)
                    {
                        throw records.Error(CellPlace(column, row), string.Create(CultureInfo.InvariantCulture,
                            $"is a shared-string index beyond the table's {sst.Count:N0} strings (0 to {sst.Count - 1})"), row, index.ToString(CultureInfo.InvariantCulture));
                    }

                    Add(records, sheet, row, column, sst[(int)index], rec);
                    break;
                }

                case BiffRecordType.Label or BiffRecordType.RString:
                {
                    var (row, column) = Place(records, rec, 9, "LABEL");
                    var data = records.WithContinues(rec);
                    data.Skip(6);
                    Add(records, sheet, row, column, data.ReadUnicodeString(), rec);
                    break;
                }

                case BiffRecordType.Number:
                {
                    var (row, column) = Place(records, rec, 14, "NUMBER");
                    Add(records, sheet, row, column, Number(records, rec, row, column, BinaryPrimitives.ReadDoubleLittleEndian(records.Data(rec)[6..])), rec);
                    break;
                }

                case BiffRecordType.Rk:
                {
                    var (row, column) = Place(records, rec, 10, "RK");
                    Add(records, sheet, row, column, Number(records, rec, row, column, RkNumber.Decode(BinaryPrimitives.ReadUInt32LittleEndian(records.Data(rec)[6..]))), rec);
                    break;
                }

                case BiffRecordType.MulRk:
                    ReadMulRk(records, sheet, rec);
                    break;
                case BiffRecordType.BoolErr:
                {
                    var (row, column) = Place(records, rec, 8, "BOOLERR");
                    var data = records.Data(rec);
                    var text = data[7] == 0 ? CellText.Boolean(data[6] != 0) : CellText.Error(data[6]);
                    Add(records, sheet, row, column, text ?? throw records.Error(CellPlace(column, row), $"holds error code 0x{data[6]:X2}, which BIFF8 does not define", row), rec);
                    break;
                }

                case BiffRecordType.Formula:
                    pendingString = ReadFormula(records, sheet, rec);
                    break;
                case BiffRecordType.Blank:
                    _ = Place(records, rec, 6, "BLANK");
                    break;
                case BiffRecordType.MulBlank:
                    // Blank cells only carry formatting: checked for shape, nothing to add.
                    _ = Place(records, rec, 6, "MULBLANK");
                    break;
            }
        }

        throw records.Error(string.Empty, "ends before its EOF record (truncated file)");
    }

    private static (int Row, int Column, BiffRecord Formula)? ReadFormula(BiffRecordReader records, SheetBuilder sheet, BiffRecord rec)
    {
        var (row, column) = Place(records, rec, 20, "FORMULA");
        var value = records.Data(rec).Slice(6, 8);
        if (BinaryPrimitives.ReadUInt16LittleEndian(value[6..]) != 0xFFFF)
        {
            Add(records, sheet, row, column, Number(records, rec, row, column, BinaryPrimitives.ReadDoubleLittleEndian(value)), rec);
            return null;
        }

        // Not a number: byte 0 says which kind of cached result ([MS-XLS] 2.5.133 FormulaValue).
        switch (value[0])
        {
            case 0:
                return (row, column, rec); // the string is in the STRING record that follows
            case 1:
                Add(records, sheet, row, column, CellText.Boolean(value[2] != 0), rec);
                return null;
            case 2:
                Add(records, sheet, row, column, CellText.Error(value[2]) ?? throw records.Error(CellPlace(column, row), $"holds error code 0x{value[2]:X2}, which BIFF8 does not define", row), rec);
                return null;
            case 3:
                return null; // an empty string
            default:
                throw records.Error(CellPlace(column, row), $"is a formula whose cached result has type {value[0]}, which BIFF8 does not define", row);
        }
    }

    private static void ReadMulRk(BiffRecordReader records, SheetBuilder sheet, BiffRecord rec)
    {
        var (row, first) = Place(records, rec, 12, "MULRK");
        var data = records.Data(rec);
        var count = (data.Length - 6) / 6;
        var last = BinaryPrimitives.ReadUInt16LittleEndian(data[^2..]);
        if ((data.Length - 6) % 6 != 0 || last != first + count - 1)
        {
            throw records.Error(rec.Where, string.Create(CultureInfo.InvariantCulture,
                $"holds {data.Length - 6} bytes of numbers for columns {first} to {last}: expected 6 bytes per column"), row);
        }

        for (var i = 0; i < count; i++)
        {
            var rk = BinaryPrimitives.ReadUInt32LittleEndian(data[(4 + (i * 6) + 2)..]);
            Add(records, sheet, row, first + i, Number(records, rec, row, first + i, RkNumber.Decode(rk)), rec);
        }
    }

    // Row and column of a cell record (the first 4 bytes of every one), 1-based row and 0-based column.
    private static (int Row, int Column) Place(BiffRecordReader records, BiffRecord rec, int minimum, string name)
    {
        var data = records.Data(rec, minimum, name);
        var column = BinaryPrimitives.ReadUInt16LittleEndian(data[2..]);
        if (column >= SpreadsheetLimits.MaxColumns)
        {
            throw records.Error(rec.Where, string.Create(CultureInfo.InvariantCulture, $"places a cell in column {column}, beyond the last column a sheet may have"));
        }

        return (BinaryPrimitives.ReadUInt16LittleEndian(data) + 1, column);
    }

    private static void Add(BiffRecordReader records, SheetBuilder sheet, int row, int column, string text, BiffRecord rec)
    {
        if (text.Length > SpreadsheetLimits.MaxCellChars)
        {
            throw records.Error(CellPlace(column, row) + $" ({rec.Where})", string.Create(CultureInfo.InvariantCulture, $"holds text longer than the {SpreadsheetLimits.MaxCellChars:N0} characters a cell may hold"), row);
        }

        if (text.Length > 0)
        {
            sheet.Add(row, column, text);
        }
    }

    private static string Number(BiffRecordReader records, BiffRecord rec, int row, int column, double value) =>
        CellText.Number(value) ?? throw records.Error(CellPlace(column, row) + $" ({rec.Where})", "holds NaN or an infinity, which no cell can hold", row);

    private static void ReadBof(BiffRecordReader records, ushort substream, string what)
    {
        if (!records.TryRead(out var bof) || bof.Type != BiffRecordType.Bof)
        {
            throw records.Error(bof.Type == 0 ? string.Empty : bof.Where, $"does not start with a BOF record: not the {what} of an xls workbook");
        }

        var data = records.Data(bof, 4, "BOF");
        var version = BinaryPrimitives.ReadUInt16LittleEndian(data);
        var type = BinaryPrimitives.ReadUInt16LittleEndian(data[2..]);
        if (version != Biff8 || type != substream)
        {
            throw records.Error(bof.Where, string.Create(CultureInfo.InvariantCulture,
                $"starts a substream of BIFF version 0x{version:X4}, type 0x{type:X4}: expected BIFF8 (0x0600) {what} (0x{substream:X4})"));
        }
    }

    private static bool IsCell(ushort type) => type is BiffRecordType.LabelSst or BiffRecordType.Label or BiffRecordType.RString
        or BiffRecordType.Number or BiffRecordType.Rk or BiffRecordType.MulRk or BiffRecordType.BoolErr
        or BiffRecordType.Formula or BiffRecordType.Blank or BiffRecordType.MulBlank;

    private static string CellPlace(int column, int row) => "cell " + CellReference.Format(column, row);
}
