using System.IO.Compression;
using System.Text;
using Xunit;

namespace TradeBalance.Data.Tests.Fuzz;

/// <summary>
/// Every bug the fuzzer found, as the minimised input it found it with: each must now be refused with
/// <see cref="TradeDataException"/> (file and line) or read correctly. docs/reliability.md lists them.
/// </summary>
public class FuzzRegressionTests
{
    /// <summary>Finding 1: content that starts with the gzip magic bytes 1F 8B but is not gzip escaped as InvalidDataException.</summary>
    public static TheoryData<string, byte[]> NotGzip => new()
    {
        { "flows", [0x1F, 0x8B, (byte)'{', 0x0C] },
        { "tariffs", [0x1F, 0x8B, 0xC2, 0x00] },
        { "rates", [0x1F, 0x8B, (byte)'R', (byte)'K'] },
        { "comtrade", [0x1F, 0x8B, 0xC0, 0x90] },
        { "baci", [0x1F, 0x8B, (byte)'4', (byte)'0'] },
        { "baci-columns", [0x1F, 0x8B, (byte)'4', (byte)'0'] },
        { "baci-codes", [0x1F, 0x8B, 0xD0, 0x14] },
        { "totals", [0x1F, 0x8B, 0xD0, (byte)'w'] },
        { "projection", [0x1F, 0x8B, (byte)'#', 0x1D] },
        { "scenario", [0x1F, 0x8B, 0x05, 0x01] },
        { "wits", [0x1F, 0x8B, 0x05, 0x01] },
    };

    [Theory]
    [MemberData(nameof(NotGzip))]
    public void Content_with_gzip_magic_that_is_not_gzip_is_a_TradeDataException(string reader, byte[] input)
    {
        var target = FuzzTargets.Get(reader);
        if (reader == "wits")
        {
            // WITS reads a path (no Stream overload): the same bytes in a file.
            using var dir = Fixtures.TempDir();
            File.WriteAllBytes(dir.File("wits.csv"), input);
            var w = Assert.Throws<TradeDataException>(() => WitsTariffReader.Read(dir.File("wits.csv")));
            Assert.Contains("is not a valid gzip file", w.Message, StringComparison.Ordinal);
            return;
        }

        var e = Assert.Throws<TradeDataException>(() => target.Read(input, target.FileName));
        Assert.Equal(1, e.Line);
        Assert.StartsWith($"{target.FileName}:1: is not a valid gzip file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gzip_file_truncated_or_corrupted_mid_stream_is_a_TradeDataException_at_the_line_reached()
    {
        var text = new StringBuilder("year,exporter,importer,hs,value_usd\n");
        for (var i = 0; i < 20_000; i++)
        {
            text.Append("2024,KEN,CHN,").Append(i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).Append(',').Append(i).Append('\n');
        }

        var gz = Gzip(Encoding.UTF8.GetBytes(text.ToString()));
        var corrupt = (byte[])gz.Clone();
        corrupt[gz.Length / 2] ^= 0xFF;
        var e = Assert.Throws<TradeDataException>(() => FlowsCsv.Read(new MemoryStream(corrupt), "flows.csv.gz"));
        Assert.Contains("is not a valid gzip file", e.Message, StringComparison.Ordinal);
        Assert.True(e.Line > 1, e.Message);
    }

    [Fact]
    public void A_file_named_gz_that_is_plain_text_is_a_TradeDataException()
    {
        using var dir = Fixtures.TempDir();
        File.WriteAllText(dir.File("flows.csv.gz"), "year,exporter,importer,hs,value_usd\n2024,KEN,CHN,0902,1\n");
        var e = Assert.Throws<TradeDataException>(() => FlowsCsv.Read(dir.File("flows.csv.gz")));
        Assert.Contains("is not a valid gzip file", e.Message, StringComparison.Ordinal);
        Assert.Throws<TradeDataException>(() => TradeFile.Detect(dir.File("flows.csv.gz")));
        Assert.Throws<TradeDataException>(() => TradeFile.ReadFlows(dir.File("flows.csv.gz")));
        Assert.Throws<TradeDataException>(() => ScenarioJson.Read(new MemoryStream([0x1F, 0x8B, 0x05, 0x01]), "scenario.json.gz"));
    }

    /// <summary>Finding 2: invalid UTF-8 inside a JSON string, or an escaped lone surrogate, escaped as InvalidOperationException from Utf8JsonReader.GetString.</summary>
    public static TheoryData<byte[], int, string> BadJsonText => new()
    {
        { [(byte)'"', 0x8C, (byte)'"'], 1, "scenario.json:1: is not valid UTF-8 text" },
        { [(byte)'"', 0xFF, (byte)'"'], 1, "scenario.json:1: is not valid UTF-8 text" },
        { Encoding.UTF8.GetBytes("{\n\"importer\": \"CH").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\"}")).ToArray(), 2, "scenario.json:2: is not valid UTF-8 text" },
        { Encoding.UTF8.GetBytes("{\"importer\":\"\\ud800\"}"), 1, "scenario.json:1: $.importer: '\\ud800' is not a valid JSON string" },
        { Encoding.UTF8.GetBytes("{\n\n\"\\udc00x\":1}"), 3, "is not a valid JSON string" },
    };

