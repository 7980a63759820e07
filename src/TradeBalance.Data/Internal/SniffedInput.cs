using System.Globalization;
using System.IO.Compression;
using System.Text;
using TradeBalance.Data.Internal.ParquetReading;

namespace TradeBalance.Data.Internal;

/// <summary>
/// An input opened once and recognised from its first bytes: the layout is read from a buffered prefix, and
/// <see cref="Content"/> gives every byte again from the start (the prefix, then the rest of the stream), so a pipe,
/// standard input or a FIFO is read once like a file.
/// </summary>
internal sealed class SniffedInput : IDisposable
{
    /// <summary>How many bytes are read from the input at a time while looking for the header.</summary>
    private const int Chunk = 1 << 16;

    /// <summary>Lines before the header (comments, blank lines) the detection looks through.</summary>
    private const int MaxLeadingLines = 10_000;

    private SniffedInput(TradeFileFormat format, Stream content, string? problem, long problemLine, long sizeHint, ParquetSource? parquet = null)
    {
        Parquet = parquet;
        Format = format;
        Content = content;
        Problem = problem;
        ProblemLine = problemLine;
        SizeHint = sizeHint;
    }

    /// <summary>Gets the layout the header names (<see cref="TradeFileFormat.Unknown"/> when none, or when there is no header).</summary>
    public TradeFileFormat Format { get; }

    /// <summary>Gets the raw content from its first byte (still compressed when the input is gzip); read it once.</summary>
    public Stream Content { get; }

    /// <summary>Gets why no header was found when that is not an unknown layout (a line without end), else null.</summary>
    public string? Problem { get; }

    /// <summary>Gets the line <see cref="Problem"/> is on.</summary>
    public long ProblemLine { get; }

    /// <summary>Gets the Parquet file when the input starts with <c>PAR1</c> (then <see cref="Format"/> is the layout its
    /// column names name, and <see cref="Content"/> is empty), else null.</summary>
    public ParquetSource? Parquet { get; }

    /// <summary>Gets the raw size when the input knows it (a file), else a small guess; a hint for buffers.</summary>
    public long SizeHint { get; }

    /// <summary>Opens a file once (a regular file, a FIFO, <c>/dev/stdin</c>, …) and reads its layout.</summary>
    public static SniffedInput Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        try
        {
            return Read(file, path, leaveOpen: false);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Reads the layout from the start of a stream; the stream is read from its current position, once.</summary>
    /// <exception cref="TradeDataException">The content is gzip (by name or magic bytes) whose header does not decompress.</exception>
    public static SniffedInput Read(Stream raw, string fileName, bool leaveOpen)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(fileName);
        var sizeHint = raw.CanSeek ? Math.Max(0, raw.Length - raw.Position) : Chunk;
        var start = raw.CanSeek ? raw.Position : -1;
        var prefix = new byte[Chunk];
        var length = 0;
        var atEnd = false;
        while (true)
        {
            while (!atEnd && length < prefix.Length)
            {
                var n = raw.Read(prefix, length, prefix.Length - length);
                atEnd = n == 0;
                length += n;
            }

            if (ParquetSource.IsParquet(prefix.AsSpan(0, length)))
            {
                // Parquet is read by seeking (its index is at the end): in place, or held in memory when the input cannot seek.
                var parquet = ParquetSource.Open(raw, start, prefix, length, fileName, leaveOpen);
                return new SniffedInput(parquet.Format, Stream.Null, null, 0, sizeHint, parquet);
            }

            var (format, problem, line, decided) = Detect(prefix.AsSpan(0, length), fileName, atEnd);
            if (decided)
            {
                return new SniffedInput(format, new ReplayStream(prefix, length, raw, leaveOpen), problem, line, sizeHint);
            }

            Array.Resize(ref prefix, prefix.Length * 2);
        }
    }

    public void Dispose()
    {
        Content.Dispose();
        Parquet?.Dispose();
    }

