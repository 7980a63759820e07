using System.Globalization;
using System.IO.Compression;
using System.Text;
using Xunit;

namespace TradeBalance.Data.Tests.Hostile;

/// <summary>
/// The second round's reported examples of the input classes (corrupt gzip, endless lines, bytes that are not UTF-8),
/// one row each, as bytes: what each now gets, with the file, the line and the message.
/// </summary>
public sealed class HostileInputCatalogue
{
    private const string FlowsHeader = "year,exporter,importer,hs,value_usd\n";

    /// <summary>The tea market of the report: six suppliers, the last row's value 36,000,000.</summary>
    private static readonly string TeaFlows = FlowsHeader
        + "2024,LKA,CHN,0902,68000000\n2024,VNM,CHN,0902,23000000\n2024,IND,CHN,0902,22000000\n"
        + "2024,KEN,CHN,0902,20000000\n2024,TWN,CHN,0902,17000000\n2024,ROW,CHN,0902,36000000\n";

    public static TheoryData<string, string, long, string> Cases => new()
    {
        // Class 1: corrupt compressed input (each was read with exit 0 and fewer or smaller rows).
        { "flows.csv.gz cut inside the last row (36,000,000 read as 36)", "flows.csv.gz", 7, "is cut short or corrupt: its gzip trailer (CRC-32 and length) does not match the content" },
        { "flows.csv.gz cut at a line break (two suppliers vanish)", "flows.csv.gz", -1, "is cut short or corrupt" },
        { "flows.csv.gz without its 8-byte trailer", "flows.csv.gz", 7, "is cut short or corrupt" },
        { "flows.csv.gz with its CRC-32 altered", "flows.csv.gz", -1, "is not a valid gzip file (the archive is corrupt or truncated" }, // zlib finds it inside the read that would hand out the data, so the line is where reading got to
        { "flows.csv.gz with zero bytes after its end", "flows.csv.gz", 7, "its gzip trailer (CRC-32 and length) does not match the content" },
        { "flows.csv.gz holding only the gzip header", "flows.csv.gz", 1, "is cut short" },

        // Class 2: unbounded memory before the first line (8.4 GB for --flows /dev/zero).
        { "flows: 3 MB of NUL bytes (as /dev/zero gives)", "flows.csv", 1, "has a line longer than 1,048,576 characters" },
        { "flows: 3 MB without a line break", "flows.csv", 1, "has a line longer than 1,048,576 characters" },
        { "flows: a header, then a 3 MB value", "flows.csv", 2, "has a line longer than 1,048,576 characters" },
        { "tariffs: 3 MB of NUL bytes", "tariffs.csv", 1, "has a line longer than 1,048,576 characters" },
        { "rates: 3 MB of NUL bytes", "exchange-rates.csv", 1, "has a line longer than 1,048,576 characters" },
        { "BACI columns: 3 MB of NUL bytes", "baci.csv", 1, "has a line longer than 1,048,576 characters" },

        // Class 6: wrong places in messages (both were reported at line 1).
        { "flows: a byte that is not UTF-8 on line 5", "flows.csv", 5, "is not valid UTF-8 text" },
        { "flows: a byte that is not UTF-8 on line 1,501", "flows.csv", 1_501, "is not valid UTF-8 text" },
        { "tariffs: a byte that is not UTF-8 on line 3", "tariffs.csv", 3, "is not valid UTF-8 text" },
        { "rates: a byte that is not UTF-8 on line 4", "exchange-rates.csv", 4, "is not valid UTF-8 text" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_example_is_refused_with_file_line_and_reason(string example, string file, long line, string fragment)
    {
        var bytes = Input(example);
        var e = Assert.Throws<TradeDataException>(() => Read(file, new MemoryStream(bytes)));
        Assert.Equal(file, e.FileName);
        if (line > 0)
        {
            Assert.Equal(line, e.Line);
        }

        Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"{file}:{e.Line}: "), e.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_whole_file_reads_and_gives_Kenya_its_share()
    {
        var flows = TradeFile.ReadFlows(new MemoryStream(GzipTeaFlows()), "flows.csv.gz").Value;
        Assert.Equal(6, flows.Flows.Length);
        Assert.Equal(186_000_000m, flows.Flows.Sum(f => f.Value.Amount));
    }

    private static object Read(string file, Stream content) => file switch
    {
        "flows.csv.gz" or "flows.csv" => TradeFile.ReadFlows(content, file).Value,
        "tariffs.csv" => TariffsCsv.Read(content, file).Value,
        "exchange-rates.csv" => ExchangeRatesCsv.Read(content, file).Value,
        "baci.csv" => BaciReader.ReadColumns(content, file).Value,
        _ => throw new ArgumentOutOfRangeException(nameof(file), file, null),
    };

    private static byte[] Input(string example)
    {
        var gz = GzipTeaFlows();
        var nul = new byte[3 << 20];
        return example switch
        {
            "flows.csv.gz cut inside the last row (36,000,000 read as 36)" => CutWhere(gz, text => text.EndsWith(",36", StringComparison.Ordinal)),
            "flows.csv.gz cut at a line break (two suppliers vanish)" => CutWhere(gz, text => text.EndsWith('\n') && text.Length < TeaFlows.Length),
            "flows.csv.gz without its 8-byte trailer" => gz[..^8],
            "flows.csv.gz with its CRC-32 altered" => [.. gz[..^8], (byte)(gz[^8] ^ 0xFF), .. gz[^7..]],
            "flows.csv.gz with zero bytes after its end" => [.. gz, 0, 0, 0, 0],
            "flows.csv.gz holding only the gzip header" => gz[..10],
            "flows: 3 MB of NUL bytes (as /dev/zero gives)" or "tariffs: 3 MB of NUL bytes" or "rates: 3 MB of NUL bytes" or "BACI columns: 3 MB of NUL bytes" => nul,
            "flows: 3 MB without a line break" => Encoding.ASCII.GetBytes(new string('y', 3 << 20)),
            "flows: a header, then a 3 MB value" => Encoding.ASCII.GetBytes(FlowsHeader + "2024,KEN,CHN,0902," + new string('1', 3 << 20)),
            "flows: a byte that is not UTF-8 on line 5" => InvalidOn(TeaFlows, 5),
            "flows: a byte that is not UTF-8 on line 1,501" => InvalidOn(TeaFlows + new string('\n', 1_500), 1_501),
            "tariffs: a byte that is not UTF-8 on line 3" => InvalidOn("importer,exporter,hs,rate_percent\nCHN,*,0902,15\nCHN,KEN,0902,0\n", 3),
            "rates: a byte that is not UTF-8 on line 4" => InvalidOn("base,quote,as_of,rate,basis\nUSD,KES,2024-01-01,134.82,annual-average\nUSD,KES,2023-01-01,139.85,annual-average\nUSD,KES,2022-01-01,117.87,annual-average\n", 4),
            _ => throw new ArgumentOutOfRangeException(nameof(example), example, null),
        };
    }

    private static byte[] GzipTeaFlows()
    {
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true))
        {
            gz.Write(Encoding.ASCII.GetBytes(TeaFlows));
        }

        return ms.ToArray();
    }

    /// <summary>The longest cut of the archive whose (leniently) decompressed text satisfies the condition.</summary>
    private static byte[] CutWhere(byte[] gz, Func<string, bool> condition)
    {
        for (var cut = gz.Length - 1; cut > 10; cut--)
        {
            using var lenient = new GZipStream(new MemoryStream(gz, 0, cut), CompressionMode.Decompress);
            using var reader = new StreamReader(lenient, Encoding.ASCII);
            string text;
            try
            {
                text = reader.ReadToEnd();
            }
            catch (InvalidDataException)
            {
                continue;
            }

            if (condition(text))
            {
                return gz[..cut];
            }
        }

        throw new InvalidOperationException("no such cut");
    }

    /// <summary>The text with a byte that is never UTF-8 (0xFF) at the start of the given line.</summary>
    private static byte[] InvalidOn(string text, int line)
    {
        var lines = text.Split('\n');
        var before = Encoding.ASCII.GetBytes(string.Join('\n', lines.Take(line - 1)) + "\n");
        var rest = Encoding.ASCII.GetBytes(string.Join('\n', lines.Skip(line - 1)));
        return [.. before, 0xFF, .. rest];
    }
}
