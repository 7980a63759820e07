using System.Diagnostics;
using Xunit;

namespace TradeBalance.Cli.Tests;

/// <summary>The tool as a separate process, the way a user runs it.</summary>
public class ProcessTests
{
    [Fact]
    public async Task The_built_tool_runs_as_a_process_and_exits_0()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "TradeBalance.Cli.dll");
        var info = new ProcessStartInfo("dotnet", [dll, "project"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        Assert.True(process.WaitForExit(120_000), "the tool did not finish within 2 minutes");
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("Summary: Kenya → China", await stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, await stderr);
    }

    [Fact]
    public void A_usage_error_exits_2_as_a_process()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "TradeBalance.Cli.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet", [dll, "project", "--format", "xml"]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        process.WaitForExit(120_000);
        Assert.Equal(2, process.ExitCode);
    }

    [Fact]
    public async Task A_file_named_with_an_at_sign_is_read_as_a_file_not_as_a_response_file()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("@flows.csv"), "year,exporter,importer,hs,value_usd\n2024,KEN,CHN,0902,5\n2024,XX,CHN,0902,5\n");
        var dll = Path.Combine(AppContext.BaseDirectory, "TradeBalance.Cli.dll");
        var info = new ProcessStartInfo("dotnet", [dll, "project", "--draws", "0", "--flows", "@flows.csv"]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir.Path };
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        _ = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        Assert.True(process.WaitForExit(120_000), "the tool did not finish within 2 minutes");
        Assert.Equal(3, process.ExitCode);
        Assert.StartsWith("tradebalance: @flows.csv:3: column 'exporter': 'XX'", await stderr, StringComparison.Ordinal);
    }
}
