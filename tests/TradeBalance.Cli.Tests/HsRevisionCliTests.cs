using TradeBalance.Testing;
using Xunit;

namespace TradeBalance.Cli.Tests;

/// <summary>
/// HS revisions on the command line: inputs of two revisions are refused without the UN's tables and converted with
/// them; σ tables of other revisions are read through them; and, as a cross-check of the embedded data, the default run's
/// lines are the same products in the tables' revisions (the projection does not move when read through the concordance).
/// </summary>
public class HsRevisionCliTests
{
    private static string Tables
    {
        get
        {
            var folder = Path.GetFullPath(Path.Combine(RepoFiles.Path(string.Empty), "..", "shared", "data", "hs-correlation"));
            Assert.SkipUnless(Directory.Exists(folder), $"the UN's HS correlation tables are not at {folder} (the shared data folder beside the repository)");
            return folder;
        }
    }

    private const string Flows = "year,exporter,importer,hs,value_usd\n"
        + "2021,KEN,CHN,090240,20000000\n2021,LKA,CHN,090240,60000000\n"
        + "2021,USA,CHN,851712,900000000\n2021,VNM,CHN,851712,300000000\n";

    private const string Tariffs = "importer,exporter,hs,rate_percent\nCHN,*,090240,15\nCHN,*,851713,0\nCHN,*,851714,0\n";

    private const string Scenario = """{"name":"tea","importer":"CHN","beneficiaries":["KEN"],"hs":["090240"],"newRatePercent":0,"effective":"2026-05-01","referenceYear":2021}""";

    private static (TempDir Dir, string Flows, string Tariffs, string Scenario) Files(string flowsName = "flows.csv")
    {
        var dir = new TempDir();
        File.WriteAllText(dir.File(flowsName), Flows);
        File.WriteAllText(dir.File("tariffs.csv"), Tariffs);
        File.WriteAllText(dir.File("scenario.json"), Scenario);
        return (dir, dir.File(flowsName), dir.File("tariffs.csv"), dir.File("scenario.json"));
    }

    [Fact]
    public void Flows_and_tariffs_of_two_revisions_are_refused_without_the_tables_naming_both_and_the_fix()
    {
        var (dir, flows, tariffs, scenario) = Files("flows_HS17.csv");
        using (dir)
        {
            var run = CliRun.Of("project", "--flows", flows, "--tariffs", tariffs, "--tariffs-revision", "HS2022", "--scenario", scenario, "--draws", "0");
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("The flows are in HS2017 and the tariffs in HS2022: give --hs-tables DIR", run.Err, StringComparison.Ordinal);
            Assert.Contains("tradebalance fetch hs-tables", run.Err, StringComparison.Ordinal);
            Assert.Empty(run.Out);
        }
    }