    /// <summary>Finds the header in the prefix; undecided when the prefix may still be too short.</summary>
    private static (TradeFileFormat Format, string? Problem, long Line, bool Decided) Detect(ReadOnlySpan<byte> prefix, string fileName, bool atEnd)
    {
        var gzip = fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) || (prefix.Length >= 2 && prefix[0] == 0x1F && prefix[1] == 0x8B);
        var bytes = gzip ? Gunzip(prefix, fileName, NewlineReader.MaxLineLength * 4L, atEnd) : prefix.ToArray();
        if (gzip && ParquetSource.IsParquet(bytes))
        {
            return (TradeFileFormat.Unknown, "is gzip-compressed Parquet: Parquet compresses its pages itself and is read by seeking to its footer, so it is never wrapped in gzip; decompress it (gunzip) and give the .parquet file", 1, true);
        }

        var text = new UTF8Encoding(false, false).GetString(bytes);

        // UTF-16 and UTF-32 (by their byte order marks) hold NUL bytes in every character: not a control there.
        var wide = bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] or [0x00, 0x00, 0xFE, 0xFF, ..];
        long line = 0;
        var start = 0;
        while (true)
        {
            var end = text.AsSpan(start).IndexOfAny('\n', '\r');
            if (end < 0)
            {
                // The last line so far: a header only when nothing more can come.
                var rest = text.AsSpan(start);
                if (rest.Length > NewlineReader.MaxLineLength)
                {
                    return (TradeFileFormat.Unknown, string.Create(CultureInfo.InvariantCulture, $"has a line longer than {NewlineReader.MaxLineLength:N0} characters (is it a text file with line breaks?)"), line + 1, true);
                }

                var complete = atEnd || (gzip && bytes.Length >= NewlineReader.MaxLineLength * 4L);
                if (!complete)
                {
                    return default;
                }

                var header = Header(rest);
                return header is null ? (TradeFileFormat.Unknown, null, 0, true)
                    : Control(rest, wide) is { } lastProblem ? (TradeFileFormat.Unknown, lastProblem, line + 1, true)
                    : (TradeFile.Detect(header), null, 0, true);
            }

            if (end > NewlineReader.MaxLineLength)
            {
                return (TradeFileFormat.Unknown, string.Create(CultureInfo.InvariantCulture, $"has a line longer than {NewlineReader.MaxLineLength:N0} characters (is it a text file with line breaks?)"), line + 1, true);
            }

            line++;
            var columns = Header(text.AsSpan(start, end));
            if (columns is not null)
            {
                return Control(text.AsSpan(start, end), wide) is { } problem ? (TradeFileFormat.Unknown, problem, line, true) : (TradeFile.Detect(columns), null, 0, true);
            }

            if (line >= MaxLeadingLines)
            {
                return (TradeFileFormat.Unknown, null, 0, true);
            }

            start += end + 1;
        }
    }

    /// <summary>Why the header line is refused when it holds a control character (the line layer's rule,
    /// <see cref="NewlineReader.ControlProblem"/>: a zeroed block where the header was is named, not taken for an unknown
    /// layout); null when it holds none.</summary>
    private static string? Control(ReadOnlySpan<char> line, bool wide)
    {
        var at = wide ? -1 : line.IndexOfAny(NewlineReader.Controls);
        return at < 0 ? null : NewlineReader.ControlProblem(line[at]);
    }

    /// <summary>The column names when the line is a header (not blank, not a <c>#</c> comment), else null.</summary>
    private static string[]? Header(ReadOnlySpan<char> line)
    {
        line = line.TrimStart('\uFEFF');
        var t = line.TrimStart();
        if (t.IsEmpty || t[0] == '#')
        {
            return null;
        }

        var s = line.ToString();
        return HeaderFields.Split(s);
    }

    /// <summary>As much of a gzip prefix as decompresses (a prefix ends inside the data), at most <paramref name="limit"/>
    /// bytes; when the prefix is the whole input, it is checked to its end (a file cut short is named as such).</summary>
    private static byte[] Gunzip(ReadOnlySpan<byte> prefix, string fileName, long limit, bool whole)
    {
        var compressed = new MemoryStream(prefix.ToArray(), writable: false);
        using Stream gzip = whole ? new CheckedGzipStream(compressed, leaveOpen: false) : new GZipStream(compressed, CompressionMode.Decompress);
        var output = new MemoryStream();
        var buffer = new byte[Chunk];
        try
        {
            int n;
            while (output.Length < limit && (n = gzip.Read(buffer)) > 0)
            {
                output.Write(buffer, 0, n);
            }
        }
        catch (InvalidDataException e)
        {
            throw InputErrors.NotGzip(fileName, 1, e);
        }

        return output.ToArray();
    }
}
