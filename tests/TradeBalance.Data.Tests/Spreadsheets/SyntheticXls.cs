using System.Text;

namespace TradeBalance.Data.Tests.Spreadsheets;

/// <summary>
/// Tiny xls workbooks built in memory: a BIFF8 Workbook stream (globals with one BOUNDSHEET8 and an SST, then
/// one worksheet) inside a version-3 compound file laid out as header, FAT (sector 0), directory (sector 1),
/// stream (sectors 2 on). Offsets tests tamper with: FAT at 512, directory entry 1 at 1024 + 128.
/// </summary>
internal static class SyntheticXls
{
    public const uint EndOfChain = 0xFFFFFFFE;
    public const int FatOffset = 512;
    public const int WorkbookEntryOffset = 1024 + 128;

    public static byte[] Record(ushort type, params byte[][] parts)
    {
        var data = parts.SelectMany(p => p).ToArray();
        return [.. BitConverter.GetBytes(type), .. BitConverter.GetBytes((ushort)data.Length), .. data];
    }

    public static byte[] U16(int v) => BitConverter.GetBytes((ushort)v);

    public static byte[] U32(uint v) => BitConverter.GetBytes(v);

    /// <summary>An 8-bit (compressed) XLUnicodeString with a 16-bit count.</summary>
    public static byte[] Str(string s) => [.. U16(s.Length), 0, .. Encoding.Latin1.GetBytes(s)];

    public static byte[] Cell(int row, int col) => [.. U16(row - 1), .. U16(col), .. U16(15)];

    public static byte[] LabelSst(int row, int col, uint index) => Record(0x00FD, Cell(row, col), U32(index));

    public static byte[] Number(int row, int col, double v) => Record(0x0203, Cell(row, col), BitConverter.GetBytes(v));

    public static byte[] Rk(int row, int col, uint rk) => Record(0x027E, Cell(row, col), U32(rk));

    public static byte[] Label(int row, int col, string s) => Record(0x0204, Cell(row, col), Str(s));

    /// <summary>A FORMULA whose cached result is a string, and the STRING record that holds it.</summary>
    public static byte[] FormulaString(int row, int col, string s) =>
        [.. Record(0x0006, Cell(row, col), [0, 0, 0, 0, 0, 0, 0xFF, 0xFF], U16(0), U32(0), U16(0)), .. Record(0x0207, Str(s))];

    /// <summary>An SST record holding compressed strings.</summary>
    public static byte[] Sst(params string[] strings) =>
        Record(0x00FC, U32((uint)strings.Length), U32((uint)strings.Length), strings.SelectMany(Str).ToArray());

    /// <summary>A Workbook stream: globals (BOUNDSHEET8, the SST records, padding to 4 KB so the stream is not a mini stream) and one sheet.</summary>
    public static byte[] Stream(byte[] sstRecords, IEnumerable<byte[]> cells, string sheetName = "Data", bool pad4k = true)
    {
        var bof = (ushort dt) => Record(0x0809, U16(0x0600), U16(dt), new byte[12]);
        var pad = pad4k ? Record(0x00E2, new byte[4200]) : [];
        byte[] name = [(byte)sheetName.Length, 0, .. Encoding.Latin1.GetBytes(sheetName)];
        var boundSheetLength = 4 + 6 + name.Length;
        var globalsLength = bof(5).Length + boundSheetLength + sstRecords.Length + pad.Length + 4;
        var boundSheet = Record(0x0085, U32((uint)globalsLength), [0, 0], name);
        byte[] globals = [.. bof(5), .. boundSheet, .. sstRecords, .. pad, .. Record(0x000A)];
        return [.. globals, .. bof(0x10), .. cells.SelectMany(c => c), .. Record(0x000A)];
    }

