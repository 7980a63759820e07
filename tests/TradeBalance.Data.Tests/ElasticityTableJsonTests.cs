using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Data.Tests;

/// <summary>A scenario names its elasticity tables in JSON, and the projection's outputs say where each elasticity came from.</summary>
public class ElasticityTableJsonTests
{
    private const string Json = """
        {
          "importer": "CHN", "beneficiaries": ["KEN"], "hs": ["0902", "080440"], "newRatePercent": 0, "effective": "2026-05-01",
          "elasticities": { "substitutionTable": "broda-weinstein-2006", "byHs": { "080440": { "substitution": 4, "source": "a study" } } },
          "monteCarlo": { "draws": 100, "substitutionTables": ["broda-weinstein-2006", "cepii-protee-2022"] }
        }
        """;

    [Fact]
    public void A_scenario_names_a_table_for_sigma_and_tables_to_draw_between_and_round_trips()
    {
        var s = ScenarioJson.Parse(Json);
        Assert.Same(ElasticityTables.BrodaWeinstein2006, s.Elasticities.SubstitutionTable);
        Assert.Equal([ElasticityTables.BrodaWeinstein2006, ElasticityTables.CepiiProTee], s.MonteCarlo!.SubstitutionTables);

        var text = ScenarioJson.ToJson(s);
        Assert.Contains("\"substitutionTable\": \"broda-weinstein-2006\"", text, StringComparison.Ordinal);
        var back = ScenarioJson.Parse(text);
        Assert.Same(s.Elasticities.SubstitutionTable, back.Elasticities.SubstitutionTable);
        Assert.Equal(s.MonteCarlo, back.MonteCarlo);
        Assert.Equal(text, ScenarioJson.ToJson(back));
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
    public void A_repeated_or_unknown_table_to_draw_between_is_an_error_naming_the_item()
    {
        const string Head = "{\"importer\":\"CHN\",\"beneficiaries\":[\"KEN\"],\"hs\":[\"0902\"],\"newRatePercent\":0,\"effective\":\"2026-05-01\",\"monteCarlo\":{\"substitutionTables\":";
        var unknown = Assert.Throws<TradeDataException>(() => ScenarioJson.Parse(Head + "[\"nope\"]}}"));
        Assert.Equal("$.monteCarlo.substitutionTables[0]", unknown.Column);
        Assert.Contains("broda-weinstein-2006 or cepii-protee-2022", unknown.Message, StringComparison.Ordinal);
        var repeated = Assert.Throws<TradeDataException>(() => ScenarioJson.Parse(Head + "[\"cepii-protee-2022\",\"cepii-protee-2022\"]}}"));
        Assert.Equal("$.monteCarlo.substitutionTables[1]", repeated.Column);
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
        Assert.Contains("\"substitution\": \"Broda \\u0026 Weinstein (2006), CHN HS3 090\"", json, StringComparison.Ordinal);
        Assert.Contains("\"substitution\": \"override for HS 080440: a study\"", json, StringComparison.Ordinal);
        Assert.Contains("\"importDemand\": \"default\"", json, StringComparison.Ordinal);
    }
}
