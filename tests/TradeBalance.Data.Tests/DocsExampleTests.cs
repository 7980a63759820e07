using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Data.Tests;

/// <summary>The example of docs/data-formats.md §7, run on the fixtures instead of real downloads.</summary>
public class DocsExampleTests
{
    [Fact]
    public void BACI_flows_WITS_tariffs_and_a_scenario_project()
    {
        var codes = BaciCountryCodes.Read(Fixtures.Path("baci-country-codes.csv")).Value;
        var (flows, flowReport) = BaciReader.Read(
            Fixtures.Path("baci-hs17-2022.csv"),
            new BaciReadOptions
            {
                CountryCodes = codes,
                Importers = new HashSet<Country> { Countries.China },
                Products = [HsCode.Parse("0902")],
            });
        Assert.Contains("BACI v × 1000", flowReport.ToString());

        var (tariffs, _) = WitsTariffReader.Read(
            Fixtures.Path("wits-tariffs.csv"),
            Countries.China,
            new WitsReadOptions
            {
                PreferenceGroups = new Dictionary<string, IReadOnlyCollection<Country>>
                {
                    ["LDC"] = [Countries.Ethiopia, Country.FromIso3("UGA"), Country.FromIso3("TZA"), Country.FromIso3("RWA")],
                },
            });

        var scenario = ScenarioJson.Parse("""
            { "importer": "CHN", "beneficiaries": ["KEN"], "hs": ["0902"],
              "newRatePercent": 0, "effective": "2026-05-01",
              "elasticities": { "byHs": { "0902": { "substitution": 1.83 } } } }
            """);

        var result = ProjectionModel.Smart.Project(new ProjectionInputs(scenario, flows, tariffs));
        var kenya = result.Rows.Single(r => r.Exporter.Equals(Countries.Kenya));
        Assert.Equal(15m, kenya.TariffBefore.Percent);
        Assert.Equal(0m, kenya.TariffAfter.Percent);
        Assert.True(kenya.Projected > kenya.Baseline);
        Assert.Equal(1d, result.Rows.Sum(r => r.ProjectedShare), 9);

        using var dir = Fixtures.TempDir();
        ProjectionCsv.Write(result, dir.File("projection.csv"));
        ProjectionJson.Write(result, dir.File("projection.json"), tariffs);
        Assert.Equal(result.Count, ProjectionCsv.Read(dir.File("projection.csv")).Value.Length);
    }

    /// <summary>docs/data-formats.md's `ReadColumns` snippet, on the fixture.</summary>
    [Fact]
    public void The_data_formats_ReadColumns_snippet_runs()
    {
        var (columns, report) = BaciReader.ReadColumns(Fixtures.Path("baci-hs17-2022.csv"));
        var tea = 0.0;
        for (var row = 0; row < columns.Count; row++)
        {
            if (columns.Products[row] / 100 == 902)
            {
                tea += columns.ValuesUsd[row];
            }
        }

        var (chinaFlows, chinaReport) = columns.ToTradeDataSet(new BaciReadOptions { Importers = new HashSet<Country> { Countries.China } });
        Assert.Equal(7, report.RowsKept);
        Assert.Equal(20_000_500.0 + 68_000_000 + 1_000_000 + 22_000_000 + 17_000_000 + 5_000, tea);
        Assert.Equal(5, chinaFlows.Flows.Length);
        Assert.Equal(1, chinaReport.Skipped["outside the importer filter"]);
    }
}
