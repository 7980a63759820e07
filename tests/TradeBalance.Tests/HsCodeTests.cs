using Xunit;

namespace TradeBalance.Tests;

public class HsCodeTests
{
    [Theory]
    [InlineData("0902", "0902")]
    [InlineData("0902.40", "090240")]
    [InlineData("090240", "090240")]
    [InlineData("0902.40.90", "09024090")]
    [InlineData("09.02.40", "090240")]
    [InlineData("0902409010", "0902409010")]
    [InlineData("0902.40.90.10", "0902409010")]
    [InlineData("09", "09")]
    [InlineData(" 0902.40 ", "090240")]
    public void Parse_accepts_the_documented_forms(string text, string digits)
    {
        var code = HsCode.Parse(text);
        Assert.Equal(digits, code.Digits);
        Assert.Equal(digits.Length, code.Length);
        Assert.False(code.IsTotal);
        Assert.Equal(digits, code.ToString());
    }

    [Theory]
    [InlineData("TOTAL")]
    [InlineData("total")]
    [InlineData(" Total ")]
    public void Parse_of_TOTAL_is_the_root(string text)
    {
        var code = HsCode.Parse(text);
        Assert.Same(HsCode.Total, code);
        Assert.True(code.IsTotal);
        Assert.Equal(0, code.Length);
        Assert.Equal(string.Empty, code.Digits);
        Assert.Equal("TOTAL", code.ToString());
    }