    [Theory]
    [MemberData(nameof(BadJsonText))]
    public void Invalid_text_in_scenario_JSON_is_a_TradeDataException(byte[] input, int line, string fragment)
    {
        var e = Assert.Throws<TradeDataException>(() => ScenarioJson.Read(new MemoryStream(input), "scenario.json"));
        Assert.Equal(line, e.Line);
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
    }

    /// <summary>Finding 3: a BACI value or quantity too large to multiply by 1000, or ROW rows summing past the decimal range, escaped as OverflowException.</summary>
    public static TheoryData<string, string, int, string> Overflow => new()
    {
        // Since the numeric domain (docs/numeric-domain.md) these are past the largest flow, 1E+15, and say so.
        { "baci", "t,i,j,k,v,q\n2022,4,156,090240,5,7.E+28", 2, "column 'q': '7.E+28' is outside the numeric domain" },
        { "baci", "t,i,j,k,v,q\n2022,4,156,090240,79228162514264337593543950335,1", 2, "column 'v': '79228162514264337593543950335' is outside the numeric domain" },
        { "baci", "t,i,j,k,v,q\n2022,899,156,090240,7E+11,\n2022,577,156,090240,7E+11,\n", 3, "ROW flows CHN HS 090240 2022 (this line and line 2) sum to more" },
        { "comtrade", "reporterCode,flowCode,partnerCode,cmdCode,refYear,primaryValue\n156,M,899,0902,2024,1000000000000000\n156,M,577,0902,2024,1\n", 3, "sum to more than the largest value" },
    };

