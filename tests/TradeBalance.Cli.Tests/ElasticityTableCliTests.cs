using System.Text.RegularExpressions;
using Xunit;
using TradeBalance.Testing;

namespace TradeBalance.Cli.Tests;

/// <summary>The README's example of a scenario that takes σ from a published table runs, and says where σ came from and how its band is drawn.</summary>
public class ElasticityTableCliTests
{
    [Fact]
    public void The_README_scenario_with_ProTEE_sigma_runs_and_names_its_source()
    {
        var scenario = RepoFiles.Path(Path.Combine("samples", "data", "scenario-kenya-china-protee.json"));
        Assert.Contains("tradebalance project --scenario samples/data/scenario-kenya-china-protee.json", File.ReadAllText(RepoFiles.Path("README.md")), StringComparison.Ordinal);

        var run = CliRun.Of("project", "--scenario", scenario);

        Assert.Equal(0, run.ExitCode);
        var text = Flat(run.Out);
        Assert.Contains("σ: CEPII ProTEE 0.1, Fontagné, Guimbard & Orefice (2022), HS6 080440", text, StringComparison.Ordinal);

        // One table: its estimate is the point, and the band draws σ within the spread around it.
        Assert.Contains("of η, σ, ε uniform within ±50% of their point values", text, StringComparison.Ordinal);
        Assert.DoesNotContain("uniform across the range of", text, StringComparison.Ordinal);

        // The default scenario names two tables: the band draws σ across their range, whose middle is the point.
        var both = Flat(CliRun.Of("project").Out);
        Assert.Contains("σ uniform across the range of Broda & Weinstein (2006) and CEPII ProTEE 0.1, Fontagné, Guimbard & Orefice (2022), whose middle is the point", both, StringComparison.Ordinal);
    }

    /// <summary>The output with the terminal's line wrapping undone: every run of white space as one space.</summary>
    private static string Flat(string text) => Regex.Replace(text, @"\s+", " ");

    [Fact]
    public void An_unknown_table_in_a_scenario_is_bad_data_naming_the_field_and_the_value()
    {
        using var dir = new TempDir();
        var path = dir.File("s.json");
        File.WriteAllText(path, "{\"importer\":\"CHN\",\"beneficiaries\":[\"KEN\"],\"hs\":[\"0902\"],\"newRatePercent\":0,\"effective\":\"2026-05-01\",\n\"elasticities\":{\"substitutionTable\":\"gtap\"}}");

        var run = CliRun.Of("project", "--scenario", path);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("s.json:2: $.elasticities.substitutionTable: 'gtap' is not an elasticity table", run.Err, StringComparison.Ordinal);
    }
}
