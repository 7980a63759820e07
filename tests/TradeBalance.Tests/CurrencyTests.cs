using NodaTime;
using Xunit;

namespace TradeBalance.Tests;

public class CurrencyTests
{
    [Theory]
    [InlineData("KES", 404, 2, "Kenyan Shilling")]
    [InlineData("USD", 840, 2, "US Dollar")]
    [InlineData("CNY", 156, 2, "Yuan Renminbi")]
    [InlineData("EUR", 978, 2, "Euro")]
    [InlineData("JPY", 392, 0, "Yen")]
    [InlineData("BHD", 48, 3, "Bahraini Dinar")]
    [InlineData("CLF", 990, 4, "Unidad de Fomento")]
    public void FromCode_gives_numeric_code_minor_units_and_name(string code, int numeric, int minor, string name)
    {
        var c = Currency.FromCode(code);
        Assert.Equal((code, numeric, minor, name), (c.Code, c.NumericCode, c.MinorUnits, c.Name));
        Assert.Same(c, Currency.FromNumeric(numeric));
    }

    [Fact]
    public void Shortcuts_are_registry_entries()
    {
        Assert.Same(Currency.FromCode("KES"), Currency.Kes);
        Assert.Same(Currency.FromCode("USD"), Currency.Usd);
        Assert.Same(Currency.FromCode("CNY"), Currency.Cny);
        Assert.Same(Currency.FromCode("EUR"), Currency.Eur);
    }

    [Theory]
    [InlineData("kes")]
    [InlineData(" KES ")]
    public void FromCode_ignores_case_and_space(string code) => Assert.Equal(Currency.Kes, Currency.FromCode(code));

    [Fact]
    public void Unknown_code_throws_naming_it()
    {
        var ex = Assert.Throws<ArgumentException>(() => Currency.FromCode("XYZ"));
        Assert.Contains("'XYZ'", ex.Message, StringComparison.Ordinal);
        Assert.Equal("code", ex.ParamName);
        Assert.Throws<ArgumentNullException>(() => Currency.FromCode(null!));
    }

    [Fact]
    public void Unknown_numeric_code_throws_naming_it()
    {
        var ex = Assert.Throws<ArgumentException>(() => Currency.FromNumeric(1));
        Assert.Contains(" 1.", ex.Message, StringComparison.Ordinal);
        Assert.Equal("numericCode", ex.ParamName);
    }

    [Theory]
    [InlineData("XAU")]
    [InlineData("XDR")]
    [InlineData("XXX")]
    public void Codes_without_minor_units_are_not_in_the_registry(string code) =>
        Assert.False(Currency.TryParse(code, out _));

    [Theory]
    [InlineData("KES", "KES")]
    [InlineData("404", "KES")]
    [InlineData("840", "USD")]
    [InlineData("48", "BHD")]
    [InlineData("048", "BHD")]
    [InlineData(" usd ", "USD")]
    public void Parse_accepts_alphabetic_or_numeric_codes(string text, string code) =>
        Assert.Equal(Currency.FromCode(code), Currency.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("US")]
    [InlineData("USDX")]
    [InlineData("0840")]
    [InlineData("999")]
    [InlineData("US Dollar")]
    public void Parse_rejects_unknown_text_naming_it(string text)
    {
        var ex = Assert.Throws<FormatException>(() => Currency.Parse(text));
        Assert.Contains($"'{text}'", ex.Message, StringComparison.Ordinal);
        Assert.False(Currency.TryParse(text, out var c));
        Assert.Null(c);
    }

    [Fact]
    public void Null_text()
    {
        Assert.Throws<ArgumentNullException>(() => Currency.Parse(null!));
        Assert.False(Currency.TryParse(null, out var c));
        Assert.Null(c);
    }

    [Fact]
    public void ToString_is_the_code() => Assert.Equal("KES", Currency.Kes.ToString());

    [Fact]
    public void All_is_sorted_unique_and_valid()
    {
        var all = Currency.All;
        Assert.Equal(all.Select(c => c.Code).Order(StringComparer.Ordinal), all.Select(c => c.Code));
        Assert.Equal(all.Count, all.Select(c => c.Code).Distinct().Count());
        Assert.Equal(all.Count, all.Select(c => c.NumericCode).Distinct().Count());
        Assert.All(all, c =>
        {
            Assert.Matches("^[A-Z]{3}$", c.Code);
            Assert.InRange(c.MinorUnits, 0, 4);
            Assert.InRange(c.NumericCode, 1, 999);
        });
        Assert.Contains(Currency.Kes, all);
    }

