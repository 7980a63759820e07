using System.Text.Json;
using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Data.Tests;

public class ProjectionJsonTests
{
    [Fact]
    public void Json_carries_rows_scenario_model_parameters_and_sources()
    {
        var result = ProjectionModel.Smart.Project(new ProjectionInputs(KenyaChina.Scenario, KenyaChina.Flows, KenyaChina.Tariffs));
        var json = ProjectionJson.ToJson(result, KenyaChina.Tariffs);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;

        Assert.Equal("smart", root.GetProperty("model").GetString());
        Assert.Equal(2024, root.GetProperty("referenceYear").GetInt32());
        Assert.Equal("CHN", root.GetProperty("scenario").GetProperty("importer").GetString());
        Assert.Equal(result.Count, root.GetProperty("rows").GetArrayLength());
        Assert.Equal(result.Markets.Length, root.GetProperty("parameters").GetProperty("markets").GetArrayLength());

        var tea = root.GetProperty("parameters").GetProperty("markets").EnumerateArray().Single(m => m.GetProperty("hs").GetString() == "0902");
        // σ is the middle of Broda & Weinstein's estimate for China, HS3 090, and ProTEE's at the lines Kenya ships, and the source says so.
        var range = KenyaChina.Scenario.Elasticities.SubstitutionRange(Countries.China, HsCode.Parse("0902"))!.Value;
        Assert.Equal(1.82665, range.Low);
        Assert.Equal(5.442619, range.High, 6);
        Assert.Equal((range.Low + range.High) / 2, tea.GetProperty("substitution").GetDouble(), 9);
        Assert.StartsWith(
            "middle of 1.82665–5.442619: Broda & Weinstein (2006), CHN HS3 090 = 1.82665; CEPII ProTEE 0.1, Fontagné, Guimbard & Orefice (2022), HS6 090230, elasticity -8.672789 × 1% + HS6 090240",
            tea.GetProperty("sources").GetProperty("substitution").GetString(),
            StringComparison.Ordinal);

        var row = root.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("exporter").GetString() == "KEN" && r.GetProperty("hs").GetString() == "0902");
        var kenya = result.Market(HsCode.Parse("0902")).Rows.Single(r => r.Exporter.Equals(Countries.Kenya));
        Assert.Equal(kenya.Projected.Amount, row.GetProperty("projectedUsd").GetDecimal());
        Assert.Equal(kenya.ProjectedShare, row.GetProperty("projectedShare").GetDouble());
        Assert.Equal(kenya.TradeCreation!.Value.Amount, row.GetProperty("tradeCreationUsd").GetDecimal());

        var sources = root.GetProperty("sources");
        Assert.Contains("China customs", sources.GetProperty("flows.CHN.0902.2024.KEN").GetString());
        Assert.Contains("MFN 15%", sources.GetProperty("tariffs.CHN.0902.KEN").GetString());
        Assert.True(sources.TryGetProperty("elasticities.substitutionTables", out _));
        Assert.True(sources.TryGetProperty("elasticities.tradedLines", out _));

        // The embedded scenario object is itself a valid scenario.json.
        var back = ScenarioJson.Parse(root.GetProperty("scenario").GetRawText());
        Assert.Equal(result.Scenario.Name, back.Name);
    }

    /// <summary>
    /// The sources object is written in ordinal key order as it is generated, market by market, not gathered first:
    /// the scenario's own keys fall between the flows' and the tariff lines', and a flow's source replaces a scenario
    /// source of the same key.
    /// </summary>
    [Fact]
    public void Sources_are_in_key_order_and_a_flows_own_source_wins()
    {
        var scenario = KenyaChina.Scenario with
        {
            Sources = KenyaChina.Scenario.Sources.SetItem("flows.CHN.0902.2024.KEN", "the scenario's word").SetItem("aaa", "first").SetItem("zzz", "last").SetItem("flows.CHN.0902.2024.AAA", "a key no flow has"),
        };
        var result = ProjectionModel.Smart.Project(new ProjectionInputs(scenario, KenyaChina.Flows, KenyaChina.Tariffs));
        using var doc = JsonDocument.Parse(ProjectionJson.ToJson(result, KenyaChina.Tariffs));
        var keys = doc.RootElement.GetProperty("sources").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        Assert.Equal(keys.Distinct(StringComparer.Ordinal).Count(), keys.Count);
        Assert.Equal("aaa", keys[0]);
        Assert.Equal("zzz", keys[^1]);
        Assert.True(keys.IndexOf("flows.CHN.080440.2024.KEN") < keys.IndexOf("flows.CHN.0901.2024.KEN"));
        var sources = doc.RootElement.GetProperty("sources");
        Assert.Contains("China customs", sources.GetProperty("flows.CHN.0902.2024.KEN").GetString(), StringComparison.Ordinal);
        Assert.Equal("a key no flow has", sources.GetProperty("flows.CHN.0902.2024.AAA").GetString());
        Assert.Contains(keys, k => k.StartsWith("tariffs.CHN.0902.", StringComparison.Ordinal));
    }

    [Fact]
    public void File_output_is_the_same_text()
    {
        var result = ProjectionModel.Smart.Project(new ProjectionInputs(KenyaChina.Scenario, KenyaChina.Flows, KenyaChina.Tariffs));
        using var dir = Fixtures.TempDir();
        var path = dir.File("projection.json");
        ProjectionJson.Write(result, path);
        Assert.Equal(ProjectionJson.ToJson(result), File.ReadAllText(path));
    }

    /// <summary>A caller composing its own document gets the same members, in the same order, beside its own.</summary>
    [Fact]
    public void Members_written_into_a_callers_object_are_the_documents_members()
    {
        var result = ProjectionModel.Smart.Project(new ProjectionInputs(KenyaChina.Scenario, KenyaChina.Flows, KenyaChina.Tariffs));
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            ProjectionJson.WriteMembers(w, result, KenyaChina.Tariffs);
            w.WriteString("summary", "mine");
            w.WriteEndObject();
        }

        using var composed = JsonDocument.Parse(buffer.ToArray());
        using var alone = JsonDocument.Parse(ProjectionJson.ToJson(result, KenyaChina.Tariffs));
        var expected = alone.RootElement.EnumerateObject().Select(p => (p.Name, Text: p.Value.GetRawText().ReplaceLineEndings("").Replace(" ", "", StringComparison.Ordinal))).ToList();
        var actual = composed.RootElement.EnumerateObject().Select(p => (p.Name, Text: p.Value.GetRawText().ReplaceLineEndings("").Replace(" ", "", StringComparison.Ordinal))).ToList();
        Assert.Equal([.. expected, ("summary", "\"mine\"")], actual);
        Assert.Throws<ArgumentNullException>(() => ProjectionJson.WriteMembers(null!, result));
    }
}
