using System.Collections.Immutable;
using NodaTime;
using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Data.Tests;

public class ScenarioJsonTests
{
    private const string DesignSample = """
        {
          "name": "China: zero tariff on Kenyan tea, coffee and avocados",
          "importer": "CHN",
          "beneficiaries": ["KEN"],
          "hs": ["0902", "0901", "080440"],
          "newRatePercent": 0,
          "effective": "2026-05-01",
          "stages": 1,
          "referenceYear": 2024,
          "model": "smart",
          "elasticities": {
            "default": { "importDemand": -1.5, "substitution": 1.5, "exportSupply": 99 },
            "byHs": { "0902": { "substitution": 1.83 } }
          },
          "monteCarlo": { "draws": 1000, "seed": 42, "spread": 0.5 }
        }
        """;

    [Fact]
    public void The_DESIGN_sample_reads()
    {
        var s = ScenarioJson.Parse(DesignSample);
        Assert.Equal("China: zero tariff on Kenyan tea, coffee and avocados", s.Name);
        Assert.Equal(Countries.China, s.Importer);
        Assert.Equal([Countries.Kenya], s.Beneficiaries);
        Assert.Equal([HsCode.Parse("080440"), HsCode.Parse("0901"), HsCode.Parse("0902")], s.Lines);
        Assert.Equal(TariffChange.NewRate(TariffRate.Zero), s.Change);
        Assert.Equal(new LocalDate(2026, 5, 1), s.Effective);
        Assert.Equal(2024, s.ReferenceYear);
        Assert.Equal(ProjectionModelKind.Smart, s.Model);
        Assert.Equal(1.83, s.Elasticities.For(HsCode.Parse("090240")).Substitution);
        Assert.Equal(-1.5, s.Elasticities.For(HsCode.Parse("090240")).ImportDemand);
        Assert.Equal(new MonteCarloSettings(1000, 42, 0.5), s.MonteCarlo);
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData(" \r\n\t\n ", 3)]
    public void An_empty_file_says_so(string json, int line)
    {
        var e = Assert.Throws<TradeDataException>(() => ScenarioJson.Parse(json));
        Assert.Equal($"scenario.json:{line}: is empty; a JSON object is expected", e.Message);
    }

    [Fact]
    public void Only_the_required_fields_are_needed()
    {
        var s = ScenarioJson.Parse("""{"importer":"CHN","beneficiaries":["KEN"],"hs":["0902"],"cutPercent":50,"effective":"2026-05-01"}""");
        Assert.Equal(TariffChange.CutPercent(50m), s.Change);
        Assert.Equal(1, s.Stages);
        Assert.Null(s.ReferenceYear);
        Assert.Null(s.MonteCarlo);
        Assert.Equal(Elasticities.SmartDefaults.Default, s.Elasticities.Default);
        Assert.Equal("CHN: cut 50% for KEN on HS 0902", s.Name);
    }

    [Fact]
    public void Write_then_read_gives_the_same_scenario_and_the_same_text()
    {
        var original = new Scenario("cut", Countries.China, [Countries.Kenya, Countries.Ethiopia], [HsCode.Parse("0902"), HsCode.Parse("080440")], TariffChange.CutPoints(2.5m), new LocalDate(2026, 5, 1))
        {
            Description = "a \"quoted\" description\nover two lines",
            Stages = 3,
            ReferenceYear = 2023,
            Model = ProjectionModelKind.Gsim,
            Elasticities = new Elasticities(
                new ElasticityValues(-0.75, 2.25, double.PositiveInfinity),
                new Dictionary<HsCode, ElasticityOverride>
                {
                    [HsCode.Parse("0902")] = new(Substitution: 1.83, Source: "Broda & Weinstein"),
                    [HsCode.Parse("080440")] = new(ImportDemand: -2.1, ExportSupply: 4.5),
                }),
            MonteCarlo = new MonteCarloSettings(200, 7, 0.25),
            Sources = new Dictionary<string, string> { ["effective"] = "KBC 2026-02-14", ["elasticities.byHs.0902.substitution"] = "B&W 2006" }.ToImmutableSortedDictionary(StringComparer.Ordinal),
        };
        var json = ScenarioJson.ToJson(original);
        Assert.Contains("\"exportSupply\": \"infinity\"", json);
        Assert.Contains("\"cutPoints\": 2.5", json);
        Assert.Contains("\"effective\": \"2026-05-01\"", json);

        var back = ScenarioJson.Parse(json);
        Assert.Equal(original.Name, back.Name);
        Assert.Equal(original.Description, back.Description);
        Assert.Equal(original.Importer, back.Importer);
        Assert.Equal(original.Beneficiaries, back.Beneficiaries);
        Assert.Equal(original.Lines, back.Lines);
        Assert.Equal(original.Change, back.Change);
        Assert.Equal(original.Effective, back.Effective);
        Assert.Equal(original.Stages, back.Stages);
        Assert.Equal(original.ReferenceYear, back.ReferenceYear);
        Assert.Equal(original.Model, back.Model);
        Assert.Equal(original.Elasticities.Default, back.Elasticities.Default);
        Assert.Equal(original.Elasticities.Overrides, back.Elasticities.Overrides);
        Assert.Equal(original.MonteCarlo, back.MonteCarlo);
        Assert.Equal(original.Sources, back.Sources);
        Assert.Equal(json, ScenarioJson.ToJson(back));
    }

    [Fact]
    public void The_embedded_scenario_round_trips_through_text()
    {
        var json = ScenarioJson.ToJson(KenyaChina.Scenario);
        var back = ScenarioJson.Parse(json);
        Assert.Equal(json, ScenarioJson.ToJson(back));
        Assert.Equal(KenyaChina.Scenario.Sources, back.Sources);
        Assert.Equal(KenyaChina.Scenario.Description, back.Description);
    }

    [Fact]
    public void File_and_gz_round_trip()
    {
        using var dir = Fixtures.TempDir();
        var path = dir.File("scenario.json");
        ScenarioJson.Write(KenyaChina.Scenario, path);
        Assert.Equal(ScenarioJson.ToJson(KenyaChina.Scenario), ScenarioJson.ToJson(ScenarioJson.Read(path)));
        Fixtures.Gzip(path, path + ".gz");
        Assert.Equal(KenyaChina.Scenario.Name, ScenarioJson.Read(path + ".gz").Name);
    }

    [Fact]
    public void An_unknown_field_names_its_path_and_line()
    {
        var json = "{\n  \"importer\": \"CHN\",\n  \"elasticities\": {\n    \"defualt\": {}\n  }\n}";
        var e = Assert.Throws<TradeDataException>(() => ScenarioJson.Parse(json, "s.json"));
        Assert.Equal(4, e.Line);
        Assert.Equal("$.elasticities.defualt", e.Column);
        Assert.StartsWith("s.json:4: $.elasticities.defualt: unknown field 'defualt'", e.Message);
    }

    [Fact]
    public void Model_spelling_is_lower_case()
    {
        Assert.Equal("gsim", ScenarioJson.FormatModel(ProjectionModelKind.Gsim));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScenarioJson.FormatModel((ProjectionModelKind)7));
    }
}
