using Xunit;

namespace TradeBalance.Tests;

public class CountryTests
{
    [Fact]
    public void FromIso2_finds_Kenya()
    {
        var ke = Country.FromIso2("KE");
        Assert.Equal(("KE", "KEN", 404, "Kenya", false), (ke.Alpha2, ke.Alpha3, ke.NumericCode, ke.Name, ke.IsAggregate));
    }

    [Fact]
    public void The_three_lookups_return_the_same_country()
    {
        var byIso2 = Country.FromIso2("KE");
        Assert.Equal(byIso2, Country.FromIso3("KEN"));
        Assert.Equal(byIso2, Country.FromM49(404));
        Assert.Same(byIso2, Country.FromM49(404));
        Assert.Equal(byIso2.GetHashCode(), Country.FromIso3("KEN").GetHashCode());
    }

    [Fact]
    public void China_is_CN_CHN_156()
    {
        var cn = Country.FromM49(156);
        Assert.Equal(("CN", "CHN", "China"), (cn.Alpha2, cn.Alpha3, cn.Name));
        Assert.Equal(cn, Country.FromIso2("CN"));
    }

    [Theory]
    [InlineData("ke")]
    [InlineData(" KE ")]
    [InlineData("Ke")]
    public void FromIso2_ignores_case_and_surrounding_space(string code) => Assert.Equal(Countries.Kenya, Country.FromIso2(code));

    [Theory]
    [InlineData("ken")]
    [InlineData(" KEN\t")]
    public void FromIso3_ignores_case_and_surrounding_space(string code) => Assert.Equal(Countries.Kenya, Country.FromIso3(code));

    [Fact]
    public void Unknown_alpha2_throws_naming_the_code()
    {
        var ex = Assert.Throws<ArgumentException>(() => Country.FromIso2("QQ"));
        Assert.Contains("'QQ'", ex.Message, StringComparison.Ordinal);
        Assert.Equal("alpha2", ex.ParamName);
    }

    [Fact]
    public void Unknown_alpha3_throws_naming_the_code()
    {
        var ex = Assert.Throws<ArgumentException>(() => Country.FromIso3("QQQ"));
        Assert.Contains("'QQQ'", ex.Message, StringComparison.Ordinal);
        Assert.Equal("alpha3", ex.ParamName);
    }

    [Fact]
    public void An_alpha3_code_is_not_accepted_as_alpha2_nor_the_reverse()
    {
        Assert.Throws<ArgumentException>(() => Country.FromIso2("KEN"));
        Assert.Throws<ArgumentException>(() => Country.FromIso3("KE"));
    }

    [Theory]
    [InlineData(999)]
    [InlineData(0)]
    [InlineData(-404)]
    public void Unknown_numeric_code_throws_naming_the_code(int code)
    {
        var ex = Assert.Throws<ArgumentException>(() => Country.FromM49(code));
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
        Assert.Equal("code", ex.ParamName);
    }

    [Fact]
    public void Null_codes_throw_ArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => Country.FromIso2(null!));
        Assert.Throws<ArgumentNullException>(() => Country.FromIso3(null!));
        Assert.Throws<ArgumentNullException>(() => Country.Parse(null!));
    }

    [Theory]
    [InlineData("KE", "KEN")]
    [InlineData("KEN", "KEN")]
    [InlineData("404", "KEN")]
    [InlineData("156", "CHN")]
    [InlineData(" chn ", "CHN")]
    [InlineData("76", "BRA")]
    [InlineData("076", "BRA")]
    [InlineData("4", "AFG")]
    [InlineData("899", "ROW")]
    [InlineData("ROW", "ROW")]
    public void Parse_accepts_any_of_the_three_codes(string text, string alpha3) => Assert.Equal(Country.FromIso3(alpha3), Country.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("K")]
    [InlineData("KENY")]
    [InlineData("QQQ")]
    [InlineData("999")]
    [InlineData("0404")]
    [InlineData("4O4")]
    [InlineData("-404")]
    [InlineData("Kenya")]
    public void Parse_rejects_unknown_text_naming_it(string text)
    {
        var ex = Assert.Throws<FormatException>(() => Country.Parse(text));
        Assert.Contains($"'{text}'", ex.Message, StringComparison.Ordinal);
        Assert.False(Country.TryParse(text, out var c));
        Assert.Null(c);
    }

    [Fact]
    public void TryParse_of_null_is_false()
    {
        Assert.False(Country.TryParse(null, out var c));
        Assert.Null(c);
    }

    [Fact]
    public void TryParse_of_a_known_code_is_true()
    {
        Assert.True(Country.TryParse("404", out var c));
        Assert.Equal(Countries.Kenya, c);
    }

    [Fact]
    public void RestOfWorld_is_the_only_aggregate()
    {
        var row = Country.FromIso3("ROW");
        Assert.True(row.IsAggregate);
        Assert.Equal(("XR", 899, "Rest of world"), (row.Alpha2, row.NumericCode, row.Name));
        Assert.Single(Country.All, c => c.IsAggregate);
        Assert.Same(row, Countries.RestOfWorld);
    }

    [Fact]
    public void All_is_ordered_by_alpha3_and_every_code_is_unique()
    {
        var all = Country.All;
        Assert.Equal(all.Select(c => c.Alpha3).Order(StringComparer.Ordinal), all.Select(c => c.Alpha3));
        Assert.Equal(all.Count, all.Select(c => c.Alpha2).Distinct().Count());
        Assert.Equal(all.Count, all.Select(c => c.Alpha3).Distinct().Count());
        Assert.Equal(all.Count, all.Select(c => c.NumericCode).Distinct().Count());
        Assert.True(all.Count >= 250, $"only {all.Count} entries");
        Assert.All(all, c =>
        {
            Assert.Matches("^[A-Z]{2}$", c.Alpha2);
            Assert.Matches("^[A-Z]{3}$", c.Alpha3);
            Assert.InRange(c.NumericCode, 1, 999);
            Assert.False(string.IsNullOrWhiteSpace(c.Name));
        });
    }

    [Fact]
    public void Names_with_commas_survive_the_embedded_csv() =>
        Assert.Equal("Bolivia, Plurinational State of", Country.FromIso3("BOL").Name);

    [Fact]
    public void ToString_is_alpha3() => Assert.Equal("KEN", Countries.Kenya.ToString());

    [Fact]
    public void Ordering_is_by_alpha3()
    {
        var china = Countries.China;
        var kenya = Countries.Kenya;
        Assert.True(china.CompareTo(kenya) < 0);
        Assert.True(kenya.CompareTo(china) > 0);
        Assert.Equal(0, kenya.CompareTo(Country.FromM49(404)));
        Assert.Equal(1, kenya.CompareTo(null));
        Assert.True(china < kenya);
        Assert.True(china <= kenya);
        Assert.True(kenya > china);
        Assert.True(kenya >= china);
        Assert.True(kenya <= Countries.Kenya);
        Assert.True(kenya >= Countries.Kenya);
        Assert.False(kenya < Countries.Kenya);
    }

    [Fact]
    public void Null_sorts_first()
    {
        Country? none = null;
        Country? alsoNone = null;
        Assert.True(none < Countries.Kenya);
        Assert.True(none <= Countries.Kenya);
        Assert.True(none <= alsoNone);
        Assert.True(none >= alsoNone);
        Assert.False(none < alsoNone);
        Assert.False(none > Countries.Kenya);
        Assert.False(none >= Countries.Kenya);
        Assert.True(Countries.Kenya > none);
    }

    [Fact]
    public void Distinct_countries_are_not_equal() => Assert.NotEqual(Countries.Kenya, Countries.China);
}
