using Xunit;

namespace TradeBalance.Data.Tests;

public class BaciReaderTests
{
    private static TradeFlow Flow(TradeDataSet d, string exporter, string importer) =>
        d.Flows.Single(f => f.Exporter.Alpha3 == exporter && f.Importer.Alpha3 == importer);

    [Fact]
    public void Values_are_thousands_of_USD_and_quantities_tonnes()
    {
        var (data, report) = BaciReader.Read(Fixtures.Path("baci-hs17-2022.csv"));

        var kenya = Flow(data, "KEN", "CHN");
        Assert.Equal(20_000_500m, kenya.Value.Amount);
        Assert.Equal(12_000_250m, kenya.QuantityKg);
        Assert.Equal(HsCode.Parse("090240"), kenya.Hs);
        Assert.Equal(2022, kenya.Year);
        Assert.Equal(5_000_125m, Flow(data, "CHN", "KEN").Value.Amount);
        Assert.Equal(1_500m, Flow(data, "CHN", "KEN").QuantityKg);
        Assert.Contains("BACI v × 1000 → USD (current USD; FOB, reconciled mirror flows)", report.Units);
        Assert.Contains("BACI q × 1000 → kg (q is metric tonnes; NA or empty = unknown)", report.Units);
    }

    [Fact]
    public void A_five_digit_k_gets_its_leading_zero_back_and_is_counted()
    {
        var (data, report) = BaciReader.Read(Fixtures.Path("baci-hs17-2022.csv"));
        var lanka = Flow(data, "LKA", "CHN");
        Assert.Equal("090240", lanka.Hs.Digits);
        Assert.Null(lanka.QuantityKg); // "   NA"
        Assert.Equal(1, report.Adjustments["k had 5 digits: leading zero restored"]);
    }

    [Fact]
    public void Codes_resolve_as_ISO_numeric_plus_trade_aliases_without_a_code_file()
    {
        var (data, report) = BaciReader.Read(Fixtures.Path("baci-hs17-2022.csv"));
        Assert.Equal(1_000_000m, Flow(data, "USA", "CHN").Value.Amount); // 842
        Assert.Null(Flow(data, "USA", "CHN").QuantityKg);                // empty q
        Assert.Equal(22_000_000m, Flow(data, "IND", "CHN").Value.Amount); // 699
        Assert.Equal(17_000_000m, Flow(data, "TWN", "CHN").Value.Amount); // 490 Other Asia nes
        Assert.Equal(6, data.Flows.Length);
        Assert.Equal(8, report.RowsRead);
        Assert.Equal(1, report.Skipped["exporter equals importer (intra-national flow)"]);
        Assert.Equal(1, report.Skipped["product 9999AA (not an HS code)"]);
    }

    [Fact]
    public void The_country_code_file_maps_codes_including_non_ISO_ones()
    {
        var (codes, codeReport) = BaciCountryCodes.Read(Fixtures.Path("baci-country-codes.csv"));
        Assert.True(codes.TryGetCountry(842, out var usa));
        Assert.Equal("USA", usa.Alpha3);
        Assert.True(codes.TryGetCountry(490, out var twn));
        Assert.Equal("TWN", twn.Alpha3);
        Assert.True(codes.Contains(58));
        Assert.False(codes.TryGetCountry(58, out _));
        Assert.Contains("BLX", codes.Unresolved[58]);
        Assert.Equal(7, codeReport.RowsKept);

        var (data, _) = BaciReader.Read(Fixtures.Path("baci-hs17-2022.csv"), new BaciReadOptions { CountryCodes = codes });
        Assert.Equal(6, data.Flows.Length);
    }

    [Fact]
    public void Country_codes_read_from_a_stream()
    {
        using var stream = File.OpenRead(Fixtures.Path("baci-country-codes.csv"));
        Assert.True(BaciCountryCodes.Read(stream, "country_codes_V202401b.csv").Value.TryGetCountry(404, out _));
    }

    [Fact]
    public void The_older_country_code_layout_reads_too()
    {
        var (codes, report) = BaciCountryCodes.Read(Fixtures.Path("baci-country-codes-old.csv"));
        Assert.Equal(TradeFileFormat.BaciCountryCodes, report.Format);
        Assert.True(codes.TryGetCountry(251, out var fra));
        Assert.Equal("FRA", fra.Alpha3);
    }

    [Fact]
    public void A_code_missing_from_the_code_file_is_an_error()
    {
        var (codes, _) = BaciCountryCodes.Read(Fixtures.Path("baci-country-codes-old.csv"));
        var e = Assert.Throws<TradeDataException>(() => BaciReader.Read(Fixtures.Path("baci-hs17-2022.csv"), new BaciReadOptions { CountryCodes = codes }));
        Assert.Equal(3, e.Line);
        Assert.Equal("i", e.Column);
        Assert.Equal("144", e.Value);
        Assert.Contains("not in the BACI country-code file", e.Message);
    }

    [Fact]
    public void An_unresolved_code_used_by_a_flow_is_an_error_naming_it()
    {
        var (codes, _) = BaciCountryCodes.Read(Fixtures.Path("baci-country-codes.csv"));
        var text = "t,i,j,k,v,q\n2022,58,156,090240,1,1\n";
        var e = Assert.Throws<TradeDataException>(() => BaciReader.Read(new StringReader(text), "b.csv", new BaciReadOptions { CountryCodes = codes }));
        Assert.Contains("BLX", e.Message);
    }

    [Fact]
    public void Filters_keep_memory_to_the_markets_asked_for()
    {
        var options = new BaciReadOptions { Importers = new HashSet<Country> { Countries.China }, Products = [HsCode.Parse("0902")] };
        var (data, report) = BaciReader.Read(Fixtures.Path("baci-hs17-2022.csv"), options);
        Assert.All(data.Flows, f => Assert.Equal(Countries.China, f.Importer));
        Assert.Equal(5, data.Flows.Length);
        Assert.Equal(1, report.Skipped["outside the importer filter"]);
    }

    [Fact]
    public void Gzipped_BACI_reads_the_same()
    {
        using var dir = Fixtures.TempDir();
        var gz = dir.File("BACI_HS17_Y2022_V202401b.csv.gz");
        Fixtures.Gzip(Fixtures.Path("baci-hs17-2022.csv"), gz);
        Assert.Equal(TradeFileFormat.Baci, TradeFile.Detect(gz));
        Assert.Equal(6, BaciReader.Read(gz).Value.Flows.Length);
        Assert.Equal(6, TradeFile.ReadFlows(gz).Value.Flows.Length);
    }

    [Fact]
    public void Nes_areas_become_one_ROW_flow_per_market()
    {
        var text = "t,i,j,k,v,q\n2022,577,156,090240,1,NA\n2022,899,156,090240,2,3\n";
        var (data, report) = BaciReader.Read(new StringReader(text), "b.csv");
        var row = Assert.Single(data.Flows);
        Assert.Equal(Countries.RestOfWorld, row.Exporter);
        Assert.Equal(3_000m, row.Value.Amount);
        Assert.Null(row.QuantityKg);
        Assert.Equal(1, report.Adjustments["rows merged into one ROW flow per market (summed)"]);
    }
}