    [Theory]
    [MemberData(nameof(Overflow))]
    public void Values_past_the_decimal_range_are_a_TradeDataException(string reader, string input, int line, string fragment)
    {
        var e = Assert.Throws<TradeDataException>(() => reader == "baci" ? BaciReader.Read(new StringReader(input), "baci.csv") : ComtradeReader.Read(new StringReader(input), "comtrade.csv"));
        Assert.Equal(line, e.Line);
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
        if (reader == "baci")
        {
            // The columnar reader: the same error, from ReadColumns or (the ROW sum) from ToTradeDataSet.
            var c = Assert.Throws<TradeDataException>(() => BaciReader.ReadColumns(new MemoryStream(Encoding.UTF8.GetBytes(input)), "baci.csv").Value.ToTradeDataSet());
            Assert.Equal(line, c.Line);
            Assert.Contains(fragment, c.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_largest_BACI_value_that_fits_still_reads()
    {
        // The largest flow of the numeric domain, 1E+15 USD, is 1E+12 in BACI's thousands.
        var (data, _) = BaciReader.Read(new StringReader("t,i,j,k,v,q\n2022,404,156,090240,1000000000000,NA\n"), "baci.csv");
        Assert.Equal(1_000_000_000_000_000m, data.Flows[0].Value.Amount);
        var columns = BaciReader.ReadColumns(new MemoryStream("t,i,j,k,v,q\n2022,404,156,090240,1000000000000,NA\n"u8.ToArray()), "baci.csv").Value;
        Assert.Equal(1e15, columns.ValuesUsd[0]);
        Assert.Equal(1_000_000_000_000_000m, columns.ToTradeDataSet().Value.Flows[0].Value.Amount);
    }

    /// <summary>Finding 4: a file with no header and no final line break was reported one line past its end.</summary>
    [Theory]
    [InlineData(" ", 1)]
    [InlineData("", 1)]
    [InlineData("\n", 2)]
    [InlineData("# comment", 1)]
    [InlineData("# comment\n", 2)]
    [InlineData("# one\r\n# two", 2)]
    [InlineData("# one\r# two\r", 3)]
    public void The_missing_header_error_names_a_line_of_the_file(string input, int line)
    {
        var e = Assert.Throws<TradeDataException>(() => FlowsCsv.Read(new StringReader(input), "flows.csv"));
        Assert.Equal(line, e.Line);
        Assert.Equal($"flows.csv:{line}: the file has no header row (it is empty or holds only '#' comment lines)", e.Message);
    }

    /// <summary>
    /// Finding 5: a scenario object or array with many members took quadratic time (the long run's
    /// watchdog saw a 0.9 MB input with 65,535 distinct keys still running after 10 s): duplicate
    /// members and items were looked for by scanning the ones before.
    /// </summary>
    [Fact]
    public void A_scenario_with_many_members_reads_in_linear_time()
    {
        // A ratio of two sizes in one run, never an absolute time: a loaded CI machine slows both alike. Linear
        // work gives about 4 for 4x the members, quadratic about 16.
        const int n = 65_535;
        ScenarioJson.Parse(ManyMembers(1_000)); // JIT
        var json = ManyMembers(n);
        var quarter = ManyMembers(n / 4);
        var small = Fastest(() => ScenarioJson.Parse(quarter));
        var large = Fastest(() => ScenarioJson.Parse(json));
        Assert.True(large < small * 9, $"4x the members took {large / small:F1}x the time ({small * 1000:F0} ms → {large * 1000:F0} ms)");

        var scenario = ScenarioJson.Parse(json);
        Assert.Equal(n, scenario.Lines.Length);
        Assert.Equal(n, scenario.Elasticities.Overrides.Count);
        Assert.Equal(n, scenario.Sources.Count);

        // A repeat is still found, and named.
        var repeated = json.Replace("\"k1\":", "\"k0\":", StringComparison.Ordinal);
        Assert.Contains("$.sources.k0: field 'k0' appears twice", Assert.Throws<TradeDataException>(() => ScenarioJson.Parse(repeated)).Message, StringComparison.Ordinal);
    }

    /// <summary>A scenario of <paramref name="n"/> lines, <paramref name="n"/> elasticity overrides and <paramref name="n"/> sources.</summary>
    private static string ManyMembers(int n)
    {
        var ci = System.Globalization.CultureInfo.InvariantCulture;
        var json = new StringBuilder("{\"importer\":\"CHN\",\"beneficiaries\":[\"KEN\"],\"newRatePercent\":0,\"effective\":\"2026-05-01\",\"hs\":[");
        json.AppendJoin(',', Enumerable.Range(1, n).Select(i => "\"" + i.ToString("D6", ci) + "\""));
        json.Append("],\"elasticities\":{\"byHs\":{");
        json.AppendJoin(',', Enumerable.Range(1, n).Select(i => "\"" + i.ToString("D6", ci) + "\":{\"substitution\":2}"));
        json.Append("}},\"sources\":{");
        json.AppendJoin(',', Enumerable.Range(0, n).Select(i => "\"k" + i.ToString(ci) + "\":\"x\""));
        json.Append("}}");
        return json.ToString();
    }

    /// <summary>The fastest of two runs, in seconds.</summary>
    private static double Fastest(Action run)
    {
        var best = double.MaxValue;
        for (var i = 0; i < 2; i++)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            run();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return best;
    }

    /// <summary>
    /// Finding 6 (round-trip check, long run): a quoted field holding a lone CR made Sylvan.Data.Csv run a
    /// later record that ends in an empty field into the next one, so the writer's own output did not read back.
    /// </summary>
    [Fact]
    public void A_carriage_return_inside_a_quoted_field_does_not_merge_later_records()
    {
        const string minimised = "base,quote,as_of,rate,basis,source\nUSD,KES,2024-01-01,3,annual-average,\nUSD,KES,2024-01-11,1,daily,\nKES,USD,2024-01-11,5,DAILY,\"-\ry\"";
        var (table, _) = ExchangeRatesCsv.Read(new StringReader(minimised), "exchange-rates.csv");
        Assert.Equal(3, table.Rates.Length);
        Assert.Equal("-\ny", table.Rates.Single(r => r.Base.Equals(Currency.Kes)).Source); // a line break in a field reads as \n
        var written = new StringWriter();
        ExchangeRatesCsv.Write(table, written);
        Assert.Equal(3, ExchangeRatesCsv.Read(new StringReader(written.ToString()), "again.csv").Value.Rates.Length);

        // The same shape written with a raw CR, read straight away.
        var raw = "base,quote,as_of,rate,basis,source\nKES,USD,2024-01-11,5,daily,\"-\ry\"\nUSD,KES,2024-01-01,3,annual-average,\nUSD,KES,2024-01-11,1,daily,\n";
        Assert.Equal(3, ExchangeRatesCsv.Read(new StringReader(raw), "raw.csv").Value.Rates.Length);
    }

    /// <summary>
    /// The same Sylvan behaviour, seen by the long run's allocation check (Comtrade, 484 KB input, 1.4 GB
    /// allocated): after a line ending in CR CR LF, 4,096 later records were read as one 86,101-field record.
    /// </summary>
    [Fact]
    public void A_doubled_carriage_return_does_not_merge_the_following_records()
    {
        var lines = File.ReadAllLines(Fixtures.Path("comtrade-legacy-22.csv"));
        var lanka = lines[1].Replace(",404,Kenya,KEN,", ",144,Sri Lanka,LKA,", StringComparison.Ordinal);
        var text = lines[0] + "\n" + lines[1] + "\r\r\n" + string.Concat(Enumerable.Repeat(lanka + "\n", 4096));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<TradeDataException>(() => ComtradeReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "comtrade.csv"));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 20L << 20);
        Assert.Equal("comtrade.csv:5: duplicate flow LKA→CHN HS 090240 2019: line 4 has the same exporter, importer, HS code and year", e.Message);
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("\r\n")]
    [InlineData("\n")]
    public void Line_numbers_count_every_kind_of_line_break(string eol)
    {
        var text = string.Join(eol, "# comment", "year,exporter,importer,hs,value_usd,source", "2024,KEN,CHN,0902,1,\"two" + eol + "lines\"", "2024,XX,CHN,0902,1,") + eol;
        var e = Assert.Throws<TradeDataException>(() => FlowsCsv.Read(new StringReader(text), "flows.csv"));
        Assert.Equal(5, e.Line);
    }

    /// <summary>
    /// Finding 7 (allocation check, long run): a 1.5 MB scenario (gzipped) made the reader allocate 1.9 GB,
    /// because every JSON node stored its full path: a 2,000-character key over an array of 190,000 items
    /// copied the key 190,000 times. Paths are now built only for an error.
    /// </summary>
    [Fact]
    public void A_long_key_over_a_large_array_does_not_multiply_memory()
    {
        var key = "elasticities" + new string('[', 2000);
        var json = "{\"importer\":\"CHN\",\"" + key + "\":[" + string.Join(',', Enumerable.Range(0, 190_000).Select(i => "\"" + (i % 100).ToString("D2", System.Globalization.CultureInfo.InvariantCulture) + "\"")) + "]}";
        var bytes = Encoding.UTF8.GetBytes(json);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<TradeDataException>(() => ScenarioJson.Read(new MemoryStream(bytes), "scenario.json"));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains($"$.{key}: unknown field", e.Message, StringComparison.Ordinal);
        Assert.True(allocated < 200L << 20, $"allocated {allocated / 1e6:F0} MB for {bytes.Length / 1e6:F1} MB of JSON"); // about 40 MB; it was 1.9 GB
    }

    /// <summary>The same finding's other half: a small gzip archive can expand a thousandfold, so a scenario stream is capped at 16 MB.</summary>
    [Fact]
    public void A_scenario_that_expands_past_16_MB_is_refused_without_reading_it_all()
    {
        var bomb = Gzip(Encoding.UTF8.GetBytes("{\"description\":\"" + new string('x', 40 << 20) + "\"}"));
        Assert.True(bomb.Length < 1 << 20, $"{bomb.Length} bytes");
        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<TradeDataException>(() => ScenarioJson.Read(new MemoryStream(bomb), "scenario.json.gz"));
        Assert.Equal("scenario.json.gz:1: is larger than 16 MB of JSON; a scenario file is a few kilobytes", e.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 100L << 20);
    }

    /// <summary>The same cap holds where a file may be a scenario or a package: one read, capped, never a second unbounded copy.</summary>
    [Fact]
    public void A_scenario_or_package_that_expands_past_16_MB_is_refused_without_reading_it_all()
    {
        var bomb = Gzip(Encoding.UTF8.GetBytes("{\"parts\":[],\"description\":\"" + new string('x', 40 << 20) + "\"}"));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<TradeDataException>(() => ScenarioPackageJson.ReadScenarioOrPackage(new MemoryStream(bomb), "package.json.gz"));
        Assert.Equal("package.json.gz:1: is larger than 16 MB of JSON; a scenario file is a few kilobytes", e.Message);
        Assert.False(ScenarioPackageJson.IsPackage(new MemoryStream(bomb)));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 200L << 20);
    }