    [Fact]
    public void Ordering_is_by_code()
    {
        Assert.True(Currency.Kes < Currency.Usd);
        Assert.True(Currency.Kes <= Currency.Usd);
        Assert.True(Currency.Usd > Currency.Kes);
        Assert.True(Currency.Usd >= Currency.Usd);
        Assert.Equal(1, Currency.Kes.CompareTo(null));
        Currency? none = null;
        Currency? alsoNone = null;
        Assert.True(none < Currency.Kes);
        Assert.True(none <= alsoNone);
        Assert.True(none >= alsoNone);
        Assert.False(none > Currency.Kes);
        Assert.False(none >= Currency.Kes);
    }

    [Theory]
    [InlineData("KEN", "2024-01-01", "KES")]
    [InlineData("ETH", "2024-01-01", "ETB")]
    [InlineData("CHN", "2024-01-01", "CNY")]
    [InlineData("USA", "2024-01-01", "USD")]
    [InlineData("ECU", "2024-01-01", "USD")]
    [InlineData("DEU", "2024-01-01", "EUR")]
    [InlineData("HRV", "2022-12-31", "HRK")]
    [InlineData("HRV", "2023-01-01", "EUR")]
    [InlineData("HRV", "2023-01-14", "EUR")]
    [InlineData("VEN", "2018-08-20", "VES")]
    [InlineData("SLE", "2023-06-30", "SLE")]
    [InlineData("SLE", "2022-06-30", "SLL")]
    public void ForCountry_gives_the_currency_in_use_on_the_date(string country, string date, string expected)
    {
        var day = NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value;
        Assert.Same(Currency.FromCode(expected), Currency.ForCountry(Country.FromIso3(country), day));
        Assert.True(Currency.TryForCountry(Country.FromIso3(country), day, out var c));
        Assert.Same(Currency.FromCode(expected), c);
    }

    [Fact]
    public void Croatia_changes_from_kuna_to_euro_on_1_January_2023()
    {
        var croatia = Country.FromIso3("HRV");
        Assert.Equal("HRK", Currency.ForCountry(croatia, new LocalDate(2022, 12, 31)).Code);
        Assert.Equal("EUR", Currency.ForCountry(croatia, new LocalDate(2023, 1, 1)).Code);
    }

    [Fact]
    public void Aggregates_have_no_currency()
    {
        Assert.True(Countries.RestOfWorld.IsAggregate);
        Assert.False(Currency.TryForCountry(Countries.RestOfWorld, new LocalDate(2024, 1, 1), out var c));
        Assert.Null(c);
        var ex = Assert.Throws<ArgumentException>(() => Currency.ForCountry(Countries.RestOfWorld, new LocalDate(2024, 1, 1)));
        Assert.Contains("ROW is an aggregate", ex.Message, StringComparison.Ordinal);
        Assert.Equal("country", ex.ParamName);
    }

    [Fact]
    public void No_currency_outside_the_recorded_dates_or_where_none_is_tender()
    {
        // Venezuela's bolívar fuerte (VEF, to 2018-08-20) is not in the registry; Antarctica has no tender currency.
        Assert.False(Currency.TryForCountry(Country.FromIso3("VEN"), new LocalDate(2018, 8, 19), out _));
        Assert.False(Currency.TryForCountry(Country.FromIso3("ATA"), new LocalDate(2024, 1, 1), out _));
        Assert.False(Currency.TryForCountry(Country.FromIso3("KEN"), new LocalDate(1900, 1, 1), out _));
        Assert.False(Currency.TryForCountry(null, new LocalDate(2024, 1, 1), out _));
        var ex = Assert.Throws<ArgumentException>(() => Currency.ForCountry(Country.FromIso3("ATA"), new LocalDate(2024, 1, 1)));
        Assert.Contains("ATA", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2024-01-01", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => Currency.ForCountry(null!, new LocalDate(2024, 1, 1)));
    }

    [Fact]
    public void Every_country_but_Antarctica_has_a_currency_today()
    {
        var day = new LocalDate(2025, 1, 1);
        var without = Country.All.Where(c => !c.IsAggregate && !Currency.TryForCountry(c, day, out _)).Select(c => c.Alpha3).ToList();
        Assert.Equal(["ATA"], without);
    }
}
