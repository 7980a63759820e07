using System.IO.Compression;
using TradeBalance.Data.Tests.Fuzz;
using Xunit;

namespace TradeBalance.Data.Tests.Hostile;

/// <summary>
/// Class: corrupt compressed input. Every reader, given a small gzip file cut at every byte offset, or with its
/// trailer altered, must refuse it with a <see cref="TradeDataException"/> naming the file; never return fewer rows.
/// </summary>
public sealed class GzipTruncationTests
{
    /// <summary>Every public reader that takes a path, with the fuzz seed it reads (the small hand-made one).</summary>
    private static readonly (string Name, string Seed, string FileName, Func<string, object> Read)[] PathReaders =
    [
        ("FlowsCsv.Read", "flows", "flows.csv", p => FlowsCsv.Read(p).Value),
        ("TariffsCsv.Read", "tariffs", "tariffs.csv", p => TariffsCsv.Read(p).Value),
        ("TariffsCsv.ReadAll", "tariffs", "tariffs.csv", p => TariffsCsv.ReadAll(p).Value),
        ("ExchangeRatesCsv.Read", "rates", "exchange-rates.csv", p => ExchangeRatesCsv.Read(p).Value),
        ("ComtradeReader.Read", "comtrade", "comtrade.csv", p => ComtradeReader.Read(p).Value),
        ("BaciReader.Read", "baci", "baci.csv", p => BaciReader.Read(p).Value),
        ("BaciReader.ReadColumns", "baci", "baci.csv", p => BaciReader.ReadColumns(p).Value),
        ("BaciCountryCodes.Read", "baci-codes", "country_codes.csv", p => BaciCountryCodes.Read(p).Value),
        ("WitsTariffReader.ReadAll", "wits", "wits.csv", p => WitsTariffReader.ReadAll(p).Value),
        ("ScenarioJson.Read", "scenario", "scenario.json", p => ScenarioJson.Read(p)),
        ("BilateralTotalsCsv.Read", "totals", "bilateral-totals.csv", p => BilateralTotalsCsv.Read(p).Value),
        ("ProjectionCsv.Read", "projection", "projection.csv", p => ProjectionCsv.Read(p).Value),
        ("TradeFile.ReadFlows (flows)", "flows", "flows.csv", p => TradeFile.ReadFlows(p).Value),
        ("TradeFile.ReadFlows (BACI)", "baci", "baci.csv", p => TradeFile.ReadFlows(p).Value),
        ("TradeFile.ReadFlows (Comtrade)", "comtrade", "comtrade.csv", p => TradeFile.ReadFlows(p).Value),
        ("TradeFile.ReadTariffs", "tariffs", "tariffs.csv", p => TradeFile.ReadTariffs(p, Countries.China).Value),
    ];

    public static TheoryData<string> Readers => [.. PathReaders.Select(r => r.Name)];

