using TradeBalance.Data;
using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Cli.Tests;

/// <summary>The one place exceptions become exit codes and messages: no .NET parameter or type names, the right code.</summary>
public class ClassifyTests
{
    [Fact]
    public void An_argument_exception_loses_the_parameter_suffix()
    {
        var (code, message) = CliApp.Classify(new ArgumentException("The data has no CHN imports in 2024 on the scenario's lines (0902).", "data"));
        Assert.Equal(3, code);
        Assert.Equal("The data has no CHN imports in 2024 on the scenario's lines (0902).", message);
    }

    [Fact]
    public void An_out_of_range_exception_loses_the_parameter_and_the_actual_value()
    {
        var e = Assert.ThrowsAny<ArgumentOutOfRangeException>(() => ArgumentOutOfRangeException.ThrowIfGreaterThan(5, 1, "draws"));
        Assert.Contains("Actual value was", e.Message, StringComparison.Ordinal);
        var (_, message) = CliApp.Classify(e);
        Assert.DoesNotContain("(Parameter", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Actual value", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
    }

    [Fact]
    public void A_nested_parameter_suffix_goes_too() =>
        Assert.Equal("Elasticity override for HS 0902: bad.", CliApp.Classify(new ArgumentOutOfRangeException("overrides", "Elasticity override for HS 0902: bad. (Parameter 'substitution')")).Message);

    [Fact]
    public void Codes_follow_the_cause()
    {
        Assert.Equal(2, CliApp.Classify(new UsageException("--x: 'y' is bad.")).Code);
        Assert.Equal(3, CliApp.Classify(new TradeDataException("f.csv", 2, "c", "v", "is bad")).Code);
        Assert.Equal(3, CliApp.Classify(new AggregateException(new TradeDataException("f.csv", 2, "c", "v", "is bad"))).Code);
        Assert.Equal(3, CliApp.Classify(new ProjectionException("The Armington model did not converge.")).Code);
        Assert.Equal(2, CliApp.Classify(new FileNotFoundException("x", "a.csv")).Code);
        Assert.Equal(1, CliApp.Classify(new IOException("No space left on device")).Code);
    }

    [Fact]
    public void An_unexpected_exception_is_exit_1_without_its_type_name()
    {
        var (code, message) = CliApp.Classify(new InvalidOperationException("Sequence contains no elements"));
        Assert.Equal(1, code);
        Assert.Equal("unexpected error: Sequence contains no elements (run again with --verbose for the details)", message);
    }

    [Fact]
    public void The_error_line_escapes_what_the_message_carries() =>
        Assert.Equal("tradebalance: a\\x1B[2Jb\\u202Ec\\nd", Terminal.ErrorLine("a\u001b[2Jb\u202Ec\nd"));
}
