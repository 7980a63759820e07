using System.Diagnostics;
using System.Globalization;
using System.Text;
using TradeBalance.Data;
using Xunit;

namespace TradeBalance.Cli.Tests;

/// <summary>Runs with more markets than fit a screen: the tables show the largest, say so and offer --all; timings and progress stay off standard output.</summary>
public sealed class LargeRunTests : IDisposable
{
    private const int Markets = 25;
    private readonly TempDir _dir = new();

    public LargeRunTests()
    {
        // China imports 25 HS6 lines from Kenya, Sri Lanka and India; market k's total grows with k, so
        // the largest ten are k = 16..25. One MFN line covers them all.
        var flows = new StringBuilder("year,exporter,importer,hs,value_usd\n");
        for (var k = 1; k <= Markets; k++)
        {
            var hs = (90100 + k).ToString("000000", CultureInfo.InvariantCulture);
            flows.Append(CultureInfo.InvariantCulture, $"2024,KEN,CHN,{hs},{k * 1000}\n2024,LKA,CHN,{hs},{k * 3000}\n2024,IND,CHN,{hs},{k * 2000}\n");
        }

        File.WriteAllText(_dir.File("flows.csv"), flows.ToString());
        File.WriteAllText(_dir.File("tariffs.csv"), "importer,exporter,hs,rate_percent,valid_from,valid_to\nCHN,*,09,15,,\n");
        File.WriteAllText(_dir.File("scenario.json"), """
            {"name":"many lines","importer":"CHN","beneficiaries":["KEN"],"hs":["09"],"newRatePercent":0,"effective":"2026-05-01"}
            """);
    }

    public void Dispose() => _dir.Dispose();

    private string[] Args(string command, params string[] more) =>
        [command, "--flows", _dir.File("flows.csv"), "--tariffs", _dir.File("tariffs.csv"), "--scenario", _dir.File("scenario.json"), .. more];

    private static int Count(string text, string what) => (text.Length - text.Replace(what, string.Empty, StringComparison.Ordinal).Length) / what.Length;

    [Fact]
    public void The_table_shows_the_ten_largest_markets_and_says_so()
    {
        var run = CliRun.Of(Args("project", "--draws", "0"));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(ProjectionReport.Largest, Count(run.Out, "China: imports of"));
        Assert.Contains($"Showing the {ProjectionReport.Largest} largest of {Markets} markets by baseline imports; --all shows every one", run.Out, StringComparison.Ordinal);
        Assert.Contains("imports of HS 090125, 2024", run.Out, StringComparison.Ordinal);
        Assert.Contains("imports of HS 090116, 2024", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("imports of HS 090115, 2024", run.Out, StringComparison.Ordinal);

        // The summary lists Kenya's ten largest products and the totals over all 25.
        Assert.Equal(ProjectionReport.Largest, Count(run.Out, "  – HS "));
        Assert.Contains($"Showing Kenya's {ProjectionReport.Largest} largest of {Markets} products", run.Out, StringComparison.Ordinal);
        Assert.Contains("USD 0.33m →", run.Out, StringComparison.Ordinal); // 1,000 × (1 + … + 25) = 325,000
    }

    [Fact]
    public void All_shows_every_market_and_product()
    {
        var run = CliRun.Of(Args("project", "--draws", "0", "--all"));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Markets, Count(run.Out, "China: imports of"));
        Assert.Equal(Markets, Count(run.Out, "  – HS "));
        Assert.DoesNotContain("Showing", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_and_sensitivity_cut_their_tables_too()
    {
        var compare = CliRun.Of(Args("compare"));
        Assert.Equal(0, compare.ExitCode);
        Assert.Contains($"Showing the {ProjectionReport.Largest} largest of {Markets} rows", compare.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Showing", CliRun.Of(Args("compare", "--all")).Out, StringComparison.Ordinal);
        Assert.DoesNotContain("(HS 0901", compare.Out + CliRun.Of(Args("project", "--draws", "0")).Out, StringComparison.Ordinal); // no "HS x (HS x)" titles

        var sensitivity = CliRun.Of(Args("sensitivity", "--draws", "20"));
        Assert.Equal(0, sensitivity.ExitCode);
        Assert.Equal(ProjectionReport.Largest, Count(sensitivity.Out, "China: imports of"));
        Assert.Equal(Markets, Count(CliRun.Of(Args("sensitivity", "--draws", "20", "--all")).Out, "China: imports of"));
    }

    [Fact]
    public void Timings_go_to_standard_error_and_leave_the_csv_alone()
    {
        var plain = CliRun.Of(Args("project", "--format", "csv"));
        var timed = CliRun.Of(Args("project", "--format", "csv", "--timings"));
        Assert.Equal(0, timed.ExitCode);
        Assert.Equal(plain.Out, timed.Out);
        Assert.Equal(string.Empty, plain.Err);
        foreach (var step in new[] { "timing: read scenario: ", "timing: read flows: ", "timing: read tariffs", "timing: project: ", "timing: write CSV to standard output: " })
        {
            Assert.Contains(step, timed.Err, StringComparison.Ordinal);
        }

        Assert.Equal(Markets * 3, ProjectionCsv.Read(new StringReader(timed.Out), "stdout").Value.Length);
    }

    [Fact]
    public async Task As_a_process_the_buffered_output_is_complete_and_equals_the_in_process_run()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "TradeBalance.Cli.dll");
        var info = new ProcessStartInfo("dotnet", [dll, .. Args("project", "--format", "csv")]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        Assert.True(process.WaitForExit(120_000), "the tool did not finish within 2 minutes");
        Assert.Equal(0, process.ExitCode);
        Assert.Equal(string.Empty, await stderr);
        Assert.Equal(CliRun.Of(Args("project", "--format", "csv")).Out, await stdout);
    }
}
