namespace TradeBalance.Data.Internal;

/// <summary>The file a <see cref="JsonNode"/> tree came from: its name and bytes, to turn offsets into line numbers.</summary>
internal sealed class JsonDocumentContext(string fileName, byte[] bytes, int start)
{
    public string FileName { get; } = fileName;

    public int Start { get; } = start;

    /// <summary>The line of a byte offset: LF, CR LF and a lone CR each end a line, as in the CSV readers.</summary>
    public long LineOf(long offset)
    {
        var before = bytes.AsSpan(0, (int)Math.Min(offset, bytes.Length));
        var crs = before.Count((byte)'\r');
        if (crs == 0)
        {
            return before.Count((byte)'\n') + 1;
        }

        // A CR ends a line unless an LF follows it (then the LF does).
        long line = 1;
        for (var i = 0; i < before.Length; i++)
        {
            if (before[i] == (byte)'\n' || (before[i] == (byte)'\r' && (i + 1 >= bytes.Length || bytes[i + 1] != (byte)'\n')))
            {
                line++;
            }
        }

        return line;
    }

    public TradeDataException Error(long offset, string? path, string? value, string problem, Exception? inner = null) =>
        new(FileName, LineOf(offset), path, value, problem, inner);
}
