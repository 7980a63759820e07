using Xunit;

namespace TradeBalance.Tests;

public class TradeFlowTests
{
    private static readonly HsCode Tea = HsCode.Parse("0902");

    [Fact]
    public void Constructor_keeps_every_value()
    {
        var value = new Money(20_000_000m, Currency.Usd);
        var f = new TradeFlow(Countries.Kenya, Countries.China, Tea, 2024, value, 5_000_000m, "GACC");
        Assert.Equal((Countries.Kenya, Countries.China, Tea, 2024, value, (decimal?)5_000_000m, "GACC"), (f.Exporter, f.Importer, f.Hs, f.Year, f.Value, f.QuantityKg, f.Source));
    }

    [Fact]
    public void Usd_factory_values_in_dollars_without_quantity()
    {
        var f = TradeFlow.Usd(Countries.Kenya, Countries.China, Tea, 2024, 20_000_000m, "src");
        Assert.Equal(new Money(20_000_000m, Currency.Usd), f.Value);
        Assert.Null(f.QuantityKg);
        Assert.Equal("src", f.Source);
        Assert.Equal(string.Empty, TradeFlow.Usd(Countries.Kenya, Countries.China, Tea, 2024, 1m).Source);
    }

    [Fact]
    public void Exporter_and_importer_must_differ()
    {
        var ex = Assert.Throws<ArgumentException>(() => TradeFlow.Usd(Countries.Kenya, Countries.Kenya, Tea, 2024, 1m));
        Assert.Contains("KEN", ex.Message, StringComparison.Ordinal);
        Assert.Equal("importer", ex.ParamName);
    }

    [Theory]
    [InlineData(1899)]
    [InlineData(2201)]
    [InlineData(0)]
    public void The_year_must_lie_in_1900_to_2200(int year)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => TradeFlow.Usd(Countries.Kenya, Countries.China, Tea, year, 1m));
        Assert.Equal("year", ex.ParamName);
        Assert.Contains(year.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1900)]
    [InlineData(2200)]
    public void The_years_at_the_ends_are_accepted(int year) =>
        Assert.Equal(year, TradeFlow.Usd(Countries.Kenya, Countries.China, Tea, year, 1m).Year);

    [Fact]
    public void A_negative_value_is_rejected_naming_it()
    {
        var ex = Assert.Throws<ArgumentException>(() => TradeFlow.Usd(Countries.Kenya, Countries.China, Tea, 2024, -0.01m));
        Assert.Contains("USD -0.01", ex.Message, StringComparison.Ordinal);
        Assert.Contains("KEN→CHN", ex.Message, StringComparison.Ordinal);
        Assert.Equal("value", ex.ParamName);
    }

    [Fact]
    public void A_value_without_currency_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new TradeFlow(Countries.Kenya, Countries.China, Tea, 2024, default));
        Assert.Contains("default(Money)", ex.Message, StringComparison.Ordinal);
        Assert.Equal("value", ex.ParamName);
    }

    [Fact]
    public void A_negative_quantity_is_rejected_and_zero_values_are_fine()
    {
        var ex = Assert.Throws<ArgumentException>(() => new TradeFlow(Countries.Kenya, Countries.China, Tea, 2024, Money.Zero(Currency.Usd), -1m));
        Assert.Contains("-1 kg", ex.Message, StringComparison.Ordinal);
        Assert.Equal("quantityKg", ex.ParamName);
        var zero = new TradeFlow(Countries.Kenya, Countries.China, Tea, 2024, Money.Zero(Currency.Usd), 0m);
        Assert.Equal(0m, zero.QuantityKg);
    }

    [Fact]
    public void Any_currency_is_allowed()
    {
        var f = new TradeFlow(Countries.Kenya, Countries.China, Tea, 2024, new Money(1m, Currency.Kes));
        Assert.Equal(Currency.Kes, f.Value.Currency);
    }

    [Fact]
    public void Nulls_are_rejected()
    {
        var v = Money.Zero(Currency.Usd);
        Assert.Throws<ArgumentNullException>(() => new TradeFlow(null!, Countries.China, Tea, 2024, v));
        Assert.Throws<ArgumentNullException>(() => new TradeFlow(Countries.Kenya, null!, Tea, 2024, v));
        Assert.Throws<ArgumentNullException>(() => new TradeFlow(Countries.Kenya, Countries.China, null!, 2024, v));
        Assert.Throws<ArgumentNullException>(() => new TradeFlow(Countries.Kenya, Countries.China, Tea, 2024, v, source: null!));
    }

    [Fact]
    public void ToString_describes_the_flow()
    {
        Assert.Equal("KEN→CHN 0902 2024 USD 20,000,000.00", TradeFlow.Usd(Countries.Kenya, Countries.China, Tea, 2024, 20_000_000m).ToString());
        Assert.Equal("CHN→KEN TOTAL 2024 USD 1.00", TradeFlow.Usd(Countries.China, Countries.Kenya, HsCode.Total, 2024, 1m).ToString());
    }

    [Fact]
    public void Equality_is_by_value()
    {
        Assert.Equal(
            TradeFlow.Usd(Countries.Kenya, Countries.China, Tea, 2024, 1m),
            TradeFlow.Usd(Country.FromIso2("KE"), Country.FromM49(156), HsCode.Parse("0902"), 2024, 1.00m));
        Assert.NotEqual(
            TradeFlow.Usd(Countries.Kenya, Countries.China, Tea, 2024, 1m),
            TradeFlow.Usd(Countries.Kenya, Countries.China, Tea, 2024, 1m, "other source"));
    }
}
