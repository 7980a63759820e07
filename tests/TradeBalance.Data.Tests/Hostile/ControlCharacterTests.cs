using System.Text;
using TradeBalance.Data.Internal.Baci;
using TradeBalance.Data.Tests.Fuzz;
using Xunit;

namespace TradeBalance.Data.Tests.Hostile;

/// <summary>
/// Class (third round): silent drops at the byte level. A NUL byte (what a zeroed block of a crashed writer or a bad
/// disk leaves) or any other C0 control but tab and the line breaks, outside a quoted field, at the start of a data
/// line, inside it, at its end, or as a line of its own, in every CSV reader and every entry point (the canonical
/// files, Comtrade, BACI with its columnar fast path split into parts, WITS, groups, totals, projections, and
/// <see cref="TradeFile"/>'s recognising readers), is refused with a <see cref="TradeDataException"/> naming that line,
/// never read as a shorter file. Before the fix a line starting with NUL vanished in every reader (Sylvan.Data.Csv took
/// it for a comment) with no count in the read report.
/// </summary>
public sealed class ControlCharacterTests
{
    private const string Outside = "outside a quoted field";

    /// <summary>NUL, then controls a text editor, a terminal or an old DOS file leaves: SOH, BS, VT, FF, SUB (Ctrl-Z), ESC, US.</summary>
    private static readonly char[] ControlChars = ['\0', '\u0001', '\u0008', '\u000B', '\u000C', '\u001A', '\u001B', '\u001F'];

    /// <summary>Every CSV reader by its fuzz target, and the entry points that recognise the layout, over the same seeds.</summary>
    private static readonly (string Name, string Seed, Func<byte[], object> Read)[] Readers =
    [
        .. new[] { "flows", "tariffs", "rates", "comtrade", "baci", "baci-columns", "baci-codes", "wits", "groups", "totals", "projection" }
            .Select(n => (n, n, (Func<byte[], object>)(b => FuzzTargets.Get(n).Read(b, FuzzTargets.Get(n).FileName)))),
        ("TradeFile.ReadFlows (flows)", "flows", b => TradeFile.ReadFlows(new MemoryStream(b), "flows.csv").Value),
        ("TradeFile.ReadFlows (comtrade)", "comtrade", b => TradeFile.ReadFlows(new MemoryStream(b), "comtrade.csv").Value),
        ("TradeFile.ReadFlows (baci, columns)", "baci", b => TradeFile.ReadFlows(new MemoryStream(b), "baci.csv").Value),
        ("BACI fast path in 4 parts", "baci", b => BaciColumnParser.ParseBytes(b, "baci.csv", BaciReadOptions.Default, parts: 4, minPartBytes: 1).Value),
        ("TradeFile.ReadAllTariffs (tariffs)", "tariffs", b => TradeFile.ReadAllTariffs(new MemoryStream(b), "tariffs.csv").Value),
        ("TradeFile.ReadAllTariffs (wits)", "wits", b => TradeFile.ReadAllTariffs(new MemoryStream(b), "wits.csv").Value),
    ];

