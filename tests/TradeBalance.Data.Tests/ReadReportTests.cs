using Xunit;

namespace TradeBalance.Data.Tests;

public class ReadReportTests
{
    [Fact]
    public void Counts_must_add_up()
    {
        var skipped = new Dictionary<string, long> { ["aggregate partner World (0)"] = 2, ["blank line"] = 1 };
        var report = new ReadReport("f.csv", TradeFileFormat.ComtradePlus, 10, 7, skipped, new Dictionary<string, long> { ["x"] = 1 }, ["u"]);
        Assert.Equal(3, report.RowsSkipped);
        Assert.Equal(["aggregate partner World (0)", "blank line"], report.Skipped.Keys);
        Assert.Equal(["u"], report.Units);
        Assert.Throws<ArgumentException>(() => new ReadReport("f.csv", TradeFileFormat.Flows, 10, 8, skipped));
        Assert.Throws<ArgumentException>(() => new ReadReport("f.csv", TradeFileFormat.Flows, -1, -1, new Dictionary<string, long>()));
    }

    [Fact]
    public void ToString_lists_every_rule()
    {
        var report = ComtradeReader.Read(Fixtures.Path("comtrade-plus.csv")).Report;
        var text = report.ToString();
        Assert.Contains("12 rows read, 6 kept, 6 skipped", text);
        Assert.Contains("skipped 1: aggregate partner World (0)", text);
        Assert.Contains("adjusted 1: partner area nes 899 mapped to ROW", text);
        Assert.Contains("cifvalue", text);
    }

    [Fact]
    public void Every_reader_reports_read_equals_kept_plus_skipped()
    {
        ReadReport[] reports =
        [
            ComtradeReader.Read(Fixtures.Path("comtrade-plus.csv")).Report,
            ComtradeReader.Read(Fixtures.Path("comtrade-legacy-22.csv")).Report,
            BaciReader.Read(Fixtures.Path("baci-hs17-2022.csv")).Report,
            WitsTariffReader.Read(Fixtures.Path("wits-avemfn.csv")).Report,
        ];
        Assert.All(reports, r => Assert.Equal(r.RowsRead, r.RowsKept + r.RowsSkipped));
    }
}