    /// <summary>
    /// Finding 11 (long run, seed 3, allocation check): an 860 KB WITS file whose rows each open a quote that
    /// the next row closes was one record of about 74,000 fields, and Sylvan.Data.Csv, which allocates about
    /// quadratically in the fields of a record, allocated 637 MB before failing. A record more than 1,024
    /// fields wider than the header is now refused while it is read.
    /// </summary>
    [Fact]
    public void A_record_far_wider_than_the_header_is_refused_before_it_is_parsed()
    {
        var header = File.ReadLines(Fixtures.Path("wits-tariffs.csv")).First();
        const string row = "HS,H6,156,China,WLD,World,2022,2022,TRN,090240,0, packings > 3 kg\",MFN,15,15,15,15,2,\"Black tea,2,186000\n";
        var text = header + "\n" + string.Concat(Enumerable.Repeat(row, 8192));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<TradeDataException>(() => WitsTariffReader.Read(new StringReader(text), "wits.csv"));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64L << 20, e.Message);
        Assert.StartsWith("wits.csv:2: has more than 1044 fields but the header has 20", e.Message, StringComparison.Ordinal);

        var commas = "year,exporter,importer,hs,value_usd\n2024,KEN,CHN,0902,1\n" + new string(',', 50_000) + "\n";
        before = GC.GetAllocatedBytesForCurrentThread();
        e = Assert.Throws<TradeDataException>(() => FlowsCsv.Read(new StringReader(commas), "flows.csv"));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64L << 20, e.Message);
        Assert.StartsWith("flows.csv:3: has more than 1029 fields", e.Message, StringComparison.Ordinal);

        // Up to 1,024 extra fields the usual message, with the exact count, still comes from the row check.
        var wide = "year,exporter,importer,hs,value_usd\n2024,KEN,CHN,0902,1" + new string(',', 1000) + "\n";
        Assert.Contains("has 1005 fields but the header has 5", Assert.Throws<TradeDataException>(() => FlowsCsv.Read(new StringReader(wide), "flows.csv")).Message, StringComparison.Ordinal);
    }

    internal static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gz.Write(data);
        }

        return buffer.ToArray();
    }
}
