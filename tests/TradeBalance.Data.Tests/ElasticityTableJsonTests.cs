using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Data.Tests;

/// <summary>A scenario names its elasticity tables in JSON, and the projection's outputs say where each elasticity came from.</summary>
public class ElasticityTableJsonTests
{
    private const string Json = """
        {
          "importer": "CHN", "beneficiaries": ["KEN"], "hs": ["0902", "080440"], "newRatePercent": 0, "effective": "2026-05-01",
          "elasticities": {
            "substitutionTables": ["broda-weinstein-2006", "cepii-protee-2022"],
            "tradedLines": { "0902": { "lines": { "090240": 3, "090230": 1 }, "source": "black tea" } },
            "byHs": { "080440": { "substitution": 4, "source": "a study" } }
          },
          "monteCarlo": { "draws": 100 }
        }
        """;

    [Fact]
    public void A_scenario_names_tables_for_sigma_and_traded_lines_and_round_trips()
    {
        var s = ScenarioJson.Parse(Json);
        Assert.Equal([ElasticityTables.BrodaWeinstein2006, ElasticityTables.CepiiProTee], s.Elasticities.SubstitutionTables);
        var lines = s.Elasticities.TradedLines[HsCode.Parse("0902")];
        Assert.Equal(0.75, lines.Weights[HsCode.Parse("090240")]);
        Assert.Equal("black tea", lines.Source);

        var text = ScenarioJson.ToJson(s);
        Assert.Contains("\"substitutionTables\": [", text, StringComparison.Ordinal);
        var back = ScenarioJson.Parse(text);
        Assert.Equal(s.Elasticities.SubstitutionTables, back.Elasticities.SubstitutionTables);
        Assert.Equal(s.Elasticities.TradedLines, back.Elasticities.TradedLines);
        Assert.Equal(s.MonteCarlo, back.MonteCarlo);
        Assert.Equal(text, ScenarioJson.ToJson(back));

        // One table by name reads as a list of one.
        var one = ScenarioJson.Parse(Json.Replace("\"substitutionTables\": [\"broda-weinstein-2006\", \"cepii-protee-2022\"]", "\"substitutionTable\": \"cepii-protee-2022\"", StringComparison.Ordinal));
        Assert.Equal([ElasticityTables.CepiiProTee], one.Elasticities.SubstitutionTables);
    }

