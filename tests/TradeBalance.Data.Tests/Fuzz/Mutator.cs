using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace TradeBalance.Data.Tests.Fuzz;

/// <summary>
/// Random mutations of a seed file: byte-level (flips, inserts, deletes, truncation, invalid UTF-8,
/// BOMs), line-level (duplicate, delete, swap, repeat, comments, CRLF/CR endings), field-level for
/// CSV (swap fields, swap or rename header columns, replace a field with a number, a code, an
/// interesting token or a huge value, quotes) and token-level for JSON (replace a value, nest, repeat
/// a member), plus splicing two seeds and gzip (valid, corrupt or truncated).
/// </summary>
/// <remarks>Every choice comes from the <see cref="FuzzRandom"/>, so a seed reproduces a run. Outputs
/// are capped at <see cref="MaxLength"/> bytes.</remarks>
public static partial class Mutator
{
    public const int MaxLength = 2 << 20;

    private static readonly string[] CsvTokens =
    [
        "", " ", "NA", "   NA", "null", "N/A", "*", "TOTAL", "Total", "All products", "9999AA", "WLD", "World", "W00", "000",
        "0", "-0", "00", "-1", "+1", "1e400", "1E-400", "1e28", "1e-28", "79228162514264337593543950335", "-79228162514264337593543950335",
        "79228162514264337593543950336", "7.9228162514264337593543950335E+28", "0.0000000000000000000000000001", "NaN", "Infinity", "-Infinity",
        "1.7976931348623157E+308", "4.9E-324", "2147483647", "2147483648", "-2147483649", "9999", "10000", "99999", "1899", "1900", "2200", "2201",
        "2024.0", "2024.5", "0x10", "1,000", "1 000", "١٢", "１２", "\"", "\"\"", "\",\"", "#", "# comment", "\t", "\r", "\n", "\r\n",
        "0902", "902", "09.02", "0902.40", "090240", "90240", "0902401", "09024000", "0902400000", "090240000000", ".0902", "0902.", "09..02",
        "ABC", "CHN", "KEN", "LKA", "ROW", "ZZZ", "XX", "cn", "156", "404", "842", "490", "899", "577", "839", "918", "EUN", "0", "999", "-156",
        "MFN", "PRF", "AHS", "BND", "prf", "mfn", "M", "X", "RM", "m", "A", "H6", "h5", "S3", "BEC", "C00", "C01",
        "2026-02-29", "2024-02-29", "0001-01-01", "9999-12-31", "2024-13-01", "2024-1-1", "20240101", "2024-01-01T00:00",
        "daily", "annual-average", "ANNUAL-AVERAGE", "weekly-average", "USD", "KES", "XYZ", "usd", "EAC", "800", "LDC", "full-year", "jan-sep",
        "kenya-reported", "Kenya Reported", "0.5", "1", "1.5", "-0.5", "\u0000", "\uFEFF", "é", "\u00A0",
    ];

    private static readonly string[] JsonTokens =
    [
        "null", "true", "false", "[]", "{}", "\"\"", "0", "-0", "0.0", "1e400", "-1e400", "1e-400", "99", "98.999999", "100", "101", "-1", "1",
        "1.5", "-1.5", "-1e-300", "1e-300", "1e300", "2147483647", "2147483648", "-2147483649", "1000000", "1000001",
        "79228162514264337593543950335", "79228162514264337593543950336", "\"infinity\"", "\"Infinity\"", "\"INFINITY\"", "\"NaN\"",
        "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\u0000\"", "\"\\\"\"", "\"KEN\"", "\"CHN\"", "\"ken\"", "\"404\"", "\"ROW\"", "\"XX\"",
        "\"0902\"", "\"902\"", "\"TOTAL\"", "\"09.02\"", "\"0902400000\"", "\"2026-02-29\"", "\"2026-05-01\"", "\"0001-01-01\"",
        "\"9999-12-31\"", "\"01/05/2026\"", "[\"KEN\",\"KEN\"]", "[\"CHN\"]", "[\"0902\",\"09.02\"]", "[\"TOTAL\"]", "{\"a\":1}",
        "{\"default\":{}}", "{\"byHs\":{\"0902\":{}}}", "{\"byHs\":{\"TOTAL\":{\"substitution\":1}}}", "{\"draws\":0}", "\"smart\"",
        "\"gsim\"", "\"armington\"", "\"cge\"", "NaN", "Infinity", "'x'", "\"a\\u0041\"",
    ];

