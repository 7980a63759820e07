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

    /// <summary>
    /// Closed and full standard streams (hostile input, round three, class 4): an I/O failure with exit 1 and one line
    /// on standard error, never an abort (134) or a wait without end. Each case runs the tool under a shell that
    /// closes or fills the stream.
    /// </summary>
    [Theory]
    [InlineData("project >&-", 1, "tradebalance: standard output could not be written (Bad file descriptor)")]
    [InlineData("project --format csv > /dev/full", 1, "tradebalance: standard output could not be written (No space left on device)")]
    [InlineData("project > /dev/full", 1, "tradebalance: standard output could not be written (No space left on device)")]
    [InlineData("project --flows - <&- > /dev/null", 1, "tradebalance: --flows -: standard input is closed, so there is nothing to read")]
    [InlineData("project --scenario - <&- > /dev/null", 1, "tradebalance: --scenario -: standard input is closed, so there is nothing to read")]
    [InlineData("project --flows missing.csv 2>&- > /dev/null", 2, "")]
    [InlineData("project --flows missing.csv 2>&- >&-", 2, "")]
    [InlineData("project 2>&- > /dev/null", 0, "")]
    public async Task A_closed_or_full_standard_stream_is_an_io_failure_never_an_abort_or_a_hang(string command, int exit, string message)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "the shell's stream redirections and /dev/full are Linux's");
        var dll = Path.Combine(AppContext.BaseDirectory, "TradeBalance.Cli.dll");
        using var dir = new TempDir();
        var script = $"dotnet '{dll}' {command}";
        var info = new ProcessStartInfo("bash", ["-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir.Path };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{command}' did not finish within 2 minutes");
        }

        await stdout;
        var err = await stderr;
        Assert.True(exit == process.ExitCode, $"'{command}': exit {process.ExitCode}, expected {exit}; stderr: {err}");
        Assert.DoesNotContain("Unhandled exception", err, StringComparison.Ordinal);
        if (message.Length > 0)
        {
            Assert.StartsWith(message, err, StringComparison.Ordinal);
            Assert.Single(err.TrimEnd('\n').Split('\n'));
        }
    }

    /// <summary>
    /// A file name with a byte that is not UTF-8 (hostile input, round three, class 3): the runtime hands the tool the
    /// name with U+FFFD in that byte's place, so <c>--output</c> wrote a file of another name (exit 0) and an input was
    /// "missing"; both are now refused naming the cause, and nothing is written.
    /// </summary>
    [Theory]
    [InlineData("project --draws 0 --output $'out\\xff.csv'", "tradebalance: --output: 'out\uFFFD.csv' holds a byte that is not UTF-8")]
    [InlineData("project --draws 0 --flows $'in\\xfe.csv'", "tradebalance: --flows: 'in\uFFFD.csv' holds a byte that is not UTF-8")]
    public async Task A_file_name_that_is_not_utf8_is_refused_not_changed(string command, string message)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "file names as bytes, as Linux has them");
        var dll = Path.Combine(AppContext.BaseDirectory, "TradeBalance.Cli.dll");
        using var dir = new TempDir();
        var info = new ProcessStartInfo("bash", ["-c", $"printf 'year,exporter,importer,hs,value_usd\\n2024,KEN,CHN,0902,5\\n' > $'in\\xfe.csv' && dotnet '{dll}' {command}"]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir.Path };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var err = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        Assert.True(process.WaitForExit(120_000), "the tool did not finish within 2 minutes");
        Assert.Equal(string.Empty, await stdout);
        Assert.True(process.ExitCode == 2, $"exit {process.ExitCode}: {err}");
        Assert.StartsWith(message, err, StringComparison.Ordinal);
        var left = Directory.GetFiles(dir.Path).Length;
        using (var clean = Process.Start(new ProcessStartInfo("find", [dir.Path, "-type", "f", "-delete"]))!)
        {
            // .NET cannot delete a name it cannot spell; the system can.
            await clean.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(1, left); // the input only: no output under another name
    }
}
