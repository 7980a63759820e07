using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace TradeBalance.Tests;

/// <summary>
/// <see cref="Money.Parse"/>'s rules for thousands separators, each at its edge: a comma only between groups,
/// the first group of 1 to 3 digits (after any sign), every later group of exactly 3, none after the point.
/// </summary>
public class MoneyGroupingTests
{
    [Theory]
    [InlineData("USD 1,234", "1234")]
    [InlineData("USD 12,345", "12345")]
    [InlineData("USD 123,456", "123456")]
    [InlineData("USD 1,234,567", "1234567")]
    [InlineData("USD 1,234.5", "1234.5")]
    [InlineData("USD 999,999.999", "999999.999")]
    [InlineData("USD -1,234.50", "-1234.50")]
    [InlineData("USD +1,234", "1234")]
    [InlineData("USD -999,000", "-999000")]
    [InlineData("USD 1234", "1234")]
    [InlineData("USD 1234.5678", "1234.5678")]
    [InlineData("USD 0", "0")]
    [InlineData("USD 0.5", "0.5")]
    [InlineData("USD .5", "0.5")]
    public void Groups_of_three_after_a_first_group_of_one_to_three_digits_are_read(string text, string amount)
    {
        var expected = new Money(decimal.Parse(amount, CultureInfo.InvariantCulture), Currency.Usd);
        Assert.Equal(expected, Money.Parse(text));
        Assert.True(Money.TryParse(text, out var m));
        Assert.Equal(expected, m);
    }

    [Theory]
    [InlineData("USD ,123")] // the first group is empty: a comma at the very start
    [InlineData("USD -,123")] // empty after the sign
    [InlineData("USD ,")]
    [InlineData("USD 1234,567")] // a first group of four
    [InlineData("USD 1,23")] // a later group of two
    [InlineData("USD 1,2345")] // a later group of four
    [InlineData("USD 1,234,56")] // the last group short
    [InlineData("USD 1,23,456")] // a middle group short
    [InlineData("USD 1,,234")] // an empty middle group
    [InlineData("USD 1,234,")] // an empty last group
    [InlineData("USD 1,5")] // a decimal comma
    [InlineData("USD 1,5.00")]
    [InlineData("USD 12,34.5")]
    [InlineData("USD 1.234,5")] // European style
    [InlineData("USD 12\0")] // .NET's parser stops at a NUL and would read 12
    [InlineData("USD 1,234\0")]
    public void Any_other_comma_or_a_NUL_is_refused(string text)
    {
        Assert.False(Money.TryParse(text, out var m));
        Assert.Equal(default, m);
        var e = Assert.Throws<FormatException>(() => Money.Parse(text));
        Assert.StartsWith($"'{text}' is not an amount of money", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("USD 12")]
    [InlineData("usd 12")]
    [InlineData("  USD 12  ")]
    public void The_code_is_three_letters_then_one_space(string text) => Assert.Equal(new Money(12m, Currency.Usd), Money.Parse(text));

    [Theory]
    [InlineData("US 12")] // the space at 2
    [InlineData("USDX 12")] // the space at 4
    [InlineData("840 12")] // USD's numeric code: letters only
    [InlineData("8XX 12")]
    [InlineData(" 12")]
    [InlineData("USD")]
    public void Anything_but_a_three_letter_code_and_a_space_is_refused(string text) => Assert.False(Money.TryParse(text, out _));

    /// <summary>Any amount written with separators in the right places reads back, and one comma moved one place does not.</summary>
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public Property Separators_in_the_right_places_read_back_and_a_moved_one_does_not(Money m, PositiveInt shift)
    {
        var text = m.ToString();
        var parsed = Money.Parse(text);
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0)
        {
            return (parsed == m).Label("read back");
        }

        // Move the first comma one digit to the left or right: the groups around it become 2 and 4 digits or 4 and 2.
        var chars = text.ToCharArray();
        var to = shift.Get % 2 == 0 ? comma - 1 : comma + 1;
        (chars[comma], chars[to]) = (chars[to], chars[comma]);
        var moved = new string(chars);
        var movedIsValid = Money.TryParse(moved, out _);
        return (parsed == m).Label("read back").And((!movedIsValid).Label($"'{moved}' refused"));
    }
}