    [Theory]
    [InlineData("902")]
    [InlineData("9")]
    [InlineData("90240")]
    [InlineData("9.02")]
    public void A_dropped_leading_zero_is_rejected_with_a_hint(string text)
    {
        var ex = Assert.Throws<FormatException>(() => HsCode.Parse(text));
        Assert.Contains($"'{text}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("leading zero", ex.Message, StringComparison.Ordinal);
        Assert.Contains("0902 not 902", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("09..02")]
    [InlineData(".0902")]
    [InlineData("0902.")]
    [InlineData("090240901234")]
    [InlineData("09024090123")]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(".")]
    [InlineData("09a2")]
    [InlineData("0902 40")]
    [InlineData("0902-40")]
    [InlineData("+0902")]
    [InlineData("0902400")]
    [InlineData("TOTALS")]
    [InlineData("٠٩٠٢")]
    public void Malformed_codes_are_rejected_naming_the_text(string text)
    {
        var ex = Assert.Throws<FormatException>(() => HsCode.Parse(text));
        Assert.Contains($"'{text}'", ex.Message, StringComparison.Ordinal);
        Assert.False(HsCode.TryParse(text, out var code));
        Assert.Null(code);
    }

    [Fact]
    public void Twelve_digits_get_no_leading_zero_hint()
    {
        var ex = Assert.Throws<FormatException>(() => HsCode.Parse("090240901234"));
        Assert.DoesNotContain("leading zero", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_text_throws_or_fails()
    {
        Assert.Throws<ArgumentNullException>(() => HsCode.Parse(null!));
        Assert.False(HsCode.TryParse(null, out var code));
        Assert.Null(code);
    }

    [Fact]
    public void Levels_of_a_national_line()
    {
        var line = HsCode.Parse("0902.40.90");
        Assert.Equal("09", line.Chapter!.Digits);
        Assert.Equal("0902", line.Heading!.Digits);
        Assert.Equal("090240", line.Subheading!.Digits);
        Assert.True(line.IsNationalLine);
    }

    [Fact]
    public void A_level_is_itself_at_its_own_length()
    {
        var chapter = HsCode.Parse("09");
        var heading = HsCode.Parse("0902");
        var sub = HsCode.Parse("090240");
        Assert.Same(chapter, chapter.Chapter);
        Assert.Same(heading, heading.Heading);
        Assert.Same(sub, sub.Subheading);
        Assert.False(sub.IsNationalLine);
    }

    [Fact]
    public void Levels_below_the_codes_length_are_null()
    {
        var chapter = HsCode.Parse("09");
        var heading = HsCode.Parse("0902");
        Assert.Null(chapter.Heading);
        Assert.Null(chapter.Subheading);
        Assert.Equal(chapter, heading.Chapter);
        Assert.Null(heading.Subheading);
        Assert.Null(HsCode.Total.Chapter);
        Assert.Null(HsCode.Total.Heading);
        Assert.Null(HsCode.Total.Subheading);
        Assert.False(HsCode.Total.IsNationalLine);
    }

    [Fact]
    public void Parent_walks_up_to_TOTAL()
    {
        var code = HsCode.Parse("0902409010");
        var chain = new List<string>();
        for (var c = code.Parent; c is not null; c = c.Parent)
        {
            chain.Add(c.ToString());
        }

        Assert.Equal(["09024090", "090240", "0902", "09", "TOTAL"], chain);
        Assert.Same(HsCode.Total, HsCode.Parse("09").Parent);
        Assert.Null(HsCode.Total.Parent);
    }

    [Fact]
    public void Contains_is_prefix_containment()
    {
        var tea = HsCode.Parse("0902");
        Assert.True(tea.Contains(HsCode.Parse("090240")));
        Assert.True(tea.Contains(HsCode.Parse("0902.40.90")));
        Assert.True(tea.Contains(tea));
        Assert.False(tea.Contains(HsCode.Parse("0901")));
        Assert.False(tea.Contains(HsCode.Parse("09")));
        Assert.False(HsCode.Parse("090240").Contains(tea));
        Assert.False(HsCode.Parse("0902").Contains(HsCode.Parse("090302")));
    }

    [Fact]
    public void Total_contains_everything_and_only_Total_contains_Total()
    {
        Assert.True(HsCode.Total.Contains(HsCode.Parse("0902")));
        Assert.True(HsCode.Total.Contains(HsCode.Total));
        Assert.False(HsCode.Parse("09").Contains(HsCode.Total));
    }

    [Fact]
    public void Contains_null_throws() => Assert.Throws<ArgumentNullException>(() => HsCode.Total.Contains(null!));

    [Theory]
    [InlineData("TOTAL", "TOTAL")]
    [InlineData("09", "09")]
    [InlineData("0902", "0902")]
    [InlineData("090240", "0902.40")]
    [InlineData("09024090", "0902.40.90")]
    [InlineData("0902409010", "0902.40.90.10")]
    public void ToDottedString_groups_after_the_heading(string text, string dotted) =>
        Assert.Equal(dotted, HsCode.Parse(text).ToDottedString());

    [Fact]
    public void Equality_is_by_digits_whatever_the_input_form()
    {
        Assert.Equal(HsCode.Parse("0902.40"), HsCode.Parse("090240"));
        Assert.Equal(HsCode.Parse("0902.40").GetHashCode(), HsCode.Parse("090240").GetHashCode());
        Assert.NotEqual(HsCode.Parse("0902"), HsCode.Parse("090240"));
    }

    [Fact]
    public void Ordering_is_ordinal_on_digits_with_Total_first()
    {
        var codes = new[] { "0903", "090240", "TOTAL", "0902", "09", "01" }.Select(HsCode.Parse).Order().Select(c => c.ToString());
        Assert.Equal(["TOTAL", "01", "09", "0902", "090240", "0903"], codes);
        var tea = HsCode.Parse("0902");
        Assert.Equal(1, tea.CompareTo(null));
        Assert.True(HsCode.Parse("09") < tea);
        Assert.True(HsCode.Parse("09") <= tea);
        Assert.True(tea > HsCode.Parse("09"));
        Assert.True(tea >= HsCode.Parse("0902"));
        HsCode? none = null;
        HsCode? alsoNone = null;
        Assert.True(none < tea);
        Assert.True(none <= alsoNone);
        Assert.True(none >= alsoNone);
        Assert.False(none > tea);
        Assert.False(none >= tea);
    }
}
