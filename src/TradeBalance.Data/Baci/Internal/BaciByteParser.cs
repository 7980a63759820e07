using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace TradeBalance.Data.Internal.Baci;

/// <summary>
/// The columnar reader's byte parser: one part of a file in the canonical CEPII layout (unquoted ASCII fields, no
/// padding, <c>\n</c> or <c>\r\n</c> line ends) straight into the column arrays, row by row, with
/// <see cref="BaciRules"/>' rules tested on bytes. A row it does not recognise marks the part as an anomaly and the
/// whole file goes to the slow path, which names the problem.
/// </summary>
/// <remarks>Hot: no allocation per row and no virtual call in the loop; the report's counts are kept in the part.</remarks>
internal static class BaciByteParser
{
    /// <summary><see cref="BaciRules.NotHsProduct"/> and its comma as the low 7 bytes of an 8-byte load.</summary>
    private static readonly ulong NotHsWord = BinaryPrimitives.ReadUInt64LittleEndian(Encoding.ASCII.GetBytes(BaciRules.NotHsProduct + ",\0"));

    /// <summary>One part's outcome.</summary>
    public sealed class Part
    {
        public bool Anomaly;
        public int Stored;
        public bool Ascending = true;
        public long FirstKey = -1;
        public long LastKey = -1;
        public long FiveDigit;
        public List<int>? SkippedLines;
        public int[]? Nes;
    }

    /// <summary>Parses the lines in [start, end) (end just after a '\n') into rows from <paramref name="row"/> on.</summary>
    public static Part ParsePart(byte[] buffer, int start, int end, int row, BaciColumnArrays c, byte[] kinds, bool hasQ)
    {
        var part = new Part();
        ref var b = ref MemoryMarshal.GetArrayDataReference(buffer);
        ref var kind = ref MemoryMarshal.GetArrayDataReference(kinds);
        ref var years = ref MemoryMarshal.GetArrayDataReference(c.Years);
        ref var exporters = ref MemoryMarshal.GetArrayDataReference(c.Exporters);
        ref var importers = ref MemoryMarshal.GetArrayDataReference(c.Importers);
        ref var products = ref MemoryMarshal.GetArrayDataReference(c.Products);
        ref var values = ref MemoryMarshal.GetArrayDataReference(c.Values);
        ref var quantities = ref MemoryMarshal.GetArrayDataReference(c.Quantities);
        ref var scales = ref MemoryMarshal.GetArrayDataReference(c.Scales);
        var first = row;
        var line = row; // the line index (0 = first data line) of the current line
        var pos = start;
        var r = default(Row);
        var prevKey = -1L;
        var ascending = true;
        while (pos < end)
        {
            if (!ScalarRow(ref b, ref pos, hasQ, ref r))
            {
                return Anomaly(part);
            }

            var ki = Unsafe.Add(ref kind, r.Exporter);
            var kj = Unsafe.Add(ref kind, r.Importer);
            if (ki == (byte)BaciRules.CodeKind.Invalid || kj == (byte)BaciRules.CodeKind.Invalid)
            {
                return Anomaly(part);
            }

            if (((ki | kj) & (byte)BaciRules.CodeKind.NesArea) != 0)
            {
                part.Nes ??= new int[BaciRules.CodeCount];
                if (ki == (byte)BaciRules.CodeKind.NesArea)
                {
                    part.Nes[r.Exporter]++;
                }

                if (kj == (byte)BaciRules.CodeKind.NesArea)
                {
                    part.Nes[r.Importer]++;
                }
            }

            if (r.Product < 0)
            {
                (part.SkippedLines ??= []).Add(line++);
                continue;
            }

            if (r.FiveDigit)
            {
                part.FiveDigit++;
                r.FiveDigit = false;
            }

            line++;
            var key = BaciDuplicates.Key(r.Year, r.Exporter, r.Importer, r.Product);
            ascending &= key > prevKey;
            prevKey = key;
            Unsafe.Add(ref years, row) = (short)r.Year;
            Unsafe.Add(ref exporters, row) = (short)r.Exporter;
            Unsafe.Add(ref importers, row) = (short)r.Importer;
            Unsafe.Add(ref products, row) = r.Product;
            Unsafe.Add(ref values, row) = r.Value;
            Unsafe.Add(ref quantities, row) = r.Quantity;
            Unsafe.Add(ref scales, row) = r.Scales;
            if (row == first)
            {
                part.FirstKey = key;
            }

            row++;
        }

        part.Stored = row - first;
        part.LastKey = prevKey;
        part.Ascending = ascending;
        return part;
    }

