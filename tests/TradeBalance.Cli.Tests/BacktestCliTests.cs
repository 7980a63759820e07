using System.Text.Json;
using TradeBalance.Testing;
using Xunit;

namespace TradeBalance.Cli.Tests;

/// <summary><c>tradebalance backtest</c>: the built-in cases' scorecard, one case or model, a case file of the user's, and its errors.</summary>
public class BacktestCliTests
{
    [Fact]
    public void Backtest_with_no_options_prints_the_scorecard_of_every_built_in_case()
    {
        var run = CliRun.Of("backtest");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("China-Australia FTA: China's tariff on Australian wine", run.Out, StringComparison.Ordinal);
        Assert.Contains("Korea-Chile FTA: Korea's tariff on Chilean wine", run.Out, StringComparison.Ordinal);
        Assert.Contains("13.91% → 0%", run.Out, StringComparison.Ordinal); // Australia's 2015 mean rate: 11.2 % from 20 December
        Assert.Contains("15% → 7.5%", run.Out, StringComparison.Ordinal);
        foreach (var model in (string[])["SMART", "Armington", "GSIM"])
        {
            Assert.Contains(model, run.Out, StringComparison.Ordinal);
        }

        Assert.Contains("middle of both", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_and_json_carry_every_score_with_its_band_and_the_json_names_the_cases()
    {
        var csv = CliRun.Of("backtest", "--case", "chafta-wine", "--model", "smart", "--format", "csv");
        Assert.Equal(0, csv.ExitCode);
        var lines = csv.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("case,year,model,sigma_source,importer,hs,beneficiary,tariff_baseline_percent,tariff_outcome_percent,", lines[0], StringComparison.Ordinal);
        Assert.Equal(1 + (2 * 3), lines.Length); // two outcome years × three sources of σ
        Assert.All(lines.Skip(1), l => Assert.StartsWith("chafta-wine,", l, StringComparison.Ordinal));

        var json = CliRun.Of("backtest", "--case", "korea-chile-wine", "--draws", "0", "--format", "json");
        Assert.Equal(0, json.ExitCode);
        using var doc = JsonDocument.Parse(json.Out);
        var c = doc.RootElement.GetProperty("cases")[0];
        Assert.Equal("korea-chile-wine", c.GetProperty("name").GetString());
        Assert.Equal(2003, c.GetProperty("baselineYear").GetInt32());
        var row = doc.RootElement.GetProperty("rows")[0];
        Assert.Equal(JsonValueKind.Null, row.GetProperty("inside_band").ValueKind); // no draws, no band
        Assert.Equal("CHL", row.GetProperty("beneficiary").GetString());
    }

    [Fact]
    public void A_case_file_of_the_users_runs_with_its_own_or_replacement_files()
    {
        using var dir = new TempDir();
        var path = dir.File("case.json");
        File.Copy(RepoFiles.Path("src/TradeBalance.Data/Resources/Backtests/korea-chile-wine/case.json"), path);
        File.Copy(RepoFiles.Path("src/TradeBalance.Data/Resources/Backtests/korea-chile-wine/flows.csv"), dir.File("flows.csv"));
        File.Copy(RepoFiles.Path("src/TradeBalance.Data/Resources/Backtests/korea-chile-wine/tariffs.csv"), dir.File("tariffs.csv"));
        File.Copy(dir.File("flows.csv"), dir.File("other-flows.csv"));

        var own = CliRun.Of("backtest", "--case", path, "--draws", "0", "--format", "csv");
        Assert.Equal(0, own.ExitCode);
        var replaced = CliRun.Of("backtest", "--case", path, "--flows", dir.File("other-flows.csv"), "--tariffs", dir.File("tariffs.csv"), "--draws", "0", "--format", "csv");
        Assert.Equal(0, replaced.ExitCode);
        Assert.Equal(own.Out, replaced.Out);
    }

    [Fact]
    public void Bad_options_and_bad_case_files_say_what_to_fix()
    {
        var unknown = CliRun.Of("backtest", "--case", "nafta");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("'nafta' is neither a built-in case (chafta-wine, korea-chile-wine) nor a case file (.json)", unknown.Err, StringComparison.Ordinal);

        var lone = CliRun.Of("backtest", "--tariffs", "t.csv");
        Assert.Equal(2, lone.ExitCode);
        Assert.Contains("give exactly one --case FILE with them", lone.Err, StringComparison.Ordinal);

        var model = CliRun.Of("backtest", "--model", "cge");
        Assert.Equal(2, model.ExitCode);

        using var dir = new TempDir();
        var path = dir.File("case.json");
        File.WriteAllText(path, "{\"name\":\"x\",\"outcomeYears\":[2020],\n\"scenario\":{\"importer\":\"CHN\",\"beneficiaries\":[\"AUS\"],\"hs\":[\"2204\"],\"newRatePercent\":0,\"effective\":\"2015-12-20\"},\"flows\":\"f.csv\",\"tariffs\":\"t.csv\"}");
        var bad = CliRun.Of("backtest", "--case", path);
        Assert.Equal(3, bad.ExitCode);
        Assert.Contains("case.json:2: $.scenario: has no referenceYear", bad.Err, StringComparison.Ordinal);
    }

    /// <summary>docs/backtests.md publishes the scorecard: its table is the tool's CSV, rounded as printed.</summary>
    [Fact]
    public void The_published_scorecard_is_what_the_tool_prints()
    {
        var page = File.ReadAllText(RepoFiles.Path("docs/backtests.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = page.IndexOf("<!-- scorecard -->\n", StringComparison.Ordinal) + "<!-- scorecard -->\n".Length;
        var table = page[start..page.IndexOf("<!-- /scorecard -->", StringComparison.Ordinal)].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var csv = CliRun.Of("backtest", "--format", "csv").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = csv[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        Assert.Equal(csv.Length - 1, table.Length - 2);
        var ci = System.Globalization.CultureInfo.InvariantCulture;
        for (var i = 1; i < csv.Length; i++)
        {
            var f = csv[i].Split(',');
            var row = table[i + 1].Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            double D(string name) => double.Parse(f[Col(name)], ci);
            string Pts(double x) => x.ToString("+0.00;-0.00;0.00", ci);
            Assert.Equal(f[Col("case")], row[0]);
            Assert.Equal(f[Col("year")], row[1]);
            Assert.Equal(f[Col("sigma_source")].StartsWith("middle of", StringComparison.Ordinal) ? "middle of both" : f[Col("sigma_source")], row[3]);
            Assert.Equal((D("baseline_share") * 100).ToString("0.00", ci) + "%", row[5]);
            Assert.StartsWith(Pts(D("projected_change_points")) + " (" + Pts((D("projected_share_p5") - D("baseline_share")) * 100), row[6], StringComparison.Ordinal);
            Assert.Equal(Pts(D("actual_change_points")), row[7]);
            Assert.Equal(Pts(D("error_points")), row[8]);
            Assert.Equal(f[Col("sign_agrees")], row[9]);
            Assert.Equal(f[Col("inside_band")], row[10]);
        }
    }
}
