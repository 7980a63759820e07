using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace TradeBalance.Data.Internal.Baci;

/// <summary>
/// A BACI file read whole into one buffer for the columnar parser: gzip detected, pooled buffers (up to 256 MB), a file
/// that grows while read, and a read that stops early when the content cannot be a BACI file (no line breaks, another
/// header) rather than buffering up to 2 GB of it.
/// </summary>
internal static class BaciFileBuffer
{
    /// <summary>Bytes after the data that the parser may read (8-byte loads) and where it writes a final newline.</summary>
    public const int Padding = 16;

    /// <summary>Reads a file whole (gzip detected by name or magic bytes); give the buffer back with <see cref="Return"/>.</summary>
    public static (byte[] Buffer, int Length) ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        Span<byte> head = stackalloc byte[2];
        var regular = file.CanSeek && file.Length > 0;
        var n = regular ? RandomAccess.Read(file.SafeFileHandle, head, 0) : 0;
        if (regular && !path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) && !(n == 2 && head[0] == 0x1F && head[1] == 0x8B))
        {
            return ReadWhole(file.SafeFileHandle, path);
        }

        // gzip, or a file that cannot be sized (a FIFO, a device, /dev/stdin): read it as a stream.
        return ReadDecompressed(file, path, regular ? file.Length * 4 : 1 << 16);
    }

    /// <summary>Reads a stream to its end (gzip detected); the stream stays open.</summary>
    public static (byte[] Buffer, int Length) ReadStream(Stream stream, string fileName) => ReadDecompressed(stream, fileName, null);

    /// <summary>Reads a stream to its end, decompressed; <paramref name="sizeHint"/> null: the bytes left in a seekable stream.</summary>
    private static (byte[] Buffer, int Length) ReadDecompressed(Stream stream, string fileName, long? sizeHint)
    {
        try
        {
            using var content = Input.Decompress(stream, fileName, leaveOpen: true);
            return ReadAll(content, sizeHint ?? (stream.CanSeek ? stream.Length - stream.Position : 1 << 16), fileName);
        }
        catch (InvalidDataException e)
        {
            throw InputErrors.NotGzip(fileName, 1, e);
        }
    }

    /// <summary>Reads the stream to its end, or to the largest buffer an array allows (then not complete).</summary>
    public static (byte[] Buffer, int Length, bool Complete) ReadAtMost(Stream stream, long sizeHint, string fileName)
    {
        var buffer = RentBytes((int)Math.Clamp(sizeHint + Padding, 1 << 12, 1 << 30));
        var length = 0;
        var lastBreak = -1;
        var headerChecked = false;
        try
        {
            while (true)
            {
                if (!headerChecked && lastBreak >= 0 && HeaderIsBaci(buffer.AsSpan(0, lastBreak + 1)) is { } isBaci)
                {
                    headerChecked = true;
                    if (!isBaci)
                    {
                        // Not a BACI header: the read fails there whatever follows, so the rest is not read (it may not end).
                        return (buffer, length, true);
                    }
                }

                if (length == buffer.Length - Padding)
                {
                    if (buffer.Length >= Array.MaxLength)
                    {
                        return (buffer, length, false);
                    }

                    buffer = Grow(buffer, length);
                }

                var n = stream.Read(buffer, length, buffer.Length - Padding - length);
                if (n == 0)
                {
                    return (buffer, length, true);
                }

                CheckLineBreaks(buffer, length, length + n, ref lastBreak, fileName);
                length += n;
            }
        }
        catch
        {
            Return(buffer);
            throw;
        }
    }

    private static (byte[] Buffer, int Length) ReadWhole(SafeFileHandle handle, string path)
    {
        var size = RandomAccess.GetLength(handle);
        if (size > Array.MaxLength - Padding)
        {
            throw TooLarge(path);
        }

        var buffer = RentBytes((int)size + Padding);
        var length = 0;
        var lastBreak = -1;
        while (true)
        {
            var n = RandomAccess.Read(handle, buffer.AsSpan(length, buffer.Length - Padding - length), length);
            if (n == 0)
            {
                break;
            }

            try
            {
                CheckLineBreaks(buffer, length, length + n, ref lastBreak, path);
            }
            catch
            {
                Return(buffer);
                throw;
            }

            length += n;
            if (length == buffer.Length - Padding)
            {
                // The file grew while being read: keep going in a larger buffer.
                buffer = Grow(buffer, length);
            }
        }

        return (buffer, length);
    }

    private static (byte[] Buffer, int Length) ReadAll(Stream stream, long sizeHint, string fileName)
    {
        var (buffer, length, complete) = ReadAtMost(stream, sizeHint, fileName);
        if (!complete)
        {
            Return(buffer);
            throw TooLarge(fileName);
        }

        return (buffer, length);
    }

    /// <summary>Whether the header (the first line that is neither blank nor a <c>#</c> comment) names BACI's columns;
    /// null while the complete lines given hold no header yet.</summary>
    private static bool? HeaderIsBaci(ReadOnlySpan<byte> lines)
    {
        var text = Encoding.UTF8.GetString(lines);
        foreach (var line in text.Split('\n'))
        {
            var t = line.TrimStart('\uFEFF').Trim();
            if (t.Length == 0 || t[0] == '#')
            {
                continue;
            }

            return TradeFile.Detect(HeaderFields.Split(t)) == TradeFileFormat.Baci;
        }

        return null;
    }

    /// <summary>Bytes a read may buffer after the last line break: a line of <see cref="NewlineReader.MaxLineLength"/> characters, 4 bytes each.</summary>
    private const int MaxLineBytes = NewlineReader.MaxLineLength * 4;

    /// <summary>
    /// Stops a read that goes on buffering without a line break (<c>/dev/zero</c>, a binary file) once more than a line's
    /// worth of bytes follows the last break, rather than at 2 GB. <paramref name="lastBreak"/> is the last break so far (-1: none).
    /// </summary>
    private static void CheckLineBreaks(byte[] buffer, int from, int to, ref int lastBreak, string fileName)
    {
        var nl = buffer.AsSpan(from, to - from).LastIndexOf((byte)'\n');
        if (nl >= 0)
        {
            lastBreak = from + nl;
        }
        else if (to - lastBreak > MaxLineBytes)
        {
            var line = buffer.AsSpan(0, to).Count((byte)'\n') + 1;
            throw new TradeDataException(fileName, line, null, null, string.Create(CultureInfo.InvariantCulture, $"has a line longer than {NewlineReader.MaxLineLength:N0} characters (is it a text file with line breaks?)"));
        }
    }

    private static byte[] Grow(byte[] buffer, int length)
    {
        var bigger = RentBytes((int)Math.Min((long)buffer.Length * 2, Array.MaxLength));
        buffer.AsSpan(0, length).CopyTo(bigger);
        Return(buffer);
        return bigger;
    }

    /// <summary>Files up to this size share pooled buffers (read after read, no fresh pages to fault in); larger ones get
    /// a buffer of their own, so that the pool does not keep hundreds of megabytes alive after the read.</summary>
    private const int PoolLimit = 1 << 28;

    private static byte[] RentBytes(long size) =>
        size <= PoolLimit ? ArrayPool<byte>.Shared.Rent((int)size) : GC.AllocateUninitializedArray<byte>((int)Math.Min(size, Array.MaxLength));

    public static void Return(byte[] buffer)
    {
        if (buffer.Length <= PoolLimit)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static TradeDataException TooLarge(string fileName) =>
        new(fileName, 1, null, null, "is larger than BaciReader.ReadColumns can hold in memory (2 GB): read it with BaciReader.Read and filters");

}