    private static readonly string[] JsonKeys =
    [
        "name", "importer", "importr", "beneficiaries", "hs", "newRatePercent", "cutPoints", "cutPercent", "effective", "stages", "referenceYear",
        "model", "elasticities", "default", "byHs", "importDemand", "substitution", "exportSupply", "source", "monteCarlo", "draws", "seed",
        "spread", "sources", "description", "",
    ];

    private static readonly byte[][] BadUtf8 =
    [
        [0xC3, 0x28], [0xA0, 0xA1], [0xE2, 0x28, 0xA1], [0xED, 0xA0, 0x80], [0xF0, 0x28, 0x8C, 0x28], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xC0, 0xAF],
        [0xEF, 0xBF, 0xBE], [0xE2, 0x80, 0xA8], [0x00],
    ];

    private static readonly byte[] InterestingBytes = [0x00, 0xFF, 0x80, 0xC3, 0xEF, 0xBB, 0xBF, 0x1F, 0x8B, (byte)'"', (byte)',', (byte)'\t', (byte)'\n', (byte)'\r', (byte)'#', (byte)' ', (byte)'.', (byte)'-', (byte)'0', (byte)'9', (byte)'e', (byte)'{', (byte)'}', (byte)'[', (byte)']', (byte)':', (byte)'\\'];

    private delegate byte[] Mutation(byte[] data, FuzzRandom rng, Context context);

    /// <summary>What every mutation may use: the other seeds (for splicing) and the size cap.</summary>
    private sealed record Context(IReadOnlyList<byte[]> Corpus, int MaxLength);

    private static readonly Mutation[] Generic =
    [
        FlipBit, SetByte, InsertBytes, DeleteBytes, DuplicateLine, DeleteLine, SwapLines, RepeatLine, Truncate, InsertBom, InsertBadUtf8,
        ChangeLineEndings, InsertCommentOrBlank, Splice, InsertQuote, DuplicateRange, InsertControl,
    ];

    /// <summary>The C0 controls the line layer refuses outside a quoted field (all but tab, LF and CR).</summary>
    private static readonly byte[] Controls = [.. Enumerable.Range(0, 32).Where(b => b is not ('\t' or '\n' or '\r')).Select(b => (byte)b)];

    private static readonly Mutation[] Csv = [SwapFields, ReplaceField, ReplaceField, ReplaceField, HugeField, LabelAtLimit, SwapHeaderColumns, RenameHeaderColumn, QuoteField, DropOrAddField];

    private static readonly Mutation[] Json = [ReplaceJsonToken, ReplaceJsonToken, ReplaceJsonToken, RenameJsonKey, NestJson, RepeatJsonMember, HugeJsonString];

    /// <summary>Applies one or more random mutations (more with falling probability) to a seed.</summary>
    /// <param name="seed">The input to mutate.</param>
    /// <param name="rng">The source of every choice.</param>
    /// <param name="corpus">Other inputs, for splicing.</param>
    /// <param name="json">JSON token mutations instead of CSV field mutations.</param>
    /// <param name="maxLength">The size cap: huge fields, repeated lines and members scale with it.</param>
    public static byte[] Mutate(byte[] seed, FuzzRandom rng, IReadOnlyList<byte[]> corpus, bool json, int maxLength = MaxLength)
    {
        var x = new Context(corpus, maxLength);
        var data = seed;
        var rounds = 1;
        while (rounds < 8 && rng.Chance(0.45))
        {
            rounds++;
        }

        for (var r = 0; r < rounds; r++)
        {
            var specific = json ? Json : Csv;
            var m = rng.Chance(0.55) ? rng.Pick(specific) : rng.Pick(Generic);
            data = m(data, rng, x);
            if (data.Length > maxLength)
            {
                data = data[..maxLength];
            }
        }

        // Compression last, so that the mutated text is what gets compressed (or a corrupt archive of it).
        if (rng.Chance(0.03))
        {
            data = Gzip(data, rng);
        }

        return data;
    }

    private static byte[] FlipBit(byte[] d, FuzzRandom rng, Context x)
    {
        if (d.Length == 0)
        {
            return d;
        }

        var o = (byte[])d.Clone();
        var n = rng.SkewedLength(8);
        for (var k = 0; k < n; k++)
        {
            o[rng.Next(o.Length)] ^= (byte)(1 << rng.Next(8));
        }

        return o;
    }

    private static byte[] SetByte(byte[] d, FuzzRandom rng, Context x)
    {
        if (d.Length == 0)
        {
            return d;
        }

        var o = (byte[])d.Clone();
        o[rng.Next(o.Length)] = rng.Chance(0.7) ? rng.Pick(InterestingBytes) : (byte)rng.Next(256);
        return o;
    }

    private static byte[] InsertBytes(byte[] d, FuzzRandom rng, Context x)
    {
        var n = rng.SkewedLength(16);
        var ins = new byte[n];
        for (var k = 0; k < n; k++)
        {
            ins[k] = rng.Chance(0.5) ? rng.Pick(InterestingBytes) : (byte)rng.Next(256);
        }

        return Insert(d, rng.Next(d.Length + 1), ins);
    }

    private static byte[] DeleteBytes(byte[] d, FuzzRandom rng, Context x)
    {
        if (d.Length == 0)
        {
            return d;
        }

        var at = rng.Next(d.Length);
        var n = Math.Min(rng.SkewedLength(64), d.Length - at);
        return [.. d.AsSpan(0, at), .. d.AsSpan(at + n)];
    }

    private static byte[] DuplicateRange(byte[] d, FuzzRandom rng, Context x)
    {
        if (d.Length == 0)
        {
            return d;
        }

        var at = rng.Next(d.Length);
        var n = Math.Min(rng.SkewedLength(256), d.Length - at);
        return Insert(d, rng.Next(d.Length + 1), d.AsSpan(at, n).ToArray());
    }

    private static byte[] Truncate(byte[] d, FuzzRandom rng, Context x) => d.Length == 0 ? d : d[..rng.Next(d.Length)];

    private static byte[] InsertBom(byte[] d, FuzzRandom rng, Context x)
    {
        byte[][] boms = [[0xEF, 0xBB, 0xBF], [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0xEF, 0xBB], [0x00, 0x00, 0xFE, 0xFF]];
        var bom = rng.Pick(boms);
        return Insert(d, rng.Chance(0.8) ? 0 : rng.Next(d.Length + 1), bom);
    }

    private static byte[] InsertBadUtf8(byte[] d, FuzzRandom rng, Context x) => Insert(d, rng.Next(d.Length + 1), rng.Pick(BadUtf8));

    /// <summary>
    /// Class (third round): silent drops at the byte level. A C0 control (NUL most often) at the start of a line, inside
    /// one, or a zeroed block as a crashed writer or a bad disk leaves (a run of NUL bytes over part of the file, line
    /// breaks included, or a whole line of them).
    /// </summary>
    private static byte[] InsertControl(byte[] d, FuzzRandom rng, Context x)
    {
        var c = rng.Chance(0.6) ? (byte)0 : rng.Pick(Controls);
        var lines = Lines(d);
        switch (rng.Next(4))
        {
            case 0 when lines.Count > 0:
                var i = rng.Next(lines.Count);
                lines[i] = [c, .. lines[i]];
                return Join(lines);
            case 1 when d.Length > 0:
                // A zeroed block: bytes from anywhere overwritten with NUL (alignment as a disk's 512-byte sectors, when long enough).
                var o = (byte[])d.Clone();
                var length = Math.Min(o.Length, rng.SkewedLength(rng.Chance(0.3) ? 512 : 24) + 1);
                var start = o.Length >= 1024 && rng.Chance(0.5) ? rng.Next(o.Length / 512) * 512 : rng.Next(o.Length - length + 1);
                o.AsSpan(start, Math.Min(length, o.Length - start)).Clear();
                return o;
            case 2:
                lines.Insert(rng.Next(lines.Count + 1), [.. Enumerable.Repeat(c, rng.SkewedLength(64) + 1), (byte)'\n']);
                return Join(lines);
            default:
                return Insert(d, rng.Next(d.Length + 1), [c]);
        }
    }

    private static byte[] ChangeLineEndings(byte[] d, FuzzRandom rng, Context x)
    {
        var text = Latin1(d);
        var to = rng.Pick(new[] { "\r\n", "\r", "\n\n", "\r\r\n", "\n\r" });
        if (rng.Chance(0.5))
        {
            return Encoding.Latin1.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", to, StringComparison.Ordinal));
        }

        // Only one line ending changed: mixed endings.
        var at = text.IndexOf('\n', rng.Next(Math.Max(1, text.Length)));
        return at < 0 ? d : Encoding.Latin1.GetBytes(text[..at] + to + text[(at + 1)..]);
    }

    private static byte[] InsertCommentOrBlank(byte[] d, FuzzRandom rng, Context x)
    {
        var lines = Lines(d);
        string[] extra = ["\n", "# a comment\n", "#\n", "   \n", "\t\n", ",,,,\n", "\"\"\n", "  # indented comment\n", "\r\n"];
        lines.Insert(rng.Next(lines.Count + 1), Bytes(rng.Pick(extra)));
        return Join(lines);
    }

    private static byte[] DuplicateLine(byte[] d, FuzzRandom rng, Context x)
    {
        var lines = Lines(d);
        if (lines.Count == 0)
        {
            return d;
        }

        var line = EnsureNewline(rng.Pick(lines));
        lines.Insert(rng.Next(lines.Count + 1), line);
        return Join(lines);
    }

    private static byte[] DeleteLine(byte[] d, FuzzRandom rng, Context x)
    {
        var lines = Lines(d);
        if (lines.Count == 0)
        {
            return d;
        }

        lines.RemoveAt(rng.Next(lines.Count));
        return Join(lines);
    }

    private static byte[] SwapLines(byte[] d, FuzzRandom rng, Context x)
    {
        var lines = Lines(d);
        if (lines.Count < 2)
        {
            return d;
        }

        var a = rng.Next(lines.Count);
        var b = rng.Next(lines.Count);
        (lines[a], lines[b]) = (EnsureNewline(lines[b]), EnsureNewline(lines[a]));
        return Join(lines);
    }

    private static byte[] RepeatLine(byte[] d, FuzzRandom rng, Context x)
    {
        var lines = Lines(d);
        if (lines.Count == 0)
        {
            return d;
        }

        var at = rng.Next(lines.Count);
        var line = EnsureNewline(lines[at]);
        var times = Math.Min(rng.SkewedLength(x.MaxLength / 64), x.MaxLength / Math.Max(1, line.Length));
        lines.InsertRange(at, Enumerable.Repeat(line, times));
        return Join(lines);
    }

    private static byte[] Splice(byte[] d, FuzzRandom rng, Context x)
    {
        var other = rng.Pick(x.Corpus);
        var a = rng.Next(d.Length + 1);
        var b = rng.Next(other.Length + 1);
        return [.. d.AsSpan(0, a), .. other.AsSpan(b)];
    }

    private static byte[] InsertQuote(byte[] d, FuzzRandom rng, Context x)
    {
        string[] quotes = ["\"", "\"\"", "\"\"\"", "\"\n\"", "'", "\\\"", "\",\""];
        return Insert(d, rng.Next(d.Length + 1), Bytes(rng.Pick(quotes)));
    }

    // ---- CSV fields ----------------------------------------------------------------------------

    private static byte[] SwapFields(byte[] d, FuzzRandom rng, Context x) =>
        EditFields(d, rng, (fields, _) =>
        {
            if (fields.Count >= 2)
            {
                var a = rng.Next(fields.Count);
                var b = rng.Next(fields.Count);
                (fields[a], fields[b]) = (fields[b], fields[a]);
            }
        });

    private static byte[] ReplaceField(byte[] d, FuzzRandom rng, Context x) =>
        EditFields(d, rng, (fields, _) => fields[rng.Next(fields.Count)] = RandomValue(rng));

    private static byte[] QuoteField(byte[] d, FuzzRandom rng, Context x) =>
        EditFields(d, rng, (fields, _) =>
        {
            var i = rng.Next(fields.Count);
            fields[i] = rng.Next(4) switch
            {
                0 => "\"" + fields[i] + "\"",
                1 => "\"" + fields[i].Replace("\"", "\"\"", StringComparison.Ordinal) + "\n" + fields[i] + "\"",
                2 => "\"" + fields[i],
                _ => " \"" + fields[i] + "\" ",
            };
        });

    private static byte[] DropOrAddField(byte[] d, FuzzRandom rng, Context x) =>
        EditFields(d, rng, (fields, _) =>
        {
            if (rng.Chance(0.5) && fields.Count > 1)
            {
                fields.RemoveAt(rng.Next(fields.Count));
            }
            else
            {
                fields.Insert(rng.Next(fields.Count + 1), RandomValue(rng));
            }
        });

    private static byte[] HugeField(byte[] d, FuzzRandom rng, Context x) =>
        EditFields(d, rng, (fields, _) =>
        {
            var n = rng.SkewedLength(x.MaxLength / 4);
            fields[rng.Next(fields.Count)] = rng.Next(5) switch
            {
                0 => new string('9', n),
                1 => "0." + new string('0', n) + "1",
                2 => "\"" + new string('x', n) + "\"",
                3 => "\"" + string.Concat(Enumerable.Repeat("a\"\"\n", Math.Max(1, n / 4))) + "\"",
                _ => new string('x', n),
            };
        });

    /// <summary>
    /// Class (third round): labels that cost memory per row. A text cell (the last field, where sources and names sit)
    /// of a length at the readers' label limit or just past it, in one-byte or three-byte characters, plain or quoted:
    /// the limit counts characters, so 10,000 CJK characters (30,000 bytes) pass and 10,001 are refused.
    /// </summary>
    private static byte[] LabelAtLimit(byte[] d, FuzzRandom rng, Context x) =>
        EditFields(d, rng, (fields, _) =>
        {
            var n = TradeBalance.Data.Internal.RecordInput.MaxLabelLength + rng.Next(4) - 1;
            var text = new string(rng.Next(2) == 0 ? 'x' : '\u6C49', n);
            fields[^1] = rng.Next(2) == 0 ? text : "\"" + text + "\"";
        });

    private static byte[] SwapHeaderColumns(byte[] d, FuzzRandom rng, Context x) =>
        EditFields(d, rng, (fields, _) =>
        {
            var a = rng.Next(fields.Count);
            var b = rng.Next(fields.Count);
            (fields[a], fields[b]) = (fields[b], fields[a]);
        }, headerOnly: true);

    private static byte[] RenameHeaderColumn(byte[] d, FuzzRandom rng, Context x) =>
        EditFields(d, rng, (fields, _) =>
        {
            var i = rng.Next(fields.Count);
            fields[i] = rng.Next(4) switch
            {
                0 => fields[rng.Next(fields.Count)],              // a duplicate column name
                1 => fields[i].ToUpperInvariant(),
                2 => " " + fields[i] + " ",
                _ => RandomValue(rng),
            };
        }, headerOnly: true);

    /// <summary>Splits one line (the header, or any line) into fields on its delimiter, lets the edit change them, and joins them again.</summary>
    private static byte[] EditFields(byte[] d, FuzzRandom rng, Action<List<string>, int> edit, bool headerOnly = false)
    {
        var lines = Lines(d);
        if (lines.Count == 0)
        {
            return d;
        }

        var index = headerOnly ? HeaderIndex(lines) : rng.Next(lines.Count);
        var text = Utf8(lines[index]);
        var ending = text.EndsWith("\r\n", StringComparison.Ordinal) ? "\r\n" : text.EndsWith('\n') ? "\n" : string.Empty;
        var body = text[..^ending.Length];
        var delimiter = body.Contains('\t', StringComparison.Ordinal) ? '\t' : ',';
        var fields = body.Split(delimiter).ToList();
        edit(fields, index);
        lines[index] = Bytes(string.Join(delimiter, fields) + ending);
        return Join(lines);
    }

    private static int HeaderIndex(List<byte[]> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var t = Utf8(lines[i]).TrimStart();
            if (t.Length > 0 && t[0] != '#')
            {
                return i;
            }
        }

        return 0;
    }

    /// <summary>A random field value: an interesting token, a number, a country code or an HS code.</summary>
    public static string RandomValue(FuzzRandom rng) => rng.Next(6) switch
    {
        0 or 1 => rng.Pick(CsvTokens),
        2 => RandomNumber(rng),
        3 => RandomCountry(rng),
        4 => RandomHs(rng),
        _ => RandomText(rng),
    };

    public static string RandomNumber(FuzzRandom rng)
    {
        var ci = CultureInfo.InvariantCulture;
        return rng.Next(7) switch
        {
            0 => rng.Next(int.MinValue, int.MaxValue).ToString(ci),
            1 => ((long)rng.NextULong()).ToString(ci),
            2 => (rng.NextDouble() * Math.Pow(10, rng.Next(-30, 310))).ToString("R", ci),
            3 => (-(rng.NextDouble() * Math.Pow(10, rng.Next(-10, 30)))).ToString("R", ci),
            4 => rng.Next(10_000).ToString(ci),
            5 => rng.Next(1800, 2300).ToString(ci),
            _ => new string('9', rng.Next(1, 40)) + (rng.Chance(0.5) ? "." + new string('9', rng.Next(1, 40)) : string.Empty) + (rng.Chance(0.3) ? "e" + rng.Next(-400, 400).ToString(ci) : string.Empty),
        };
    }

    public static string RandomCountry(FuzzRandom rng)
    {
        var c = rng.Pick(Country.All);
        return rng.Next(4) switch
        {
            0 => c.Alpha2,
            1 => c.NumericCode.ToString("D3", CultureInfo.InvariantCulture),
            2 => c.NumericCode.ToString(CultureInfo.InvariantCulture),
            _ => c.Alpha3,
        };
    }

    public static string RandomHs(FuzzRandom rng)
    {
        var n = rng.Next(1, 12);
        var sb = new StringBuilder();
        for (var i = 0; i < n; i++)
        {
            sb.Append((char)('0' + rng.Next(10)));
            if (i % 2 == 1 && i >= 3 && rng.Chance(0.1))
            {
                sb.Append('.');
            }
        }

        return sb.ToString();
    }

    private static string RandomText(FuzzRandom rng)
    {
        var n = rng.SkewedLength(32);
        var sb = new StringBuilder(n);
        for (var i = 0; i < n; i++)
        {
            sb.Append(rng.Chance(0.9) ? (char)rng.Next(0x20, 0x7F) : (char)rng.Next(0x80, 0x3000));
        }

        return sb.ToString();
    }

    // ---- JSON tokens ---------------------------------------------------------------------------

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?|\\btrue\\b|\\bfalse\\b|\\bnull\\b")]
    private static partial Regex JsonScalar();

    [GeneratedRegex("\"((?:[^\"\\\\]|\\\\.)*)\"\\s*:")]
    private static partial Regex JsonKey();

    private static byte[] ReplaceJsonToken(byte[] d, FuzzRandom rng, Context x)
    {
        var text = Utf8(d);
        var m = RandomMatch(JsonScalar(), text, rng);
        if (m is null)
        {
            return d;
        }

        var token = rng.Chance(0.7) ? rng.Pick(JsonTokens) : rng.Chance(0.5) ? RandomNumber(rng) : "\"" + RandomValue(rng).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        return Bytes(text[..m.Index] + token + text[(m.Index + m.Length)..]);
    }

    private static byte[] RenameJsonKey(byte[] d, FuzzRandom rng, Context x)
    {
        var text = Utf8(d);
        var m = RandomMatch(JsonKey(), text, rng)?.Groups[1];
        if (m is null)
        {
            return d;
        }

        var key = rng.Chance(0.8) ? rng.Pick(JsonKeys) : RandomHs(rng);
        return Bytes(text[..m.Index] + key + text[(m.Index + m.Length)..]);
    }

    private static byte[] NestJson(byte[] d, FuzzRandom rng, Context x)
    {
        var text = Utf8(d);
        var m = RandomMatch(JsonScalar(), text, rng);
        if (m is null)
        {
            return d;
        }

        var depth = rng.SkewedLength(x.MaxLength / 512);
        var (open, close) = rng.Chance(0.5) ? ("[", "]") : ("{\"a\":", "}");
        return Bytes(text[..m.Index] + string.Concat(Enumerable.Repeat(open, depth)) + m.Value + string.Concat(Enumerable.Repeat(close, depth)) + text[(m.Index + m.Length)..]);
    }

    private static byte[] RepeatJsonMember(byte[] d, FuzzRandom rng, Context x)
    {
        var text = Utf8(d);
        var m = RandomMatch(JsonKey(), text, rng);
        if (m is null)
        {
            return d;
        }

        // Insert copies of a "key": value member (or of array items) after itself.
        var valueEnd = text.IndexOfAny([',', '}'], m.Index + m.Length);
        if (valueEnd < 0)
        {
            return d;
        }

        var member = text[m.Index..valueEnd];
        var times = Math.Min(rng.SkewedLength(Math.Max(1, x.MaxLength / 16)), x.MaxLength / Math.Max(1, member.Length)); // never build far past the cap
        var copies = rng.Chance(0.5)
            ? string.Concat(Enumerable.Repeat("," + member, times))
            : string.Concat(Enumerable.Range(0, times).Select(i => ",\"k" + i.ToString(CultureInfo.InvariantCulture) + "\":" + member[(member.IndexOf(':', StringComparison.Ordinal) + 1)..]));
        return Bytes(text[..valueEnd] + copies + text[valueEnd..]);
    }

    private static byte[] HugeJsonString(byte[] d, FuzzRandom rng, Context x)
    {
        var text = Utf8(d);
        var m = RandomMatch(JsonScalar(), text, rng);
        if (m is null)
        {
            return d;
        }

        var n = rng.SkewedLength(x.MaxLength / 4);
        var value = rng.Next(3) switch
        {
            0 => "\"" + new string('x', n) + "\"",
            1 => new string('9', n),
            _ => "[" + string.Join(',', Enumerable.Range(0, Math.Max(1, n / 8)).Select(i => "\"" + (i % 100).ToString("D2", CultureInfo.InvariantCulture) + "\"")) + "]",
        };
        return Bytes(text[..m.Index] + value + text[(m.Index + m.Length)..]);
    }

    /// <summary>The first match at or after a random position (wrapping round), without scanning the whole text for every match.</summary>
    private static Match? RandomMatch(Regex regex, string text, FuzzRandom rng)
    {
        var m = regex.Match(text, rng.Next(text.Length + 1));
        if (!m.Success)
        {
            m = regex.Match(text);
        }

        return m.Success ? m : null;
    }

    // ---- compression ---------------------------------------------------------------------------

    private static byte[] Gzip(byte[] d, FuzzRandom rng)
    {
        using var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gz.Write(d);
        }

        var z = buffer.ToArray();
        return rng.Next(3) switch
        {
            0 => z,
            1 => z[..rng.Next(z.Length)], // truncated archive
            _ => FlipBit(z, rng, new Context([], z.Length)), // corrupt archive (header, data or CRC)
        };
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static byte[] Insert(byte[] d, int at, ReadOnlySpan<byte> ins) => [.. d.AsSpan(0, at), .. ins, .. d.AsSpan(at)];

    /// <summary>Lines with their terminators (a line ends after '\n').</summary>
    private static List<byte[]> Lines(byte[] d)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < d.Length; i++)
        {
            if (d[i] == (byte)'\n')
            {
                lines.Add(d[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < d.Length)
        {
            lines.Add(d[start..]);
        }

        return lines;
    }

    private static byte[] EnsureNewline(byte[] line) => line.Length > 0 && line[^1] == (byte)'\n' ? line : [.. line, (byte)'\n'];

    private static byte[] Join(List<byte[]> lines)
    {
        var total = lines.Sum(l => (long)l.Length);
        return total > MaxLength ? [.. lines.SelectMany(l => l).Take(MaxLength)] : [.. lines.SelectMany(l => l)];
    }

    // Latin-1 keeps every byte as one char, so byte-level edits through text stay exact; UTF-8 is used where tokens are replaced.
    private static string Latin1(byte[] d) => Encoding.Latin1.GetString(d);

    private static string Utf8(byte[] d) => Encoding.UTF8.GetString(d);

    private static byte[] Bytes(string s) => Encoding.UTF8.GetBytes(s);
}
