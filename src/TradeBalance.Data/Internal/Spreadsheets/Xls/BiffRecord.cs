namespace TradeBalance.Data.Internal.Spreadsheets.Xls;

/// <summary>One BIFF record: its type, the stream offset of its 4-byte header, and where its data lies.</summary>
internal readonly record struct BiffRecord(ushort Type, int Offset, int DataOffset, int Length)
{
    /// <summary>The record's place in words, for messages: <c>record 0x00FD at offset 1234</c>.</summary>
    public string Where => $"record 0x{Type:X4} at offset {Offset}";
}
