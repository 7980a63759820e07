using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace TradeBalance.Data.Internal;

/// <summary>
/// The parser behind <see cref="BaciReader.ReadColumns(string, BaciReadOptions?)"/>: the whole file in one
/// pooled buffer, rows counted with a vectorised newline count, then parsed in parts (one per core) by a
/// hand-written byte parser straight into the column arrays.
/// </summary>
/// <remarks>
/// <para>The fast path accepts the canonical CEPII layout only: an optional UTF-8 BOM, the header
/// <c>t,i,j,k,v,q</c> (or <c>t,i,j,k,v</c>), unquoted ASCII fields, <c>\n</c> or <c>\r\n</c> line ends.
/// Anything else it does not recognise (a bad value, a quote, a comment, a blank line, padding, an
/// exponent, another column order) sends the whole file through the slow path, which reads it with the
/// same <see cref="CsvInput"/> rules and messages as <see cref="BaciReader.Read(string, BaciReadOptions?)"/>.
/// So both paths accept exactly the same files, and every error comes from the slow path, which reads in
/// file order: the first bad line is the one named.</para>
/// </remarks>
internal static class BaciColumnParser
{
    /// <summary>Bytes after the data that the parser may read (8-byte loads) and where it writes a final newline.</summary>
    private const int Padding = 16;

    /// <summary>Below this many data bytes the file is parsed in one part.</summary>
    private const int MinPartBytes = 1 << 18;

    private const byte Invalid = 0, CountryCode = 1, NesCode = 2;

