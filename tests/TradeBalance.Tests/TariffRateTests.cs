using Xunit;

namespace TradeBalance.Tests;

public class TariffRateTests
{
    [Fact]
    public void Constructor_keeps_the_percentage()
    {
        Assert.Equal(15m, new TariffRate(15m).Percent);
        Assert.Equal(15m, TariffRate.FromPercent(15m).Percent);
        Assert.Equal(250m, new TariffRate(250m).Percent);
    }

    [Fact]
    public void A_negative_rate_is_rejected_naming_it()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new TariffRate(-0.5m));
        Assert.Contains("-0.5%", ex.Message, StringComparison.Ordinal);
        Assert.Equal("percent", ex.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => TariffRate.FromPercent(-1m));
    }

    [Fact]
    public void Zero_is_duty_free_and_the_default()
    {
        Assert.Equal(0m, TariffRate.Zero.Percent);
        Assert.Equal(default, TariffRate.Zero);
        Assert.Equal(new TariffRate(0m), TariffRate.Zero);
    }

    [Theory]
    [InlineData(15, 0.15)]
    [InlineData(7.5, 0.075)]
    [InlineData(0, 0)]
    [InlineData(100, 1)]
    public void Fraction_is_percent_over_100(double percent, double fraction) =>
        Assert.Equal(fraction, new TariffRate((decimal)percent).Fraction, 15);

    [Theory]
    [InlineData("15", 15)]
    [InlineData("15%", 15)]
    [InlineData("7.5 %", 7.5)]
    [InlineData(" 7.5% ", 7.5)]
    [InlineData("0", 0)]
    [InlineData("0.0", 0)]
    [InlineData("+5", 5)]
    [InlineData("100%", 100)]
    [InlineData("250", 250)]
    public void Parse_accepts_a_number_with_an_optional_percent_sign(string text, double percent) =>
        Assert.Equal(new TariffRate((decimal)percent), TariffRate.Parse(text));

    [Theory]
    [InlineData("-1")]
    [InlineData("-0.01%")]
    [InlineData("abc")]
    [InlineData("%")]
    [InlineData("")]
    [InlineData("1e2")]
    [InlineData("15%%")]
    [InlineData("%15")]
    [InlineData("1,000")]
    [InlineData("7,5")]
    public void Parse_rejects_other_text_naming_it(string text)
    {
        var ex = Assert.Throws<FormatException>(() => TariffRate.Parse(text));
        Assert.Contains($"'{text}'", ex.Message, StringComparison.Ordinal);
        Assert.False(TariffRate.TryParse(text, out var r));
        Assert.Equal(default, r);
    }

    [Fact]
    public void Parse_null()
    {
        Assert.Throws<ArgumentNullException>(() => TariffRate.Parse(null!));
        Assert.False(TariffRate.TryParse(null, out _));
    }

    [Theory]
    [InlineData("15", "15%")]
    [InlineData("7.5", "7.5%")]
    [InlineData("7.50", "7.5%")]
    [InlineData("0", "0%")]
    [InlineData("100", "100%")]
    [InlineData("0.000000000000001", "0.000000000000001%")]
    public void ToString_is_invariant_and_trims_trailing_zeros(string percent, string expected) =>
        Assert.Equal(expected, new TariffRate(decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture)).ToString());

    [Fact]
    public void ToString_keeps_every_decimal_so_Parse_round_trips()
    {
        var third = new TariffRate(10m / 3m);
        Assert.Equal("3.3333333333333333333333333333%", third.ToString());
        Assert.Equal(third, TariffRate.Parse(third.ToString()));
    }

    [Fact]
    public void Ordering_by_percentage()
    {
        var five = new TariffRate(5m);
        var fifteen = new TariffRate(15m);
        Assert.True(five < fifteen);
        Assert.True(fifteen > five);
        Assert.True(five <= new TariffRate(5.0m));
        Assert.True(five >= new TariffRate(5.00m));
        Assert.Equal(0, five.CompareTo(new TariffRate(5.000m)));
        Assert.Equal(five, new TariffRate(5.0m));
    }
}