    private static readonly string[] Places = ["start of line 2", "inside line 2", "end of line 2", "start of the last line", "a zeroed line after the data", "start of the header"];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var reader in Readers)
        {
            foreach (var place in Places)
            {
                data.Add(reader.Name, place);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_control_outside_quotes_is_refused_on_its_line(string reader, string place)
    {
        var (_, seedName, read) = Readers.Single(r => r.Name == reader);
        var seed = Lines(FuzzTargets.Get(seedName).Seeds[^1]);
        foreach (var c in ControlChars)
        {
            var (content, line) = With(seed, place, c);
            var e = Assert.Throws<TradeDataException>(() => read(content));
            Assert.True(e.Line == line && e.Message.Contains(Outside, StringComparison.Ordinal), $"{reader}: U+{(int)c:X4} at the {place} (line {line}) gave line {e.Line}: {e.Message}");
            Assert.DoesNotContain("\0", e.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>The fast path's parts meet a NUL line far into a large file: refused on its line, as by <c>BaciReader.Read</c>.</summary>
    [Fact]
    public void A_zeroed_line_deep_in_a_large_BACI_file_is_refused_by_every_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tb-control-{Guid.NewGuid():N}.csv");
        string[] lines;
        try
        {
            TradeBalance.Synthetic.SyntheticBaci.Write(path, 30_000);
            lines = File.ReadAllText(path).Split('\n');
        }
        finally
        {
            File.Delete(path);
        }

        lines[20_000] = "\0\0\0\0\0\0\0\0" + lines[20_000];
        var bytes = Encoding.ASCII.GetBytes(string.Join('\n', lines));
        foreach (var read in new Func<byte[], object>[]
        {
            b => BaciReader.ReadColumns(new MemoryStream(b), "baci.csv").Value,
            b => BaciColumnParser.ParseBytes(b, "baci.csv", BaciReadOptions.Default, parts: 8, minPartBytes: 1).Value,
            b => BaciReader.Read(new MemoryStream(b), "baci.csv").Value,
            b => TradeFile.ReadFlows(new MemoryStream(b), "baci.csv").Value,
        })
        {
            var e = Assert.Throws<TradeDataException>(() => read(bytes));
            Assert.Equal(20_001, e.Line);
            Assert.Contains("NUL byte", e.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>Inside a quoted field a control is the value's business: the line layer passes it, the writer quotes it, and
    /// the file reads back the same.</summary>
    [Fact]
    public void A_control_inside_quotes_is_a_value_and_round_trips()
    {
        var csv = "year,exporter,importer,hs,value_usd,quantity_kg,source\n2024,KEN,CHN,0902,5,,\"a\0b\u001Bc\"\n";
        var flows = FlowsCsv.Read(new StringReader(csv), "flows.csv").Value;
        Assert.Equal("a\0b\u001Bc", flows.Flows[0].Source);
        var w = new StringWriter { NewLine = "\n" };
        FlowsCsv.Write(flows, w);
        Assert.Contains("\"a\0b\u001Bc\"", w.ToString(), StringComparison.Ordinal);
        Assert.Equal("a\0b\u001Bc", FlowsCsv.Read(new StringReader(w.ToString()), "again.csv").Value.Flows[0].Source);
    }

    /// <summary>The column the control is in is named, when the line layer knows it.</summary>
    [Fact]
    public void The_column_is_named()
    {
        var e = Assert.Throws<TradeDataException>(() => FlowsCsv.Read(new StringReader("year,exporter,importer,hs,value_usd\n2024,KEN,CHN,0902,5\n2024,KEN,C\0HN,0901,5\n"), "flows.csv"));
        Assert.Equal(3, e.Line);
        Assert.Equal("importer", e.Column);
        Assert.StartsWith("flows.csv:3: column 'importer': holds a NUL byte (U+0000) outside a quoted field", e.Message, StringComparison.Ordinal);
    }

    private static List<string> Lines(byte[] seed) =>
        [.. Encoding.UTF8.GetString(seed).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n')];

    /// <summary>The seed with the control put at the place; the line it is on.</summary>
    private static (byte[] Content, long Line) With(List<string> seed, string place, char c)
    {
        var lines = new List<string>(seed);
        long line;
        switch (place)
        {
            case "start of line 2":
                lines[1] = c + lines[1];
                line = 2;
                break;
            case "inside line 2":
                // Inside the first field (no seed's second line starts with a quote).
                Assert.NotEqual('"', lines[1][0]);
                lines[1] = lines[1][..1] + c + lines[1][1..];
                line = 2;
                break;
            case "end of line 2":
                lines[1] += c;
                line = 2;
                break;
            case "start of the last line":
                lines[^1] = c + lines[^1];
                line = lines.Count;
                break;
            case "a zeroed line after the data":
                lines.Add(new string(c, 16));
                line = lines.Count;
                break;
            default:
                lines[0] = c + lines[0];
                line = 1;
                break;
        }

        return (Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"), line);
    }
}
