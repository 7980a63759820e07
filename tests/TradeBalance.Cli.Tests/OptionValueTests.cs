using Xunit;

namespace TradeBalance.Cli.Tests;

/// <summary>
/// Every option that takes a number, at huge, negative, fractional and garbage values: a usage error
/// (exit 2) whose one line names the option and the value as typed, and never a .NET type name.
/// </summary>
public class OptionValueTests
{
    private static readonly string[] Garbage = ["abc", "", " ", "0x10", "NaN", "Infinity", "١٢", "5 5", "1,000", "½", "99999999999999999999999999999999", "-99999999999999999999999999999999"];

    private static readonly (string Command, string Option, string[] Bad)[] Numbers =
    [
        ("project", "--draws", ["-1", "1000001", "1000000000", "2147483648", "1.5", "1e3"]),
        ("project", "--seed", ["2147483648", "-2147483649", "1.5", "1e3"]),
        ("project", "--years", ["1899", "2201", "2030..2026", "2026..2200", "1000000000", "-1", "2026-2030", "2026..", "..2030", "2026...2030"]),
        ("sensitivity", "--draws", ["0", "-5", "1000001", "1000000000", "1.5", "1e3"]),
        ("sensitivity", "--seed", ["2147483648", "-2147483649", "1.5"]),
        ("sensitivity", "--spread", ["1", "-0.1", "1.5", "1e3", "1000000000"]),
    ];

    public static TheoryData<string, string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var (command, option, bad) in Numbers)
            {
                foreach (var value in bad.Concat(Garbage))
                {
                    data.Add(command, option, value);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_bad_number_is_a_usage_error_naming_the_option_and_the_value(string command, string option, string value)
    {
        var run = CliRun.Of(command, option, value);
        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}: {run.Err}");
        Assert.StartsWith($"tradebalance: {option}: '{value}' ", run.Err, StringComparison.Ordinal);
        Assert.True(TerminalSafety.Problem(run.Err) is null, $"{TerminalSafety.Problem(run.Err)}: {run.Err}");
        Assert.Equal(string.Empty, run.Out);
    }

    [Theory]
    [InlineData("project", "--draws", "0")]
    [InlineData("project", "--seed", "-2147483648", "--draws", "2")]
    [InlineData("project", "--seed", "2147483647", "--draws", "2")]
    [InlineData("sensitivity", "--draws", "1")]
    [InlineData("sensitivity", "--spread", "0", "--draws", "5")]
    [InlineData("sensitivity", "--spread", "-0", "--draws", "5")]
    [InlineData("sensitivity", "--spread", "0.99", "--draws", "5")]
    [InlineData("sensitivity", "--seed", "-1", "--draws", "5")]
    [InlineData("project", "--years", "2026", "--draws", "0")]
    public void Values_at_the_ends_of_each_range_are_accepted(params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Err}");
    }
}
