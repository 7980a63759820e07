using System.Text;
using Xunit;

namespace TradeBalance.Data.Tests;

public class ScenarioPackageJsonTests
{
    private const string Part = """{"importer":"CHN","beneficiaries":["KEN"],"hs":["0902"],"newRatePercent":0,"effective":"2026-05-01"}""";
    private const string KenyaPart = """{"importer":"KEN","beneficiaries":["CHN"],"hs":["85"],"newRatePercent":0,"effective":"2026-05-01"}""";

    [Fact]
    public void The_embedded_reciprocal_package_starts_with_the_default_scenario_and_cuts_Kenyas_duties_for_China()
    {
        var package = KenyaChina.ReciprocalPackage;
        Assert.Equal(2, package.Parts.Length);
        Assert.Equal(ScenarioJson.ToJson(KenyaChina.Scenario), ScenarioJson.ToJson(package.Parts[0]));
        var kenya = package.Parts[1];
        Assert.Equal((Countries.Kenya, Countries.China), (kenya.Importer, kenya.Beneficiaries.Single()));
        Assert.Equal(12, kenya.Lines.Length);
        Assert.Contains("HYPOTHETICAL", kenya.Description, StringComparison.Ordinal);
        Assert.All(kenya.Sources.Values, v => Assert.False(string.IsNullOrWhiteSpace(v)));
        Assert.Equal((Countries.Kenya, Countries.China), (package.Country, package.Partner));

        // Every line of the Kenyan part has import rows and a CET rate in the embedded data.
        var schedule = KenyaChina.TariffSchedules.Single(s => s.Importer.Equals(Countries.Kenya));
        foreach (var hs in kenya.Lines)
        {
            Assert.True(KenyaChina.Flows.Total(Countries.China, Countries.Kenya, hs, 2024).Amount > 0m, hs.ToString());
            Assert.True(schedule.RateFor(Countries.China, hs, kenya.Effective.PlusDays(-1)).Rate.Percent > 0m, hs.ToString());
        }
    }

    [Fact]
    public void The_embedded_package_projects_both_sides_of_the_Kenya_China_balance()
    {
        var result = KenyaChina.ReciprocalPackage.Project(KenyaChina.Flows, KenyaChina.TariffSchedules);
        var b = result.Balance();
        Assert.Equal(190_872_000m, b.Before.Exports.Amount);
        Assert.Equal(4_223_310_000m, b.Before.Imports.Amount);
        Assert.True(b.After.Exports > b.Before.Exports);
        Assert.True(b.After.Imports > b.Before.Imports);
        Assert.True(b.Change.Amount < 0m); // the reciprocal cut moves imports more than China's cut moves exports
        var parts = result.Contributions(Countries.Kenya, Countries.China);
        Assert.Equal(0m, parts[0].ImportChange.Amount);
        Assert.Equal(0m, parts[1].ExportChange.Amount);
    }

    [Fact]
    public void A_package_round_trips_and_is_told_apart_from_a_scenario()
    {
        var json = """{"name":"p","description":"d","balance":{"country":"KEN","partner":"CHN"},"parts":[PART,KENYA],"sources":{"balance":"s"}}"""
            .Replace("PART", Part, StringComparison.Ordinal).Replace("KENYA", KenyaPart, StringComparison.Ordinal);
        var package = ScenarioPackageJson.Parse(json);
        Assert.Equal(("p", "d", 2), (package.Name, package.Description, package.Parts.Length));
        var again = ScenarioPackageJson.Parse(ScenarioPackageJson.ToJson(package));
        Assert.Equal(ScenarioPackageJson.ToJson(package), ScenarioPackageJson.ToJson(again));
        Assert.True(ScenarioPackageJson.IsPackage(new MemoryStream(Encoding.UTF8.GetBytes(json))));
        Assert.False(ScenarioPackageJson.IsPackage(new MemoryStream(Encoding.UTF8.GetBytes(Part))));
        Assert.False(ScenarioPackageJson.IsPackage(new MemoryStream(Encoding.UTF8.GetBytes("{ not json"))));

        var (first, read) = ScenarioPackageJson.ReadScenarioOrPackage(new MemoryStream(Encoding.UTF8.GetBytes(json)), "p.json");
        Assert.Same(read!.Parts[0], first);
        var (scenario, none) = ScenarioPackageJson.ReadScenarioOrPackage(new MemoryStream(Encoding.UTF8.GetBytes(Part)), "s.json");
        Assert.Null(none);
        Assert.Equal(Countries.China, scenario.Importer);
    }

    [Theory]
    [InlineData("""{"name":"p","parts":[]}""", "$.parts: is empty")]
    [InlineData("""{"name":"p"}""", "has no 'parts'")]
    [InlineData("""{"parts":[PART]}""", "has no 'name'")]
    [InlineData("""{"name":"p","parts":[PART,{"importer":"KEN","beneficiaries":["CHN"],"hs":["0902x"],"newRatePercent":0,"effective":"2026-05-01"}]}""", "$.parts[1].hs[0]")]
    [InlineData("""{"name":"p","parts":[PART,PART]}""", "both change CHN's rates on HS 0902")]
    [InlineData("""{"name":"p","parts":[PART],"balance":{"country":"KEN","partner":"KEN"}}""", "names KEN as both country and partner")]
    [InlineData("""{"name":"p","parts":[PART],"extra":1}""", "unknown field 'extra'")]
    public void A_bad_package_is_refused_with_its_json_path(string json, string fragment)
    {
        var e = Assert.Throws<TradeDataException>(() => ScenarioPackageJson.Parse(json.Replace("PART", Part, StringComparison.Ordinal), "pkg.json"));
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("pkg.json:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_result_table_numbers_each_rows_part()
    {
        var result = KenyaChina.ReciprocalPackage.Project(KenyaChina.Flows, KenyaChina.TariffSchedules);
        var table = ResultTables.Package(result);
        Assert.Equal("part", table.Columns[0].Name);
        Assert.Equal(result.Parts.Sum(p => p.Rows.Length), table.RowCount);
        var w = new StringWriter();
        OutputTableCsv.Write(table, w);
        var lines = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("part,importer,exporter,hs,", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("2,KEN,CHN,85,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("1,CHN,KEN,0902,", StringComparison.Ordinal));
    }
}
