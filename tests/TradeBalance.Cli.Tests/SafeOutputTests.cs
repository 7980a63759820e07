using Xunit;

namespace TradeBalance.Cli.Tests;

/// <summary>A run never overwrites what it reads, and writes its outputs whole or not at all.</summary>
public sealed class SafeOutputTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void An_output_through_a_symbolic_link_to_an_input_is_refused_and_the_input_kept()
    {
        var scenario = _dir.File("scenario.json");
        File.WriteAllText(scenario, """{"name":"s","importer":"CHN","beneficiaries":["KEN"],"hs":["0902"],"newRatePercent":0,"effective":"2026-05-01"}""");
        var link = _dir.File("out.json");
        File.CreateSymbolicLink(link, scenario);
        var before = File.ReadAllBytes(scenario);

        var run = CliRun.Of("project", "--scenario", scenario, "--output", link, "--draws", "0");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is the same file as the --scenario input", run.Err, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(scenario));
    }

    [Fact]
    public void Outputs_are_written_whole_and_leave_no_temporary_file()
    {
        var csv = _dir.File("projection.csv");
        var chart = _dir.File("shares.svg");
        File.WriteAllText(csv, "old");

        var run = CliRun.Of("project", "--format", "csv", "--output", csv, "--chart", chart);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(run.Out, File.ReadAllText(csv));
        Assert.Contains("<svg", File.ReadAllText(chart), StringComparison.Ordinal);
        Assert.Equal(["projection.csv", "shares.svg"], Directory.GetFiles(_dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_output_that_is_a_symbolic_link_to_another_file_is_written_at_its_target()
    {
        var target = _dir.File("target.csv");
        var link = _dir.File("link.csv");
        File.WriteAllText(target, "old");
        File.CreateSymbolicLink(link, target);

        Assert.Equal(0, CliRun.Of("project", "--output", link, "--draws", "0").ExitCode);

        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.StartsWith("importer,exporter,hs,", File.ReadAllText(target), StringComparison.Ordinal);
    }
}
