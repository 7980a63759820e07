using NodaTime;
using Xunit;

namespace TradeBalance.Tests;

public class ExchangeRateTests
{
    private static readonly LocalDate Jan1 = new(2024, 1, 1);

    private static ExchangeRate UsdKes(decimal rate = 134.82m, ExchangeRateBasis basis = ExchangeRateBasis.AnnualAverage, string source = "TBK") =>
        new(Currency.Usd, Currency.Kes, rate, Jan1, basis, source);

    [Fact]
    public void Constructor_keeps_every_value()
    {
        var r = UsdKes();
        Assert.Equal((Currency.Usd, Currency.Kes, 134.82m, Jan1, ExchangeRateBasis.AnnualAverage, "TBK"), (r.Base, r.Quote, r.Rate, r.AsOf, r.Basis, r.Source));
    }

    [Fact]
    public void Defaults_are_daily_with_no_source()
    {
        var r = new ExchangeRate(Currency.Usd, Currency.Kes, 160m, Jan1);
        Assert.Equal((ExchangeRateBasis.Daily, string.Empty), (r.Basis, r.Source));
    }

    [Fact]
    public void The_two_currencies_must_differ()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ExchangeRate(Currency.Kes, Currency.Kes, 1m, Jan1));
        Assert.Contains("KES", ex.Message, StringComparison.Ordinal);
        Assert.Equal("quoteCurrency", ex.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-134.82)]
    public void The_rate_must_be_positive(double rate)
    {
        var ex = Assert.Throws<ArgumentException>(() => UsdKes((decimal)rate));
        Assert.Contains("USD/KES", ex.Message, StringComparison.Ordinal);
        Assert.Contains(((decimal)rate).ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
        Assert.Equal("rate", ex.ParamName);
    }

    [Fact]
    public void An_undefined_basis_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => UsdKes(basis: (ExchangeRateBasis)99));
        Assert.Contains("99", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nulls_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => new ExchangeRate(null!, Currency.Kes, 1m, Jan1));
        Assert.Throws<ArgumentNullException>(() => new ExchangeRate(Currency.Usd, null!, 1m, Jan1));
        Assert.Throws<ArgumentNullException>(() => new ExchangeRate(Currency.Usd, Currency.Kes, 1m, Jan1, source: null!));
    }

    [Fact]
    public void Convert_multiplies_base_amounts_at_full_precision()
    {
        Assert.Equal(new Money(13_482m, Currency.Kes), UsdKes().Convert(new Money(100m, Currency.Usd)));
        Assert.Equal(new Money(0.0013482m, Currency.Kes), UsdKes().Convert(new Money(0.00001m, Currency.Usd)));
    }

    [Fact]
    public void Convert_of_the_quote_currency_throws_naming_both()
    {
        var ex = Assert.Throws<CurrencyMismatchException>(() => UsdKes().Convert(new Money(100m, Currency.Kes)));
        Assert.Equal((Currency.Usd, Currency.Kes), (ex.Expected, ex.Actual));
        Assert.Contains("USD", ex.Message, StringComparison.Ordinal);
        Assert.Contains("KES", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_of_default_money_throws() =>
        Assert.Throws<InvalidOperationException>(() => UsdKes().Convert(default));

    [Fact]
    public void Inverse_swaps_the_pair_and_inverts_the_rate()
    {
        var inv = UsdKes().Inverse();
        Assert.Equal((Currency.Kes, Currency.Usd, 1m / 134.82m, Jan1, ExchangeRateBasis.AnnualAverage), (inv.Base, inv.Quote, inv.Rate, inv.AsOf, inv.Basis));
        Assert.Equal("TBK (inverse)", inv.Source);
        Assert.Equal("inverse", UsdKes(source: "").Inverse().Source);
        Assert.Equal(new Money(100m, Currency.Usd), inv.Convert(new Money(13_482m, Currency.Kes)).Round());
    }

    [Fact]
    public void ToString_is_invariant()
    {
        Assert.Equal("USD/KES 134.82 on 2024-01-01 (AnnualAverage)", UsdKes().ToString());
        Assert.Equal("USD/KES 160 on 2024-01-01 (Daily)", new ExchangeRate(Currency.Usd, Currency.Kes, 160m, Jan1).ToString());
    }

    [Fact]
    public void Equality_compares_every_value()
    {
        Assert.Equal(UsdKes(), UsdKes());
        Assert.NotEqual(UsdKes(), UsdKes(134.83m));
        Assert.NotEqual(UsdKes(), UsdKes(basis: ExchangeRateBasis.Daily));
        Assert.NotEqual(UsdKes(), UsdKes(source: "CBK"));
    }
}
