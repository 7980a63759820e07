namespace TradeBalance.Data.Internal;

/// <summary>The file a <see cref="JsonNode"/> tree came from: its name and bytes, to turn offsets into line numbers.</summary>
internal sealed class JsonDocumentContext(string fileName, byte[] bytes, int start)
{
    public string FileName { get; } = fileName;

    public int Start { get; } = start;

    public long LineOf(long offset)
    {
        var end = (int)Math.Min(offset, bytes.Length);
        return bytes.AsSpan(0, end).Count((byte)'\n') + 1;
    }

    public TradeDataException Error(long offset, string? path, string? value, string problem, Exception? inner = null) =>
        new(FileName, LineOf(offset), path, value, problem, inner);
}
