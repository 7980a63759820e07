using System.Buffers.Binary;
using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace TradeBalance.Data.Internal.ParquetReading;

/// <summary>
/// A Parquet file opened for reading: its trailer, footer and metadata checked before any column is read, so that a file
/// cut short, a footer that points outside the file or metadata that claims absurd sizes is a <see cref="TradeDataException"/>
/// naming the file, never an exception of the Parquet library nor an allocation of gigabytes.
/// </summary>
/// <remarks>
/// <para>Parquet keeps its index (the footer) at the end of the file, so it is read by seeking: a regular file is read in
/// place; anything that cannot seek (standard input, a pipe, a FIFO) is first copied to a temporary file (deleted when
/// closed; in memory only when no temporary file can be made), at most <see cref="MaxBufferedBytes"/>.</para>
/// <para>Bounds, each checked against the metadata before anything is allocated for it: the footer at most
/// <see cref="MaxFooterBytes"/>; every column chunk inside the file's data (between the leading magic and the footer); a row
/// group's rows no more than <see cref="RowsPerByte"/> per byte of its column chunks plus <see cref="RowsAnyGroup"/>
/// (so a small file cannot claim a billion rows and have them allocated), and no column chunk larger than
/// <see cref="MaxChunkBytes"/> uncompressed; and every page header of every column chunk inside its chunk, with a value
/// count no larger than its row group and an uncompressed size within <see cref="ParquetPages"/>' bound.</para>
/// </remarks>
internal sealed class ParquetSource : IDisposable
{
    /// <summary>The most bytes copied for Parquet read from a stream that cannot seek (a pipe, standard input).</summary>
    public const long MaxBufferedBytes = 1L << 30;

    /// <summary>The largest footer (file metadata) read.</summary>
    public const int MaxFooterBytes = 1 << 26;

    /// <summary>A row group may claim this many rows whatever its size (a constant column compresses to almost nothing).</summary>
    public const long RowsAnyGroup = 1 << 16;

    /// <summary>Rows a row group may claim per byte of its column chunks beyond <see cref="RowsAnyGroup"/>: a trade flow's
    /// value alone takes more than a byte in any real file, so this is far above real files and bounds memory by file size.</summary>
    public const long RowsPerByte = 16;

    /// <summary>The largest column chunk read, uncompressed.</summary>
    public const long MaxChunkBytes = 1L << 30;

    private static ReadOnlySpan<byte> Magic => "PAR1"u8;

    private static ReadOnlySpan<byte> EncryptedMagic => "PARE"u8;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;

