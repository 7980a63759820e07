using System.Globalization;
using System.Text;

namespace TradeBalance.Data.Internal.Spreadsheets.Xls;

/// <summary>
/// A record's data followed by its CONTINUE records', read as one sequence, with the one BIFF8 twist:
/// when a string's characters run on into a CONTINUE record, that record starts with a new option-flags byte
/// saying whether the rest are 1-byte (compressed) or 2-byte characters ([MS-XLS] 2.5.293, 2.1.4).
/// Every read checks what is left first, so a length field can never size an allocation beyond the data.
/// </summary>
internal sealed class BiffContinuedData(BiffRecordReader reader, BiffRecord record, List<(int Offset, int Length)> segments)
{
    // Bytes left in all segments together, kept as reads go: summing the segments on each call would make
    // a table of many strings over many CONTINUE records quadratic.
    private long _remaining = segments.Sum(s => (long)s.Length);
    private int _segment;
    private int _offset;

    /// <summary>Gets the bytes left in all segments together.</summary>
    public long Remaining => _remaining;

    /// <summary>Reads one byte, moving on to the next segment when this one is used up.</summary>
    public byte ReadByte()
    {
        while (_offset >= segments[_segment].Length)
        {
            NextSegment();
        }

        _remaining--;
        return reader.Stream[segments[_segment].Offset + _offset++];
    }

    /// <summary>Reads a little-endian 16-bit value.</summary>
    public ushort ReadUInt16() => (ushort)(ReadByte() | (ReadByte() << 8));

    /// <summary>Reads a little-endian 32-bit value.</summary>
    public uint ReadUInt32() => ReadUInt16() | ((uint)ReadUInt16() << 16);

    /// <summary>Skips bytes (formatting runs, phonetic data), refusing to skip past the end.</summary>
    public void Skip(long count)
    {
        if (count > Remaining)
        {
            throw Truncated(string.Create(CultureInfo.InvariantCulture, $"needs {count:N0} more bytes but {Remaining:N0} are left"));
        }

        while (count > 0)
        {
            var here = Math.Min(count, segments[_segment].Length - _offset);
            _offset += (int)here;
            _remaining -= here;
            count -= here;
            if (count > 0)
            {
                NextSegment();
            }
        }
    }

    /// <summary>
    /// Reads <paramref name="count"/> characters, 1 or 2 bytes each; at a segment boundary inside them, reads
    /// the new option-flags byte and goes on in the width it gives.
    /// </summary>
    public string ReadCharacters(int count, bool highByte)
    {
        var sb = new StringBuilder(Math.Min(count, 1024));
        while (sb.Length < count)
        {
            if (_offset >= segments[_segment].Length)
            {
                NextSegment();
                var flags = ReadByte();
                if ((flags & 0xFE) != 0)
                {
                    throw reader.Error(Where, $"has a string continued with option flags 0x{flags:X2}: only bit 0 (2-byte characters) may be set");
                }

                highByte = (flags & 1) != 0;
            }

            var width = highByte ? 2 : 1;
            var inSegment = (segments[_segment].Length - _offset) / width;
            if (inSegment == 0)
            {
                throw reader.Error(Where, "has a 2-byte character split between two records");
            }

            var take = Math.Min(inSegment, count - sb.Length);
            var span = reader.Stream.AsSpan(segments[_segment].Offset + _offset, take * width);
            sb.Append(highByte ? Encoding.Unicode.GetString(span) : Encoding.Latin1.GetString(span));
            _offset += take * width;
            _remaining -= take * width;
        }

        return sb.ToString();
    }

    /// <summary>
    /// Reads an XLUnicodeRichExtendedString (the SST's and LABEL's form): a 16-bit count, option flags,
    /// optional run and phonetic counts, the characters, then the runs and phonetic data skipped.
    /// </summary>
    /// <param name="countBytes">1 for a ShortXLUnicodeString's 8-bit count, 2 otherwise.</param>
    public string ReadUnicodeString(int countBytes = 2)
    {
        var count = countBytes == 1 ? ReadByte() : ReadUInt16();
        var flags = ReadByte();
        if ((flags & 0xF2) != 0)
        {
            throw reader.Error(Where, $"has a string with option flags 0x{flags:X2}: only bits 0 (2-byte characters), 2 (phonetic data) and 3 (formatting runs) are defined");
        }

        var runs = (flags & 0x08) != 0 ? ReadUInt16() : 0;
        var phonetic = (flags & 0x04) != 0 ? ReadUInt32() : 0;
        // At least one byte per character must be left: a count cannot outgrow the data it claims.
        if (count > Remaining)
        {
            throw Truncated(string.Create(CultureInfo.InvariantCulture, $"declares a string of {count:N0} characters but {Remaining:N0} bytes are left"));
        }

        var text = ReadCharacters(count, (flags & 0x01) != 0);
        Skip(runs * 4L);
        Skip(phonetic);
        return text;
    }

    private string Where => record.Where;

    private void NextSegment()
    {
        if (_segment + 1 >= segments.Count)
        {
            throw Truncated("ends before the data it declares (truncated record or missing CONTINUE record)");
        }

        _segment++;
        _offset = 0;
    }

    private TradeDataException Truncated(string problem) => reader.Error(Where, problem);
}
