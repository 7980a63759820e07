using System.Text.Json;
using Xunit;
using TradeBalance.Testing;

namespace TradeBalance.Cli.Tests;

/// <summary>Issue 18 items 1 and 3 from the command line: unions and groups as importers and beneficiaries, and packages that move both sides of a balance.</summary>
public class GroupsAndPackagesCliTests
{
    private static readonly string EuTea = RepoFiles.Path(Path.Combine("samples", "data", "eu-green-tea"));
    private static readonly string India = RepoFiles.Path(Path.Combine("samples", "data", "reciprocal-kenya-india"));

    [Fact]
    public void The_embedded_reciprocal_package_shows_both_sides_of_the_Kenya_China_balance()
    {
        var run = CliRun.Of("project", "--scenario", "embedded:reciprocal", "--draws", "0");
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Contains("Part 1 of 2", run.Out, StringComparison.Ordinal);
        Assert.Contains("Part 2 of 2", run.Out, StringComparison.Ordinal);
        Assert.Contains("Both sides of the balance: Kenya with China, 2024", run.Out, StringComparison.Ordinal);
        Assert.Contains("• China: zero tariff on Kenyan tea, coffee and avocados: Kenya's exports +14.30m, imports 0.00m (USD)", run.Out, StringComparison.Ordinal);
        Assert.Contains("• Exports USD 190.87m → 205.18m; imports USD 4,223.31m → 5,179.13m (all goods)", run.Out, StringComparison.Ordinal);
        Assert.Contains("• In KES at 134.82 per USD (2024 annual average): balance KES -543.65bn → ", run.Out, StringComparison.Ordinal);
        Assert.Contains("package: embedded:reciprocal (2 parts)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_package_writes_json_with_the_balance_and_each_parts_contribution_and_csv_with_a_part_column()
    {
        var json = CliRun.Of("project", "--scenario", "embedded:reciprocal", "--draws", "0", "--format", "json");
        Assert.True(json.ExitCode == 0, json.Err);
        using var doc = JsonDocument.Parse(json.Out);
        var root = doc.RootElement;
        Assert.Equal(2, root.GetProperty("parts").GetArrayLength());
        var balance = root.GetProperty("balance");
        Assert.Equal(("KEN", "CHN", "KES"), (balance.GetProperty("country").GetString(), balance.GetProperty("partner").GetString(), balance.GetProperty("localCurrency").GetString()));
        var contributions = balance.GetProperty("contributions");
        Assert.Equal(0m, contributions[0].GetProperty("importChangeUsd").GetDecimal());
        Assert.True(contributions[1].GetProperty("importChangeUsd").GetDecimal() > 0m);
        var after = balance.GetProperty("after");
        Assert.Equal(after.GetProperty("importsUsd").GetDecimal() * 134.82m, after.GetProperty("importsLocal").GetDecimal());

        var csv = CliRun.Of("project", "--scenario", "embedded:reciprocal", "--format", "csv");
        Assert.True(csv.ExitCode == 0, csv.Err);
        Assert.StartsWith("part,importer,exporter,hs,", csv.Out, StringComparison.Ordinal);
        Assert.Contains("\n2,KEN,CHN,85,", csv.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hypothetical_Kenya_India_package_runs_from_its_files()
    {
        var run = CliRun.Of("project", "--flows", Path.Combine(India, "flows.csv"), "--tariffs", Path.Combine(India, "tariffs.csv"), "--scenario", Path.Combine(India, "package-kenya-india.json"), "--draws", "0");
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Contains("HYPOTHETICAL Kenya-India reciprocal package", run.Out, StringComparison.Ordinal);
        Assert.Contains("Both sides of the balance: Kenya with India, 2024", run.Out, StringComparison.Ordinal);
        Assert.Contains("• Exports USD 150.00m → ", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("compare", "'compare' takes one scenario")]
    [InlineData("sensitivity", "'sensitivity' takes one scenario")]
    public void Commands_that_take_one_scenario_refuse_a_package_by_name(string command, string message)
    {
        var run = CliRun.Of(command, "--scenario", "embedded:reciprocal");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_embedded_scenario_names_the_known_ones()
    {
        var run = CliRun.Of("project", "--scenario", "embedded:mystery");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("use embedded:default or embedded:reciprocal", run.Err, StringComparison.Ordinal);
        var years = CliRun.Of("project", "--scenario", "embedded:reciprocal", "--years", "2026..2027");
        Assert.Equal(2, years.ExitCode);
        Assert.Contains("is a package", years.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void The_EU_is_an_importer_members_imports_folded_into_EUN()
    {
        var run = CliRun.Of("project", "--flows", Path.Combine(EuTea, "flows.csv"), "--tariffs", Path.Combine(EuTea, "tariffs.csv"), "--scenario", Path.Combine(EuTea, "scenario.json"), "--aggregate", "EUN", "--draws", "0");
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Contains("European Union: imports of HS 090210, 2024", run.Out, StringComparison.Ordinal);
        Assert.Contains("aggregated EUN: 16 flows into 27 members folded; 1 between members left out", run.Out, StringComparison.Ordinal);
        Assert.Contains("CHN China         │   108.00 │  3.2% → 0%", run.Out, StringComparison.Ordinal);
        Assert.Contains("Losing share in HS 090210: Japan", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void EUN_is_a_known_code_in_a_scenario_and_a_member_takes_the_unions_tariff()
    {
        // Was: "'EUN' is not a known country code". Germany alone, with only the union's schedule in the file.
        using var dir = new TempDir();
        var scenario = dir.File("de.json");
        File.WriteAllText(scenario, """{"importer":"DEU","beneficiaries":["CHN"],"hs":["090210"],"newRatePercent":0,"effective":"2027-01-01"}""");
        var run = CliRun.Of("project", "--flows", Path.Combine(EuTea, "flows.csv"), "--tariffs", Path.Combine(EuTea, "tariffs.csv"), "--scenario", scenario, "--draws", "0");
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Contains("Germany: imports of HS 090210", run.Out, StringComparison.Ordinal);
        Assert.Contains("3.2% → 0%", run.Out, StringComparison.Ordinal);

        var balance = CliRun.Of("balance", "--flows", Path.Combine(EuTea, "flows.csv"), "--country", "KEN", "--partner", "EUN");
        Assert.Equal(3, balance.ExitCode); // a known code, but the file holds members' flows, not the union's: said so
        Assert.Contains("no trade between KEN and EUN", balance.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_groups_file_defines_a_bloc_that_a_scenario_names_as_beneficiary()
    {
        using var dir = new TempDir();
        var groups = dir.File("groups.csv");
        File.WriteAllText(groups, "group,member,joined,left,name,kind\nXTEA,LKA,,,Tea bloc,group\nXTEA,IND,,,,\n");
        var scenario = dir.File("s.json");
        File.WriteAllText(scenario, """{"importer":"CHN","beneficiaries":["XTEA"],"hs":["0902"],"newRatePercent":0,"effective":"2026-05-01"}""");
        var run = CliRun.Of("project", "--groups", groups, "--scenario", scenario, "--draws", "0");
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Contains("for India, Sri Lanka", run.Out, StringComparison.Ordinal);
        Assert.Contains("groups: ", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_group_beneficiary_is_summarised_once_with_its_members_and_its_total_matches_the_json()
    {
        using var dir = new TempDir();
        var groups = dir.File("groups.csv");
        File.WriteAllText(groups, "group,member,joined,left,name,kind\nXTB3,LKA,,,Tea bloc,group\nXTB3,IND,,,,\nXTB3,NPL,,,,\n");
        var scenario = dir.File("s.json");
        File.WriteAllText(scenario, """{"importer":"CHN","beneficiaries":["XTB3"],"hs":["0902"],"newRatePercent":0,"effective":"2026-05-01"}""");
        var run = CliRun.Of("project", "--groups", groups, "--scenario", scenario, "--draws", "0");
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(run.Out, "Summary: "));
        Assert.Contains("Summary: Tea bloc → China", run.Out, StringComparison.Ordinal);
        Assert.Contains("  Members that trade: IND, LKA; 1 other member has no trade in these markets", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("No currency is recorded for XTEA", run.Out, StringComparison.Ordinal);

        var json = CliRun.Of("project", "--groups", groups, "--scenario", scenario, "--draws", "0", "--format", "json");
        Assert.True(json.ExitCode == 0, json.Err);
        using var doc = JsonDocument.Parse(json.Out);
        var group = doc.RootElement.GetProperty("summary").GetProperty("beneficiaries").EnumerateArray().Single();
        Assert.Equal("XTB3", group.GetProperty("exporter").GetString());
        Assert.Equal(["IND", "LKA"], group.GetProperty("members").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(1, group.GetProperty("membersWithoutTrade").GetInt32());
        var (before, after) = (group.GetProperty("baselineUsd").GetDecimal(), group.GetProperty("projectedUsd").GetDecimal());
        static string M(decimal usd) => (usd / 1_000_000m).ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"• Tea bloc's exports of these products to China: USD {M(before)}m → {M(after)}m (+", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("XYZQ", "--aggregate: 'XYZQ' is not a known group")]
    [InlineData("LDC", "--aggregate LDC: the flows hold no imports of its")]
    public void Aggregate_names_a_known_group_with_members_in_the_data(string code, string message)
    {
        var run = CliRun.Of("project", "--aggregate", code, "--draws", "0");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(message, run.Err, StringComparison.Ordinal);
    }

    /// <summary>
    /// Two folded groups that share a member gave one answer for <c>--aggregate XOVA,XOVB</c> and another for
    /// <c>XOVB,XOVA</c> (the shared member's imports went to whichever came first): refused in either order, naming the
    /// members (hostile input, round three, class 2). Groups without common members still fold.
    /// </summary>
    [Theory]
    [InlineData("XOVA,XOVB")]
    [InlineData("XOVB,XOVA")]
    [InlineData("XOVA,XOVA")]
    public void Folding_groups_that_share_a_member_is_refused_in_either_order(string codes)
    {
        using var dir = new TempDir();
        var groups = dir.File("groups.csv");
        File.WriteAllText(groups, "group,member\nXOVA,DEU\nXOVA,FRA\nXOVB,FRA\nXOVB,ITA\nXOVC,ESP\n");
        var run = CliRun.Of("project", "--groups", groups, "--flows", Path.Combine(EuTea, "flows.csv"), "--tariffs", Path.Combine(EuTea, "tariffs.csv"), "--scenario", Path.Combine(EuTea, "scenario.json"), "--aggregate", codes, "--draws", "0");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(codes == "XOVA,XOVA" ? "--aggregate: XOVA is given twice." : "share members on 2027-01-01 (FRA), whose imports would go to whichever is folded first", run.Err, StringComparison.Ordinal);
    }

    /// <summary>
    /// A union and its own member both supplying one market (<c>EUN→CHN</c> and <c>DEU→CHN</c>, one product, one year)
    /// counted the member twice; refused with both named, as nested HS levels are. A member that was not one that
    /// year, and a group's flow to another market, are fine.
    /// </summary>
    [Theory]
    [InlineData("DEU", 2024, true)]
    [InlineData("GBR", 2024, false)]
    [InlineData("GBR", 2019, true)]
    public void A_group_and_its_member_supplying_one_market_are_refused(string member, int year, bool refused)
    {
        using var dir = new TempDir();
        var flows = dir.File("flows.csv");
        var y = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        File.WriteAllText(flows, $"year,exporter,importer,hs,value_usd\n{y},KEN,CHN,0902,100\n{y},EUN,CHN,0902,50\n{y},{member},CHN,0902,20\n{y},USA,CHN,0902,30\n{y},EUN,USA,0902,5\n");
        var scenario = dir.File("scenario.json");
        File.WriteAllText(scenario, "{\"name\":\"s\",\"importer\":\"CHN\",\"beneficiaries\":[\"KEN\"],\"hs\":[\"0902\"],\"newRatePercent\":0,\"effective\":\"2026-05-01\",\"referenceYear\":" + y + "}");
        var run = CliRun.Of("project", "--flows", flows, "--scenario", scenario, "--draws", "0");
        if (refused)
        {
            Assert.Equal(3, run.ExitCode);
            Assert.Equal($"tradebalance: {flows}: EUN and its member {member} both supply CHN with HS 0902 in {y}; {member}'s trade would be counted twice. Keep the group's flow or its members', not both.\n", run.Err.ReplaceLineEndings("\n"));
        }
        else
        {
            Assert.DoesNotContain("counted twice", run.Err, StringComparison.Ordinal);
        }
    }

    /// <summary>A package whose balance names a pair with no trade in the data printed a balance of zeros with exit 0; refused as <c>balance</c> refuses it.</summary>
    [Theory]
    [InlineData("table")]
    [InlineData("csv")]
    [InlineData("json")]
    public void A_package_balance_for_a_pair_with_no_trade_is_refused(string format)
    {
        using var dir = new TempDir();
        var package = dir.File("package.json");
        File.WriteAllText(package, File.ReadAllText(Path.Combine(India, "package-kenya-india.json")).Replace("\"partner\": \"IND\"", "\"partner\": \"FRA\"", StringComparison.Ordinal));
        var run = CliRun.Of("project", "--scenario", package, "--flows", Path.Combine(India, "flows.csv"), "--tariffs", Path.Combine(India, "tariffs.csv"), "--draws", "0", "--format", format);
        Assert.Equal(3, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Contains("The data has no trade between KEN and FRA in any year (2024): the package's balance would be zeros.", run.Err, StringComparison.Ordinal);
    }
}