    /// <summary>A version-3 compound file holding one stream named Workbook.</summary>
    public static byte[] Compound(byte[] stream)
    {
        var streamSectors = (stream.Length + 511) / 512;
        var file = new byte[512 * (3 + streamSectors)];
        byte[] magic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        magic.CopyTo(file, 0);
        Put16(file, 0x18, 0x3E);
        Put16(file, 0x1A, 3);
        Put16(file, 0x1C, 0xFFFE);
        Put16(file, 0x1E, 9);
        Put16(file, 0x20, 6);
        Put32(file, 0x2C, 1); // FAT sectors
        Put32(file, 0x30, 1); // first directory sector
        Put32(file, 0x38, 4096);
        Put32(file, 0x3C, EndOfChain); // no mini FAT
        Put32(file, 0x44, EndOfChain); // no DIFAT sectors
        for (var i = 0; i < 109; i++)
        {
            Put32(file, 0x4C + (i * 4), i == 0 ? 0 : 0xFFFFFFFF);
        }

        // FAT: sector 0 is the FAT, 1 the directory, 2.. the stream.
        for (var i = 0; i < 128; i++)
        {
            var value = i switch
            {
                0 => 0xFFFFFFFD,
                1 => EndOfChain,
                _ when i >= 2 && i < 2 + streamSectors => i == 1 + streamSectors ? EndOfChain : (uint)(i + 1),
                _ => 0xFFFFFFFF,
            };
            Put32(file, FatOffset + (i * 4), value);
        }

        DirectoryEntry(file, 1024, "Root Entry", 5, EndOfChain, 0);
        DirectoryEntry(file, WorkbookEntryOffset, "Workbook", 2, 2, (uint)stream.Length);
        stream.CopyTo(file, 512 * 3);
        return file;
    }

    /// <summary>
    /// A version-3 compound file whose Workbook stream (under 4 KB) lives in the mini stream: header, FAT
    /// (sector 0), directory (1), mini FAT (2), and the root entry's mini stream container (3 on).
    /// </summary>
    public static byte[] MiniCompound(byte[] stream)
    {
        var miniSectors = (stream.Length + 63) / 64;
        var containerSectors = ((miniSectors * 64) + 511) / 512;
        var file = Compound([]);
        Array.Resize(ref file, 512 * (4 + containerSectors));
        Put32(file, 0x3C, 2); // first mini FAT sector
        Put32(file, 0x40, 1);
        for (var i = 0; i < 128; i++)
        {
            var value = i switch
            {
                0 => 0xFFFFFFFD,
                1 or 2 => EndOfChain,
                _ when i >= 3 && i < 3 + containerSectors => i == 2 + containerSectors ? EndOfChain : (uint)(i + 1),
                _ => 0xFFFFFFFF,
            };
            Put32(file, FatOffset + (i * 4), value);
        }

        for (var i = 0; i < 128; i++)
        {
            Put32(file, (512 * 3) + (i * 4), i < miniSectors ? (i == miniSectors - 1 ? EndOfChain : (uint)(i + 1)) : 0xFFFFFFFF);
        }

        DirectoryEntry(file, 1024, "Root Entry", 5, 3, (uint)(miniSectors * 64));
        DirectoryEntry(file, WorkbookEntryOffset, "Workbook", 2, 0, (uint)stream.Length);
        stream.CopyTo(file, 512 * 4);
        return file;
    }

    /// <summary>A whole workbook: one sheet of cells over an SST.</summary>
    public static byte[] Workbook(byte[] sstRecords, params byte[][] cells) => Compound(Stream(sstRecords, cells));

    public static void Put16(byte[] b, int offset, int v) => BitConverter.GetBytes((ushort)v).CopyTo(b, offset);

    public static void Put32(byte[] b, int offset, uint v) => BitConverter.GetBytes(v).CopyTo(b, offset);

    private static void DirectoryEntry(byte[] file, int offset, string name, byte type, uint start, uint size)
    {
        var n = Encoding.Unicode.GetBytes(name + "\0");
        n.CopyTo(file, offset);
        Put16(file, offset + 64, n.Length);
        file[offset + 66] = type;
        Put32(file, offset + 68, 0xFFFFFFFF);
        Put32(file, offset + 72, 0xFFFFFFFF);
        Put32(file, offset + 76, type == 5 ? 1u : 0xFFFFFFFF);
        Put32(file, offset + 116, start);
        Put32(file, offset + 120, size);
    }
}