    /// <summary>One parsed row; <see cref="YearWord"/> and <see cref="Year"/> carry over to the next row (the year rarely changes).</summary>
    private struct Row
    {
        public uint YearWord;
        public int Year;
        public int Exporter;
        public int Importer;
        public int Product; // -1: BaciRules.NotHsProduct, skipped
        public bool FiveDigit;
        public double Value;
        public double Quantity;
        public byte Scales; // the value's scale in the low 4 bits, the quantity's in the high 4 (see BaciDecimals.ScaleOf)
    }

    /// <summary>The row at <paramref name="pos"/>, byte by byte; false for anything the slow path must judge.</summary>
    private static bool ScalarRow(ref byte b, ref int pos, bool hasQ, ref Row r)
    {
        // t: four digits and a comma.
        var yw = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref b, pos));
        if (yw != r.YearWord)
        {
            if (((yw & 0xF0F0F0F0u) | (((yw + 0x06060606u) & 0xF0F0F0F0u) >> 4)) != 0x33333333u)
            {
                return false;
            }

            var d = yw - 0x30303030u;
            var y = (int)(((d & 0xFF) * 1000) + (((d >> 8) & 0xFF) * 100) + (((d >> 16) & 0xFF) * 10) + (d >> 24));
            if (y is < BaciRules.MinYear or > BaciRules.MaxYear)
            {
                return false;
            }

            r.YearWord = yw;
            r.Year = y;
        }

        if (Unsafe.Add(ref b, pos + 4) != (byte)',')
        {
            return false;
        }

        pos += 5;
        r.Exporter = BaciByteFields.Code(ref b, ref pos);
        r.Importer = r.Exporter < 0 ? -1 : BaciByteFields.Code(ref b, ref pos);
        if (r.Importer < 0)
        {
            return false;
        }

        // k: six digits in one 8-byte load (five: the leading zero is restored; 9999AA: skipped).
        var w = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref b, pos));
        if ((byte)(w >> 48) == ',')
        {
            // Six characters and a comma: six digits, or 9999AA (which has its comma in the same place, so it is
            // tested here: tested after this branch, it was never reached and sent every file with one to the slow path).
            var x = (w << 16) | 0x3030UL;
            if (BaciByteFields.EightDigits(x))
            {
                r.Product = BaciByteFields.ParseEight(x);
            }
            else if ((w & 0x00FF_FFFF_FFFF_FFFFUL) == NotHsWord)
            {
                r.Product = -1;
            }
            else
            {
                return false;
            }

            pos += 7;
        }
        else if ((byte)(w >> 40) == ',')
        {
            var x = (w << 24) | 0x303030UL;
            if (!BaciByteFields.EightDigits(x))
            {
                return false;
            }

            r.Product = BaciByteFields.ParseEight(x);
            r.FiveDigit = true;
            pos += 6;
        }
        else
        {
            return false;
        }

        // v: a non-negative decimal.
        r.Value = BaciByteFields.Number(ref b, ref pos, out var valueScale);
        if (!BaciByteFields.InsideDomain(r.Value) || (hasQ && Unsafe.Add(ref b, pos) != (byte)','))
        {
            return false;
        }

        // q: a decimal, or missing (empty, or BaciRules.MissingQuantity perhaps blank-padded: NA, '   NA').
        r.Quantity = double.NaN;
        var quantityScale = 0;
        if (hasQ)
        {
            pos++;
            var c0 = Unsafe.Add(ref b, pos);
            if (c0 is (byte)'N' or (byte)' ')
            {
                while (Unsafe.Add(ref b, pos) == (byte)' ')
                {
                    pos++;
                }

                if (Unsafe.Add(ref b, pos) != (byte)'N' || Unsafe.Add(ref b, pos + 1) != (byte)'A')
                {
                    return false;
                }

                pos += 2;
            }
            else if (c0 is not ((byte)'\n' or (byte)'\r'))
            {
                r.Quantity = BaciByteFields.Number(ref b, ref pos, out quantityScale);
                if (!BaciByteFields.InsideDomain(r.Quantity))
                {
                    return false;
                }
            }
        }

        r.Scales = (byte)(valueScale | (quantityScale << 4));

        // The line end: \n or \r\n.
        var e = Unsafe.Add(ref b, pos);
        if (e == (byte)'\n')
        {
            pos++;
            return true;
        }

        if (e == (byte)'\r' && Unsafe.Add(ref b, pos + 1) == (byte)'\n')
        {
            pos += 2;
            return true;
        }

        return false;
    }

    private static Part Anomaly(Part part)
    {
        part.Anomaly = true;
        return part;
    }
}
