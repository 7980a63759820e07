using TradeBalance.Data;
using Xunit;

namespace TradeBalance.Cli.Tests;

/// <summary>
/// Answers that used to mislead: a comparison lost every model when one could not run, a pair without trade printed
/// zeros with exit 0, and a ratio without imports printed 0.00 %.
/// </summary>
public sealed class ReportingGapsTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_years_table_says_all_goods_only_when_the_data_hold_the_pairs_totals()
    {
        // Was: "Balance, all goods" over a balance that held only the products' exports.
        var withTotals = CliRun.Of("project", "--years", "2025..2027", "--draws", "0");
        Assert.True(withTotals.ExitCode == 0, withTotals.Err);
        Assert.Contains("Balance, all goods", withTotals.Out, StringComparison.Ordinal);

        var noTotals = _dir.File("flows.csv");
        File.WriteAllLines(noTotals, KenyaChina.ReadText("flows.csv").Split('\n').Where(l => !l.Contains(",TOTAL,", StringComparison.Ordinal)));
        var run = CliRun.Of("project", "--flows", noTotals, "--years", "2025..2027", "--draws", "0");
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Contains("Balance, these products", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("all goods", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_shows_the_models_that_can_run_and_says_why_one_cannot()
    {
        // China's schedule only: the data also holds Kenya's exports to ROW, which GSIM needs a schedule for.
        var chinaOnly = _dir.File("tariffs.csv");
        File.WriteAllLines(chinaOnly, KenyaChina.ReadText("tariffs.csv").Split('\n').Where(l => !l.StartsWith("ROW,", StringComparison.Ordinal)));

        var run = CliRun.Of("compare", "--tariffs", chinaOnly);

        Assert.Equal(0, run.ExitCode);
        var embedded = CliRun.Of("compare");
        var teaRow = embedded.Out.Split('\n').Single(l => l.Contains("│ KEN", StringComparison.Ordinal) && l.Contains("Tea", StringComparison.Ordinal));
        var smartAndArmington = string.Join('│', teaRow.Split('│')[..6]);
        Assert.Contains(smartAndArmington, run.Out, StringComparison.Ordinal);
        Assert.Contains("—", run.Out, StringComparison.Ordinal);
        Assert.Contains("GSIM could not run on these inputs:", run.Out, StringComparison.Ordinal);
        Assert.Contains("missing: ROW", run.Out, StringComparison.Ordinal);
        Assert.Contains("Give --tariffs a", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pair_without_trade_in_the_data_is_a_data_error_not_a_table_of_zeros()
    {
        var run = CliRun.Of("balance", "--partner", "USA");
        Assert.Equal(3, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Contains("The data has no trade between KEN and USA in any year", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Balance_shows_one_year_when_asked_and_says_when_that_year_has_no_trade()
    {
        var year = KenyaChina.Flows.Years.Max();
        var one = CliRun.Of("balance", "--year", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, one.ExitCode);
        Assert.Contains($"│ {year} ", one.Out, StringComparison.Ordinal);

        var none = CliRun.Of("balance", "--year", "1999");
        Assert.Equal(3, none.ExitCode);
        Assert.Contains("no trade between KEN and CHN in 1999", none.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Exports_over_imports_is_n_a_when_there_are_no_imports()
    {
        // Kenya's exports to China without China's exports to Kenya: the ratio has no denominator.
        var flows = _dir.File("flows.csv");
        File.WriteAllLines(flows, KenyaChina.ReadText("flows.csv").Split('\n').Where(l => !l.Contains(",CHN,KEN,", StringComparison.Ordinal)));

        var project = CliRun.Of("project", "--flows", flows, "--draws", "0");
        Assert.Equal(0, project.ExitCode);
        Assert.Contains("exports cover n/a → n/a of imports", project.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("exports cover 0.00%", project.Out, StringComparison.Ordinal);

        var balance = CliRun.Of("balance", "--flows", flows);
        Assert.Equal(0, balance.ExitCode);
        Assert.Contains("n/a", balance.Out, StringComparison.Ordinal);
    }
}
