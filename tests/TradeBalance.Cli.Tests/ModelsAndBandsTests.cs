using TradeBalance.Data;
using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Cli.Tests;

public class ModelsAndBandsTests
{
    [Theory]
    [InlineData("armington")]
    [InlineData("gsim")]
    public void Other_models_run_and_match_the_library(string model)
    {
        var run = CliRun.Of("project", "--model", model, "--format", "csv");
        Assert.Equal(0, run.ExitCode);
        var rows = ProjectionCsv.Read(new StringReader(run.Out), "stdout").Value;
        var kenyaTea = rows.Single(r => r.Exporter == Countries.Kenya && r.Importer == Countries.China && r.Hs == Commodities.Tea.Code);
        var expected = model == "armington"
            ? ProjectionModel.Armington.Project(new ProjectionInputs(KenyaChina.Scenario, KenyaChina.Flows, KenyaChina.Tariffs))
            : ProjectionModel.Gsim.Solve(new ProjectionInputs(KenyaChina.Scenario, KenyaChina.Flows, TariffsCsv.ReadAll(new StringReader(KenyaChina.ReadText("tariffs.csv")), "tariffs.csv").Value.Values)).Projection;
        Assert.Equal(expected.Rows.Single(r => r.Exporter == Countries.Kenya && r.Importer == Countries.China && r.Hs == Commodities.Tea.Code).Projected.Amount, kenyaTea.ProjectedUsd);
    }

    [Fact]
    public void Default_table_prints_the_P5_P95_band_and_draws_0_turns_it_off()
    {
        var with = CliRun.Of("project");
        Assert.Contains("(P5–P95 ", with.Out, StringComparison.Ordinal);
        Assert.Contains("Monte Carlo draws (seed 42)", with.Out, StringComparison.Ordinal);
        var without = CliRun.Of("project", "--draws", "0");
        Assert.DoesNotContain("P5–P95", without.Out, StringComparison.Ordinal);
        Assert.Equal(2, CliRun.Of("project", "--draws", "-1").ExitCode);
    }

    [Fact]
    public void Years_prints_the_path_and_draws_a_time_path_chart()
    {
        using var dir = new TempDir();
        var scenario = dir.File("staged.json");
        File.WriteAllText(scenario, """
            { "importer": "CHN", "beneficiaries": ["KEN"], "hs": ["0902"], "newRatePercent": 0, "effective": "2026-05-01", "stages": 3 }
            """);
        var chart = dir.File("path.svg");
        var run = CliRun.Of("project", "--scenario", scenario, "--years", "2025..2029", "--chart", chart);
        Assert.Equal(0, run.ExitCode);
        foreach (var expected in new[] { "2025", "2029", "(15%)", "(10%)", "(5%)", "(0%)" })
        {
            Assert.Contains(expected, run.Out, StringComparison.Ordinal);
        }

        Assert.Equal("svg", System.Xml.Linq.XDocument.Load(chart).Root!.Name.LocalName);
    }

    [Theory]
    [InlineData("2030..2026")]
    [InlineData("twenty")]
    [InlineData("2026-2030")]
    public void Bad_years_are_usage_errors(string years) => Assert.Equal(2, CliRun.Of("project", "--years", years).ExitCode);

    [Fact]
    public void Sensitivity_is_reproducible_for_a_seed_and_draws_a_fan_chart()
    {
        using var dir = new TempDir();
        var a = CliRun.Of("sensitivity", "--draws", "300", "--seed", "7", "--format", "csv");
        var b = CliRun.Of("sensitivity", "--draws", "300", "--seed", "7", "--format", "csv", "--chart", dir.File("fan.svg"));
        var c = CliRun.Of("sensitivity", "--draws", "300", "--seed", "8", "--format", "csv");
        Assert.Equal(0, a.ExitCode);
        Assert.Equal(a.Out, b.Out);
        Assert.NotEqual(a.Out, c.Out);
        Assert.Equal("svg", System.Xml.Linq.XDocument.Load(dir.File("fan.svg")).Root!.Name.LocalName);
        var table = CliRun.Of("sensitivity", "--draws", "100");
        Assert.Contains("P50", table.Out, StringComparison.Ordinal);
        Assert.Contains("Kenya's exports of these products to China", table.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--draws", "0")]
    [InlineData("--spread", "1.5")]
    [InlineData("--model", "cge")]
    public void Sensitivity_usage_errors(string option, string value) => Assert.Equal(2, CliRun.Of("sensitivity", option, value).ExitCode);

    [Fact]
    public void Sensitivity_and_project_bands_run_over_GSIM()
    {
        var sensitivity = CliRun.Of("sensitivity", "--model", "gsim", "--draws", "40");
        Assert.Equal(0, sensitivity.ExitCode);
        Assert.Contains("GSIM model · 40 draws", sensitivity.Out, StringComparison.Ordinal);
        var project = CliRun.Of("project", "--model", "gsim", "--draws", "40");
        Assert.Equal(0, project.ExitCode);
        Assert.Contains("P5–P95: 40 Monte Carlo draws", project.Out, StringComparison.Ordinal);
    }
}

public class CompareCommandTests
{
    [Fact]
    public void Compare_shows_each_models_projection_for_the_beneficiary()
    {
        var run = CliRun.Of("compare");
        Assert.Equal(0, run.ExitCode);
        var smart = ProjectionModel.Smart.Project(new ProjectionInputs(KenyaChina.Scenario, KenyaChina.Flows, KenyaChina.Tariffs)).Rows.Single(r => r.Exporter == Countries.Kenya && r.Hs == Commodities.Tea.Code);
        var armington = ProjectionModel.Armington.Project(new ProjectionInputs(KenyaChina.Scenario, KenyaChina.Flows, KenyaChina.Tariffs)).Rows.Single(r => r.Exporter == Countries.Kenya && r.Hs == Commodities.Tea.Code);
        Assert.Contains(ProjectionReport.Millions(smart.Projected), run.Out, StringComparison.Ordinal);
        Assert.Contains(ProjectionReport.Millions(armington.Projected), run.Out, StringComparison.Ordinal);
        Assert.Contains("GSIM", run.Out, StringComparison.Ordinal);
    }
}