    [Fact]
    public void With_the_tables_the_flows_are_converted_to_the_tariffs_revision_and_the_run_says_so()
    {
        var (dir, flows, tariffs, scenario) = Files();
        using (dir)
        {
            var run = CliRun.Of("project", "--flows", flows, "--flows-revision", "HS17", "--tariffs", tariffs, "--tariffs-revision", "H6", "--scenario", scenario,
                "--hs-tables", Tables, "--draws", "0", "--format", "csv");
            Assert.True(run.ExitCode == 0, run.Err);
            Assert.Contains("CHN,KEN,090240,20000000,", run.Out, StringComparison.Ordinal);

            var json = CliRun.Of("project", "--flows", flows, "--flows-revision", "HS17", "--tariffs", tariffs, "--tariffs-revision", "H6", "--scenario", scenario,
                "--hs-tables", Tables, "--draws", "0");
            Assert.True(json.ExitCode == 0, json.Err);
            Assert.Contains("flows converted: HS2017 → HS2022: 4 flows into", json.Out, StringComparison.Ordinal);
            Assert.Contains("1 code split (1 in equal shares)", json.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Trade_in_the_tariffs_revision_weights_the_splits_when_given()
    {
        var (dir, flows, tariffs, scenario) = Files();
        using (dir)
        {
            File.WriteAllText(dir.File("weights.csv"), "year,exporter,importer,hs,value_usd\n2023,CHN,USA,851713,300\n2023,CHN,USA,851714,100\n");
            var run = CliRun.Of("project", "--flows", flows, "--flows-revision", "HS17", "--tariffs", tariffs, "--tariffs-revision", "H6", "--scenario", scenario,
                "--hs-tables", Tables, "--hs-weights", dir.File("weights.csv"), "--draws", "0");
            Assert.True(run.ExitCode == 0, run.Err);
            Assert.Contains("1 code split (1 by trade data)", run.Out, StringComparison.Ordinal);

            var without = CliRun.Of("project", "--flows", flows, "--flows-revision", "HS17", "--tariffs", tariffs, "--scenario", scenario, "--hs-weights", dir.File("weights.csv"), "--draws", "0");
            Assert.Equal(2, without.ExitCode);
            Assert.Contains("--hs-weights: weights a conversion, which needs --hs-tables DIR too.", without.Err, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_default_run_read_through_the_UN_tables_gives_the_same_projection_and_names_each_original_line()
    {
        var plain = CliRun.Of("project", "--format", "csv", "--draws", "0");
        var through = CliRun.Of("project", "--format", "csv", "--draws", "0", "--hs-tables", Tables);
        Assert.Equal(0, plain.ExitCode);
        Assert.True(through.ExitCode == 0, through.Err);

        // Every column but the sources is the same: tea, coffee and avocados are the same lines in HS 1992, 2007 and 2022.
        static IEnumerable<string> Numbers(string csv) => csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => string.Join(',', l.Split(',').Take(14)));
        Assert.Equal(Numbers(plain.Out), Numbers(through.Out));
        Assert.Contains("HS6 090240 (HS2007) for HS2022 090240", through.Out, StringComparison.Ordinal);
        Assert.Contains("CHN HS3 090 (HS1992) for HS2022", through.Out, StringComparison.Ordinal);

        var table = CliRun.Of("project", "--draws", "0");
        Assert.Contains("σ tables of another HS revision than the products' (HS2022) read by the same codes: broda-weinstein-2006 (HS1992), cepii-protee-2022 (HS2007)", table.Out.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        var tableThrough = CliRun.Of("project", "--draws", "0", "--hs-tables", Tables);
        Assert.DoesNotContain("read by the same codes", tableThrough.Out, StringComparison.Ordinal);
        Assert.Contains("σ tables read through the UN's concordances: HS2022 → HS1992, HS2022 → HS2007", tableThrough.Out.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--flows-revision", "HS2023", "--flows-revision: 'HS2023' is not an HS revision")]
    [InlineData("--tariffs-revision", "H7", "--tariffs-revision: 'H7' is not an HS revision")]
    [InlineData("--hs-tables", "/nonexistent-folder", "--hs-tables: '/nonexistent-folder' is not a folder")]
    public void Bad_revision_options_are_usage_errors(string option, string value, string message)
    {
        var run = CliRun.Of("project", option, value, "--draws", "0");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tables_folder_without_the_table_needed_names_it_and_how_to_get_it()
    {
        var (dir, flows, tariffs, scenario) = Files("flows_HS17.csv");
        using (dir)
        {
            Directory.CreateDirectory(dir.File("empty"));
            var run = CliRun.Of("project", "--flows", flows, "--tariffs", tariffs, "--tariffs-revision", "HS2022", "--scenario", scenario, "--hs-tables", dir.File("empty"), "--draws", "0");
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("--hs-tables: ", run.Err, StringComparison.Ordinal);
            Assert.Contains("has no 'HS2022toHS2017ConversionAndCorrelationTables.xlsx', the UN's table joining HS2022 and HS2017; 'tradebalance fetch hs-tables --output", run.Err, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_option_that_contradicts_the_file_is_a_usage_error()
    {
        var (dir, flows, tariffs, scenario) = Files("flows_HS17.csv");
        using (dir)
        {
            var run = CliRun.Of("project", "--flows", flows, "--flows-revision", "HS2022", "--tariffs", tariffs, "--scenario", scenario, "--draws", "0");
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("--flows-revision: HS2022, but the flows state HS2017", run.Err, StringComparison.Ordinal);
        }
    }
}
