using NodaTime;
using Xunit;

namespace TradeBalance.Tests;

public class ExchangeRateTableTests
{
    private static ExchangeRate UsdKes(int y, int m, int d, decimal rate, ExchangeRateBasis basis = ExchangeRateBasis.Daily) =>
        new(Currency.Usd, Currency.Kes, rate, new LocalDate(y, m, d), basis);

    private static readonly ExchangeRate Annual2023 = UsdKes(2023, 1, 1, 139.85m, ExchangeRateBasis.AnnualAverage);
    private static readonly ExchangeRate Annual2024 = UsdKes(2024, 1, 1, 134.82m, ExchangeRateBasis.AnnualAverage);
    private static readonly ExchangeRate Daily0111 = UsdKes(2024, 1, 11, 159.8m);
    private static readonly ExchangeRate Weekly1129 = UsdKes(2024, 11, 29, 129.59m, ExchangeRateBasis.WeeklyAverage);
    private static readonly ExchangeRate Daily1223 = UsdKes(2024, 12, 23, 129.29m);

    private static ExchangeRateTable Table() => new([Daily1223, Annual2024, Weekly1129, Annual2023, Daily0111]);

    [Fact]
    public void Rates_are_ordered_by_pair_date_and_basis()
    {
        var cny = new ExchangeRate(Currency.Cny, Currency.Usd, 0.14m, new LocalDate(2024, 1, 1));
        var table = new ExchangeRateTable([Daily1223, cny, Annual2024, Weekly1129, Annual2023, Daily0111]);
        Assert.Equal([cny, Annual2023, Annual2024, Daily0111, Weekly1129, Daily1223], table.Rates);
    }

    [Fact]
    public void Exact_finds_a_rate_dated_on_the_day()
    {
        var found = Table().Find(Currency.Usd, Currency.Kes, new LocalDate(2024, 1, 11), ExchangeRateRule.Exact);
        Assert.Equal(new ExchangeRateLookup(Daily0111, ExchangeRateRule.Exact), found);
        Assert.Equal(Weekly1129, Table().Find(Currency.Usd, Currency.Kes, new LocalDate(2024, 11, 29), ExchangeRateRule.Exact).Rate);
    }

    [Fact]
    public void Exact_does_not_use_an_annual_average_dated_that_day()
    {
        Assert.False(Table().TryFind(Currency.Usd, Currency.Kes, new LocalDate(2024, 1, 1), ExchangeRateRule.Exact, out var lookup));
        Assert.Null(lookup);
    }

