using System.Text.Json;
using Xunit;

namespace TradeBalance.Cli.Tests;

/// <summary>
/// Hostile numbers and silent drops through the command line. Class 7: a number outside the numeric domain, in any input file,
/// is refused before anything is printed, by every command and output format (exit 3, the file, line
/// and value named, standard output empty). Class 4: what a scenario names but does not take part is a
/// note in the table, the JSON, the year-by-year path and the Monte Carlo table, and a beneficiary
/// already at the target is not listed as one the change applies to.
/// </summary>
public class DomainInputTests
{
    private const string Flows = "year,exporter,importer,hs,value_usd\n2024,LKA,CHN,0902,68000000\n2024,KEN,CHN,0902,20000000\n";
    private const string Tariffs = "importer,exporter,hs,rate_percent\nCHN,*,0902,15\n";

    /// <summary>The bad numbers: the option, the file and the fragment the message must hold.</summary>
    private static readonly (string Name, string Option, string File, string Text, string Fragment)[] BadNumbers =
    [
        ("rate 7.9e28", "--tariffs", "t.csv", "importer,exporter,hs,rate_percent\nCHN,*,0902,7.9e28\n", "t.csv:2: column 'rate_percent': '7.9e28' is outside the numeric domain"),
        ("rate past 10,000 %", "--tariffs", "t.csv", "importer,exporter,hs,rate_percent\nCHN,*,0902,10000.5\n", "t.csv:2: column 'rate_percent': '10000.5'"),
        ("flow 1e24", "--flows", "f.csv", Flows + "2024,IND,CHN,0902,1e24\n", "f.csv:4: column 'value_usd': '1e24' is outside the numeric domain"),
        ("flow 1e-40", "--flows", "f.csv", Flows + "2024,IND,CHN,0902,1e-40\n", "f.csv:4: column 'value_usd': '1e-40' is too small to hold"),
        ("new rate 7.9e28", "--scenario", "s.json", "{\"importer\":\"CHN\",\"beneficiaries\":[\"KEN\"],\"hs\":[\"0902\"],\"effective\":\"2026-05-01\",\n\"newRatePercent\":7.9e28}", "s.json:2: $.newRatePercent: '7.9e28' is outside the numeric domain"),
    ];

    /// <summary>Every command and output that projects.</summary>
    private static readonly string[][] Commands =
    [
        ["project"],
        ["project", "--draws", "0"],
        ["project", "--format", "csv"],
        ["project", "--format", "json"],
        ["project", "--model", "gsim"],
        ["project", "--model", "armington"],
        ["project", "--years", "2025..2027"],
        ["sensitivity", "--draws", "20"],
    ];

    public static TheoryData<string, int> Runs()
    {
        var data = new TheoryData<string, int>();
        foreach (var b in BadNumbers)
        {
            for (var c = 0; c < Commands.Length; c++)
            {
                data.Add(b.Name, c);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void A_number_outside_the_domain_is_refused_before_any_output(string name, int command)
    {
        var b = BadNumbers.Single(x => x.Name == name);
        using var dir = new TempDir();
        File.WriteAllText(dir.File(b.File), b.Text);
        var run = CliRun.Of([.. Commands[command], b.Option, dir.File(b.File)]);
        Assert.True(run.ExitCode == 3, $"exit {run.ExitCode}: {run.Err}");
        Assert.Equal(string.Empty, run.Out);
        Assert.StartsWith("tradebalance: ", run.Err, StringComparison.Ordinal);
        Assert.Contains(b.Fragment, run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_without_data_is_a_note_in_the_table_and_the_json()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("s.json"), "{\"importer\":\"CHN\",\"beneficiaries\":[\"KEN\"],\"hs\":[\"0902\",\"0901\",\"080440\",\"851712\"],\"newRatePercent\":0,\"effective\":\"2026-05-01\",\"referenceYear\":2024}");
        const string Note = "HS 851712 is not projected: the data has no CHN imports under it in any year.";

        var table = CliRun.Of("project", "--scenario", dir.File("s.json"), "--draws", "0");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("note: " + Note, table.Out, StringComparison.Ordinal);

        var json = CliRun.Of("project", "--scenario", dir.File("s.json"), "--format", "json");
        Assert.Equal(0, json.ExitCode);
        using var doc = JsonDocument.Parse(json.Out);
        Assert.Contains(Note, doc.RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));

        Assert.Contains("note: " + Note, CliRun.Of("project", "--scenario", dir.File("s.json"), "--years", "2026..2027").Out, StringComparison.Ordinal);
        Assert.Contains("note: " + Note, CliRun.Of("sensitivity", "--scenario", dir.File("s.json"), "--draws", "20").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_beneficiary_already_at_the_target_is_noted_and_not_listed_as_one_the_change_applies_to()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("s.json"), "{\"importer\":\"CHN\",\"beneficiaries\":[\"KEN\",\"ETH\"],\"hs\":[\"0902\",\"0901\",\"080440\"],\"newRatePercent\":0,\"effective\":\"2026-05-01\",\"referenceYear\":2024}");
        var run = CliRun.Of("project", "--scenario", dir.File("s.json"), "--draws", "0");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("tariffs change on 2026-05-01 for Kenya\n", run.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("note: ETH's rate is already at the scenario's target on HS 0901 (0%)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_elasticity_override_outside_the_scenario_is_refused_with_its_line()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("s.json"), "{\"importer\":\"CHN\",\"beneficiaries\":[\"KEN\"],\"hs\":[\"0902\"],\"newRatePercent\":0,\"effective\":\"2026-05-01\",\n\"elasticities\":{\"byHs\":{\"851712\":{\"substitution\":2}}}}");
        var run = CliRun.Of("project", "--scenario", dir.File("s.json"));
        Assert.Equal(3, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Contains("s.json:2: $.elasticities.byHs.851712: '851712' is outside the scenario's lines (0902)", run.Err, StringComparison.Ordinal);
    }
}
