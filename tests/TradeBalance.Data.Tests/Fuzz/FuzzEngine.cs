using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace TradeBalance.Data.Tests.Fuzz;

/// <summary>One problem the fuzzer found: what went wrong, the input that showed it and a minimised input that still does.</summary>
/// <param name="Target">The reader.</param>
/// <param name="Signature">What went wrong, stable across inputs: the exception type and the method that threw it, or the oracle that failed.</param>
/// <param name="Message">The first message seen.</param>
/// <param name="Iteration">The input number that first showed it.</param>
/// <param name="Input">That input.</param>
/// <param name="Minimised">A smaller input with the same signature.</param>
public sealed record FuzzFinding(string Target, string Signature, string Message, long Iteration, byte[] Input, byte[] Minimised)
{
    /// <summary>The minimised input as a C# string literal body (escaped), for a regression test.</summary>
    public string MinimisedLiteral => FuzzEngine.Escape(Minimised);

    public override string ToString() =>
        $"{Target}: {Signature}\n  message: {Message}\n  input #{Iteration.ToString(CultureInfo.InvariantCulture)} ({Input.Length.ToString(CultureInfo.InvariantCulture)} bytes), minimised ({Minimised.Length.ToString(CultureInfo.InvariantCulture)} bytes): \"{MinimisedLiteral}\"";
}

/// <summary>The outcome of fuzzing one reader.</summary>
public sealed class FuzzReport(string target)
{
    public string Target { get; } = target;

    /// <summary>Inputs tried.</summary>
    public long Tried { get; set; }

    /// <summary>Inputs the reader accepted (and whose output passed the round-trip check).</summary>
    public long Accepted { get; set; }

    /// <summary>Inputs the reader refused with a documented exception.</summary>
    public long Rejected { get; set; }

    /// <summary>Distinct problems, in the order found.</summary>
    public List<FuzzFinding> Findings { get; } = [];

    /// <summary>How many inputs showed each problem.</summary>
    public Dictionary<string, long> Hits { get; } = new(StringComparer.Ordinal);

    public TimeSpan Elapsed { get; set; }

    /// <summary>Time spent making inputs (the rest is reading and checking them).</summary>
    public TimeSpan Mutating { get; set; }

    /// <summary>The longest any one input took.</summary>
    public TimeSpan Slowest { get; set; }

    /// <summary>The most bytes any one input made the reader allocate.</summary>
    public long MostAllocated { get; set; }

    /// <summary>The largest input tried, in bytes.</summary>
    public long LargestInput { get; set; }

    public override string ToString()
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(ci, $"{Target}: {Tried} inputs in {Elapsed.TotalSeconds:F1} s ({Mutating.TotalSeconds:F1} s making them; {Accepted} accepted, {Rejected} refused with a documented exception), {Findings.Count} finding(s); slowest input {Slowest.TotalMilliseconds:F0} ms, most allocated {MostAllocated / 1e6:F1} MB, largest input {LargestInput / 1e6:F2} MB");
        foreach (var f in Findings)
        {
            sb.AppendLine().Append(ci, $"  [{Hits[f.Signature]} input(s)] ").Append(f);
        }

        return sb.ToString();
    }
}

/// <summary>
/// Drives one reader with mutated inputs and checks the rules: only the documented exception
/// (<see cref="TradeDataException"/>) may come out, its message must read <c>file:line: …</c> with a
/// line inside the file, a successful read must survive write → read → write unchanged, and each
/// input must stay within a time and an allocation limit.
/// </summary>
public static class FuzzEngine
{
    /// <summary>Limits per input: slower or hungrier is a finding (a hang or unbounded memory).</summary>
    public static readonly TimeSpan SlowInput = TimeSpan.FromSeconds(5);

    /// <summary>Allocation allowed per input: 64 MB plus 200 bytes per input byte.</summary>
    public static long AllocationLimit(int inputLength) => (64L << 20) + (200L * inputLength);

