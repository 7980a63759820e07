using TradeBalance.Data;
using Xunit;

namespace TradeBalance.Cli.Tests;

public class BalanceCommandTests
{
    [Fact]
    public void Embedded_balance_of_Kenya_with_China_in_USD_and_KES()
    {
        var run = CliRun.Of("balance");
        Assert.Equal(0, run.ExitCode);
        var expected = KenyaChina.Flows.BilateralBalance(Countries.Kenya, Countries.China, 2024);
        Assert.Contains(ProjectionReport.Millions(expected.Balance), run.Out, StringComparison.Ordinal);
        Assert.Contains("134.82", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_country_twice_is_a_usage_error()
    {
        var run = CliRun.Of("balance", "--country", "KEN", "--partner", "KE");
        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public void Unknown_country_is_a_usage_error() => Assert.Equal(2, CliRun.Of("balance", "--partner", "XYZ").ExitCode);
}
