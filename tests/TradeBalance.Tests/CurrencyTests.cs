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
}