    /// <summary>Fuzzes a target until <paramref name="maxInputs"/> inputs are tried or <paramref name="budget"/> is spent.</summary>
    /// <param name="target">The reader.</param>
    /// <param name="seed">The run's seed: the same seed gives the same inputs.</param>
    /// <param name="maxInputs">Inputs to try; null = until the budget is spent.</param>
    /// <param name="budget">Wall-clock limit.</param>
    /// <param name="minimise">Minimise each new finding's input.</param>
    /// <param name="onInput">Called before each input with the input number and bytes (a watchdog can keep the latest).</param>
    /// <param name="maxInputLength">The size cap of mutated inputs (huge fields and repeats scale with it).</param>
    /// <param name="cancel">Stops the run.</param>
    /// <returns>The report.</returns>
    public static FuzzReport Run(FuzzTarget target, ulong seed, long? maxInputs, TimeSpan budget, bool minimise = true, Action<long, byte[]>? onInput = null, int maxInputLength = Mutator.MaxLength, CancellationToken cancel = default)
    {
        var rng = new FuzzRandom(seed);
        var report = new FuzzReport(target.Name);
        var clock = Stopwatch.StartNew();

        // The seeds themselves first: they must read cleanly.
        var inputs = target.Seeds.Select(s => s).GetEnumerator();
        while ((maxInputs is null || report.Tried < maxInputs) && clock.Elapsed < budget && !cancel.IsCancellationRequested)
        {
            var mutating = clock.Elapsed;
            onInput?.Invoke(report.Tried, []); // making the input is timed too (an empty input in a hang report means the mutator hung)
            var input = inputs.MoveNext() ? inputs.Current : Mutator.Mutate(rng.Pick(target.Seeds), rng, target.Seeds, target.Json, maxInputLength);
            report.Mutating += clock.Elapsed - mutating;
            var n = report.Tried++;
            onInput?.Invoke(n, input);
            report.LargestInput = Math.Max(report.LargestInput, input.Length);
            var started = clock.Elapsed;
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var outcome = Check(target, input);
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            var took = clock.Elapsed - started;
            report.Slowest = took > report.Slowest ? took : report.Slowest;
            report.MostAllocated = Math.Max(report.MostAllocated, allocated);
            if (outcome.Problem is null && took > SlowInput)
            {
                outcome = new Outcome(false, "slow input", string.Create(CultureInfo.InvariantCulture, $"took {took.TotalSeconds:F1} s (limit {SlowInput.TotalSeconds:F0} s) for {input.Length} bytes"));
            }

            if (outcome.Problem is null && allocated > AllocationLimit(input.Length))
            {
                outcome = new Outcome(false, "allocation", string.Create(CultureInfo.InvariantCulture, $"allocated {allocated / 1e6:F0} MB for {input.Length} bytes (limit {AllocationLimit(input.Length) / 1e6:F0} MB)"));
            }

            if (outcome.Problem is null)
            {
                if (outcome.Accepted)
                {
                    report.Accepted++;
                }
                else
                {
                    report.Rejected++;
                }

                continue;
            }

            report.Hits[outcome.Problem] = report.Hits.GetValueOrDefault(outcome.Problem) + 1;
            if (report.Findings.All(f => f.Signature != outcome.Problem))
            {
                var small = minimise && outcome.Problem is not ("slow input" or "allocation") ? Minimise(target, input, outcome.Problem, candidate => onInput?.Invoke(n, candidate)) : input;
                report.Findings.Add(new FuzzFinding(target.Name, outcome.Problem, outcome.Message!, n, input, small));
            }
        }

        report.Elapsed = clock.Elapsed;
        return report;
    }

    /// <summary>The result of one input: accepted or refused as documented (Problem null), or a problem.</summary>
    public readonly record struct Outcome(bool Accepted, string? Problem, string? Message);

