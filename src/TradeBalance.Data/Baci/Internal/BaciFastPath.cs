using System.Text;

namespace TradeBalance.Data.Internal.Baci;

/// <summary>
/// The columnar reader's fast path: a file in the canonical CEPII layout (an optional UTF-8 BOM, the header
/// <c>t,i,j,k,v,q</c> or <c>t,i,j,k,v</c>, a single-byte-compatible encoding) split at line breaks into parts, one per
/// core, rows counted with a vectorised newline count, each part parsed by <see cref="BaciByteParser"/> into its rows
/// of the column arrays, then the parts' rows and counts joined in file order.
/// </summary>
/// <remarks>Null, not an error, for anything it does not take: the slow path then reads the file and names the problem
/// in file order (parts run in parallel, so a fast-path error could name a later line than the first bad one).</remarks>
internal static class BaciFastPath
{
    /// <summary>Parses the content; <paramref name="buffer"/> has at least <see cref="BaciFileBuffer.Padding"/> spare bytes after <paramref name="length"/>.</summary>
    /// <returns>The columns and the report, or null when the file is not one the fast path takes.</returns>
    /// <param name="buffer">The content, then spare bytes.</param>
    /// <param name="length">The content's length.</param>
    /// <param name="fileName">The name for messages.</param>
    /// <param name="options">The options.</param>
    /// <param name="parts">The most parts to parse in parallel.</param>
    /// <param name="minPartBytes">The fewest bytes a part may have (tests set 1 to split small files anywhere).</param>
    public static ReadResult<BaciColumns>? TryParse(byte[] buffer, int length, string fileName, BaciReadOptions options, int parts, int minPartBytes)
    {
        var data = buffer.AsSpan(0, length);
        var pos = data.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        bool hasQ;
        if (data[pos..].StartsWith(BaciRules.CanonicalHeader))
        {
            hasQ = true;
            pos += BaciRules.CanonicalHeader.Length;
        }
        else if (data[pos..].StartsWith(BaciRules.CanonicalHeaderWithoutQuantity))
        {
            hasQ = false;
            pos += BaciRules.CanonicalHeaderWithoutQuantity.Length;
        }
        else
        {
            return null;
        }

        if (pos < length && data[pos] == '\r')
        {
            pos++;
        }

        if (!FastEncoding(options.Encoding) || (pos < length && data[pos] != '\n'))
        {
            return null;
        }

        var dataStart = Math.Min(pos + 1, length);
        var end = length;
        if (end > dataStart && buffer[end - 1] != '\n')
        {
            buffer[end++] = (byte)'\n'; // the final line has no line break: give it one (in the padding)
        }

        buffer.AsSpan(end, BaciFileBuffer.Padding - 1).Clear();
        return Parse(buffer, dataStart, end, fileName, options, parts, minPartBytes, hasQ);
    }

    private static bool FastEncoding(Encoding? e) => e is null || e.CodePage is 65001 or 20127 or 28591 or 1252;

    private static ReadResult<BaciColumns>? Parse(byte[] buffer, int dataStart, int end, string fileName, BaciReadOptions options, int parts, int minPartBytes, bool hasQ)
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
        var columns = new BaciColumnArrays(capacity);
        var kinds = BaciRules.CodeKinds(options.CountryCodes);
        var results = new BaciByteParser.Part[parts];
        if (parts == 1)
        {
            results[0] = BaciByteParser.ParsePart(buffer, bounds[0], bounds[1], rowStart[0], columns, kinds, hasQ);
        }
        else
        {
            Parallel.For(0, parts, p => results[p] = BaciByteParser.ParsePart(buffer, bounds[p], bounds[p + 1], rowStart[p], columns, kinds, hasQ));
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
                report.Adjust(BaciRules.FiveDigitRule, r.FiveDigit);
            }

            if (r.Nes is not null)
            {
                nes ??= new int[BaciRules.CodeCount];
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
                    report.Adjust(BaciRules.NesRule(n), nes[n]);
                }
            }
        }

        if (skippedLines.Count > 0)
        {
            report.Skip(BaciRules.ProductRule, skippedLines.Count);
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
            BaciDuplicates.CheckBySorting(built);
        }

        BaciRules.AddUnits(report, options);
        var read = report.Build();
        built.Report = read;
        return new ReadResult<BaciColumns>(built, read);
    }
}
