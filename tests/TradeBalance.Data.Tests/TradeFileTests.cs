using Xunit;

namespace TradeBalance.Data.Tests;

public class TradeFileTests
{
    [Theory]
    [InlineData("comtrade-plus.csv", TradeFileFormat.ComtradePlus)]
    [InlineData("comtrade-plus-pascal.csv", TradeFileFormat.ComtradePlus)]
    [InlineData("comtrade-bulk.txt", TradeFileFormat.ComtradePlus)]
    [InlineData("comtrade-legacy-22.csv", TradeFileFormat.ComtradeLegacy)]
    [InlineData("comtrade-legacy-35.csv", TradeFileFormat.ComtradeLegacy)]
    [InlineData("baci-hs17-2022.csv", TradeFileFormat.Baci)]
    [InlineData("baci-country-codes.csv", TradeFileFormat.BaciCountryCodes)]
    [InlineData("baci-country-codes-old.csv", TradeFileFormat.BaciCountryCodes)]
    [InlineData("wits-tariffs.csv", TradeFileFormat.WitsTariffs)]
    [InlineData("wits-ahs-only.csv", TradeFileFormat.WitsTariffs)]
    [InlineData("wits-avemfn.csv", TradeFileFormat.WitsAveMfn)]
    [InlineData("wits-avepref.csv", TradeFileFormat.WitsAvePref)]
    public void Detects_each_fixture(string file, TradeFileFormat expected) =>
        Assert.Equal(expected, TradeFile.Detect(Fixtures.Path(file)));

    [Theory]
    [InlineData("flows.csv", TradeFileFormat.Flows)]
    [InlineData("tariffs.csv", TradeFileFormat.Tariffs)]
    [InlineData("exchange-rates.csv", TradeFileFormat.ExchangeRates)]
    [InlineData("bilateral-totals.csv", TradeFileFormat.BilateralTotals)]
    [InlineData("SOURCES.md", TradeFileFormat.Unknown)]
    public void Detects_the_embedded_files_after_their_comments(string name, TradeFileFormat expected)
    {
        using var s = KenyaChina.OpenFile(name);
        Assert.Equal(expected, TradeFile.Detect(s, name));
    }

    [Fact]
    public void Detect_from_column_names_ignores_case_and_order()
    {
        Assert.Equal(TradeFileFormat.Baci, TradeFile.Detect(["Q", "V", "K", "J", "I", "T"]));
        Assert.Equal(TradeFileFormat.WitsTariffs, TradeFile.Detect(["Reporter", "Partner", "Product", "Duty Type", "Simple Average"]));
        Assert.Equal(TradeFileFormat.Unknown, TradeFile.Detect(["a", "b"]));
        Assert.Equal(TradeFileFormat.Unknown, TradeFile.Detect(new MemoryStream(), "empty.csv"));
    }

    [Fact]
    public void ReadFlows_dispatches_on_the_header()
    {
        Assert.Equal(TradeFileFormat.ComtradeLegacy, TradeFile.ReadFlows(Fixtures.Path("comtrade-legacy-22.csv")).Report.Format);
        Assert.Equal(TradeFileFormat.Baci, TradeFile.ReadFlows(Fixtures.Path("baci-hs17-2022.csv")).Report.Format);
        var e = Assert.Throws<TradeDataException>(() => TradeFile.ReadFlows(Fixtures.Path("wits-tariffs.csv")));
        Assert.Contains("is a WITS/TRAINS tariff download, not trade flows", e.Message);
        var t = Assert.Throws<TradeDataException>(() => TradeFile.ReadTariffs(Fixtures.Path("baci-hs17-2022.csv")));
        Assert.Contains("not tariffs", t.Message);
    }

    [Fact]
    public void OpenRead_decompresses_gzip()
    {
        using var dir = Fixtures.TempDir();
        var gz = dir.File("x.csv.gz");
        Fixtures.Gzip(Fixtures.Path("baci-hs17-2022.csv"), gz);
        using var reader = new StreamReader(TradeFile.OpenRead(gz));
        Assert.Equal("t,i,j,k,v,q", reader.ReadLine());
    }
}
