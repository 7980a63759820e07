using System.Globalization;

namespace TradeBalance.Data.Internal.ParquetReading;

/// <summary>
/// Walks the page headers of one column chunk before the Parquet library reads it, so that no page can make it allocate
/// more than the file could hold: each header (Thrift compact protocol) is decoded just enough to read the page's sizes
/// and value count, which must lie inside the chunk and within bounds. A damaged header is a <see cref="TradeDataException"/>.
/// </summary>
internal static class ParquetPages
{
    /// <summary>A page may hold this much uncompressed whatever its compressed size.</summary>
    public const int PageBytesAnyPage = 16 << 20;

    /// <summary>Beyond <see cref="PageBytesAnyPage"/>, a page may expand this many times its compressed size.</summary>
    public const int ExpansionBound = 1024;

    private const int MaxHeaderBytes = 1 << 16;

    /// <summary>Checks every page header of the chunk at [start, start + length), whose pages hold at most <paramref name="rows"/> values (the group's rows for a flat column, the chunk's value count for a nested one).</summary>
    public static void Check(Stream stream, long start, long length, long rows, string fileName, string where)
    {
        var buffer = new byte[(int)Math.Min(MaxHeaderBytes, Math.Max(length, 1))];
        var at = start;
        var end = start + length;
        long values = 0;
        while (at < end)
        {
            stream.Position = at;
            var n = (int)Math.Min(buffer.Length, end - at);
            stream.ReadExactly(buffer, 0, n);
            Header h;
            try
            {
                var reader = new Compact(buffer.AsSpan(0, n));
                h = ReadHeader(ref reader);
                h = h with { Length = reader.Position };
            }
            catch (FormatException e)
            {
                throw ParquetSource.Bad(fileName, where, string.Create(CultureInfo.InvariantCulture, $"has a page header at byte {at:N0} that does not decode ({e.Message}): the file is damaged"), e);
            }

            if (h.Compressed < 0 || h.Uncompressed < 0 || h.Compressed > end - at - h.Length)
            {
                throw ParquetSource.Bad(fileName, where, string.Create(CultureInfo.InvariantCulture, $"has a page at byte {at:N0} whose size ({h.Compressed:N0} bytes) runs past its column chunk: the file is cut short or damaged"));
            }

            if (h.Uncompressed > PageBytesAnyPage + ((long)ExpansionBound * h.Compressed))
            {
                throw ParquetSource.Bad(fileName, where, string.Create(CultureInfo.InvariantCulture, $"has a page at byte {at:N0} that claims {h.Uncompressed:N0} bytes uncompressed from {h.Compressed:N0}: more than any real file, so the header is damaged"));
            }

            if (h.Values < 0 || h.Values > rows)
            {
                throw ParquetSource.Bad(fileName, where, string.Create(CultureInfo.InvariantCulture, $"has a page at byte {at:N0} that claims {h.Values:N0} values in a row group of {rows:N0} rows: the header is damaged"));
            }

            if (!h.Dictionary)
            {
                values += h.Values;
            }

            at += h.Length + h.Compressed;
        }

        if (values > rows)
        {
            throw ParquetSource.Bad(fileName, where, string.Create(CultureInfo.InvariantCulture, $"has pages holding {values:N0} values in a row group of {rows:N0} rows: the file is damaged"));
        }
    }

    /// <summary>Walks a Thrift struct (the footer) field by field without reading it: a count or length that runs past the
    /// bytes, an unknown type or nesting deeper than 32 is a <see cref="FormatException"/>, so the Parquet library is never
    /// handed a footer whose lists would make it loop or allocate for more than the bytes hold.</summary>
    public static void WalkStruct(ReadOnlySpan<byte> data)
    {
        var reader = new Compact(data);
        reader.Skip(12, 0);
    }

    private readonly record struct Header(long Uncompressed, long Compressed, long Values, bool Dictionary, int Length);

