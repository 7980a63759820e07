using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace TradeBalance.Cli.Tests;

/// <summary>
/// The summary's local currency: <c>--currency</c>, else the beneficiary's own (balance: <c>--country</c>'s),
/// never KES by default. Issue 18 item 2: an Ethiopia scenario with <c>--rates etb.csv</c> used to answer
/// "No USD/KES annual average for 2024 … KES figures omitted".
/// </summary>
public class LocalCurrencyTests
{
    private const string EthiopiaScenario = """
        { "name": "China: 5% on Ethiopian coffee", "importer": "CHN", "beneficiaries": ["ETH"], "hs": ["0901"],
          "newRatePercent": 5, "effective": "2026-05-01", "model": "smart" }
        """;

    private const string EtbRates = "base,quote,as_of,rate,basis\nUSD,ETB,2024-01-01,56.12,annual-average\n";

    [Fact]
    public void An_Ethiopia_scenario_with_an_ETB_rate_file_reports_in_ETB_not_KES()
    {
        using var dir = new TempDir();
        var (scenario, rates) = (dir.File("scenario.json"), dir.File("etb.csv"));
        File.WriteAllText(scenario, EthiopiaScenario);
        File.WriteAllText(rates, EtbRates);

        var run = CliRun.Of("project", "--scenario", scenario, "--rates", rates, "--draws", "0");

        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Contains("• In ETB at 56.12 per USD (2024 annual average): balance ETB 5.72bn → ", run.Out, StringComparison.Ordinal);
        Assert.Contains("USD 102.00m → ", run.Out, StringComparison.Ordinal);
        Assert.Contains("; ETB 5.72bn → ", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("KES", run.Out.Replace("rates: ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Currency_option_gives_that_currencys_figures_for_a_Kenyan_scenario()
    {
        using var dir = new TempDir();
        var rates = dir.File("etb.csv");
        File.WriteAllText(rates, EtbRates);

        var run = CliRun.Of("project", "--currency", "ETB", "--rates", rates, "--draws", "0");

        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Contains("Summary: Kenya → China", run.Out, StringComparison.Ordinal);
        Assert.Contains("• In ETB at 56.12 per USD (2024 annual average): balance ETB ", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("In KES", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_rate_names_the_pair_the_year_and_the_file_and_says_how_to_fix_it()
    {
        using var dir = new TempDir();
        var (scenario, rates) = (dir.File("scenario.json"), dir.File("etb.csv"));
        File.WriteAllText(scenario, EthiopiaScenario);
        File.WriteAllText(rates, "base,quote,as_of,rate,basis\nUSD,ETB,2023-01-01,54.6,annual-average\n");

        var run = CliRun.Of("project", "--scenario", scenario, "--rates", rates, "--draws", "0");

        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Contains($"• No USD/ETB annual average for 2024 in {rates}: ETB figures omitted (add a row 'USD,ETB,2024-01-01,<rate>,annual-average').", Flat(run.Out), StringComparison.Ordinal);
    }

    [Fact]
    public void With_the_embedded_rates_a_missing_rate_says_to_give_a_rate_file()
    {
        using var dir = new TempDir();
        var scenario = dir.File("scenario.json");
        File.WriteAllText(scenario, EthiopiaScenario);

        var run = CliRun.Of("project", "--scenario", scenario, "--draws", "0", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Err);
        using var doc = JsonDocument.Parse(run.Out);
        var ethiopia = doc.RootElement.GetProperty("summary").GetProperty("beneficiaries")[0];
        Assert.Equal("ETB", ethiopia.GetProperty("localCurrency").GetString());
        Assert.Equal(JsonValueKind.Null, ethiopia.GetProperty("localPerUsd").ValueKind);
        Assert.Equal(JsonValueKind.Null, ethiopia.GetProperty("baselineLocal").ValueKind);

        var table = CliRun.Of("project", "--scenario", scenario, "--draws", "0");
        Assert.Contains("No USD/ETB annual average for 2024 in the embedded rates: ETB figures omitted (give --rates FILE with a row 'USD,ETB,2024-01-01,<rate>,annual-average').", Flat(table.Out), StringComparison.Ordinal);
    }

    [Fact]
    public void Project_json_carries_the_currency_code_and_local_figures()
    {
        using var dir = new TempDir();
        var (scenario, rates) = (dir.File("scenario.json"), dir.File("etb.csv"));
        File.WriteAllText(scenario, EthiopiaScenario);
        File.WriteAllText(rates, EtbRates);

        var run = CliRun.Of("project", "--scenario", scenario, "--rates", rates, "--draws", "0", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Err);
        using var doc = JsonDocument.Parse(run.Out);
        var ethiopia = doc.RootElement.GetProperty("summary").GetProperty("beneficiaries")[0];
        Assert.Equal("ETH", ethiopia.GetProperty("exporter").GetString());
        Assert.Equal("ETB", ethiopia.GetProperty("localCurrency").GetString());
        Assert.Equal(56.12m, ethiopia.GetProperty("localPerUsd").GetDecimal());
        Assert.Equal(102_000_000m * 56.12m, ethiopia.GetProperty("baselineLocal").GetDecimal());
        Assert.Equal(102_000_000m * 56.12m, ethiopia.GetProperty("balance").GetProperty("before").GetProperty("exportsLocal").GetDecimal());
    }

    [Fact]
    public void Balance_csv_and_json_carry_the_currency_code()
    {
        using var dir = new TempDir();
        var rates = dir.File("etb.csv");
        File.WriteAllText(rates, EtbRates);

        var csv = CliRun.Of("balance", "--currency", "ETB", "--rates", rates, "--format", "csv");
        Assert.True(csv.ExitCode == 0, csv.Err);
        var lines = csv.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("year,country,partner,exports_usd,imports_usd,balance_usd,exports_to_imports,local_currency,local_per_usd,exports_local,imports_local,balance_local", lines[0]);
        Assert.StartsWith("2024,KEN,CHN,190872000,4223310000,-4032438000,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",ETB,56.12,", lines[1], StringComparison.Ordinal);

        var json = CliRun.Of("balance", "--currency", "ETB", "--rates", rates, "--format", "json");
        using var doc = JsonDocument.Parse(json.Out);
        Assert.Equal("ETB", doc.RootElement.GetProperty("localCurrency").GetString());
        var row = doc.RootElement.GetProperty("rows")[0];
        Assert.Equal("ETB", row.GetProperty("local_currency").GetString());
        Assert.Equal(56.12m, row.GetProperty("local_per_usd").GetDecimal());
    }

    [Fact]
    public void Balance_defaults_to_the_countrys_currency_and_names_a_missing_rate()
    {
        var kenya = CliRun.Of("balance", "--format", "csv");
        Assert.Contains(",KES,134.82,", kenya.Out, StringComparison.Ordinal);

        using var dir = new TempDir();
        var flows = dir.File("flows.csv");
        File.WriteAllText(flows, "year,exporter,importer,hs,value_usd\n2024,ETH,CHN,TOTAL,100\n2024,CHN,ETH,TOTAL,300\n");
        var ethiopia = CliRun.Of("balance", "--flows", flows, "--country", "ETH");
        Assert.True(ethiopia.ExitCode == 0, ethiopia.Err);
        Assert.Contains("ETB per USD", ethiopia.Out, StringComparison.Ordinal);
        Assert.Contains("No USD/ETB annual average for 2024 in the embedded rates: ETB figures omitted", Flat(ethiopia.Out), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("project")]
    [InlineData("balance")]
    public void Unknown_currency_is_a_usage_error_naming_it(string command)
    {
        var run = CliRun.Of(command, "--currency", "XYZ");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--currency: 'XYZ' is not a known ISO 4217 currency code", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_Kenya_run_still_reports_in_KES()
    {
        var run = CliRun.Of("project", "--draws", "0");
        Assert.Contains("• In KES at 134.82 per USD (2024 annual average): balance KES -543.65bn → -541.72bn; exports KES 25.73bn → 27.66bn", run.Out, StringComparison.Ordinal);
        Assert.Contains("USD 26.47m → 40.77m (+54.0%); KES 3.57bn → 5.50bn", run.Out, StringComparison.Ordinal);
    }

    /// <summary>The output with the terminal's line wrapping undone: every run of white space as one space.</summary>
    private static string Flat(string text) => Regex.Replace(text, @"\s+", " ");
}