    [Theory]
    [InlineData("\"substitutionTable\": \"gtap\"", "$.elasticities.substitutionTable", "'gtap'")]
    [InlineData("\"substitutionTable\": 3", "$.elasticities.substitutionTable", "string")]
    public void An_unknown_table_names_the_field_and_the_known_tables(string field, string path, string value)
    {
        var json = $"{{\"importer\":\"CHN\",\"beneficiaries\":[\"KEN\"],\"hs\":[\"0902\"],\"newRatePercent\":0,\"effective\":\"2026-05-01\",\"elasticities\":{{{field}}}}}";
        var e = Assert.Throws<TradeDataException>(() => ScenarioJson.Parse(json, "s.json"));
        Assert.Equal(path, e.Column);
        Assert.Contains(value, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_or_unknown_table_is_an_error_naming_the_item_and_the_old_place_for_the_bands_tables_says_where_they_went()
    {
        const string Head = "{\"importer\":\"CHN\",\"beneficiaries\":[\"KEN\"],\"hs\":[\"0902\"],\"newRatePercent\":0,\"effective\":\"2026-05-01\",";
        var unknown = Assert.Throws<TradeDataException>(() => ScenarioJson.Parse(Head + "\"elasticities\":{\"substitutionTables\":[\"nope\"]}}"));
        Assert.Equal("$.elasticities.substitutionTables[0]", unknown.Column);
        Assert.Contains("broda-weinstein-2006 or cepii-protee-2022", unknown.Message, StringComparison.Ordinal);
        var repeated = Assert.Throws<TradeDataException>(() => ScenarioJson.Parse(Head + "\"elasticities\":{\"substitutionTables\":[\"cepii-protee-2022\",\"cepii-protee-2022\"]}}"));
        Assert.Equal("$.elasticities.substitutionTables[1]", repeated.Column);
        var both = Assert.Throws<TradeDataException>(() => ScenarioJson.Parse(Head + "\"elasticities\":{\"substitutionTable\":\"cepii-protee-2022\",\"substitutionTables\":[\"cepii-protee-2022\"]}}"));
        Assert.Equal("$.elasticities.substitutionTables", both.Column);
        var moved = Assert.Throws<TradeDataException>(() => ScenarioJson.Parse(Head + "\"monteCarlo\":{\"substitutionTables\":[\"cepii-protee-2022\"]}}"));
        Assert.Equal("$.monteCarlo.substitutionTables", moved.Column);
        Assert.Contains("has moved to $.elasticities.substitutionTables", moved.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"08\":{\"lines\":{\"080440\":1},\"source\":\"s\"}}", "$.elasticities.tradedLines.08", "outside the scenario's lines")]
    [InlineData("{\"090240\":{\"lines\":{\"090240\":1},\"source\":\"s\"}}", "$.elasticities.tradedLines.090240", "not a chapter or heading")]
    [InlineData("{\"0902\":{\"lines\":{\"080440\":1},\"source\":\"s\"}}", "$.elasticities.tradedLines.0902.lines.080440", "not an HS6 line inside 0902")]
    [InlineData("{\"0902\":{\"lines\":{\"090240\":0},\"source\":\"s\"}}", "$.elasticities.tradedLines.0902.lines.090240", "positive weight")]
    [InlineData("{\"0902\":{\"lines\":{},\"source\":\"s\"}}", "$.elasticities.tradedLines.0902.lines", "at least one HS6 line")]
    [InlineData("{\"0902\":{\"lines\":{\"090240\":1}}}", "$.elasticities.tradedLines.0902.source", "is required")]
    public void Bad_traded_lines_name_the_field(string lines, string path, string problem)
    {
        var json = $"{{\"importer\":\"CHN\",\"beneficiaries\":[\"KEN\"],\"hs\":[\"0902\"],\"newRatePercent\":0,\"effective\":\"2026-05-01\",\"elasticities\":{{\"tradedLines\":{lines}}}}}";
        var e = Assert.Throws<TradeDataException>(() => ScenarioJson.Parse(json, "s.json"));
        Assert.Equal(path, e.Column);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_projection_json_records_where_each_markets_elasticities_came_from()
    {
        var scenario = ScenarioJson.Parse(Json);
        var tea = HsCode.Parse("0902");
        var avocado = HsCode.Parse("080440");
        var data = new TradeDataSet(
        [
            TradeFlow.Usd(Countries.Kenya, Countries.China, tea, 2024, 20_000_000m),
            TradeFlow.Usd(Countries.SriLanka, Countries.China, tea, 2024, 60_000_000m),
            TradeFlow.Usd(Countries.Kenya, Countries.China, avocado, 2024, 8_000_000m),
            TradeFlow.Usd(Countries.Peru, Countries.China, avocado, 2024, 90_000_000m),
        ]);
        var tariffs = new TariffSchedule(Countries.China, [new TariffLine(TariffRegime.Mfn, tea, new TariffRate(15m)), new TariffLine(TariffRegime.Mfn, avocado, new TariffRate(7m))]);
        var result = ProjectionModel.Smart.Project(new ProjectionInputs(scenario, data, tariffs));

        var json = ProjectionJson.ToJson(result, tariffs);
        Assert.Contains("\"substitution\": \"middle of 1.82665\\u20136.22569: Broda \\u0026 Weinstein (2006), CHN HS3 090 = 1.82665; CEPII ProTEE", json, StringComparison.Ordinal);
        Assert.Contains("\"substitution\": \"override for HS 080440: a study\"", json, StringComparison.Ordinal);
        Assert.Contains("\"importDemand\": \"default\"", json, StringComparison.Ordinal);
    }
}
