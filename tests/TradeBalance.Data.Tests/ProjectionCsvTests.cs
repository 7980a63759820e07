using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Data.Tests;

public class ProjectionCsvTests
{
    private static ProjectionResult Default() => ProjectionModel.Smart.Project(new ProjectionInputs(KenyaChina.Scenario, KenyaChina.Flows, KenyaChina.Tariffs));

    [Fact]
    public void Header_is_exactly_the_DESIGN_columns()
    {
        var w = new StringWriter();
        ProjectionCsv.Write(Default(), w);
        Assert.StartsWith(
            "importer,exporter,hs,baseline_usd,tariff_before_percent,tariff_after_percent,trade_creation_usd,trade_diversion_usd,projected_usd,baseline_share,projected_share\n",
            w.ToString());
    }

    [Fact]
    public void Write_then_read_gives_equal_rows()
    {
        var result = Default();
        var w = new StringWriter();
        ProjectionCsv.Write(result, w);
        var (rows, report) = ProjectionCsv.Read(new StringReader(w.ToString()), "projection.csv");
        Assert.Equal(result.Rows.Select(ProjectionOutputRow.From), rows);
        Assert.Equal(result.Count, report.RowsKept);

        var kenyaTea = rows.Single(r => r.Exporter.Equals(Countries.Kenya) && r.Hs.Digits == "0902");
        Assert.Equal(15m, kenyaTea.TariffBefore.Percent);
        Assert.Equal(0m, kenyaTea.TariffAfter.Percent);
        Assert.True(kenyaTea.ProjectedUsd > kenyaTea.BaselineUsd);
    }

    [Fact]
    public void Empty_creation_and_diversion_mean_null()
    {
        var rows = new[]
        {
            new ProjectionOutputRow(Countries.China, Countries.Kenya, HsCode.Parse("0902"), 20m, new TariffRate(15m), TariffRate.Zero, null, null, 25.5m, 0.1, 0.125),
        };
        var w = new StringWriter();
        ProjectionCsv.Write(rows, w);
        Assert.EndsWith("CHN,KEN,0902,20,15,0,,,25.5,0.1,0.125\n", w.ToString());
        Assert.Equal(rows, ProjectionCsv.Read(new StringReader(w.ToString()), "p.csv").Value);
    }

    [Fact]
    public void File_round_trip_and_detection()
    {
        using var dir = Fixtures.TempDir();
        var path = dir.File("projection.csv");
        ProjectionCsv.Write(Default(), path);
        Assert.Equal(TradeFileFormat.ProjectionOutput, TradeFile.Detect(path));
        Assert.Equal(Default().Count, ProjectionCsv.Read(path).Value.Length);
    }
}
