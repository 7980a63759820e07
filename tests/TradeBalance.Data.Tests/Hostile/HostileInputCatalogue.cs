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
        // (Read by TariffsCsv, ExchangeRatesCsv and BaciReader.ReadColumns directly, the first NUL is refused at once: third round's line layer.)
        { "tariffs: 3 MB of NUL bytes", "tariffs.csv", 1, "holds a NUL byte (U+0000) outside a quoted field" },
        { "rates: 3 MB of NUL bytes", "exchange-rates.csv", 1, "holds a NUL byte (U+0000) outside a quoted field" },
        { "BACI columns: 3 MB of NUL bytes", "baci.csv", 1, "holds a NUL byte (U+0000) outside a quoted field" },

        // Class 6: wrong places in messages (both were reported at line 1).
        { "flows: a byte that is not UTF-8 on line 5", "flows.csv", 5, "is not valid UTF-8 text" },
        { "flows: a byte that is not UTF-8 on line 1,501", "flows.csv", 1_501, "is not valid UTF-8 text" },
        { "tariffs: a byte that is not UTF-8 on line 3", "tariffs.csv", 3, "is not valid UTF-8 text" },
        { "rates: a byte that is not UTF-8 on line 4", "exchange-rates.csv", 4, "is not valid UTF-8 text" },

        // Third round, class 1: silent drops at the byte level (each line vanished, exit 0, no count in the report).
        { "flows: Kenya's row starts with a NUL byte", "flows.csv", 5, "column 'year': holds a NUL byte (U+0000) outside a quoted field" },
        { "flows: a 512-byte zeroed block over two rows", "flows.csv", 4, "holds a NUL byte (U+0000) outside a quoted field" },
        { "flows: ESC inside an unquoted value", "flows.csv", 3, "column 'exporter': holds the control character U+001B outside a quoted field" },
        { "tariffs: the preference row starts with a NUL byte", "tariffs.csv", 3, "column 'importer': holds a NUL byte" },
        { "rates: a DOS end-of-file mark (Ctrl-Z) on a line of its own", "exchange-rates.csv", 5, "holds the control character U+001A outside a quoted field" },
        { "BACI columns: a row starts with a NUL byte", "baci.csv", 3, "column 't': holds a NUL byte" },
        { "BACI (TradeFile.ReadFlows): a row starts with a NUL byte", "baci-flows.csv", 3, "column 't': holds a NUL byte" },
        { "Comtrade: a row starts with a NUL byte", "comtrade.csv", 3, "holds a NUL byte" },
        { "WITS: a row starts with a NUL byte", "wits.csv", 3, "holds a NUL byte" },
        { "groups: a member row starts with a NUL byte", "groups.csv", 3, "column 'group': holds a NUL byte" },

        // Third round, class 6: a label long enough to cost memory per row (a Parquet dictionary gives it to every row).
        { "flows: a 20,000-character source on Kenya's row", "flows.csv", 5, "is 20,000 characters long; a label (a source or a name) holds at most 10,000" },
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
        "baci-flows.csv" => TradeFile.ReadFlows(content, file).Value,
        "comtrade.csv" => ComtradeReader.Read(content, file).Value,
        "wits.csv" => WitsTariffReader.ReadAll(content, file).Value,
        "groups.csv" => CountryGroupsCsv.Read(content, file).Value,
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
            "flows: Kenya's row starts with a NUL byte" => Encoding.ASCII.GetBytes(TeaFlows.Replace("2024,KEN", "\02024,KEN", StringComparison.Ordinal)),
            "flows: a 512-byte zeroed block over two rows" => Zeroed(Encoding.ASCII.GetBytes(TeaFlows + string.Concat(Enumerable.Repeat("2024,ROW,CHN,0901,1000\n", 40))), TeaFlows.IndexOf("2024,IND", StringComparison.Ordinal) + 7, 512),
            "flows: a 20,000-character source on Kenya's row" => Encoding.ASCII.GetBytes(TeaFlows.Replace("\n", ",customs\n", StringComparison.Ordinal).Replace("value_usd,customs", "value_usd,source", StringComparison.Ordinal).Replace("20000000,customs", "20000000," + new string('s', 20_000), StringComparison.Ordinal)),
            "flows: ESC inside an unquoted value" => Encoding.ASCII.GetBytes(TeaFlows.Replace("VNM", "V\u001B[8mNM", StringComparison.Ordinal)),
            "tariffs: the preference row starts with a NUL byte" => Encoding.ASCII.GetBytes("importer,exporter,hs,rate_percent\nCHN,*,0902,15\n\0CHN,KEN,0902,0\n"),
            "rates: a DOS end-of-file mark (Ctrl-Z) on a line of its own" => Encoding.ASCII.GetBytes("base,quote,as_of,rate,basis\nUSD,KES,2024-01-01,134.82,annual-average\nUSD,KES,2023-01-01,139.85,annual-average\nUSD,KES,2022-01-01,117.87,annual-average\n\u001A"),
            "BACI columns: a row starts with a NUL byte" or "BACI (TradeFile.ReadFlows): a row starts with a NUL byte" => Encoding.ASCII.GetBytes("t,i,j,k,v,q\n2022,144,156,090240,68000,1\n\u00002022,404,156,090240,20000,1\n2022,704,156,090240,23000,1\n"),
            "Comtrade: a row starts with a NUL byte" => Encoding.ASCII.GetBytes("classificationCode,reporterCode,flowCode,partnerCode,cmdCode,refYear,primaryValue\nH6,156,M,144,0902,2024,68000000\n\0H6,156,M,404,0902,2024,20000000\n"),
            "WITS: a row starts with a NUL byte" => Encoding.ASCII.GetBytes("Reporter,Partner,Product,Tariff Year,DutyType,Simple Average\nCHN,WLD,090240,2023,MFN,15\n\0CHN,KEN,090240,2023,AHS,0\n"),
            "groups: a member row starts with a NUL byte" => Encoding.ASCII.GetBytes("group,member,name\nXEA,KEN,My bloc\n\0XEA,UGA,\n"),
            _ => throw new ArgumentOutOfRangeException(nameof(example), example, null),
        };
    }

    /// <summary>The bytes with <paramref name="length"/> of them from <paramref name="start"/> set to zero, as a crashed writer or a bad disk leaves.</summary>
    private static byte[] Zeroed(byte[] bytes, int start, int length)
    {
        var o = (byte[])bytes.Clone();
        o.AsSpan(start, length).Clear();
        return o;
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
