using System.Text.Json;
using TradeBalance.Data;
using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Cli.Tests;

public class ProjectCommandTests
{
    private static ProjectionResult Library() => ProjectionModel.Smart.Project(new ProjectionInputs(KenyaChina.Scenario, KenyaChina.Flows, KenyaChina.Tariffs));

    [Fact]
    public void Default_run_answers_the_Kenya_China_question()
    {
        var run = CliRun.Of("project");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Err);
        foreach (var expected in new[] { "Tea (HS 0902)", "Coffee (HS 0901)", "Avocados (HS 080440)", "Summary: Kenya → China", "Bilateral balance 2024", "KES", "Losing share in Tea: Sri Lanka" })
        {
            Assert.Contains(expected, run.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Default_run_numbers_equal_the_librarys()
    {
        var run = CliRun.Of("project", "--format", "csv");
        Assert.Equal(0, run.ExitCode);
        var rows = ProjectionCsv.Read(new StringReader(run.Out), "stdout").Value;
        var library = Library();
        Assert.Equal(library.Count, rows.Length);
        foreach (var (row, expected) in rows.Zip(library.Rows))
        {
            Assert.Equal(expected.Exporter, row.Exporter);
            Assert.Equal(expected.Hs, row.Hs);
            Assert.Equal(expected.Projected.Amount, row.ProjectedUsd);
            Assert.Equal(expected.ProjectedShare, row.ProjectedShare);
        }
    }

    [Fact]
    public void Table_shows_the_librarys_figures_for_kenyan_tea()
    {
        var kenyaTea = Library().Rows.Single(r => r.Exporter == Countries.Kenya && r.Hs == Commodities.Tea.Code);
        var run = CliRun.Of("project");
        Assert.Contains(ProjectionReport.Millions(kenyaTea.Projected), run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_format_parses_and_carries_scenario_model_and_rows()
    {
        var run = CliRun.Of("project", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Equal("smart", doc.RootElement.GetProperty("model").GetString());
        Assert.Equal(Library().Count, doc.RootElement.GetProperty("rows").GetArrayLength());
        Assert.Equal("CHN", doc.RootElement.GetProperty("scenario").GetProperty("importer").GetString());
    }

    [Theory]
    [InlineData("out.csv")]
    [InlineData("out.json")]
    public void Output_file_is_written_and_parses_back(string name)
    {
        using var dir = new TempDir();
        var path = dir.File(name);
        var run = CliRun.Of("project", "--output", path);
        Assert.Equal(0, run.ExitCode);
        if (name.EndsWith(".csv", StringComparison.Ordinal))
        {
            Assert.Equal(Library().Count, ProjectionCsv.Read(path).Value.Length);
        }
        else
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            Assert.Equal(Library().Count, doc.RootElement.GetProperty("rows").GetArrayLength());
        }
    }

    [Fact]
    public void Png_chart_is_a_usage_error_that_says_how_to_convert_the_svg()
    {
        using var dir = new TempDir();
        var path = dir.File("shares.png");
        var run = CliRun.Of("project", "--chart", path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("charts are written as SVG only", run.Err, StringComparison.Ordinal);
        Assert.Contains("rsvg-convert -o", run.Err, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Svg_chart_is_valid_svg_xml()
    {
        using var dir = new TempDir();
        var path = dir.File("shares.svg");
        Assert.Equal(0, CliRun.Of("project", "--chart", path).ExitCode);
        var xml = System.Xml.Linq.XDocument.Load(path);
        Assert.Equal("svg", xml.Root!.Name.LocalName);
        Assert.Contains("KEN", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Flows_tariffs_scenario_and_rates_files_give_the_same_answer_as_the_embedded_data()
    {
        using var dir = new TempDir();
        var flows = dir.File("flows.csv");
        var tariffs = dir.File("tariffs.csv");
        var scenario = dir.File("scenario.json");
        var rates = dir.File("rates.csv");
        File.WriteAllText(flows, KenyaChina.ReadText("flows.csv"));
        File.WriteAllText(tariffs, KenyaChina.ReadText("tariffs.csv"));
        File.WriteAllText(scenario, KenyaChina.ReadText("scenario.json"));
        File.WriteAllText(rates, KenyaChina.ReadText("exchange-rates.csv"));
        var fromFiles = CliRun.Of("project", "--flows", flows, "--tariffs", tariffs, "--scenario", scenario, "--rates", rates, "--model", "smart", "--format", "csv");
        var embedded = CliRun.Of("project", "--format", "csv");
        Assert.Equal(0, fromFiles.ExitCode);
        Assert.Equal(embedded.Out, fromFiles.Out);
    }

    [Fact]
    public void A_scenario_file_changes_the_projection()
    {
        using var dir = new TempDir();
        var scenario = dir.File("scenario.json");
        File.WriteAllText(scenario, """
            { "importer": "CHN", "beneficiaries": ["KEN"], "hs": ["0902"], "newRatePercent": 5, "effective": "2026-05-01" }
            """);
        var run = CliRun.Of("project", "--scenario", scenario, "--format", "csv");
        Assert.Equal(0, run.ExitCode);
        var rows = ProjectionCsv.Read(new StringReader(run.Out), "stdout").Value;
        Assert.All(rows, r => Assert.Equal(Commodities.Tea.Code, r.Hs));
        Assert.Equal(5m, rows.Single(r => r.Exporter == Countries.Kenya).TariffAfter.Percent);
    }

    [Theory]
    [InlineData("project", "--nope")]
    [InlineData("project", "--format", "xml")]
    [InlineData("project", "--output", "x.txt")]
    [InlineData("project", "--chart", "x.gif")]
    [InlineData("project", "--model", "cge")]
    [InlineData("project", "--flows", "/no/such/file.csv")]
    [InlineData("frobnicate")]
    public void Usage_errors_exit_2_with_one_sentence_on_stderr(params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("tradebalance: ", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_data_exits_3_naming_file_line_and_value()
    {
        using var dir = new TempDir();
        var flows = dir.File("bad-flows.csv");
        File.WriteAllText(flows, "year,exporter,importer,hs,value_usd\n2024,KEN,CHN,0902,100\n2024,KEN,CHN,0901,-5\n");
        var run = CliRun.Of("project", "--flows", flows);
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("bad-flows.csv:3", run.Err, StringComparison.Ordinal);
        Assert.Contains("-5", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Anything_else_exits_1_and_verbose_adds_the_stack_trace()
    {
        // An I/O failure while writing the result (standard output full): exit 1, one line, the stack only with --verbose.
        // (An output that is a folder used to be the example; it is now refused before any work, exit 2.)
        var quiet = new StringWriter();
        Assert.Equal(1, CliApp.Run(["project", "--format", "csv"], new FullWriter(), quiet));
        Assert.DoesNotContain("   at ", quiet.ToString(), StringComparison.Ordinal);
        Assert.Contains("No space left on device", quiet.ToString(), StringComparison.Ordinal);
        var verbose = new StringWriter();
        Assert.Equal(1, CliApp.Run(["project", "--format", "csv", "--verbose"], new FullWriter(), verbose));
        Assert.Contains("   at ", verbose.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A writer on a full disk.</summary>
    private sealed class FullWriter : StringWriter
    {
        public override void Write(char value) => throw new IOException("No space left on device");

        public override void Write(string? value) => throw new IOException("No space left on device");

        public override void Write(char[] buffer, int index, int count) => throw new IOException("No space left on device");

        public override void Write(ReadOnlySpan<char> buffer) => throw new IOException("No space left on device");
    }
}
