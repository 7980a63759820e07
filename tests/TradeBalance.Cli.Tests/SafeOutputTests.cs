using System.Diagnostics;
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

    /// <summary>
    /// Data loss on output (hostile input, round three, class 3): an output that reaches an input through a linked
    /// folder or <c>/proc/self/cwd</c>, or names <c>balance</c>'s groups file, is refused and the input kept; before,
    /// only a link in the file's own name was resolved, and <c>balance</c> did not list its groups file.
    /// </summary>
    [Fact]
    public void An_output_reaching_an_input_by_any_spelling_is_refused_and_the_input_kept()
    {
        var data = Directory.CreateDirectory(_dir.File("data")).FullName;
        var scenario = Path.Combine(data, "scenario.json");
        File.WriteAllText(scenario, """{"name":"s","importer":"CHN","beneficiaries":["KEN"],"hs":["0902"],"newRatePercent":0,"effective":"2026-05-01"}""");
        Directory.CreateSymbolicLink(_dir.File("linked"), data);
        var before = File.ReadAllBytes(scenario);
        var spellings = new List<string> { Path.Combine(_dir.File("linked"), "scenario.json"), Path.Combine(data, "..", "linked", ".", "scenario.json") };
        if (OperatingSystem.IsLinux())
        {
            spellings.Add("/proc/self/root" + scenario);
        }

        foreach (var spelling in spellings)
        {
            var run = CliRun.Of("project", "--scenario", scenario, "--output", spelling, "--draws", "0", "--format", "json");
            Assert.True(run.ExitCode == 2, $"{spelling}: exit {run.ExitCode}: {run.Err}");
            Assert.Contains("is the same file as the --scenario input", run.Err, StringComparison.Ordinal);
            Assert.Equal(before, File.ReadAllBytes(scenario));
        }

        var groups = _dir.File("groups.csv");
        File.WriteAllText(groups, "group,member\nXSO,KEN\n");
        var balance = CliRun.Of("balance", "--groups", groups, "--country", "KEN", "--partner", "CHN", "--output", groups);
        Assert.Equal(2, balance.ExitCode);
        Assert.Contains("is the same file as the --groups input", balance.Err, StringComparison.Ordinal);
        Assert.Equal("group,member\nXSO,KEN\n", File.ReadAllText(groups));
    }

    /// <summary>Outputs that cannot be files are refused before any work, in one line with exit 2: a folder, a symbolic-link loop.</summary>
    [Fact]
    public void An_output_that_is_a_folder_or_a_link_loop_is_a_usage_error()
    {
        Directory.CreateDirectory(_dir.File("folder.csv"));
        File.CreateSymbolicLink(_dir.File("a"), _dir.File("b"));
        File.CreateSymbolicLink(_dir.File("b"), _dir.File("a"));
        foreach (var (output, message) in new[] { (_dir.File("folder.csv"), "is a folder, not a file"), (Path.Combine(_dir.File("a"), "x.csv"), "symbolic links (a loop)") })
        {
            var run = CliRun.Of("project", "--draws", "0", "--output", output);
            Assert.True(run.ExitCode == 2, $"{output}: exit {run.ExitCode}: {run.Err}");
            Assert.Contains(message, run.Err, StringComparison.Ordinal);
            Assert.Single(run.Err.TrimEnd('\n').Split('\n'));
        }
    }

    /// <summary>A name near the file system's limit is written: the temporary name beside it no longer adds the target's name.</summary>
    [Fact]
    public void An_output_with_a_long_name_is_written_and_leaves_no_temporary_file()
    {
        var name = _dir.File(new string('n', 230) + ".csv");
        var run = CliRun.Of("project", "--draws", "0", "--format", "csv", "--output", name);
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Equal(run.Out, File.ReadAllText(name));
        Assert.Equal([Path.GetFileName(name)], Directory.GetFiles(_dir.Path).Select(Path.GetFileName));
    }

    /// <summary>
    /// Stopped while writing, the tool deletes its temporary file and the target keeps its old content. SIGTERM here;
    /// SIGINT takes the same handler, but a process started in the background by a non-interactive shell (as CI runs
    /// the tests) inherits SIGINT ignored, so it cannot be sent reliably from a test.
    /// </summary>
    [Fact]
    public async Task A_run_stopped_while_writing_leaves_no_temporary_file_and_the_old_output()
    {
        const string signal = "TERM";
        Assert.SkipUnless(OperatingSystem.IsLinux(), "POSIX signals sent with kill(1)");
        // Enough flows that writing the CSV takes a while: every supplier of 4,000 products to one market.
        var flows = _dir.File("flows.csv");
        using (var w = new StreamWriter(flows))
        {
            w.Write("year,exporter,importer,hs,value_usd\n");
            string[] suppliers = ["KEN", "UGA", "TZA", "ETH", "RWA", "IND", "VNM", "BRA", "COL", "PER", "LKA", "IDN", "USA", "DEU", "FRA", "JPN"];
            for (var p = 0; p < 4000; p++)
            {
                foreach (var s in suppliers)
                {
                    w.Write($"2024,{s},CHN,{10_00_00 + (p * 7):D6},{1000 + p}\n");
                }
            }
        }

        var scenario = _dir.File("scenario.json");
        File.WriteAllText(scenario, """{"name":"s","importer":"CHN","beneficiaries":["KEN"],"hs":["01","02","03","04","05","06","07","08","09","10","11","12","13","14"],"newRatePercent":0,"effective":"2026-05-01","referenceYear":2024}""");
        var tariffs = _dir.File("tariffs.csv");
        File.WriteAllText(tariffs, "importer,exporter,hs,rate_percent\nCHN,*,10,5\nCHN,*,11,5\nCHN,*,12,5\n");
        var output = _dir.File("out.csv");
        File.WriteAllText(output, "old");
        var dll = Path.Combine(AppContext.BaseDirectory, "TradeBalance.Cli.dll");
        var stopped = false;
        for (var attempt = 0; attempt < 5 && !stopped; attempt++)
        {
            using var process = Process.Start(new ProcessStartInfo("dotnet", [dll, "project", "--draws", "0", "--flows", flows, "--tariffs", tariffs, "--scenario", scenario, "--output", output, "--format", "csv"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var drain = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, TestContext.Current.CancellationToken);
            var clock = Stopwatch.StartNew();
            while (!process.HasExited && clock.Elapsed < TimeSpan.FromMinutes(2) && Directory.GetFiles(_dir.Path, "*.tmp").Length == 0)
            {
                await Task.Delay(5, TestContext.Current.CancellationToken);
            }

            if (!process.HasExited)
            {
                using (var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                {
                    await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
                }

                await process.WaitForExitAsync(TestContext.Current.CancellationToken);
                stopped = process.ExitCode != 0;
            }

            await drain;
            Assert.Empty(Directory.GetFiles(_dir.Path, "*.tmp"));
            if (stopped)
            {
                Assert.Equal("old", File.ReadAllText(output));
            }
            else
            {
                File.WriteAllText(output, "old"); // finished before the signal came: try again
            }
        }

        Assert.True(stopped, "the run always finished before it could be stopped");
    }

    /// <summary>
    /// Special files (hostile input, round three, class 3): an output that is (a link to) a character device or a named
    /// pipe is written into, never replaced by a regular file (as root, <c>/dev/null</c> itself was replaced); a block
    /// device is refused before any work; a hard link to an input, a spelling no path comparison can see through, is
    /// the same file by its device and inode.
    /// </summary>
    [Fact]
    public async Task Devices_pipes_and_hard_links_are_told_apart_from_files()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "devices, named pipes and inodes as Linux has them");

        var toNull = _dir.File("null.csv");
        File.CreateSymbolicLink(toNull, "/dev/null");
        var run = CliRun.Of("project", "--draws", "0", "--output", toNull);
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Equal("/dev/null", new FileInfo(toNull).LinkTarget);
        Assert.Equal(0, new FileInfo("/dev/null").Length); // still the device: a regular file would hold the CSV
        Assert.Empty(Directory.GetFiles("/dev", ".tradebalance-*"));

        var pipe = _dir.File("pipe.csv");
        using (var mkfifo = Process.Start("mkfifo", [pipe]))
        {
            mkfifo.WaitForExit();
        }

        var reader = Task.Run(() => File.ReadAllText(pipe), TestContext.Current.CancellationToken);
        run = CliRun.Of("project", "--draws", "0", "--output", pipe);
        Assert.True(run.ExitCode == 0, run.Err);
        var piped = await reader;
        Assert.StartsWith("importer,exporter,hs,", piped, StringComparison.Ordinal);
        Assert.Contains(",KEN,", piped, StringComparison.Ordinal);

        var disk = Directory.GetFiles("/dev", "loop*").FirstOrDefault(d => !Directory.Exists(d) && Path.GetFileName(d).Skip(4).All(char.IsAsciiDigit));
        if (disk is not null)
        {
            var toDisk = _dir.File("disk.csv");
            File.CreateSymbolicLink(toDisk, disk);
            run = CliRun.Of("project", "--draws", "0", "--output", toDisk);
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("is a block device (a disk), not a file", run.Err, StringComparison.Ordinal);
        }

        var flows = _dir.File("flows.csv");
        File.WriteAllText(flows, "year,exporter,importer,hs,value_usd\n2024,KEN,CHN,0902,5\n2024,LKA,CHN,0902,7\n");
        var hard = _dir.File("hard.csv");
        using (var ln = Process.Start("ln", [flows, hard]))
        {
            ln.WaitForExit();
        }

        var before = File.ReadAllBytes(flows);
        run = CliRun.Of("project", "--draws", "0", "--flows", flows, "--output", hard);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is the same file as the --flows input", run.Err, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(flows));
    }
}