    /// <summary>Reads one input and applies the rules.</summary>
    public static Outcome Check(FuzzTarget target, byte[] input)
    {
        object value;
        try
        {
            value = target.Read(input, target.FileName);
        }
        catch (TradeDataException e)
        {
            var bad = target.Rows ? CheckRowMessage(e, target.FileName, input) : CheckMessage(e, target.FileName, input, lines: !target.Workbook);
            return bad is null ? new Outcome(false, null, null) : new Outcome(false, "TradeDataException message: " + bad, e.Message);
        }
        catch (Exception e)
        {
            return new Outcome(false, Signature(e), $"{e.GetType().Name}: {e.Message}");
        }

        if (IsBrokenGzip(input))
        {
            return new Outcome(true, "gzip: a truncated or corrupt archive was read", $"{input.Length} bytes");
        }

        if (!target.Json && !target.Rows && !target.Workbook && ControlOutsideQuotes(input) is { } control)
        {
            return new Outcome(true, "control: a C0 control outside a quoted field was read", control);
        }

        if (target.RoundTrip is null)
        {
            return new Outcome(true, null, null);
        }

        try
        {
            target.RoundTrip(value);
            return new Outcome(true, null, null);
        }
        catch (FuzzOracleException e)
        {
            return new Outcome(false, "round trip: " + (e.InnerException is { } inner ? Signature(inner) : "text changed"), e.Message);
        }
        catch (Exception e)
        {
            return new Outcome(false, "round trip: " + Signature(e), $"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>
    /// True when the input starts like gzip but is not one whole, intact gzip member: it does not decompress, or it
    /// does not end with the CRC-32 and length of what it decompresses to (the mutator makes single members). Such an
    /// input must be refused: reading it gives fewer or altered rows.
    /// </summary>
    internal static bool IsBrokenGzip(byte[] input)
    {
        if (input.Length < 2 || input[0] != 0x1F || input[1] != 0x8B)
        {
            return false;
        }

        if (input.Length < 18)
        {
            return true;
        }

        byte[] content;
        try
        {
            content = Gunzip(input);
        }
        catch (InvalidDataException)
        {
            return true;
        }

        var crc = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(input.AsSpan(input.Length - 8));
        var size = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(input.AsSpan(input.Length - 4));
        return crc != TradeBalance.Data.Internal.Crc32.Append(0, content) || size != (uint)content.Length;
    }

    /// <summary>
    /// Where the (decoded, gzip undone) text holds a C0 control other than tab, LF and CR before its first quote (so
    /// certainly outside a quoted field), as <c>U+0000 on line 3</c>; null when there is none. The line layer refuses
    /// such a line in every CSV reader: read, it was a dropped row (a line starting with NUL vanished).
    /// </summary>
    internal static string? ControlOutsideQuotes(byte[] input)
    {
        if (Decoded(input) is not { } text)
        {
            return null;
        }

        var quote = text.IndexOf('"', StringComparison.Ordinal);
        var before = quote < 0 ? text.AsSpan() : text.AsSpan(0, quote);
        var at = before.IndexOfAny(TradeBalance.Data.Internal.NewlineReader.Controls);
        if (at < 0)
        {
            return null;
        }

        var line = 1 + before[..at].Count('\n') + before[..at].Count('\r') - before[..at].Count("\r\n");
        return string.Create(CultureInfo.InvariantCulture, $"U+{(int)before[at]:X4} on line {line}");
    }

    /// <summary>Decompresses as the readers' streams do, read by read (<see cref="Stream.CopyTo(Stream)"/> takes another
    /// path in <see cref="GZipStream"/>, which hands out less of a truncated archive).</summary>
    private static byte[] Gunzip(byte[] input)
    {
        using var gz = new GZipStream(new MemoryStream(input), CompressionMode.Decompress);
        using var m = new MemoryStream();
        var buffer = new byte[1 << 16];
        int n;
        while ((n = gz.Read(buffer)) > 0)
        {
            m.Write(buffer, 0, n);
        }

        return m.ToArray();
    }

    /// <summary>Checks a Parquet message: <c>file: row N (row group G, index I): …</c> with N from 1, or <c>file: footer: …</c>
    /// (also schema, row group, whole file) with no row; an input that is not Parquet (no PAR1) is text, checked as such.</summary>
    private static string? CheckRowMessage(TradeDataException e, string fileName, byte[] input)
    {
        if (!input.AsSpan().StartsWith("PAR1"u8) || (input.Length >= 2 && input[0] == 0x1F && input[1] == 0x8B))
        {
            return e.Message.StartsWith(fileName + ":", StringComparison.Ordinal) ? null : "does not start with the file name";
        }

        if (e.FileName != fileName)
        {
            return "names another file";
        }

        if (e.Line > 0 && !e.Message.StartsWith(string.Create(CultureInfo.InvariantCulture, $"{fileName}: row {e.Line} (row group "), StringComparison.Ordinal)
            && !e.Message.StartsWith(fileName + ": row group ", StringComparison.Ordinal))
        {
            return "names a row but not as 'row N (row group G, index I)'";
        }

        if (e.Line == 0 && !(e.Message.StartsWith(fileName + ": footer: ", StringComparison.Ordinal) || e.Message.StartsWith(fileName + ": schema: ", StringComparison.Ordinal)
            || e.Message.StartsWith(fileName + ": row group ", StringComparison.Ordinal) || e.Message.StartsWith(fileName + ": whole file: ", StringComparison.Ordinal)))
        {
            return "names no row and no part of the file";
        }

        foreach (var word in (ReadOnlySpan<string>)["(Parameter '", "Parquet.", "Thrift", "at Parquet"])
        {
            if (e.Problem.Contains(word, StringComparison.Ordinal) && !e.Problem.Contains("cannot be decoded", StringComparison.Ordinal) && !e.Problem.Contains("does not decode", StringComparison.Ordinal) && !e.Problem.Contains("cannot use", StringComparison.Ordinal))
            {
                return $"says '{word}'";
            }
        }

        return null;
    }

    /// <summary>
    /// Checks <c>file:line: …</c> (a workbook, which has no lines: <c>file: place: …</c>): the file name given, a line from 1 to
    /// the number of lines in the input, nothing raw a terminal would obey, no other library's wording.
    /// </summary>
    private static string? CheckMessage(TradeDataException e, string fileName, byte[] input, bool lines = true)
    {
        if (e.FileName != fileName)
        {
            return "names another file";
        }

        if (!lines)
        {
            if (!e.Message.StartsWith(fileName + ": ", StringComparison.Ordinal))
            {
                return "does not start with the file's name";
            }
        }
        else if (e.Line < 1)
        {
            return "has no line";
        }
        else if (!e.Message.StartsWith(string.Create(CultureInfo.InvariantCulture, $"{fileName}:{e.Line}: "), StringComparison.Ordinal))
        {
            return "does not start with file:line";
        }

        // Safe to print and in TradeBalance's words (issue 15): no raw control, bidi or invisible character, no
        // wording of .NET or the parsers underneath.
        foreach (var c in e.Message)
        {
            if (c < ' ' || c is >= '\u007F' and <= '\u009F' || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069' || c is '\u061C' or '\u200B' or '\u200E' or '\u200F' or '\u2028' or '\u2029' or '\u2060' or '\uFEFF')
            {
                return string.Create(CultureInfo.InvariantCulture, $"holds U+{(int)c:X4} raw");
            }
        }

        // (Words a data file could hold itself, such as "System.", are left to MessageSafetyTests.)
        foreach (var word in (ReadOnlySpan<string>)["(Parameter '", "MaxBufferSize", "reader options", "LineNumber:", "BytePositionInLine"])
        {
            if (e.Message.Contains(word, StringComparison.Ordinal))
            {
                return $"says '{word}'";
            }
        }

        var text = lines ? Decoded(input) : null;
        if (text is not null)
        {
            long breaks = 0;
            foreach (var c in text)
            {
                if (c is '\n' or '\r')
                {
                    breaks++;
                }
            }

            if (e.Line > breaks + 1)
            {
                return "line is past the end of the file";
            }
        }

        if (e.Message.Contains("is not valid UTF-8 text", StringComparison.Ordinal) && FirstInvalidUtf8Line(input) is { } invalid && invalid != e.Line)
        {
            return "names another line than the first byte that is not UTF-8";
        }

        return null;
    }

    /// <summary>The line (1-based; CR, LF and CR LF end a line) of the first byte sequence that is not UTF-8 (or is U+FFFF,
    /// which the readers refuse too), gzip undone; null when there is none, or the text is UTF-16/32 by its byte order mark.</summary>
    internal static long? FirstInvalidUtf8Line(byte[] input)
    {
        byte[] bytes;
        try
        {
            bytes = input.Length >= 2 && input[0] == 0x1F && input[1] == 0x8B ? Gunzip(input) : input;
        }
        catch (InvalidDataException)
        {
            return null;
        }

        ReadOnlySpan<byte> rest = bytes;
        if (rest is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] or [0x00, 0x00, 0xFE, 0xFF, ..])
        {
            return null;
        }

        long line = 1;
        var afterCr = false;
        while (!rest.IsEmpty)
        {
            var status = System.Text.Rune.DecodeFromUtf8(rest, out var rune, out var consumed);
            if (status != System.Buffers.OperationStatus.Done || rune.Value == 0xFFFF)
            {
                return line;
            }

            if (rune.Value == '\n')
            {
                if (!afterCr)
                {
                    line++;
                }
            }
            else if (rune.Value == '\r')
            {
                line++;
            }

            afterCr = rune.Value == '\r';
            rest = rest[consumed..];
        }

        return null;
    }

    /// <summary>The input as text when it can be decoded plainly (gzip undone); null when it is not worth checking.</summary>
    private static string? Decoded(byte[] input)
    {
        try
        {
            var bytes = input;
            if (bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B)
            {
                bytes = Gunzip(bytes);
            }

            using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>The exception type and the first TradeBalance method on its stack.</summary>
    public static string Signature(Exception e)
    {
        var frames = new StackTrace(e, false).GetFrames();
        var where = frames.Select(f => f.GetMethod()).FirstOrDefault(m => m?.DeclaringType?.FullName?.StartsWith("TradeBalance.", StringComparison.Ordinal) == true && m.DeclaringType.Namespace?.Contains("Tests", StringComparison.Ordinal) != true);
        var at = where is null ? "?" : $"{where.DeclaringType!.Name}.{where.Name}";
        return $"{e.GetType().Name} at {at}";
    }

    /// <summary>
    /// Delta debugging (Zeller &amp; Hildebrandt 2002), simplified: removes chunks of lines, then of bytes,
    /// halving the chunk size, while the input still shows the same problem.
    /// </summary>
    public static byte[] Minimise(FuzzTarget target, byte[] input, string signature, Action<byte[]>? onCandidate = null, int maxAttempts = 4000)
    {
        var attempts = 0;
        var clock = Stopwatch.StartNew();
        bool Still(byte[] candidate)
        {
            if (attempts++ >= maxAttempts || clock.Elapsed >= TimeSpan.FromSeconds(30))
            {
                return false;
            }

            onCandidate?.Invoke(candidate); // a watchdog times each candidate, not the whole minimisation
            return Check(target, candidate).Problem == signature;
        }

        var best = input;
        foreach (var unit in new[] { Unit.Line, Unit.Byte })
        {
            if (unit == Unit.Byte && best.Length > 64 << 10)
            {
                break; // byte by byte is too slow on a large input; the line pass has done what it can
            }

            var parts = Split(best, unit);
            for (var chunk = Math.Max(1, parts.Count / 2); chunk >= 1 && attempts < maxAttempts; chunk /= 2)
            {
                for (var start = 0; start < parts.Count && attempts < maxAttempts;)
                {
                    var candidate = parts.Take(start).Concat(parts.Skip(start + chunk)).ToList();
                    var bytes = candidate.SelectMany(p => p).ToArray();
                    if (candidate.Count < parts.Count && Still(bytes))
                    {
                        parts = candidate;
                        best = bytes;
                    }
                    else
                    {
                        start += chunk;
                    }
                }
            }
        }

        return best;
    }

    private enum Unit
    {
        Line,
        Byte,
    }

    private static List<byte[]> Split(byte[] data, Unit unit)
    {
        if (unit == Unit.Byte)
        {
            return [.. data.Select(b => new[] { b })];
        }

        var parts = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < data.Length; i++)
        {
            if (data[i] == (byte)'\n')
            {
                parts.Add(data[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < data.Length)
        {
            parts.Add(data[start..]);
        }

        return parts;
    }

    /// <summary>Bytes as the body of a C# string literal: printable ASCII as is, the rest escaped (\n, \r, \t, \", \\, \xNN for other bytes; for display).</summary>
    public static string Escape(byte[] data)
    {
        var sb = new StringBuilder();
        foreach (var b in data)
        {
            sb.Append(b switch
            {
                (byte)'\n' => "\\n",
                (byte)'\r' => "\\r",
                (byte)'\t' => "\\t",
                (byte)'"' => "\\\"",
                (byte)'\\' => "\\\\",
                >= 0x20 and < 0x7F => ((char)b).ToString(),
                _ => "\\x" + b.ToString("X2", CultureInfo.InvariantCulture),
            });
        }

        return sb.ToString();
    }
}
