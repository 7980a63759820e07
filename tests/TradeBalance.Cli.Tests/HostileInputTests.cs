using System.Globalization;
using Xunit;

namespace TradeBalance.Cli.Tests;

/// <summary>
/// Every message through the escape check: each control, bidirectional and invisible character is put
/// into every field of each input the tool reads (flows, tariffs, rates, every string of a scenario,
/// raw and as a JSON escape), into every option's value and into file names; the tool runs in-process
/// and neither standard output nor standard error may hold the character raw (a line break the tool
/// writes itself is allowed), a .NET type or parameter name, or another library's wording. A file
/// gives exit 0 (the character was trimmed, or the text is free) or 3; an option value gives exit 2.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private const string Flows = "year,exporter,importer,hs,value_usd\n2024,KEN,CHN,0902,5000000\n2024,LKA,CHN,0902,3000000\n";
    private const string Tariffs = "importer,exporter,hs,rate_percent,valid_from,valid_to\nCHN,*,0902,15,,\nCHN,*,0901,8,,\nCHN,*,080440,7,,\n";
    private const string Rates = "base,quote,as_of,rate,basis,source\nUSD,KES,2024-01-01,129.2,annual-average,CBK\n";
    private const string Scenario = """{"name":"tea","description":"d","importer":"CHN","beneficiaries":["KEN"],"hs":["0902"],"newRatePercent":0,"effective":"2026-05-01","sources":{"a":"b"}}""";

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("--flows", Flows)]
    [InlineData("--tariffs", Tariffs)]
    [InlineData("--rates", Rates)]
    public void A_hostile_character_in_any_field_of_a_CSV_file_is_never_printed_raw(string option, string seed)
    {
        Assert.Equal(0, Run(option, seed).ExitCode);
        var failures = new List<string>();
        var runs = 0;
        var lines = seed.TrimEnd('\n').Split('\n');
        for (var l = 0; l < 2; l++)
        {
            var fields = lines[l].Split(',');
            for (var f = 0; f < fields.Length; f++)
            {
                foreach (var c in TerminalSafety.Hostile)
                {
                    var changed = (string[])fields.Clone();
                    changed[f] = Insert(changed[f], c);
                    var copy = (string[])lines.Clone();
                    copy[l] = string.Join(',', changed);
                    var run = Run(option, string.Join('\n', copy) + "\n");
                    runs++;
                    if (TerminalSafety.Problem(run, 0, 3) is { } problem)
                    {
                        failures.Add($"line {l + 1} field {f + 1} {TerminalSafety.Code(c)}: {problem}: {TerminalSafety.Visible(run.Err)}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {runs} runs:\n" + string.Join('\n', failures.Take(20)));
    }

    [Fact]
    public void A_hostile_character_in_any_string_of_a_scenario_is_never_printed_raw()
    {
        Assert.Equal(0, Run("--scenario", Scenario).ExitCode);
        var failures = new List<string>();
        var runs = 0;
        var quotes = Enumerable.Range(0, Scenario.Length).Where(i => Scenario[i] == '"').ToList();
        for (var q = 0; q + 1 < quotes.Count; q += 2)
        {
            var middle = (quotes[q] + quotes[q + 1] + 1) / 2;
            foreach (var c in TerminalSafety.Hostile)
            {
                foreach (var insert in new[] { c.ToString(), string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}") })
                {
                    var run = Run("--scenario", Scenario[..middle] + insert + Scenario[middle..]);
                    runs++;
                    if (TerminalSafety.Problem(run, 0, 3) is { } problem)
                    {
                        failures.Add($"string {Scenario[(quotes[q] + 1)..quotes[q + 1]]} {(insert.Length == 1 ? "raw" : "escaped")} {TerminalSafety.Code(c)}: {problem}: {TerminalSafety.Visible(run.Err + run.Out)}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {runs} runs:\n" + string.Join('\n', failures.Take(20)));
    }

    [Fact]
    public void The_scenario_name_is_printed_escaped_in_every_command()
    {
        File.WriteAllText(_dir.File("s.json"), Scenario.Replace("\"tea\"", "\"tea \\u001b]0;owned\\u0007\\u001b[2J \\u202Eaet\"", StringComparison.Ordinal));
        foreach (var args in new[] { new[] { "project", "--draws", "0" }, ["project", "--draws", "20"], ["project", "--years", "2025..2027"], ["sensitivity", "--draws", "20"], ["compare"] })
        {
            var run = CliRun.Of([.. args, "--scenario", _dir.File("s.json")]);
            Assert.True(TerminalSafety.Problem(run, 0) is null, $"{string.Join(' ', args)}: {TerminalSafety.Problem(run, 0)}: {TerminalSafety.Visible(run.Err + run.Out)}");
            Assert.Contains("tea \\x1B]0;owned\\x07\\x1B[2J \\u202Eaet", run.Out, StringComparison.Ordinal);
        }
    }

    /// <summary>Every option that takes a value, with a value that is right for it; a character put into it must make a usage error (2) that shows it escaped.</summary>
    public static TheoryData<string, string, string> Options => new()
    {
        { "project", "--flows", "{dir}/flows.csv" },
        { "project", "--tariffs", "{dir}/tariffs.csv" },
        { "project", "--scenario", "{dir}/scenario.json" },
        { "project", "--rates", "{dir}/rates.csv" },
        { "project", "--model", "smart" },
        { "project", "--output", "{dir}/out.csv" },
        { "project", "--chart", "{dir}/chart.svg" },
        { "project", "--format", "csv" },
        { "project", "--years", "2026..2028" },
        { "project", "--draws", "20" },
        { "project", "--seed", "42" },
        { "balance", "--flows", "{dir}/flows.csv" },
        { "balance", "--rates", "{dir}/rates.csv" },
        { "balance", "--country", "KEN" },
        { "balance", "--partner", "CHN" },
        { "sensitivity", "--model", "smart" },
        { "sensitivity", "--draws", "20" },
        { "sensitivity", "--seed", "42" },
        { "sensitivity", "--spread", "0.5" },
        { "sensitivity", "--format", "csv" },
        { "sensitivity", "--chart", "{dir}/fan.svg" },
        { "compare", "--flows", "{dir}/flows.csv" },
    };

    [Theory]
    [MemberData(nameof(Options))]
    public void A_hostile_character_in_an_option_value_is_a_usage_error_shown_escaped(string command, string option, string value)
    {
        File.WriteAllText(_dir.File("flows.csv"), Flows);
        File.WriteAllText(_dir.File("tariffs.csv"), Tariffs);
        File.WriteAllText(_dir.File("rates.csv"), Rates);
        File.WriteAllText(_dir.File("scenario.json"), Scenario);
        var good = value.Replace("{dir}", _dir.Path, StringComparison.Ordinal);
        // Few draws: the runs are about messages, not bands.
        var extra = option == "--draws" ? [] : command switch { "project" => new[] { "--draws", "0" }, "sensitivity" => ["--draws", "20"], _ => [] };
        var isOutput = option is "--output" or "--chart";
        var ok = CliRun.Of([command, option, good, .. extra]);
        Assert.True(ok.ExitCode == 0, $"{command} {option} {good}: exit {ok.ExitCode}: {ok.Err}");

        var failures = new List<string>();
        foreach (var c in TerminalSafety.Hostile)
        {
            // Into the file name for a path (the folder is real), else into the middle of the value.
            var bad = good.Contains('/', StringComparison.Ordinal) ? good[..(good.LastIndexOf('/') + 2)] + c + good[(good.LastIndexOf('/') + 2)..] : Insert(good, c);
            var run = CliRun.Of([command, option, bad, .. extra]);
            // An output may be given any name the file system takes (a NUL it does not: exit 2).
            if (TerminalSafety.Problem(run, isOutput && c != '\0' ? 0 : 2) is { } problem)
            {
                failures.Add($"{TerminalSafety.Code(c)}: {problem}: {TerminalSafety.Visible(run.Err)}");
            }
            else if (run.ExitCode != 0 && !run.Err.Contains(option, StringComparison.Ordinal))
            {
                failures.Add($"{TerminalSafety.Code(c)}: the message does not name {option}: {TerminalSafety.Visible(run.Err)}");
            }
        }

        Assert.True(failures.Count == 0, $"{command} {option}: {failures.Count} of {TerminalSafety.Hostile.Length}:\n" + string.Join('\n', failures.Take(20)));
    }

    [Fact]
    public void A_file_name_with_hostile_characters_is_shown_escaped_in_errors_and_in_the_report()
    {
        var name = _dir.File("fl\u001b[31mows\u202E\u0007.csv");
        File.WriteAllText(name, Flows);
        var ok = CliRun.Of("project", "--draws", "0", "--flows", name);
        Assert.True(TerminalSafety.Problem(ok, 0) is null, TerminalSafety.Problem(ok, 0) + ": " + TerminalSafety.Visible(ok.Out[^400..]));
        Assert.Contains("fl\\x1B[31mows\\u202E\\x07.csv", ok.Out, StringComparison.Ordinal);

        File.WriteAllText(name, Flows + "2024,XX,CHN,0902,1\n");
        var bad = CliRun.Of("project", "--draws", "0", "--flows", name);
        Assert.True(TerminalSafety.Problem(bad, 3) is null, TerminalSafety.Problem(bad, 3) + ": " + TerminalSafety.Visible(bad.Err));
        Assert.Contains("fl\\x1B[31mows\\u202E\\x07.csv:4: column 'exporter': 'XX'", bad.Err, StringComparison.Ordinal);

        var timed = CliRun.Of("project", "--format", "csv", "--flows", name.Replace(".csv", "2.csv", StringComparison.Ordinal), "--output", _dir.File("o\u001but.csv"), "--timings");
        Assert.True(TerminalSafety.Problem(timed, 2) is null, TerminalSafety.Problem(timed, 2) + ": " + TerminalSafety.Visible(timed.Err));
        File.WriteAllText(name, Flows);
        timed = CliRun.Of("project", "--format", "csv", "--flows", name, "--output", _dir.File("o\u001but.csv"), "--timings");
        Assert.True(TerminalSafety.Problem(timed.Err) is null, TerminalSafety.Problem(timed.Err) + ": " + TerminalSafety.Visible(timed.Err));
        Assert.Contains("o\\x1But.csv", timed.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_name_with_a_line_break_stays_on_one_line_in_the_report()
    {
        var flows = _dir.File("fl\nows.csv");
        var rates = _dir.File("ra\ntes.csv");
        File.WriteAllText(flows, Flows);
        File.WriteAllText(rates, Rates);
        var run = CliRun.Of("project", "--draws", "0", "--flows", flows, "--rates", rates);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("flows: " + _dir.File("fl\\nows.csv") + " (Flows)", run.Out, StringComparison.Ordinal);
        Assert.Contains("rates: " + _dir.File("ra\\ntes.csv"), run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("fl\nows", run.Out, StringComparison.Ordinal);
    }

    private CliRun Run(string option, string text)
    {
        var file = _dir.File(option == "--scenario" ? "in.json" : "in.csv");
        File.WriteAllText(file, text);
        return CliRun.Of("project", "--draws", "0", option, file);
    }

    private static string Insert(string field, char c) => field.Length < 2 ? c + field : field[..(field.Length / 2)] + c + field[(field.Length / 2)..];
}
