using System.Text;
using Xunit;

namespace TradeBalance.Data.Tests;

public class FlowsCsvTests
{
    [Fact]
    public void Columns_match_by_name_in_any_order_and_case_with_comments_BOM_and_unknown_columns()
    {
        var text = "\uFEFF# China's imports\n#  more comment\n\nNote,VALUE_USD,Importer,HS,Exporter,Year\nignored,20000000,CHN,0902.40,KEN,2024\n\"x, y\",68000000.50,156,090240,LK,2024\n";
        var (data, report) = FlowsCsv.Read(new StringReader(text), "flows.csv");
        Assert.Equal(2, data.Flows.Length);
        var lanka = data.Flows[1];
        Assert.Equal(Countries.SriLanka, lanka.Exporter);
        Assert.Equal(Countries.China, lanka.Importer);
        Assert.Equal(68_000_000.50m, lanka.Value.Amount);
        Assert.Null(lanka.QuantityKg);
        Assert.Equal(string.Empty, lanka.Source);
        Assert.Equal(HsCode.Parse("090240"), data.Flows[0].Hs);
        Assert.Equal(2, report.RowsRead);
        Assert.Equal(TradeFileFormat.Flows, report.Format);
    }

    [Fact]
    public void Writer_output_is_exactly_the_canonical_layout()
    {
        var data = new TradeDataSet(
        [
            new TradeFlow(Countries.Kenya, Countries.China, HsCode.Parse("0902"), 2024, new Money(15_638_000m, Currency.Usd), 9_383_000m, "China customs, \"Jan-Dec 2024\""),
            TradeFlow.Usd(Countries.RestOfWorld, Countries.China, HsCode.Parse("080440"), 2024, 4_395_000.25m),
        ]);
        var w = new StringWriter();
        FlowsCsv.Write(data, w);
        Assert.Equal(
            "year,exporter,importer,hs,value_usd,quantity_kg,source\n" +
            "2024,KEN,CHN,0902,15638000,9383000,\"China customs, \"\"Jan-Dec 2024\"\"\"\n" +
            "2024,ROW,CHN,080440,4395000.25,,\n",
            w.ToString());
    }

    [Fact]
    public void Multi_line_sources_keep_later_line_numbers_right()
    {
        var text = "year,exporter,importer,hs,value_usd,source\n2024,KEN,CHN,0902,1,\"line one\nline two\"\n2024,LKA,CHN,0902,-5,x\n";
        var e = Assert.Throws<TradeDataException>(() => FlowsCsv.Read(new StringReader(text), "flows.csv"));
        Assert.Equal(4, e.Line);
        Assert.Equal("flows.csv:4: column 'value_usd': '-5' is negative", e.Message);
    }

    [Fact]
    public void Blank_lines_are_counted_not_dropped_silently()
    {
        var text = "year,exporter,importer,hs,value_usd\n2024,KEN,CHN,0902,1\n\n2024,LKA,CHN,0902,2\n";
        var (data, report) = FlowsCsv.Read(new StringReader(text), "flows.csv");
        Assert.Equal(2, data.Flows.Length);
        Assert.Equal(3, report.RowsRead);
        Assert.Equal(1, report.Skipped["blank line"]);
    }

    [Fact]
    public void File_round_trip_with_gzip_by_extension()
    {
        using var dir = Fixtures.TempDir();
        var path = dir.File("flows.csv.gz");
        FlowsCsv.Write(KenyaChina.Flows, path);
        using (var raw = File.OpenRead(path))
        {
            Assert.Equal(0x1F, raw.ReadByte());
        }

        Assert.Equal(TradeFileFormat.Flows, TradeFile.Detect(path));
        Assert.Equal(KenyaChina.Flows.Flows, FlowsCsv.Read(path).Value.Flows);
        Assert.Equal(KenyaChina.Flows.Flows, TradeFile.ReadFlows(path).Value.Flows);
    }

    [Fact]
    public void Stream_input_reads_with_and_without_BOM()
    {
        var body = "year,exporter,importer,hs,value_usd\n2024,KEN,CHN,0902,1\n";
        foreach (var bytes in new[] { Encoding.UTF8.GetBytes(body), [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(body)] })
        {
            using var stream = new MemoryStream(bytes);
            Assert.Single(FlowsCsv.Read(stream, "flows.csv").Value.Flows);
            Assert.True(stream.CanRead, "the caller's stream stays open");
        }
    }

    [Fact]
    public void Invalid_UTF8_is_an_error_with_a_line()
    {
        var bytes = Encoding.UTF8.GetBytes("year,exporter,importer,hs,value_usd,source\n2024,KEN,CHN,0902,1,").Concat(new byte[] { 0xC3, 0x28, (byte)'\n' }).ToArray();
        using var stream = new MemoryStream(bytes);
        var e = Assert.Throws<TradeDataException>(() => FlowsCsv.Read(stream, "flows.csv"));
        Assert.Contains("not valid UTF-8", e.Message);
    }

    [Fact]
    public void Writing_a_non_USD_data_set_is_refused()
    {
        var kes = new TradeDataSet([new TradeFlow(Countries.Kenya, Countries.China, HsCode.Parse("0902"), 2024, new Money(1m, Currency.Kes))], Currency.Kes);
        Assert.Throws<ArgumentException>(() => FlowsCsv.Write(kes, new StringWriter()));
    }

    [Fact]
    public void The_embedded_flows_round_trip()
    {
        var w = new StringWriter();
        FlowsCsv.Write(KenyaChina.Flows, w);
        Assert.Equal(KenyaChina.Flows.Flows, FlowsCsv.Read(new StringReader(w.ToString()), "flows.csv").Value.Flows);
    }

    [Fact]
    public void A_group_and_its_member_supplying_one_market_are_refused_naming_the_file()
    {
        var e = Assert.Throws<TradeDataException>(() => FlowsCsv.Read(new StringReader("year,exporter,importer,hs,value_usd\n2024,EUN,CHN,0902,50\n2024,DEU,CHN,0902,20\n"), "eu.csv"));
        Assert.Equal("eu.csv: EUN and its member DEU both supply CHN with HS 0902 in 2024; DEU's trade would be counted twice. Keep the group's flow or its members', not both.", e.Message);
    }
}
