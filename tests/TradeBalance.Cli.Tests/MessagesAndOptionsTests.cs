using Xunit;

namespace TradeBalance.Cli.Tests;

/// <summary>
/// Options and messages (hostile input, round three, class 8, in part): a range enforced at both ends, no error line
/// longer than a screenful, an input with no rows named, and <c>NO_COLOR</c> honoured.
/// </summary>
public sealed class MessagesAndOptionsTests
{
    [Theory]
    [InlineData("2200..2300")]
    [InlineData("2190..2201")]
    [InlineData("1899..1950")]
    [InlineData("2030..2026")]
    [InlineData("2026..2127")]
    public void A_year_range_outside_1900_to_2200_is_a_usage_error(string years)
    {
        var run = CliRun.Of("project", "--years", years);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--years: '{years}' is not a year range from 1900 to 2200 of at most 100 years", run.Err, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public void The_ends_of_the_year_range_are_accepted()
    {
        Assert.Equal(0, CliRun.Of("project", "--years", "2026..2126", "--format", "csv").ExitCode);
        Assert.Equal(0, CliRun.Of("project", "--years", "2200", "--format", "csv").ExitCode);
    }

    /// <summary>A value of 100,000 characters was echoed whole: one error line of 100 KB.</summary>
    [Theory]
    [InlineData("--format")]
    [InlineData("--draws")]
    [InlineData("--years")]
    [InlineData("--flows")]
    public void A_huge_value_is_shortened_in_the_message(string option)
    {
        var value = "v" + new string('x', 100_000) + "END";
        var run = CliRun.Of("project", option, value);
        Assert.NotEqual(0, run.ExitCode);
        var first = run.Err.Split('\n')[0];
        Assert.True(first.Length <= Terminal.MaxErrorLength + "tradebalance: ".Length + 60, $"{option}: an error line of {first.Length} characters");
        Assert.Contains("characters left out", first, StringComparison.Ordinal);
        Assert.StartsWith("tradebalance: ", first, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_message_is_left_whole()
    {
        var message = "a.csv:3: column 'x': '" + new string('y', 500) + "' is bad";
        Assert.Equal("tradebalance: " + message, Terminal.ErrorLine(message));
    }

    /// <summary>A flows file with a header and no rows said "The trade data set has no flows." without naming the file.</summary>
    [Theory]
    [InlineData("project")]
    [InlineData("compare")]
    [InlineData("sensitivity")]
    public void A_flows_file_with_no_rows_is_named(string command)
    {
        using var dir = new TempDir();
        var flows = dir.File("empty.csv");
        File.WriteAllText(flows, "year,exporter,importer,hs,value_usd\n");
        var run = CliRun.Of(command, "--flows", flows);
        Assert.Equal(3, run.ExitCode);
        Assert.Equal($"tradebalance: {flows}: holds no trade flows (a header and no rows), so there is nothing to project.\n", run.Err.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void NO_COLOR_turns_colour_off()
    {
        var before = Environment.GetEnvironmentVariable("NO_COLOR");
        try
        {
            Environment.SetEnvironmentVariable("NO_COLOR", "1");
            Assert.True(CliApp.NoColor);
            Environment.SetEnvironmentVariable("NO_COLOR", string.Empty);
            Assert.False(CliApp.NoColor);
        }
        finally
        {
            Environment.SetEnvironmentVariable("NO_COLOR", before);
        }
    }

    /// <summary>A usage error found by the parser took two lines or more (each error, each suggestion, then the hint); now one.</summary>
    [Theory]
    [InlineData(new[] { "project", "--draw", "5" }, "'--draw': did you mean '--draws'?")]
    [InlineData(new[] { "projct" }, "'projct': did you mean 'project'?")]
    [InlineData(new[] { "project", "--draws", "abc", "--seed", "x" }, "--draws: 'abc' is not a whole number (from 0 to 1,000,000). --seed: 'x' is not a whole number")]
    public void A_usage_error_is_one_line(string[] args, string fragment)
    {
        var run = CliRun.Of(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Err.TrimEnd('\n').Split('\n'));
        Assert.Contains(fragment, run.Err, StringComparison.Ordinal);
        Assert.EndsWith("Run 'tradebalance --help' for usage.\n", run.Err.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }
}
