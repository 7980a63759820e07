using Xunit;

namespace TradeBalance.Data.Tests;

public class ComtradeReaderTests
{
    private static readonly HsCode BlackTea = HsCode.Parse("090240");

    private static decimal Value(TradeDataSet d, string exporter, string importer, string hs, int year) =>
        d.Flows.Single(f => f.Exporter.Alpha3 == exporter && f.Importer.Alpha3 == importer && f.Hs.Equals(HsCode.Parse(hs)) && f.Year == year).Value.Amount;

    [Fact]
    public void Codes_and_flow_codes_met_again_read_as_each_row_alone_reads()
    {
        // The reader remembers each cmdCode text and flow code it met (no allocation per row); a row must still read
        // as it reads alone: the same flow, the same skip rule, the same error.
        const string header = "reporterCode,partnerCode,flowCode,cmdCode,refYear,primaryValue,netWgt\n";
        string[] rows =
        [
            "156,404,M,0902,2024,1,", "156,144,M,09.02,2024,2,1", "156,404,M,09.02,2023,3,", "156,842,M, 0902 ,2022,4,",
            "156,404,X,0902,2024,5,", "156,404,RX,0902,2024,6,", "156,144,X,0902,2023,7,", "156,404,m,090240,2024,8,",
            "156,404,M,090240,2023,9,", "156,404,M,0902,2021,10,2.5",
        ];
        var (all, report) = ComtradeReader.Read(new StringReader(header + string.Join('\n', rows)), "c.csv");
        var alone = rows.Select(r => ComtradeReader.Read(new StringReader(header + r), "c.csv")).ToList();
        Assert.Equal(alone.SelectMany(r => r.Value.Flows), all.Flows);
        Assert.True(alone.SelectMany(r => r.Value.Flows).Select(f => f.Hs.Digits).SequenceEqual(all.Flows.Select(f => f.Hs.Digits)));
        Assert.Equal(2, report.Skipped["flow X (only imports, M, are read)"]);
        Assert.Equal(1, report.Skipped["flow RX (only imports, M, are read)"]);

        // After codes it has met, a bad one or an empty one is still named.
        var bad = Assert.Throws<TradeDataException>(() => ComtradeReader.Read(new StringReader(header + string.Join('\n', rows) + "\n156,404,M,902,2024,1,"), "c.csv"));
        Assert.Equal(12, bad.Line);
        Assert.Contains("column 'cmdCode': '902' is not an HS code", bad.Message, StringComparison.Ordinal);
        var empty = Assert.Throws<TradeDataException>(() => ComtradeReader.Read(new StringReader(header + string.Join('\n', rows) + "\n156,404, ,0902,2024,1,"), "c.csv"));
        Assert.Contains("column 'flowCode': '' is empty; a value is required", empty.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plus_layout_keeps_importer_reported_imports_and_counts_every_skipped_row()
    {
        var (data, report) = ComtradeReader.Read(Fixtures.Path("comtrade-plus.csv"));

        Assert.Equal(TradeFileFormat.ComtradePlus, report.Format);
        Assert.Equal(20_000_000m, Value(data, "KEN", "CHN", "090240", 2024));     // cifvalue
        Assert.Equal(68_000_000m, Value(data, "LKA", "CHN", "090240", 2024));     // cifvalue empty → primaryValue
        Assert.Equal(1_500_000.5m, Value(data, "USA", "CHN", "090240", 2024));    // 842 → USA
        Assert.Equal(1_500m, Value(data, "ROW", "CHN", "090240", 2024));          // 899 + 839 merged into ROW
        Assert.Equal(3_718_000m, Value(data, "KEN", "CHN", "0901", 2024));
        Assert.Equal(5, data.Flows.Length);
        Assert.Equal(12_000_000m, data.Flows.Single(f => f.Exporter.Equals(Countries.Kenya) && f.Hs.Equals(BlackTea)).QuantityKg);
        Assert.Null(data.Flows.Single(f => f.Exporter.Alpha3 == "USA").QuantityKg);
        Assert.Equal(150m, data.Flows.Single(f => f.Exporter.Alpha3 == "ROW").QuantityKg);

        Assert.Equal(12, report.RowsRead);
        Assert.Equal(6, report.RowsKept);
        Assert.Equal(1, report.Skipped["aggregate partner World (0)"]);
        Assert.Equal(1, report.Skipped["aggregate commodity TOTAL (reading HS detail)"]);
        Assert.Equal(1, report.Skipped["flow X (only imports, M, are read)"]);
        Assert.Equal(1, report.Skipped["breakdown by mode of transport (motCode ≠ 0)"]);
        Assert.Equal(1, report.Skipped["breakdown by customs procedure (customsCode ≠ C00)"]);
        Assert.Equal(1, report.Skipped["breakdown by second partner (partner2Code ≠ 0)"]);
        Assert.Equal(1, report.Adjustments["partner area nes 899 mapped to ROW"]);
        Assert.Equal(1, report.Adjustments["partner area nes 839 mapped to ROW"]);
        Assert.Equal(1, report.Adjustments["rows merged into one ROW flow per market (summed)"]);
        Assert.Contains(report.Units, u => u.Contains("cifvalue (CIF) when present, else primaryValue", StringComparison.Ordinal));
        Assert.Equal(report.RowsRead, report.RowsKept + report.RowsSkipped);
    }

    [Fact]
    public void Reading_totals_keeps_only_TOTAL_rows()
    {
        var (data, report) = ComtradeReader.Read(Fixtures.Path("comtrade-plus.csv"), new ComtradeReadOptions { Commodities = CommodityLevel.Total });
        var f = Assert.Single(data.Flows);
        Assert.True(f.Hs.IsTotal);
        Assert.Equal(3_000_000_000m, f.Value.Amount);
        Assert.Equal(6, report.Skipped["HS detail row (reading TOTAL only)"]);
    }

    [Fact]
    public void Filters_skip_rows_and_say_so()
    {
        var options = new ComtradeReadOptions { Exporters = new HashSet<Country> { Countries.Kenya }, Products = [HsCode.Parse("0902")] };
        var (data, report) = ComtradeReader.Read(Fixtures.Path("comtrade-plus.csv"), options);
        Assert.Equal(20_000_000m, Assert.Single(data.Flows).Value.Amount);
        Assert.Equal(4, report.Skipped["outside the exporter filter"]);
        Assert.Equal(1, report.Skipped["outside the product filter"]);
    }

    [Fact]
    public void PascalCase_variant_with_BOM_and_CRLF_reads_the_same()
    {
        var (data, report) = ComtradeReader.Read(Fixtures.Path("comtrade-plus-pascal.csv"));
        Assert.Equal(TradeFileFormat.ComtradePlus, report.Format);
        Assert.Equal(20_000_000m, Value(data, "KEN", "CHN", "090240", 2024));
        Assert.Equal(68_000_000m, Value(data, "LKA", "CHN", "090240", 2024));
        Assert.Equal(3, data.Flows.Length);
    }

    [Fact]
    public void Bulk_tab_separated_gz_file_reads()
    {
        using var dir = Fixtures.TempDir();
        var gz = dir.File("C_A_404_2023_H6_O.txt.gz");
        Fixtures.Gzip(Fixtures.Path("comtrade-bulk.txt"), gz);

        Assert.Equal(TradeFileFormat.ComtradePlus, TradeFile.Detect(gz));
        var (data, report) = ComtradeReader.Read(gz);
        Assert.Equal(150_000_000m, Value(data, "CHN", "KEN", "851712", 2023));
        Assert.Equal(25_000_000.25m, Value(data, "IND", "KEN", "300490", 2023)); // 699 → IND
        Assert.Equal(2, data.Flows.Length);
        Assert.Equal(4, report.RowsRead);
    }

    [Fact]
    public void Gzip_is_detected_by_magic_bytes_without_the_extension()
    {
        using var dir = Fixtures.TempDir();
        var disguised = dir.File("comtrade.csv");
        Fixtures.Gzip(Fixtures.Path("comtrade-plus.csv"), disguised);
        var (data, _) = ComtradeReader.Read(disguised);
        Assert.Equal(5, data.Flows.Length);

        using var stream = File.OpenRead(disguised);
        Assert.Equal(5, ComtradeReader.Read(stream, "from-a-stream").Value.Flows.Length);
    }

    [Fact]
    public void Legacy_22_column_layout_reads_imports_only()
    {
        var (data, report) = ComtradeReader.Read(Fixtures.Path("comtrade-legacy-22.csv"));
        Assert.Equal(TradeFileFormat.ComtradeLegacy, report.Format);
        Assert.Equal(14_500_000m, Value(data, "KEN", "CHN", "090240", 2019));
        Assert.Equal(9_000_000m, data.Flows.Single(f => f.Exporter.Equals(Countries.Kenya)).QuantityKg);
        Assert.Equal(60_000_000m, Value(data, "LKA", "CHN", "090240", 2019));
        Assert.Equal(2, data.Flows.Length);
        Assert.Equal(1, report.Skipped["aggregate partner World (0)"]);
        Assert.Equal(1, report.Skipped["trade flow code 2 (only imports, code 1, are read)"]);
        Assert.Equal(1, report.Skipped["trade flow code 4 (only imports, code 1, are read)"]);
        Assert.Equal(1, report.Skipped["monthly row (6-digit period): flows are annual"]);
    }

    [Fact]
    public void Legacy_35_column_layout_prefers_the_CIF_value()
    {
        var (data, report) = ComtradeReader.Read(Fixtures.Path("comtrade-legacy-35.csv"));
        Assert.Equal(3_650_000m, Value(data, "KEN", "CHN", "090111", 2020));  // CIF column
        Assert.Equal(90_000_000m, Value(data, "ETH", "CHN", "090111", 2020)); // CIF empty → Trade Value
        Assert.Equal(1, report.Skipped["breakdown by mode of transport (motCode ≠ 0)"]);
    }

    [Fact]
    public void A_non_Comtrade_header_is_an_error()
    {
        var e = Assert.Throws<TradeDataException>(() => ComtradeReader.Read(new StringReader("t,i,j,k,v,q\n"), "x.csv"));
        Assert.Equal(1, e.Line);
        Assert.Contains("not a UN Comtrade header", e.Message);
    }
}
