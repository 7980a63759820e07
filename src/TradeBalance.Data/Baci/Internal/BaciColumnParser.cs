namespace TradeBalance.Data.Internal.Baci;

/// <summary>
/// The reader behind <see cref="BaciReader.ReadColumns(string, BaciReadOptions?)"/> and BACI in
/// <see cref="TradeFile.ReadFlows(string, ComtradeReadOptions?, BaciReadOptions?)"/>: the whole file in one buffer
/// (<see cref="BaciFileBuffer"/>), parsed by the fast path (<see cref="BaciFastPath"/>) when it is in the canonical
/// CEPII layout, else by the slow path (<see cref="BaciSlowPath"/>).
/// </summary>
/// <remarks>Both paths apply <see cref="BaciRules"/>, so they accept exactly the same files, and every error comes from
/// the slow path, which reads in file order: the first bad line is the one named.</remarks>
internal static class BaciColumnParser
{
    /// <summary>Below this many data bytes the file is parsed in one part.</summary>
    private const int MinPartBytes = 1 << 18;

    /// <summary>The number of parts a file is parsed in by default: one per core, at least 2 on a multi-core machine.</summary>
    public static int DefaultParts => Math.Min(Environment.ProcessorCount, 64);

    /// <summary>Parses bytes (tests: any part count and size).</summary>
    public static ReadResult<BaciColumns> ParseBytes(ReadOnlySpan<byte> content, string fileName, BaciReadOptions options, int parts, int minPartBytes)
    {
        var buffer = new byte[content.Length + BaciFileBuffer.Padding];
        content.CopyTo(buffer);
        return Parse(buffer, content.Length, fileName, options, parts, minPartBytes);
    }

    public static ReadResult<BaciColumns> ReadPath(string path, BaciReadOptions options, int parts) => ReadPath(path, options, parts, slow: true)!;

    /// <summary>Reads a file on the fast path only: null when the file is not in the canonical layout (the slow path's files).</summary>
    public static ReadResult<BaciColumns>? ReadPathFast(string path, BaciReadOptions options, int parts) => ReadPath(path, options, parts, slow: false);

    private static ReadResult<BaciColumns>? ReadPath(string path, BaciReadOptions options, int parts, bool slow)
    {
        var (buffer, length) = BaciFileBuffer.ReadFile(path);
        try
        {
            return slow ? Parse(buffer, length, path, options, parts, MinPartBytes) : BaciFastPath.TryParse(buffer, length, path, options, parts, MinPartBytes);
        }
        finally
        {
            BaciFileBuffer.Return(buffer);
        }
    }

    public static ReadResult<BaciColumns> ReadStream(Stream stream, string fileName, BaciReadOptions options, int parts)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        var (buffer, length) = BaciFileBuffer.ReadStream(stream, fileName);
        try
        {
            return Parse(buffer, length, fileName, options, parts, MinPartBytes);
        }
        finally
        {
            BaciFileBuffer.Return(buffer);
        }
    }

    /// <summary>
    /// <see cref="TradeFile.ReadFlows(Stream, string, ComtradeReadOptions?, BaciReadOptions?)"/> for BACI: the content read
    /// whole (decompressed) and answered by the columns when they can give <see cref="BaciReader.Read(Stream, string, BaciReadOptions?)"/>'s
    /// answer, else read by <see cref="BaciRowReader"/> from the bytes in memory (and the rest of the input past 2 GB).
    /// </summary>
    public static ReadResult<TradeDataSet> ReadFlows(Stream raw, string fileName, long sizeHint, BaciReadOptions options, int parts)
    {
        var content = Input.Decompress(raw, fileName, leaveOpen: true);
        var gzip = content is CheckedGzipStream;
        byte[] buffer;
        int length;
        bool complete;
        try
        {
            (buffer, length, complete) = BaciFileBuffer.ReadAtMost(content, gzip ? sizeHint * 4 : sizeHint, fileName);
        }
        catch (InvalidDataException e)
        {
            content.Dispose();
            throw InputErrors.NotGzip(fileName, 1, e);
        }

        try
        {
            if (complete)
            {
                try
                {
                    if (BaciFastPath.TryParse(buffer, length, fileName, options, parts, MinPartBytes)?.Value.ToTradeDataSetExact(options) is { } flows)
                    {
                        return flows;
                    }
                }
                catch (TradeDataException)
                {
                    // The row reader names the problem its own way, or accepts what the columns refuse
                }
            }

            // The bytes already read, then (past 2 GB) the rest of the decompressed content: nothing is read twice.
            using var text = new ReplayStream(buffer, length, complete ? Stream.Null : content, leaveOpen: true);
            return BaciRowReader.ReadDecompressed(text, fileName, options);
        }
        finally
        {
            BaciFileBuffer.Return(buffer);
            content.Dispose();
        }
    }

    /// <summary>Parses the content on the fast path, else the slow one; <paramref name="buffer"/> has at least
    /// <see cref="BaciFileBuffer.Padding"/> spare bytes after <paramref name="length"/>.</summary>
    private static ReadResult<BaciColumns> Parse(byte[] buffer, int length, string fileName, BaciReadOptions options, int parts, int minPartBytes) =>
        BaciFastPath.TryParse(buffer, length, fileName, options, parts, minPartBytes) ?? BaciSlowPath.Parse(buffer, length, fileName, options);
}
