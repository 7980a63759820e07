using System.Buffers.Binary;
using System.Globalization;

namespace TradeBalance.Data.Internal.Spreadsheets.Xls;

/// <summary>
/// Walks the records of a BIFF8 Workbook stream from an offset. Each record advances at least its 4-byte
/// header, so a walk ends within the stream's length: no loop can spin.
/// </summary>
internal sealed class BiffRecordReader(string fileName, byte[] stream, int start, string context)
{
    /// <summary>The most data one BIFF8 record may carry ([MS-XLS] 2.1.4).</summary>
    public const int MaxRecordData = 8224;

    private int _position = start;

    /// <summary>Gets the offset of the next record.</summary>
    public int Position => _position;

    /// <summary>Gets the Workbook stream.</summary>
    public byte[] Stream => stream;

    /// <summary>Gets the file's name for messages.</summary>
    public string FileName => fileName;

    /// <summary>Reads the next record; false at the end of the stream.</summary>
    public bool TryRead(out BiffRecord record)
    {
        record = default;
        if (_position >= stream.Length)
        {
            return false;
        }

        if (stream.Length - _position < 4)
        {
            throw Error(string.Create(CultureInfo.InvariantCulture, $"record header at offset {_position}"), "is cut short: the stream ends inside it (truncated file)");
        }

        var type = BinaryPrimitives.ReadUInt16LittleEndian(stream.AsSpan(_position));
        var length = BinaryPrimitives.ReadUInt16LittleEndian(stream.AsSpan(_position + 2));
        record = new BiffRecord(type, _position, _position + 4, length);
        if (length > MaxRecordData)
        {
            throw Error(record.Where, string.Create(CultureInfo.InvariantCulture, $"declares {length:N0} bytes of data, more than the {MaxRecordData:N0} a BIFF8 record may hold"));
        }

        if (record.DataOffset + length > stream.Length)
        {
            throw Error(record.Where, string.Create(CultureInfo.InvariantCulture, $"declares {length:N0} bytes of data but the stream ends after {stream.Length - record.DataOffset:N0} (truncated file)"));
        }

        _position = record.DataOffset + length;
        return true;
    }

    /// <summary>
    /// The data of a record and of the CONTINUE records right after it (a string or the SST may run on into
    /// them); the reader moves past those CONTINUE records.
    /// </summary>
    public BiffContinuedData WithContinues(BiffRecord record)
    {
        var segments = new List<(int Offset, int Length)> { (record.DataOffset, record.Length) };
        while (_position + 4 <= stream.Length && BinaryPrimitives.ReadUInt16LittleEndian(stream.AsSpan(_position)) == BiffRecordType.Continue)
        {
            _ = TryRead(out var next);
            segments.Add((next.DataOffset, next.Length));
        }

        return new BiffContinuedData(this, record, segments);
    }

    /// <summary>The data of a record as a span.</summary>
    public ReadOnlySpan<byte> Data(BiffRecord record) => stream.AsSpan(record.DataOffset, record.Length);

    /// <summary>The data of a record, refusing a record shorter than its fixed fields.</summary>
    public ReadOnlySpan<byte> Data(BiffRecord record, int minimum, string name) =>
        record.Length >= minimum
            ? Data(record)
            : throw Error(record.Where, string.Create(CultureInfo.InvariantCulture, $"is {record.Length} bytes long, too short for a {name} record ({minimum} at least)"));

    /// <summary>An error at a place in this walk, for example <c>sheet 'Data', record 0x00FD at offset 1234</c>.</summary>
    /// <param name="where">The place within the substream; empty for the substream as a whole.</param>
    /// <param name="problem">What is wrong.</param>
    /// <param name="row">The 1-based row when the place is a cell, else 0.</param>
    /// <param name="value">The offending value, if any.</param>
    public TradeDataException Error(string where, string problem, int row = 0, string? value = null) =>
        SpreadsheetErrors.At(fileName, where.Length == 0 ? context : context + ", " + where, problem, row, value);
}
