using System.Globalization;
using TradeBalance.Data.Internal.Spreadsheets;
using Xunit;

namespace TradeBalance.Data.Tests.Spreadsheets;

/// <summary>How numbers become cell text, and how A1 references parse: the same for xlsx and xls, whatever the culture.</summary>
public class CellTextTests
{
    [Theory]
    [InlineData(10121d, "10121")]
    [InlineData(0.5d, "0.5")]
    [InlineData(-3d, "-3")]
    [InlineData(-0d, "0")]
    [InlineData(1e20d, "1E+20")]
    [InlineData(123.45d, "123.45")]
    [InlineData(9007199254740992d, "9007199254740992")]
    [InlineData(18014398509481984d, "18014398509481984")]
    public void Integers_have_no_decimal_point_and_other_numbers_round_trip(double value, string expected)
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE"); // a decimal comma must not leak in
        try
        {
            Assert.Equal(expected, CellText.Number(value));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Values_no_cell_can_hold_give_no_text(double value) => Assert.Null(CellText.Number(value));

    [Theory]
    [InlineData("A1", 0, 1)]
    [InlineData("C7", 2, 7)]
    [InlineData("AA10", 26, 10)]
    [InlineData("XFD1048576", 16383, 1048576)]
    public void References_parse_to_a_zero_based_column_and_a_one_based_row(string text, int column, int row)
    {
        Assert.True(CellReference.TryParse(text, out var c, out var r));
        Assert.Equal((column, row), (c, r));
        Assert.Equal(text, CellReference.Format(column, row));
    }

    [Theory]
    [InlineData("")]
    [InlineData("A")]
    [InlineData("1")]
    [InlineData("A0")]
    [InlineData("a1")]
    [InlineData("XFE1")]
    [InlineData("A1048577")]
    [InlineData("A1B")]
    [InlineData("AAAA1")]
    public void Anything_else_is_not_a_reference(string text) => Assert.False(CellReference.TryParse(text, out _, out _));

    [Fact]
    public void Rk_numbers_decode_integers_doubles_and_hundredths()
    {
        Assert.Equal(10121d, TradeBalance.Data.Internal.Spreadsheets.Xls.RkNumber.Decode((10121u << 2) | 2));
        Assert.Equal(-5d, TradeBalance.Data.Internal.Spreadsheets.Xls.RkNumber.Decode(unchecked((uint)(-5 << 2)) | 2));
        Assert.Equal(1.23d, TradeBalance.Data.Internal.Spreadsheets.Xls.RkNumber.Decode((123u << 2) | 3));
        Assert.Equal(0.5d, TradeBalance.Data.Internal.Spreadsheets.Xls.RkNumber.Decode((uint)(BitConverter.DoubleToInt64Bits(0.5d) >> 32)));
    }
}