    /// <summary>
    /// Memory and time out of proportion (round three, class 6): a gzip file that expands more than 200 times past
    /// 64 MiB (a bomb: 80 MB of blank lines after the seed's first line, about 80 KB compressed) is refused by every
    /// CSV reader once that much is read, naming the file; it was inflated whole. (JSON is refused earlier, at 16 MB.)
    /// </summary>
    [Theory]
    [MemberData(nameof(Readers))]
    public void A_gzip_bomb_is_refused_once_it_expands_more_than_200_times(string reader)
    {
        Assert.SkipWhen(reader == "ScenarioJson.Read", "a scenario is refused past 16 MB, before the expansion is checked");
        using var dir = new TempDir();
        var (read, plain, path) = Reader(reader, dir);
        var header = plain.AsSpan(0, plain.AsSpan().IndexOf((byte)'\n') + 1).ToArray();
        using (var file = File.Create(path))
        using (var gz = new GZipStream(file, CompressionLevel.SmallestSize))
        {
            gz.Write(header);
            var blank = new byte[1 << 20];
            blank.AsSpan().Fill((byte)'\n');
            for (var i = 0; i < 80; i++)
            {
                gz.Write(blank);
            }
        }

        var e = Refused(reader, read, path, "80 MB of blank lines");
        Assert.StartsWith(path + ":", e.Message, StringComparison.Ordinal);
        Assert.Contains("expands more than 200 times", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void A_gzip_file_cut_at_any_byte_is_refused(string reader)
    {
        using var dir = new TempDir();
        var (read, plain, path) = Reader(reader, dir);
        read(Write(path[..^3], plain)); // the seed itself is good
        var gz = Gzip(plain);
        for (var cut = 0; cut < gz.Length; cut++)
        {
            var e = Refused(reader, read, Write(path, gz.AsSpan(0, cut)), $"cut at byte {cut} of {gz.Length}");
            Assert.StartsWith(path + ":", e.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void A_gzip_file_whose_trailer_is_altered_is_refused(string reader)
    {
        using var dir = new TempDir();
        var (read, plain, path) = Reader(reader, dir);
        var gz = Gzip(plain);
        for (var i = gz.Length - 8; i < gz.Length; i++)
        {
            var altered = (byte[])gz.Clone();
            altered[i] ^= 0x01;
            var e = Refused(reader, read, Write(path, altered), $"bit flipped in trailer byte {i - gz.Length + 8}");
            Assert.Contains("gzip", e.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void A_gzip_file_with_data_after_its_end_is_refused(string reader)
    {
        using var dir = new TempDir();
        var (read, plain, path) = Reader(reader, dir);
        Refused(reader, read, Write(path, [.. Gzip(plain), 0, 0, 0, 0]), "four zero bytes after the trailer");
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void Concatenated_gzip_members_read_as_the_whole_file(string reader)
    {
        using var dir = new TempDir();
        var (read, plain, path) = Reader(reader, dir);
        var expected = Describe(read(Write(path[..^3], plain)));
        foreach (var split in new[] { 1, plain.Length / 3, plain.Length / 2, plain.Length - 1 })
        {
            byte[] twoMembers = [.. Gzip(plain.AsSpan(0, split)), .. Gzip(plain.AsSpan(split))];
            Assert.Equal(expected, Describe(read(Write(path, twoMembers))));
        }
    }

    private static (Func<string, object> Read, byte[] Plain, string GzPath) Reader(string name, TempDir dir)
    {
        var r = PathReaders.Single(r => r.Name == name);
        return (r.Read, FuzzTargets.Get(r.Seed).Seeds[^1], dir.File(r.FileName + ".gz"));
    }

    private static string Write(string path, ReadOnlySpan<byte> content)
    {
        File.WriteAllBytes(path, content);
        return path;
    }

    [Fact]
    public void A_large_gzip_file_cut_at_a_line_break_is_refused_by_every_path_to_the_flows()
    {
        // The reported example: cut at a line break, suppliers vanish and shares change with exit 0.
        var lines = new System.Text.StringBuilder("t,i,j,k,v,q\n");
        for (var i = 0; i < 50_000; i++)
        {
            lines.Append(System.Globalization.CultureInfo.InvariantCulture, $"2022,{Exporters[i % Exporters.Length]},156,{100000 + i},{i}.5,1\n");
        }

        var plain = System.Text.Encoding.ASCII.GetBytes(lines.ToString());
        var gz = Gzip(plain);
        using var dir = new TempDir();
        var cut = dir.File("baci.csv.gz");
        File.WriteAllBytes(cut, gz[..(gz.Length - 9)]);
        Assert.Throws<TradeDataException>(() => TradeFile.ReadFlows(cut));
        Assert.Throws<TradeDataException>(() => BaciReader.Read(cut));
        Assert.Throws<TradeDataException>(() => BaciReader.ReadColumns(cut));
        var whole = dir.File("whole.csv.gz");
        File.WriteAllBytes(whole, gz);
        Assert.Equal(50_000, TradeFile.ReadFlows(whole).Report.RowsRead);
    }

    private static readonly int[] Exporters = [4, 8, 12, 24, 32, 36, 40, 56, 76, 124, 250, 276, 356, 392, 404, 410, 484, 566, 643, 710, 724, 752, 764, 792, 800, 826, 834, 840];

    internal static byte[] Gzip(ReadOnlySpan<byte> content)
    {
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true))
        {
            gz.Write(content);
        }

        return ms.ToArray();
    }

    private static TradeDataException Refused(string reader, Func<string, object> read, string path, string what)
    {
        try
        {
            var value = read(path);
            Assert.Fail($"{reader}: {what}: read without an error ({Describe(value)})");
            return null!;
        }
        catch (TradeDataException e)
        {
            return e;
        }
    }

    private static string Describe(object value) => value switch
    {
        TradeDataSet d => $"{d.Flows.Length} flows, {d.Flows.Sum(f => f.Value.Amount)} USD",
        System.Collections.ICollection c => $"{c.Count} items",
        BaciColumns c => $"{c.Count} rows, {c.ValuesUsd.ToArray().Sum()} USD",
        _ => value.ToString() ?? string.Empty,
    };
}