    private ParquetSource(Stream stream, bool leaveOpen, string fileName, ParquetReader reader, string[] columns, DataField?[] fields, long[] groupStarts)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        FileName = fileName;
        Reader = reader;
        Columns = columns;
        Fields = fields;
        GroupStarts = groupStarts;
    }

    public string FileName { get; }

    public ParquetReader Reader { get; }

    /// <summary>Gets the names of the schema's top-level columns, in order.</summary>
    public string[] Columns { get; }

    /// <summary>Gets each top-level column's data field, or null for a nested column (list, map, struct).</summary>
    public DataField?[] Fields { get; }

    /// <summary>Gets the 0-based row each row group starts at, and the row count at the end (length = groups + 1).</summary>
    public long[] GroupStarts { get; }

    /// <summary>Gets the layout the column names name, as for a CSV header.</summary>
    public TradeFileFormat Format => TradeFile.Detect(Columns);

    /// <summary>True when the bytes start with Parquet's magic, <c>PAR1</c>.</summary>
    public static bool IsParquet(ReadOnlySpan<byte> prefix) => prefix.StartsWith(Magic);

    /// <summary>Opens Parquet from a stream whose first bytes (<paramref name="prefix"/>) were already read: in place when it
    /// can seek back to <paramref name="start"/> = 0, else copied to a temporary file first (at most <see cref="MaxBufferedBytes"/>).</summary>
    public static ParquetSource Open(Stream raw, long start, byte[] prefix, int length, string fileName, bool leaveOpen)
    {
        if (raw.CanSeek && start == 0)
        {
            raw.Position = 0;
            return Open(raw, fileName, leaveOpen);
        }

        // Spooled to disk, not memory: a 1 GiB pipe held in a growing MemoryStream cost 2 GB resident.
        var spool = Spool();
        spool.Write(prefix, 0, length);
        try
        {
            var buffer = new byte[1 << 16];
            int n;
            while ((n = raw.Read(buffer)) > 0)
            {
                if (spool.Length + n > MaxBufferedBytes)
                {
                    throw new TradeDataException(fileName, "whole file", 0, null, null, string.Create(CultureInfo.InvariantCulture,
                        $"is Parquet read from a stream that cannot seek (standard input, a pipe): Parquet keeps its index at the end, so TradeBalance copies such input first, at most {MaxBufferedBytes / (1 << 20):N0} MiB, and this one is larger; give the file's path instead"), null);
                }

                spool.Write(buffer, 0, n);
            }
        }
        catch
        {
            spool.Dispose();
            throw;
        }

        if (!leaveOpen)
        {
            raw.Dispose();
        }

        spool.Position = 0;
        return Open(spool, fileName, leaveOpen: false);
    }

    /// <summary>A temporary file deleted when closed, or memory when none can be made (a read-only temporary folder).</summary>
    private static Stream Spool()
    {
        try
        {
            var path = Path.Combine(Path.GetTempPath(), $"tradebalance-{Random.Shared.NextInt64():x16}.parquet");
            if (OperatingSystem.IsWindows())
            {
                return new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
            }

            // Unlinked at once: the open file lives until it is closed, and nothing is left behind if the process is killed.
            var spool = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
            File.Delete(path);
            return spool;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new MemoryStream();
        }
    }

    /// <summary>Opens Parquet from a seekable stream that starts at the file's first byte.</summary>
    public static ParquetSource Open(Stream stream, string fileName, bool leaveOpen)
    {
        try
        {
            return OpenChecked(stream, fileName, leaveOpen);
        }
        catch
        {
            if (!leaveOpen)
            {
                stream.Dispose();
            }

            throw;
        }
    }

    private static ParquetSource OpenChecked(Stream stream, string fileName, bool leaveOpen)
    {
        var length = stream.Length;
        if (length < 12)
        {
            throw Bad(fileName, "whole file", string.Create(CultureInfo.InvariantCulture, $"starts with PAR1 but has only {length} bytes: a Parquet file ends with a footer length and PAR1, so it is cut short"));
        }

        Span<byte> tail = stackalloc byte[8];
        stream.Position = length - 8;
        stream.ReadExactly(tail);
        if (tail[4..].SequenceEqual(EncryptedMagic))
        {
            throw Bad(fileName, "footer", "is encrypted Parquet (PARE): TradeBalance reads unencrypted Parquet only");
        }

        if (!tail[4..].SequenceEqual(Magic))
        {
            throw Bad(fileName, "footer", string.Create(CultureInfo.InvariantCulture, $"does not end with PAR1 ({length:N0} bytes): the file is cut short or damaged (Parquet ends with its footer, the footer's length and PAR1)"));
        }

        var footer = BinaryPrimitives.ReadInt32LittleEndian(tail);
        if (footer <= 0 || footer > length - 12)
        {
            throw Bad(fileName, "footer", string.Create(CultureInfo.InvariantCulture, $"gives a footer length of {footer:N0} bytes, which does not fit in the file ({length:N0} bytes): the file is cut short or damaged"));
        }

        if (footer > MaxFooterBytes)
        {
            throw Bad(fileName, "footer", string.Create(CultureInfo.InvariantCulture, $"gives a footer of {footer:N0} bytes; TradeBalance reads footers up to {MaxFooterBytes:N0} bytes"));
        }

        var footerBytes = new byte[footer];
        stream.Position = length - 8 - footer;
        stream.ReadExactly(footerBytes);
        try
        {
            ParquetPages.WalkStruct(footerBytes);
        }
        catch (FormatException e)
        {
            throw Bad(fileName, "footer", $"does not decode as Parquet metadata ({e.Message}): the file is damaged", e);
        }

        stream.Position = 0;
        ParquetReader reader;
        try
        {
            reader = ParquetReader.CreateAsync(stream, new ParquetOptions { TreatByteArrayAsString = true }, leaveStreamOpen: true).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not (OutOfMemoryException or TradeDataException))
        {
            throw Bad(fileName, "footer", $"does not decode as Parquet metadata: {e.Message}", e);
        }

        try
        {
            var groupStarts = CheckMetadata(reader, stream, fileName, length - 8 - footer);
            var (columns, fields) = TopLevel(reader.Schema);
            return new ParquetSource(stream, leaveOpen, fileName, reader, columns, fields, groupStarts);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or TradeDataException))
        {
            Close(reader);
            throw Bad(fileName, "footer", $"holds metadata TradeBalance cannot use: {e.Message}", e);
        }
        catch
        {
            Close(reader);
            throw;
        }
    }

    /// <summary>Checks the row counts and column chunks against the file and the bounds; returns where each row group starts.</summary>
    private static long[] CheckMetadata(ParquetReader reader, Stream stream, string fileName, long dataEnd)
    {
        var meta = reader.Metadata ?? throw Bad(fileName, "footer", "has no file metadata");
        var groups = meta.RowGroups ?? [];
        var starts = new long[groups.Count + 1];
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            var where = string.Create(CultureInfo.InvariantCulture, $"row group {g}");
            if (group.NumRows < 0)
            {
                throw Bad(fileName, where, string.Create(CultureInfo.InvariantCulture, $"claims {group.NumRows} rows"));
            }

            long bytes = 0;
            foreach (var chunk in group.Columns ?? [])
            {
                var m = chunk.MetaData ?? throw Bad(fileName, where, "has a column chunk without metadata (in another file, or encrypted): not supported");
                var column = m.PathInSchema is { Count: > 0 } path ? string.Join('.', path) : "?";
                var first = m.DictionaryPageOffset is { } d && d > 0 ? Math.Min(d, m.DataPageOffset) : m.DataPageOffset;
                if (m.TotalCompressedSize < 0 || first < 4 || first > dataEnd || m.TotalCompressedSize > dataEnd - first)
                {
                    throw Bad(fileName, where, string.Create(CultureInfo.InvariantCulture,
                        $"column '{column}': its data ({m.TotalCompressedSize:N0} bytes at offset {first:N0}) lies outside the file's data (bytes 4 to {dataEnd:N0}): the file is cut short or damaged"));
                }

                if (m.TotalUncompressedSize < 0 || m.TotalUncompressedSize > MaxChunkBytes)
                {
                    throw Bad(fileName, where, string.Create(CultureInfo.InvariantCulture,
                        $"column '{column}': claims {m.TotalUncompressedSize:N0} bytes uncompressed; TradeBalance reads column chunks up to {MaxChunkBytes:N0} bytes (write smaller row groups)"));
                }

                if (m.NumValues != group.NumRows && (m.PathInSchema?.Count ?? 0) == 1)
                {
                    throw Bad(fileName, where, string.Create(CultureInfo.InvariantCulture,
                        $"column '{column}': holds {m.NumValues:N0} values but the row group has {group.NumRows:N0} rows"));
                }

                // A flat column holds a value per row; a nested one (a list's elements) as many as its chunk says, which
                // may be more than the rows: its pages are bounded by that count instead.
                var flat = (m.PathInSchema?.Count ?? 0) == 1;
                if (!flat && (m.NumValues < 0 || m.NumValues > RowsAnyGroup + (RowsPerByte * m.TotalCompressedSize)))
                {
                    throw Bad(fileName, where, string.Create(CultureInfo.InvariantCulture,
                        $"column '{column}': claims {m.NumValues:N0} values in {m.TotalCompressedSize:N0} bytes: the metadata is damaged"));
                }

                ParquetPages.Check(stream, first, m.TotalCompressedSize, flat ? group.NumRows : m.NumValues, fileName, string.Create(CultureInfo.InvariantCulture, $"row group {g}, column '{column}'"));
                bytes += m.TotalCompressedSize;
            }

            if (group.NumRows > RowsAnyGroup + (RowsPerByte * bytes))
            {
                throw Bad(fileName, where, string.Create(CultureInfo.InvariantCulture,
                    $"claims {group.NumRows:N0} rows in {bytes:N0} bytes of column data, more than any real file holds ({RowsPerByte} rows a byte beyond {RowsAnyGroup:N0}): the metadata is damaged"));
            }

            starts[g + 1] = starts[g] + group.NumRows;
        }

        if (meta.NumRows != starts[^1])
        {
            throw Bad(fileName, "footer", string.Create(CultureInfo.InvariantCulture, $"claims {meta.NumRows:N0} rows but its row groups hold {starts[^1]:N0}"));
        }

        return starts;
    }

    private static (string[] Columns, DataField?[] Fields) TopLevel(ParquetSchema schema)
    {
        var fields = schema.Fields;
        var names = new string[fields.Count];
        var data = new DataField?[fields.Count];
        for (var i = 0; i < fields.Count; i++)
        {
            names[i] = fields[i].Name;
            data[i] = fields[i] is DataField { IsArray: false, MaxRepetitionLevel: 0 } f ? f : null;
        }

        return (names, data);
    }

    public static TradeDataException Bad(string fileName, string where, string problem, Exception? inner = null) =>
        new(fileName, where, 0, null, null, problem, inner);

    /// <summary>Closes a reader (the library disposes asynchronously only; nothing here waits on I/O).</summary>
    private static void Close(ParquetReader reader) => reader.DisposeAsync().AsTask().GetAwaiter().GetResult();

    public void Dispose()
    {
        Close(Reader);
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }
}