    [Fact]
    public void Exact_on_a_day_without_a_rate_throws_a_useful_message()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => Table().Find(Currency.Usd, Currency.Kes, new LocalDate(2024, 1, 12), ExchangeRateRule.Exact));
        Assert.Contains("USD/KES", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2024-01-12", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Exact", ex.Message, StringComparison.Ordinal);
        Assert.Contains("5 USD/KES rate(s) from 2023-01-01 to 2024-12-23", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2024, 1, 11, 2024, 1, 11)]
    [InlineData(2024, 1, 12, 2024, 1, 11)]
    [InlineData(2024, 11, 28, 2024, 1, 11)]
    [InlineData(2024, 11, 29, 2024, 11, 29)]
    [InlineData(2024, 12, 22, 2024, 11, 29)]
    [InlineData(2025, 6, 30, 2024, 12, 23)]
    public void LatestOnOrBefore_takes_the_last_dated_rate_not_after_the_day(int y, int m, int d, int ey, int em, int ed)
    {
        var found = Table().Find(Currency.Usd, Currency.Kes, new LocalDate(y, m, d), ExchangeRateRule.LatestOnOrBefore);
        Assert.Equal(new LocalDate(ey, em, ed), found.Rate.AsOf);
        Assert.Equal(ExchangeRateRule.LatestOnOrBefore, found.Rule);
        Assert.NotEqual(ExchangeRateBasis.AnnualAverage, found.Rate.Basis);
    }

    [Fact]
    public void LatestOnOrBefore_before_the_first_dated_rate_throws()
    {
        // The 2024 annual average is dated 2024-01-01, but it is not a dated rate for this rule.
        var ex = Assert.Throws<KeyNotFoundException>(() => Table().Find(Currency.Usd, Currency.Kes, new LocalDate(2024, 1, 10), ExchangeRateRule.LatestOnOrBefore));
        Assert.Contains("LatestOnOrBefore", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2024-01-10", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LatestOnOrBefore_prefers_the_daily_rate_of_a_day_like_Exact_does()
    {
        var day = new LocalDate(2024, 3, 1);
        var daily = new ExchangeRate(Currency.Usd, Currency.Kes, 143m, day);
        var monthly = new ExchangeRate(Currency.Usd, Currency.Kes, 140m, day, ExchangeRateBasis.MonthlyAverage);
        var weekly = new ExchangeRate(Currency.Usd, Currency.Kes, 141m, day, ExchangeRateBasis.WeeklyAverage);
        var table = new ExchangeRateTable([monthly, daily, weekly]);
        Assert.Same(daily, table.Find(Currency.Usd, Currency.Kes, day, ExchangeRateRule.Exact).Rate);
        Assert.Same(daily, table.Find(Currency.Usd, Currency.Kes, day, ExchangeRateRule.LatestOnOrBefore).Rate);
        Assert.Same(daily, table.Find(Currency.Usd, Currency.Kes, day.PlusDays(3), ExchangeRateRule.LatestOnOrBefore).Rate);
        var averagesOnly = new ExchangeRateTable([monthly, weekly]);
        Assert.Same(weekly, averagesOnly.Find(Currency.Usd, Currency.Kes, day, ExchangeRateRule.Exact).Rate);
        Assert.Same(weekly, averagesOnly.Find(Currency.Usd, Currency.Kes, day.PlusDays(3), ExchangeRateRule.LatestOnOrBefore).Rate);
    }

    [Theory]
    [InlineData(2024, 1, 1)]
    [InlineData(2024, 7, 15)]
    [InlineData(2024, 12, 31)]
    public void AnnualAverage_uses_the_average_of_the_days_year(int y, int m, int d)
    {
        var found = Table().Find(Currency.Usd, Currency.Kes, new LocalDate(y, m, d), ExchangeRateRule.AnnualAverage);
        Assert.Equal(new ExchangeRateLookup(Annual2024, ExchangeRateRule.AnnualAverage), found);
        Assert.Equal(Annual2023, Table().Find(Currency.Usd, Currency.Kes, new LocalDate(2023, 10, 23), ExchangeRateRule.AnnualAverage).Rate);
    }

    [Fact]
    public void AnnualAverage_of_a_year_without_one_throws()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => Table().Find(Currency.Usd, Currency.Kes, new LocalDate(2022, 6, 1), ExchangeRateRule.AnnualAverage));
        Assert.Contains("AnnualAverage", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2022-06-01", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_inverse_pair_is_not_used_implicitly()
    {
        var table = Table();
        Assert.False(table.TryFind(Currency.Kes, Currency.Usd, new LocalDate(2024, 1, 11), ExchangeRateRule.Exact, out _));
        var ex = Assert.Throws<KeyNotFoundException>(() => table.Find(Currency.Kes, Currency.Usd, new LocalDate(2024, 1, 11), ExchangeRateRule.Exact));
        Assert.Contains("KES/USD", ex.Message, StringComparison.Ordinal);
        Assert.Contains("no KES/USD rate at all", ex.Message, StringComparison.Ordinal);
        Assert.Contains("WithInverses", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithInverses_adds_the_inverse_of_every_rate()
    {
        var table = Table().WithInverses();
        Assert.Equal(10, table.Rates.Length);
        var found = table.Find(Currency.Kes, Currency.Usd, new LocalDate(2024, 5, 5), ExchangeRateRule.AnnualAverage);
        Assert.Equal(1m / 134.82m, found.Rate.Rate);
        Assert.Contains("inverse", found.Rate.Source, StringComparison.Ordinal);
        Assert.Equal(Daily0111, table.Find(Currency.Usd, Currency.Kes, new LocalDate(2024, 1, 11), ExchangeRateRule.Exact).Rate);
        Assert.Equal(table.Rates, table.WithInverses().Rates);
    }

    [Fact]
    public void WithInverses_keeps_an_explicit_inverse()
    {
        var explicitKesUsd = new ExchangeRate(Currency.Kes, Currency.Usd, 0.0075m, new LocalDate(2024, 1, 1), ExchangeRateBasis.AnnualAverage, "explicit");
        var table = new ExchangeRateTable([Annual2024, explicitKesUsd]).WithInverses();
        Assert.Equal(2, table.Rates.Length);
        Assert.Same(explicitKesUsd, table.Find(Currency.Kes, Currency.Usd, new LocalDate(2024, 6, 1), ExchangeRateRule.AnnualAverage).Rate);
    }

    [Fact]
    public void WithInverses_does_not_add_a_second_annual_average_for_a_year()
    {
        var explicitKesUsd = new ExchangeRate(Currency.Kes, Currency.Usd, 0.0075m, new LocalDate(2024, 7, 1), ExchangeRateBasis.AnnualAverage, "explicit");
        var table = new ExchangeRateTable([Annual2024, explicitKesUsd]).WithInverses();
        Assert.Equal(2, table.Rates.Length);
    }

    [Fact]
    public void A_duplicate_rate_is_rejected_naming_both()
    {
        var twin = UsdKes(2024, 1, 11, 160m);
        var ex = Assert.Throws<ArgumentException>(() => new ExchangeRateTable([Daily0111, twin]));
        Assert.Contains("Duplicate", ex.Message, StringComparison.Ordinal);
        Assert.Contains("159.8", ex.Message, StringComparison.Ordinal);
        Assert.Contains("160", ex.Message, StringComparison.Ordinal);
        Assert.Equal("rates", ex.ParamName);
    }

    [Fact]
    public void Two_annual_averages_for_one_year_are_rejected()
    {
        var secondFor2024 = UsdKes(2024, 12, 31, 130m, ExchangeRateBasis.AnnualAverage);
        var ex = Assert.Throws<ArgumentException>(() => new ExchangeRateTable([Annual2024, secondFor2024]));
        Assert.Contains("Duplicate", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_date_may_hold_rates_of_different_bases_and_pairs()
    {
        var day = new LocalDate(2024, 1, 1);
        var table = new ExchangeRateTable(
        [
            Annual2024,
            new ExchangeRate(Currency.Usd, Currency.Kes, 160m, day),
            new ExchangeRate(Currency.Usd, Currency.Kes, 158m, day, ExchangeRateBasis.MonthlyAverage),
            new ExchangeRate(Currency.Kes, Currency.Usd, 0.00625m, day),
        ]);
        Assert.Equal(4, table.Rates.Length);
        Assert.Equal(160m, table.Find(Currency.Usd, Currency.Kes, day, ExchangeRateRule.Exact).Rate.Rate);
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => new ExchangeRateTable(null!));
        Assert.Throws<ArgumentNullException>(() => new ExchangeRateTable([Annual2024, null!]));
        Assert.Throws<ArgumentNullException>(() => Table().Find(null!, Currency.Kes, new LocalDate(2024, 1, 1), ExchangeRateRule.Exact));
        Assert.Throws<ArgumentNullException>(() => Table().TryFind(Currency.Usd, null!, new LocalDate(2024, 1, 1), ExchangeRateRule.Exact, out _));
        Assert.Throws<ArgumentNullException>(() => Table().Convert(new Money(1m, Currency.Usd), null!, new LocalDate(2024, 1, 1), ExchangeRateRule.Exact));
    }

    [Fact]
    public void An_undefined_rule_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Table().Find(Currency.Usd, Currency.Kes, new LocalDate(2024, 1, 1), (ExchangeRateRule)42));

    [Fact]
    public void An_empty_table_finds_nothing()
    {
        var empty = new ExchangeRateTable([]);
        Assert.Empty(empty.Rates);
        Assert.False(empty.TryFind(Currency.Usd, Currency.Kes, new LocalDate(2024, 1, 1), ExchangeRateRule.AnnualAverage, out _));
        Assert.Empty(empty.WithInverses().Rates);
    }

    [Fact]
    public void Convert_uses_the_rate_the_rule_picks()
    {
        var usd = new Money(1_000m, Currency.Usd);
        Assert.Equal(new Money(134_820m, Currency.Kes), Table().Convert(usd, Currency.Kes, new LocalDate(2024, 8, 8), ExchangeRateRule.AnnualAverage));
        Assert.Equal(new Money(159_800m, Currency.Kes), Table().Convert(usd, Currency.Kes, new LocalDate(2024, 1, 11), ExchangeRateRule.Exact));
    }

    [Fact]
    public void Convert_to_the_same_currency_returns_the_amount_without_a_rate()
    {
        var kes = new Money(1.234m, Currency.Kes);
        Assert.Equal(kes, new ExchangeRateTable([]).Convert(kes, Currency.Kes, new LocalDate(2024, 1, 1), ExchangeRateRule.Exact));
    }

    [Fact]
    public void Convert_without_a_rate_throws() =>
        Assert.Throws<KeyNotFoundException>(() => Table().Convert(new Money(1m, Currency.Kes), Currency.Usd, new LocalDate(2024, 1, 1), ExchangeRateRule.AnnualAverage));
}