    /// <summary>PageHeader: 1 type, 2 uncompressed_page_size, 3 compressed_page_size, 5 data_page_header (1 num_values),
    /// 7 dictionary_page_header (1 num_values), 8 data_page_header_v2 (1 num_values); anything else skipped.</summary>
    private static Header ReadHeader(ref Compact r)
    {
        long type = -1, uncompressed = -1, compressed = -1, values = 0;
        short last = 0;
        while (true)
        {
            var (id, kind) = r.FieldHeader(ref last);
            if (kind == 0)
            {
                break;
            }

            switch (id)
            {
                case 1 when kind == 5:
                    type = r.Int();
                    break;
                case 2 when kind == 5:
                    uncompressed = r.Int();
                    break;
                case 3 when kind == 5:
                    compressed = r.Int();
                    break;
                case 5 or 7 or 8 when kind == 12:
                    values = NumValues(ref r);
                    break;
                default:
                    r.Skip(kind, 0);
                    break;
            }
        }

        return type < 0 || uncompressed < 0 || compressed < 0
            ? throw new FormatException("a required field is missing")
            : new Header(uncompressed, compressed, values, type == 2, 0);
    }

    private static long NumValues(ref Compact r)
    {
        long values = 0;
        short last = 0;
        while (true)
        {
            var (id, kind) = r.FieldHeader(ref last);
            if (kind == 0)
            {
                return values;
            }

            if (id == 1 && kind == 5)
            {
                values = r.Int();
            }
            else
            {
                r.Skip(kind, 1);
            }
        }
    }

    /// <summary>A reader of the Thrift compact protocol over a span; every overrun or absurd length is a <see cref="FormatException"/>.
    /// <see cref="Skip"/>'s depth is negative inside a list or map, where a boolean takes a byte of its own.</summary>
    private ref struct Compact(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;

        public int Position { get; private set; }

        public (short Id, int Kind) FieldHeader(ref short last)
        {
            var b = Byte();
            if (b == 0)
            {
                return (0, 0);
            }

            var kind = b & 0x0F;
            var delta = b >> 4;
            last = delta != 0 ? (short)(last + delta) : (short)ZigZag(Varint());
            return (last, kind);
        }

        public long Int() => ZigZag(Varint());

        public void Skip(int kind, int depth)
        {
            if (Math.Abs(depth) > 32)
            {
                throw new FormatException("nested too deep");
            }

            switch (kind)
            {
                case 1 or 2:
                    // A boolean field's value is in its field header; a boolean in a list or map takes a byte.
                    if (depth < 0)
                    {
                        Byte();
                    }

                    return;
                case 3:
                    Byte();
                    return;
                case 4 or 5 or 6:
                    Varint();
                    return;
                case 7:
                    Advance(8);
                    return;
                case 8:
                    Advance(Varint());
                    return;
                case 9 or 10:
                {
                    var h = Byte();
                    var count = (long)(h >> 4);
                    if (count == 15)
                    {
                        count = Varint();
                    }

                    var element = h & 0x0F;
                    Fits(count);
                    for (long i = 0; i < count; i++)
                    {
                        Skip(element, -(Math.Abs(depth) + 1));
                    }

                    return;
                }

                case 11:
                {
                    var count = Varint();
                    if (count == 0)
                    {
                        return;
                    }

                    var types = Byte();
                    Fits(count);
                    for (long i = 0; i < count; i++)
                    {
                        Skip(types >> 4, -(Math.Abs(depth) + 1));
                        Skip(types & 0x0F, -(Math.Abs(depth) + 1));
                    }

                    return;
                }

                case 12:
                {
                    short last = 0;
                    while (true)
                    {
                        var (_, inner) = FieldHeader(ref last);
                        if (inner == 0)
                        {
                            return;
                        }

                        Skip(inner, Math.Abs(depth) + 1);
                    }
                }

                default:
                    throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"unknown field type {kind}"));
            }
        }

        /// <summary>Every element takes at least a byte: a count larger than what is left is damage, not a long loop.</summary>
        private readonly void Fits(long count)
        {
            if (count < 0 || count > _data.Length - Position)
            {
                throw new FormatException("a list is longer than the data read");
            }
        }

        private byte Byte() => Position < _data.Length ? _data[Position++] : throw new FormatException("header runs past the data read");

        private void Advance(long n) => Position = n >= 0 && n <= _data.Length - Position ? Position + (int)n : throw new FormatException("a field runs past the data read");

        private long Varint()
        {
            ulong v = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                var b = Byte();
                v |= (ulong)(b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    return (long)v;
                }
            }

            throw new FormatException("a number is too long");
        }

        private static long ZigZag(long v) => (long)((ulong)v >> 1) ^ -(v & 1);
    }
}
