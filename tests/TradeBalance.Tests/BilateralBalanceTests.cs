using NodaTime;
using Xunit;

namespace TradeBalance.Tests;

public class BilateralBalanceTests
{
    private static Money Usd(decimal amount) => new(amount, Currency.Usd);

    private static BilateralBalance KenyaChina(decimal exports, decimal imports, int year = 2024) =>
        new(Countries.Kenya, Countries.China, year, Usd(exports), Usd(imports));

    private static readonly ExchangeRateTable Rates = new(
    [
        new ExchangeRate(Currency.Usd, Currency.Kes, 134.82m, new LocalDate(2024, 1, 1), ExchangeRateBasis.AnnualAverage),
        new ExchangeRate(Currency.Usd, Currency.Kes, 159.8m, new LocalDate(2024, 1, 11)),
    ]);

    [Fact]
    public void Balance_is_exports_minus_imports()
    {
        Assert.Equal(Usd(-3_700_000_000m), KenyaChina(300_000_000m, 4_000_000_000m).Balance);
        Assert.Equal(Usd(5m), KenyaChina(5m, 0m).Balance);
    }

    [Fact]
    public void Export_import_ratio_and_its_zero_case()
    {
        Assert.Equal(0.075, KenyaChina(300_000_000m, 4_000_000_000m).ExportImportRatio!.Value, 12);
        Assert.Null(KenyaChina(5m, 0m).ExportImportRatio);
        Assert.Null(KenyaChina(0m, 0m).ExportImportRatio);
    }

    [Fact]
    public void A_balance_of_two_currencies_is_refused_at_construction()
    {
        var ex = Assert.Throws<CurrencyMismatchException>(() => new BilateralBalance(Countries.Kenya, Countries.China, 2024, new Money(1m, Currency.Kes), Usd(1m)));
        Assert.Contains("KES", ex.Message, StringComparison.Ordinal);
        Assert.Contains("USD", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConvertTo_uses_the_annual_average_of_the_year()
    {
        var kes = KenyaChina(1_000m, 3_000m).ConvertTo(Rates, Currency.Kes);
        Assert.Equal((Countries.Kenya, Countries.China, 2024), (kes.Country, kes.Partner, kes.Year));
        Assert.Equal(new Money(134_820m, Currency.Kes), kes.Exports);
        Assert.Equal(new Money(404_460m, Currency.Kes), kes.Imports);
        Assert.Equal(new Money(-269_640m, Currency.Kes), kes.Balance);
    }

    [Fact]
    public void ConvertTo_with_a_date_and_rule()
    {
        var kes = KenyaChina(1_000m, 3_000m).ConvertTo(Rates, Currency.Kes, new LocalDate(2024, 2, 1), ExchangeRateRule.LatestOnOrBefore);
        Assert.Equal(new Money(159_800m, Currency.Kes), kes.Exports);
    }

    [Fact]
    public void ConvertTo_the_same_currency_changes_nothing() =>
        Assert.Equal(KenyaChina(1m, 2m), KenyaChina(1m, 2m).ConvertTo(new ExchangeRateTable([]), Currency.Usd));

    [Fact]
    public void ConvertTo_without_a_rate_throws()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => KenyaChina(1m, 2m, 2023).ConvertTo(Rates, Currency.Kes));
        Assert.Contains("2023-01-01", ex.Message, StringComparison.Ordinal);
        Assert.Throws<KeyNotFoundException>(() => KenyaChina(1m, 2m).ConvertTo(Rates, Currency.Cny));
        Assert.Throws<ArgumentNullException>(() => KenyaChina(1m, 2m).ConvertTo(null!, Currency.Kes));
    }

    [Fact]
    public void ToString_rounds_to_minor_units()
    {
        Assert.Equal(
            "KEN–CHN 2024: exports USD 300,000,000.00, imports USD 4,000,000,000.00, balance USD -3,700,000,000.00",
            KenyaChina(300_000_000m, 4_000_000_000m).ToString());
        Assert.Equal("KEN–CHN 2024: exports USD 1.00, imports USD 0.00, balance USD 1.00", KenyaChina(1.005m, 0.001m).ToString());
    }

    [Fact]
    public void Equality_is_by_value() => Assert.Equal(KenyaChina(1m, 2m), KenyaChina(1.0m, 2.00m));
}