    private static readonly double[] Pow10 =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
        1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    private static readonly ulong[] Pow10Integer = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000];

    private static readonly Lazy<byte[]> DefaultKinds = new(() =>
    {
        var kinds = new byte[10000];
        for (var n = 0; n < kinds.Length; n++)
        {
            kinds[n] = TradeCodes.Resolve(n, out _) switch
            {
                NumericCodeKind.Country => CountryCode,
                NumericCodeKind.NesArea => NesCode,
                _ => Invalid,
            };
        }

        return kinds;
    });

    /// <summary>The number of parts a file is parsed in by default: one per core, at least 2 on a multi-core machine.</summary>
    public static int DefaultParts => Math.Min(Environment.ProcessorCount, 64);

    /// <summary>Parses bytes (tests: any part count and size).</summary>
    internal static ReadResult<BaciColumns> ParseBytes(ReadOnlySpan<byte> content, string fileName, BaciReadOptions options, int parts, int minPartBytes)
    {
        var buffer = new byte[content.Length + Padding];
        content.CopyTo(buffer);
        return Parse(buffer, content.Length, fileName, options, parts, minPartBytes)!;
    }

    public static ReadResult<BaciColumns> ReadPath(string path, BaciReadOptions options, int parts) => ReadPath(path, options, parts, slow: true)!;

    /// <summary>Reads a file on the fast path only: null when the file is not in the canonical layout (the slow path's files).</summary>
    public static ReadResult<BaciColumns>? ReadPathFast(string path, BaciReadOptions options, int parts) => ReadPath(path, options, parts, slow: false);

    private static ReadResult<BaciColumns>? ReadPath(string path, BaciReadOptions options, int parts, bool slow)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] buffer;
        int length;
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan))
        {
            Span<byte> head = stackalloc byte[2];
            var regular = file.CanSeek && file.Length > 0;
            var n = regular ? RandomAccess.Read(file.SafeFileHandle, head, 0) : 0;
            if (regular && !path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) && !(n == 2 && head[0] == 0x1F && head[1] == 0x8B))
            {
                (buffer, length) = ReadWhole(file.SafeFileHandle, path);
            }
            else
            {
                // gzip, or a file that cannot be sized (a FIFO, a device, /dev/stdin): read it as a stream.
                try
                {
                    using var content = Input.Decompress(file, path, leaveOpen: true);
                    (buffer, length) = ReadAll(content, regular ? file.Length * 4 : 1 << 16, path);
                }
                catch (InvalidDataException e)
                {
                    throw InputErrors.NotGzip(path, 1, e);
                }
            }
        }

        try
        {
            return Parse(buffer, length, path, options, parts, MinPartBytes, slow);
        }
        finally
        {
            ReturnBytes(buffer);
        }
    }

    public static ReadResult<BaciColumns> ReadStream(Stream stream, string fileName, BaciReadOptions options, int parts)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        byte[] buffer;
        int length;
        try
        {
            using var content = Input.Decompress(stream, fileName, leaveOpen: true);
            (buffer, length) = ReadAll(content, stream.CanSeek ? stream.Length - stream.Position : 1 << 16, fileName);
        }
        catch (InvalidDataException e)
        {
            throw InputErrors.NotGzip(fileName, 1, e);
        }

        try
        {
            return Parse(buffer, length, fileName, options, parts)!;
        }
        finally
        {
            ReturnBytes(buffer);
        }
    }

    /// <summary>
    /// <see cref="TradeFile.ReadFlows(Stream, string, ComtradeReadOptions?, BaciReadOptions?)"/> for BACI: the content read
    /// whole (decompressed) and answered by the columns when they can give <see cref="BaciReader.Read(Stream, string, BaciReadOptions?)"/>'s
    /// answer, else read by <c>BaciReader.Read</c> from the bytes in memory (and the rest of the input past 2 GB).
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
            (buffer, length, complete) = ReadAtMost(content, gzip ? sizeHint * 4 : sizeHint, fileName);
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
                    if (Parse(buffer, length, fileName, options, parts, MinPartBytes, slow: false)?.Value.ToTradeDataSetExact(options) is { } flows)
                    {
                        return flows;
                    }
                }
                catch (TradeDataException)
                {
                    // BaciReader.Read names the problem its own way, or accepts what the columns refuse
                }
            }

            // The bytes already read, then (past 2 GB) the rest of the decompressed content: nothing is read twice.
            using var text = new ReplayStream(buffer, length, complete ? Stream.Null : content, leaveOpen: true);
            return BaciReader.ReadDecompressed(text, fileName, options);
        }
        finally
        {
            ReturnBytes(buffer);
            content.Dispose();
        }
    }

    /// <summary>Reads the stream to its end, or to the largest buffer an array allows (then not complete).</summary>
    private static (byte[] Buffer, int Length, bool Complete) ReadAtMost(Stream stream, long sizeHint, string fileName)
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
            ReturnBytes(buffer);
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
                ReturnBytes(buffer);
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
            ReturnBytes(buffer);
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
        ReturnBytes(buffer);
        return bigger;
    }

    /// <summary>Files up to this size share pooled buffers (read after read, no fresh pages to fault in); larger ones get
    /// a buffer of their own, so that the pool does not keep hundreds of megabytes alive after the read.</summary>
    private const int PoolLimit = 1 << 28;

    private static byte[] RentBytes(long size) =>
        size <= PoolLimit ? ArrayPool<byte>.Shared.Rent((int)size) : GC.AllocateUninitializedArray<byte>((int)Math.Min(size, Array.MaxLength));

    private static void ReturnBytes(byte[] buffer)
    {
        if (buffer.Length <= PoolLimit)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static TradeDataException TooLarge(string fileName) =>
        new(fileName, 1, null, null, "is larger than BaciReader.ReadColumns can hold in memory (2 GB): read it with BaciReader.Read and filters");

    /// <summary>The code kinds for the options: 0 not resolvable, 1 a country, 2 a nes area (mapped to ROW, counted).</summary>
    private static byte[] Kinds(BaciCountryCodes? codes)
    {
        if (codes is null)
        {
            return DefaultKinds.Value;
        }

        var kinds = new byte[10000];
        foreach (var code in codes.Countries.Keys)
        {
            if (code is >= 0 and < 10000)
            {
                kinds[code] = CountryCode;
            }
        }

        return kinds;
    }

    private static bool FastEncoding(Encoding? e) => e is null || e.CodePage is 65001 or 20127 or 28591 or 1252;

    /// <summary>Parses the content; <paramref name="buffer"/> has at least <see cref="Padding"/> spare bytes after <paramref name="length"/>.</summary>
    /// <returns>The columns and the report.</returns>
    /// <param name="buffer">The content, then spare bytes.</param>
    /// <param name="length">The content's length.</param>
    /// <param name="fileName">The name for messages.</param>
    /// <param name="options">The options.</param>
    /// <param name="parts">The most parts to parse in parallel.</param>
    /// <param name="minPartBytes">The fewest bytes a part may have (tests set 1 to split small files anywhere).</param>
    /// <param name="slow">False: return null rather than read a file the fast parser does not take.</param>
    internal static ReadResult<BaciColumns>? Parse(byte[] buffer, int length, string fileName, BaciReadOptions options, int parts, int minPartBytes = MinPartBytes, bool slow = true)
    {
        var data = buffer.AsSpan(0, length);
        var pos = data.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        bool hasQ;
        if (data[pos..].StartsWith("t,i,j,k,v,q"u8))
        {
            hasQ = true;
            pos += 11;
        }
        else if (data[pos..].StartsWith("t,i,j,k,v"u8))
        {
            hasQ = false;
            pos += 9;
        }
        else
        {
            return slow ? Slow(buffer, length, fileName, options) : null;
        }

        if (pos < length && data[pos] == '\r')
        {
            pos++;
        }

        if (!FastEncoding(options.Encoding) || (pos < length && data[pos] != '\n'))
        {
            return slow ? Slow(buffer, length, fileName, options) : null;
        }

        var dataStart = Math.Min(pos + 1, length);
        var end = length;
        if (end > dataStart && buffer[end - 1] != '\n')
        {
            buffer[end++] = (byte)'\n'; // the final line has no line break: give it one (in the padding)
        }

        buffer.AsSpan(end, Padding - 1).Clear();
        var result = Fast(buffer, dataStart, end, fileName, options, parts, minPartBytes, hasQ);
        return result ?? (slow ? Slow(buffer, length, fileName, options) : null);
    }

    private static ReadResult<BaciColumns>? Fast(byte[] buffer, int dataStart, int end, string fileName, BaciReadOptions options, int parts, int minPartBytes, bool hasQ)
    {
        const long firstDataLine = 2; // the header is line 1 on the fast path
        parts = Math.Clamp(Math.Min(parts, (end - dataStart) / Math.Max(minPartBytes, 1)), 1, 64);
        var bounds = new int[parts + 1];
        bounds[0] = dataStart;
        bounds[parts] = end;
        for (var p = 1; p < parts; p++)
        {
            var approx = Math.Max(dataStart + (int)((long)(end - dataStart) * p / parts), bounds[p - 1]);
            if (approx >= end)
            {
                bounds[p] = end;
                continue;
            }

            var nl = buffer.AsSpan(approx, end - approx).IndexOf((byte)'\n');
            bounds[p] = approx + nl + 1; // end - 1 is a '\n', so nl >= 0
        }

        var lines = new int[parts];
        if (parts == 1)
        {
            lines[0] = buffer.AsSpan(dataStart, end - dataStart).Count((byte)'\n');
        }
        else
        {
            Parallel.For(0, parts, p => lines[p] = buffer.AsSpan(bounds[p], bounds[p + 1] - bounds[p]).Count((byte)'\n'));
        }

        var rowStart = new int[parts + 1];
        for (var p = 0; p < parts; p++)
        {
            rowStart[p + 1] = rowStart[p] + lines[p];
        }

        var capacity = rowStart[parts];
        var columns = new Columns(capacity);
        var kinds = Kinds(options.CountryCodes);
        var results = new Part[parts];
        if (parts == 1)
        {
            results[0] = ParsePart(buffer, bounds[0], bounds[1], rowStart[0], columns, kinds, hasQ);
        }
        else
        {
            Parallel.For(0, parts, p => results[p] = ParsePart(buffer, bounds[p], bounds[p + 1], rowStart[p], columns, kinds, hasQ));
        }

        var report = new ReportBuilder(fileName, TradeFileFormat.Baci) { Read = capacity };
        var count = 0;
        var ascending = true;
        long lastKey = -1;
        var skippedLines = new List<int>();
        int[]? nes = null;
        for (var p = 0; p < parts; p++)
        {
            var r = results[p];
            if (r.Anomaly)
            {
                return null;
            }

            if (count != rowStart[p])
            {
                columns.Move(rowStart[p], count, r.Stored);
            }

            if (r.Stored > 0)
            {
                ascending &= r.Ascending && r.FirstKey > lastKey;
                lastKey = r.LastKey;
            }

            count += r.Stored;
            if (r.SkippedLines is not null)
            {
                skippedLines.AddRange(r.SkippedLines);
            }

            if (r.FiveDigit > 0)
            {
                report.Adjust(BaciReader.FiveDigitRule, r.FiveDigit);
            }

            if (r.Nes is not null)
            {
                nes ??= new int[10000];
                for (var n = 0; n < nes.Length; n++)
                {
                    nes[n] += r.Nes[n];
                }
            }
        }

        // In file order, as BaciReader meets the codes (adjustments are sorted by rule anyway).
        if (nes is not null)
        {
            for (var n = 0; n < nes.Length; n++)
            {
                if (nes[n] > 0)
                {
                    report.Adjust(BaciReader.NesRule(n), nes[n]);
                }
            }
        }

        if (skippedLines.Count > 0)
        {
            report.Skip(BaciReader.ProductRule, skippedLines.Count);
        }

        report.Kept = count;
        var gapRows = new int[skippedLines.Count];
        var gapOffsets = new long[skippedLines.Count];
        for (var n = 0; n < skippedLines.Count; n++)
        {
            gapRows[n] = skippedLines[n] - n;
            gapOffsets[n] = n + 1;
        }

        var built = columns.Build(count, fileName, firstDataLine, gapRows, gapOffsets);
        if (!ascending)
        {
            CheckDuplicatesBySorting(built);
        }

        AddUnits(report, options);
        var read = report.Build();
        built.Report = read;
        return new ReadResult<BaciColumns>(built, read);
    }

    internal static void AddUnits(ReportBuilder report, BaciReadOptions options)
    {
        report.Unit(BaciReader.ValueUnit);
        report.Unit(BaciReader.QuantityUnit);
        report.Unit(BaciReader.CodeUnit(options));
    }

    /// <summary>The sort (i, j, k, t order is not required of a file) that finds a repeated (t, i, j, k) in an unsorted file.</summary>
    private static void CheckDuplicatesBySorting(BaciColumns c)
    {
        var n = c.Count;
        var keys = ArrayPool<long>.Shared.Rent(n);
        var rows = ArrayPool<int>.Shared.Rent(n);
        try
        {
            for (var r = 0; r < n; r++)
            {
                keys[r] = Key(c.Years[r], c.Exporters[r], c.Importers[r], c.Products[r]);
                rows[r] = r;
            }

            Array.Sort(keys, rows, 0, n);
            var second = int.MaxValue;
            var first = -1;
            for (var r = 0; r < n;)
            {
                var e = r + 1;
                while (e < n && keys[e] == keys[r])
                {
                    e++;
                }

                if (e - r > 1)
                {
                    // The two earliest rows of the group: the second is where a sequential reader stops.
                    int a = int.MaxValue, b = int.MaxValue;
                    for (var x = r; x < e; x++)
                    {
                        var row = rows[x];
                        if (row < a)
                        {
                            (a, b) = (row, a);
                        }
                        else if (row < b)
                        {
                            b = row;
                        }
                    }

                    if (b < second)
                    {
                        (first, second) = (a, b);
                    }
                }

                r = e;
            }

            if (first >= 0)
            {
                throw Duplicate(c.FileName, c.LineOf(second), c.LineOf(first), c.Years[second], c.Exporters[second], c.Importers[second], c.Products[second]);
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(keys);
            ArrayPool<int>.Shared.Return(rows);
        }
    }

    internal static TradeDataException Duplicate(string fileName, long line, long firstLine, int t, int i, int j, int k) =>
        new(fileName, line, null, null, string.Create(CultureInfo.InvariantCulture, $"repeats the flow of line {firstLine}: the same t, i, j and k ({t}, {i}, {j}, {k:D6}); BACI has one row per year, exporter, importer and product"));

    /// <summary>t, i, j, k packed so that the order is (t, i, j, k): 9 + 14 + 14 + 20 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Key(int t, int i, int j, int k) => ((long)(t - 1900) << 48) | ((long)i << 34) | ((long)j << 20) | (long)k;

    /// <summary>One part's outcome.</summary>
    private sealed class Part
    {
        public bool Anomaly;
        public int Stored;
        public bool Ascending = true;
        public long FirstKey = -1;
        public long LastKey = -1;
        public long FiveDigit;
        public List<int>? SkippedLines;
        public int[]? Nes;
    }

    /// <summary>Parses the lines in [start, end) (end just after a '\n') into rows from <paramref name="row"/> on.</summary>
    private static Part ParsePart(byte[] buffer, int start, int end, int row, Columns c, byte[] kinds, bool hasQ)
    {
        var part = new Part();
        ref var b = ref MemoryMarshal.GetArrayDataReference(buffer);
        ref var kind = ref MemoryMarshal.GetArrayDataReference(kinds);
        ref var years = ref MemoryMarshal.GetArrayDataReference(c.Years);
        ref var exporters = ref MemoryMarshal.GetArrayDataReference(c.Exporters);
        ref var importers = ref MemoryMarshal.GetArrayDataReference(c.Importers);
        ref var products = ref MemoryMarshal.GetArrayDataReference(c.Products);
        ref var values = ref MemoryMarshal.GetArrayDataReference(c.Values);
        ref var quantities = ref MemoryMarshal.GetArrayDataReference(c.Quantities);
        ref var scales = ref MemoryMarshal.GetArrayDataReference(c.Scales);
        var first = row;
        var line = row; // the line index (0 = first data line) of the current line
        var pos = start;
        var r = default(Row);
        var prevKey = -1L;
        var ascending = true;
        while (pos < end)
        {
            if (!ScalarRow(ref b, ref pos, hasQ, ref r))
            {
                return Anomaly(part);
            }

            var ki = Unsafe.Add(ref kind, r.Exporter);
            var kj = Unsafe.Add(ref kind, r.Importer);
            if (ki == Invalid || kj == Invalid)
            {
                return Anomaly(part);
            }

            if (((ki | kj) & NesCode) != 0)
            {
                part.Nes ??= new int[10000];
                if (ki == NesCode)
                {
                    part.Nes[r.Exporter]++;
                }

                if (kj == NesCode)
                {
                    part.Nes[r.Importer]++;
                }
            }

            if (r.Product < 0)
            {
                (part.SkippedLines ??= []).Add(line++);
                continue;
            }

            if (r.FiveDigit)
            {
                part.FiveDigit++;
                r.FiveDigit = false;
            }

            line++;
            var key = Key(r.Year, r.Exporter, r.Importer, r.Product);
            ascending &= key > prevKey;
            prevKey = key;
            Unsafe.Add(ref years, row) = (short)r.Year;
            Unsafe.Add(ref exporters, row) = (short)r.Exporter;
            Unsafe.Add(ref importers, row) = (short)r.Importer;
            Unsafe.Add(ref products, row) = r.Product;
            Unsafe.Add(ref values, row) = r.Value;
            Unsafe.Add(ref quantities, row) = r.Quantity;
            Unsafe.Add(ref scales, row) = r.Scales;
            if (row == first)
            {
                part.FirstKey = key;
            }

            row++;
        }

        part.Stored = row - first;
        part.LastKey = prevKey;
        part.Ascending = ascending;
        return part;
    }

    /// <summary>One parsed row; <see cref="YearWord"/> and <see cref="Year"/> carry over to the next row (the year rarely changes).</summary>
    private struct Row
    {
        public uint YearWord;
        public int Year;
        public int Exporter;
        public int Importer;
        public int Product; // -1: 9999AA, skipped
        public bool FiveDigit;
        public double Value;
        public double Quantity;
        public byte Scales; // the value's scale in the low 4 bits, the quantity's in the high 4 (see ScaleOf)
    }

    /// <summary>The row at <paramref name="pos"/> byte by byte (any line the vector parser leaves); false for anything BaciReader's slow path must judge.</summary>
    private static bool ScalarRow(ref byte b, ref int pos, bool hasQ, ref Row r)
    {
        // t: four digits and a comma.
        var yw = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref b, pos));
        if (yw != r.YearWord)
        {
            if (((yw & 0xF0F0F0F0u) | (((yw + 0x06060606u) & 0xF0F0F0F0u) >> 4)) != 0x33333333u)
            {
                return false;
            }

            var d = yw - 0x30303030u;
            var y = (int)(((d & 0xFF) * 1000) + (((d >> 8) & 0xFF) * 100) + (((d >> 16) & 0xFF) * 10) + (d >> 24));
            if (y is < 1900 or > 2200)
            {
                return false;
            }

            r.YearWord = yw;
            r.Year = y;
        }

        if (Unsafe.Add(ref b, pos + 4) != (byte)',')
        {
            return false;
        }

        pos += 5;
        r.Exporter = Code(ref b, ref pos);
        r.Importer = r.Exporter < 0 ? -1 : Code(ref b, ref pos);
        if (r.Importer < 0)
        {
            return false;
        }

        // k: six digits in one 8-byte load (five: the leading zero is restored; 9999AA: skipped).
        var w = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref b, pos));
        if ((byte)(w >> 48) == ',')
        {
            // Six characters and a comma: six digits, or 9999AA (which has its comma in the same place, so it is
            // tested here: tested after this branch, it was never reached and sent every file with one to the slow path).
            var x = (w << 16) | 0x3030UL;
            if (EightDigits(x))
            {
                r.Product = ParseEight(x);
            }
            else if ((w & 0x00FF_FFFF_FFFF_FFFFUL) == 0x002C_4141_3939_3939UL)
            {
                r.Product = -1;
            }
            else
            {
                return false;
            }

            pos += 7;
        }
        else if ((byte)(w >> 40) == ',')
        {
            var x = (w << 24) | 0x303030UL;
            if (!EightDigits(x))
            {
                return false;
            }

            r.Product = ParseEight(x);
            r.FiveDigit = true;
            pos += 6;
        }
        else
        {
            return false;
        }

        // v: a non-negative decimal.
        r.Value = Number(ref b, ref pos, out var valueScale);
        if (!InsideDomain(r.Value) || (hasQ && Unsafe.Add(ref b, pos) != (byte)','))
        {
            return false;
        }

        // q: a decimal, or missing (empty, NA, blank-padded NA).
        r.Quantity = double.NaN;
        var quantityScale = 0;
        if (hasQ)
        {
            pos++;
            var c0 = Unsafe.Add(ref b, pos);
            if (c0 is (byte)'N' or (byte)' ')
            {
                while (Unsafe.Add(ref b, pos) == (byte)' ')
                {
                    pos++;
                }

                if (Unsafe.Add(ref b, pos) != (byte)'N' || Unsafe.Add(ref b, pos + 1) != (byte)'A')
                {
                    return false;
                }

                pos += 2;
            }
            else if (c0 is not ((byte)'\n' or (byte)'\r'))
            {
                r.Quantity = Number(ref b, ref pos, out quantityScale);
                if (!InsideDomain(r.Quantity))
                {
                    return false;
                }
            }
        }

        r.Scales = (byte)(valueScale | (quantityScale << 4));

        // The line end: \n or \r\n.
        var e = Unsafe.Add(ref b, pos);
        if (e == (byte)'\n')
        {
            pos++;
            return true;
        }

        if (e == (byte)'\r' && Unsafe.Add(ref b, pos + 1) == (byte)'\n')
        {
            pos += 2;
            return true;
        }

        return false;
    }

    private static Part Anomaly(Part part)
    {
        part.Anomaly = true;
        return part;
    }

    /// <summary>1 to 4 digits then a comma (consumed); -1 otherwise.</summary>
    /// <remarks>Byte by byte: the branches are well predicted (codes repeat from row to row), which keeps the next
    /// field's position off the critical path; a branch-free 8-byte SWAR version measured slower.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Code(ref byte b, ref int pos)
    {
        var d = (uint)(Unsafe.Add(ref b, pos) - '0');
        if (d > 9)
        {
            return -1;
        }

        var n = (int)d;
        for (var i = 1; i < 5; i++)
        {
            var c = Unsafe.Add(ref b, pos + i);
            d = (uint)(c - '0');
            if (d > 9)
            {
                if (c != ',')
                {
                    return -1;
                }

                pos += i + 1;
                return n;
            }

            if (i == 4)
            {
                return -1;
            }

            n = (n * 10) + (int)d;
        }

        return -1;
    }

    /// <summary>True when the 8 bytes are ASCII digits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool EightDigits(ulong x) =>
        ((x & 0xF0F0F0F0F0F0F0F0UL) | (((x + 0x0606060606060606UL) & 0xF0F0F0F0F0F0F0F0UL) >> 4)) == 0x3333333333333333UL;

    /// <summary>The value of 8 ASCII digits, the first in the lowest byte.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ParseEight(ulong x)
    {
        const ulong mask = 0x000000FF000000FFUL;
        const ulong mul1 = 0x000F424000000064UL; // 100 + (1000000 << 32)
        const ulong mul2 = 0x0000271000000001UL; // 1 + (10000 << 32)
        x -= 0x3030303030303030UL;
        x = (x * 10) + (x >> 8);
        x = (((x & mask) * mul1) + (((x >> 16) & mask) * mul2)) >> 32;
        return (int)x;
    }

    /// <summary>
    /// True for a value (× 1000) strictly inside <see cref="NumericDomain"/>'s flow bounds, or 0; false for NaN.
    /// A value at a bound or outside goes to the slow path, which decides it exactly in decimal and names the line.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool InsideDomain(double x) => x == 0d || (x > MinPositive && x < Max);

    // NumericDomain.MinPositiveFlowValue and MaxFlowValue as doubles (the same bounds hold for quantities in kg).
    private const double MinPositive = 1e-6;
    private const double Max = 1e15;

    /// <summary>
    /// digits[.digits] × 1000 as a double, exactly rounded: the digits as an integer mantissa m and the
    /// decimal count d give m × 10^(3−d), one correctly rounded IEEE operation when m &lt; 2^53 and
    /// 10^|3−d| is exact (Clinger's fast path); longer numbers go through <see cref="decimal"/> as
    /// BaciReader reads them. NaN when the text is not of that form (the caller falls back).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Number(ref byte b, ref int pos, out int scale)
    {
        var start = pos;
        scale = Inexact;
        var d = (uint)(Unsafe.Add(ref b, pos) - '0');
        if (d > 9)
        {
            return double.NaN;
        }

        ulong m = 0;
        var digits = 0;
        do
        {
            m = (m * 10) + d;
            digits++;
            d = (uint)(Unsafe.Add(ref b, ++pos) - '0');
        }
        while (d <= 9);

        var decimals = 0;
        if (Unsafe.Add(ref b, pos) == (byte)'.')
        {
            d = (uint)(Unsafe.Add(ref b, ++pos) - '0');
            if (d > 9)
            {
                return double.NaN;
            }

            do
            {
                m = (m * 10) + d;
                decimals++;
                d = (uint)(Unsafe.Add(ref b, ++pos) - '0');
            }
            while (d <= 9);

            digits += decimals;
        }

        if (digits <= 19 && m <= (1UL << 53) && decimals <= 25)
        {
            // BaciReader's decimal is m × 1000 at scale d: ExactDecimal gives it back from the double when m < 10^15.
            scale = m < 1_000_000_000_000_000UL && decimals < Inexact ? decimals : Inexact;
            return decimals <= 3 ? m * Pow10[3 - decimals] : m / Pow10[decimals - 3];
        }

        return Long(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref b, start), pos - start), out scale);
    }

    /// <summary>A number too long for the fast path: as BaciReader reads it (decimal, × 1000), then to the nearest double; NaN when it cannot.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double Long(ReadOnlySpan<byte> text, out int scale)
    {
        scale = Inexact;
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value > decimal.MaxValue / 1000m)
        {
            return double.NaN;
        }

        if (value == 0m && text.ContainsAnyInRange((byte)'1', (byte)'9'))
        {
            return double.NaN; // a non-zero number that reads as 0: the slow path names it
        }

        value *= 1000m;
        var x = ToDouble(value);
        scale = ScaleOf(value, x);
        return x;
    }

    /// <summary>The double nearest to a decimal (through its exact decimal text, which double.Parse rounds correctly).</summary>
    internal static double ToDouble(decimal value) => double.Parse(value.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>The scale that marks a value whose decimal <see cref="ExactDecimal"/> cannot give back.</summary>
    internal const int Inexact = 15;

    /// <summary>
    /// The scale to store for a value read as <paramref name="exact"/> (BaciReader's decimal, × 1000) and held as the
    /// double <paramref name="x"/>: its scale when <see cref="ExactDecimal"/> gives <paramref name="exact"/> back
    /// bit for bit (digits, trailing zeros and sign), else <see cref="Inexact"/>.
    /// </summary>
    internal static int ScaleOf(decimal exact, double x)
    {
        var scale = exact.Scale;
        return scale < Inexact && ExactDecimal(x, scale) is { } d && d == exact && d.Scale == scale && decimal.IsNegative(d) == decimal.IsNegative(exact) ? scale : Inexact;
    }

    /// <summary>
    /// The decimal BaciReader builds for a value written with <paramref name="scale"/> decimals and read as the double
    /// <paramref name="x"/>: m × 1000 at that scale, where m is the number written without its point. m is recovered
    /// from the double by one multiplication or division by an exact power of ten and rounding, which is exact while
    /// m &lt; 10^15 (the two roundings are each within 2^-53 relative, well under half a unit of m); null otherwise.
    /// </summary>
    internal static decimal? ExactDecimal(double x, int scale)
    {
        var m = scale >= 3 ? x * Pow10[scale - 3] : x / Pow10[3 - scale];
        if (!(m >= 0 && m < 1e15))
        {
            return null;
        }

        var t = (ulong)Math.Round(m) * 1000UL;
        return new decimal((int)(uint)t, (int)(uint)(t >> 32), 0, false, (byte)scale);
    }

    /// <summary>
    /// Any file the fast path does not take: read with <see cref="CsvInput"/> exactly as
    /// <see cref="BaciReader"/> reads it (same rules, same messages), row by row in file order.
    /// </summary>
    private static ReadResult<BaciColumns> Slow(byte[] buffer, int length, string fileName, BaciReadOptions options)
    {
        // A record ends at \n, \r\n or a lone \r (NewlineReader): counting both bytes bounds the rows.
        var capacity = buffer.AsSpan(0, length).Count((byte)'\n') + buffer.AsSpan(0, length).Count((byte)'\r') + 1;
        using var text = Input.Text(new MemoryStream(buffer, 0, length, writable: false), options.Encoding ?? Encoding.UTF8);
        using var csv = CsvInput.Open(text, fileName, TradeFileFormat.Baci);
        var t = csv.Require("t");
        var i = csv.Require("i");
        var j = csv.Require("j");
        var k = csv.Require("k");
        var v = csv.Require("v");
        var q = csv.Find("q");
        var columns = new Columns(capacity);
        var seen = new Dictionary<long, long>();
        var gapRows = new List<int>();
        var gapOffsets = new List<long>();
        var firstDataLine = csv.HeaderLine + 1;
        long offset = 0;
        var row = 0;
        while (csv.Read())
        {
            var year = csv.Int(t, 1900, 2200);
            BaciReader.Resolve(csv, i, options.CountryCodes, out var exporter);
            BaciReader.Resolve(csv, j, options.CountryCodes, out var importer);
            var kk = csv.Span(k);
            int product;
            if (kk.Length == 5 && !kk.ContainsAnyExceptInRange('0', '9'))
            {
                product = int.Parse(kk, NumberStyles.None, CultureInfo.InvariantCulture);
                csv.Report.Adjust(BaciReader.FiveDigitRule);
            }
            else if (kk.Equals("9999AA", StringComparison.OrdinalIgnoreCase))
            {
                csv.Report.Skip(BaciReader.ProductRule);
                continue;
            }
            else if (kk.Length != 6 || kk.ContainsAnyExceptInRange('0', '9'))
            {
                throw csv.Error(k, BaciReader.ProductProblem);
            }
            else
            {
                product = int.Parse(kk, NumberStyles.None, CultureInfo.InvariantCulture);
            }

            var exactValue = BaciReader.Thousand(csv, v, csv.Decimal(v));
            var value = ToDouble(exactValue);
            var tonnes = csv.OptionalDecimal(q, false, "NA");
            var exactQuantity = tonnes is { } kt ? BaciReader.Thousand(csv, q, kt) : (decimal?)null;
            var quantity = exactQuantity is { } kg ? ToDouble(kg) : double.NaN;
            var scales = ScaleOf(exactValue, value) | ((exactQuantity is { } e ? ScaleOf(e, quantity) : 0) << 4);
            var key = Key(year, exporter, importer, product);
            if (!seen.TryAdd(key, csv.Line))
            {
                throw Duplicate(fileName, csv.Line, seen[key], year, exporter, importer, product);
            }

            if (csv.Line - firstDataLine - row != offset)
            {
                offset = csv.Line - firstDataLine - row;
                gapRows.Add(row);
                gapOffsets.Add(offset);
            }

            columns.Set(row++, year, exporter, importer, product, value, quantity, (byte)scales);
            csv.Report.Kept++;
        }

        AddUnits(csv.Report, options);
        var report = csv.Report.Build();
        var built = columns.Build(row, fileName, firstDataLine, [.. gapRows], [.. gapOffsets]);
        built.Report = report;
        return new ReadResult<BaciColumns>(built, report);
    }

    /// <summary>The column arrays being filled (uninitialised: every slot up to the row count is written).</summary>
    private sealed class Columns(int capacity)
    {
        public readonly short[] Years = GC.AllocateUninitializedArray<short>(capacity);
        public readonly short[] Exporters = GC.AllocateUninitializedArray<short>(capacity);
        public readonly short[] Importers = GC.AllocateUninitializedArray<short>(capacity);
        public readonly int[] Products = GC.AllocateUninitializedArray<int>(capacity);
        public readonly double[] Values = GC.AllocateUninitializedArray<double>(capacity);
        public readonly double[] Quantities = GC.AllocateUninitializedArray<double>(capacity);
        public readonly byte[] Scales = GC.AllocateUninitializedArray<byte>(capacity);

        public void Set(int row, int year, int exporter, int importer, int product, double value, double quantity, byte scales)
        {
            Years[row] = (short)year;
            Exporters[row] = (short)exporter;
            Importers[row] = (short)importer;
            Products[row] = product;
            Values[row] = value;
            Quantities[row] = quantity;
            Scales[row] = scales;
        }

        /// <summary>Moves a part's rows down over the rows it skipped before it.</summary>
        public void Move(int from, int to, int count)
        {
            Array.Copy(Years, from, Years, to, count);
            Array.Copy(Exporters, from, Exporters, to, count);
            Array.Copy(Importers, from, Importers, to, count);
            Array.Copy(Products, from, Products, to, count);
            Array.Copy(Values, from, Values, to, count);
            Array.Copy(Quantities, from, Quantities, to, count);
            Array.Copy(Scales, from, Scales, to, count);
        }

        public BaciColumns Build(int count, string fileName, long firstDataLine, int[] gapRows, long[] gapOffsets) =>
            new(Years, Exporters, Importers, Products, Values, Quantities, Scales, count, fileName, firstDataLine, gapRows, gapOffsets);
    }
}
