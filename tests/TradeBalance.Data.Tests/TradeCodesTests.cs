using TradeBalance.Data.Internal;
using Xunit;

namespace TradeBalance.Data.Tests;

public class TradeCodesTests
{
    [Fact]
    public void No_nes_area_code_is_an_ISO_country()
    {
        foreach (var code in TradeCodes.NesAreas.Where(c => c != 899))
        {
            Assert.False(Country.TryParse(code.ToString(System.Globalization.CultureInfo.InvariantCulture), out var c), $"{code} is {c}");
        }
    }

    [Theory]
    [InlineData(842, "USA")]
    [InlineData(699, "IND")]
    [InlineData(757, "CHE")]
    [InlineData(490, "TWN")]
    [InlineData(404, "KEN")]
    [InlineData(156, "CHN")]
    public void Trade_aliases_and_ISO_numeric_resolve(int code, string alpha3)
    {
        Assert.Equal(NumericCodeKind.Country, TradeCodes.Resolve(code, out var c));
        Assert.Equal(alpha3, c!.Alpha3);
    }

    [Fact]
    public void World_nes_and_unknown_are_told_apart()
    {
        Assert.Equal(NumericCodeKind.World, TradeCodes.Resolve(0, out _));
        Assert.Equal(NumericCodeKind.NesArea, TradeCodes.Resolve(899, out var row));
        Assert.Equal(Countries.RestOfWorld, row);
        Assert.Equal(NumericCodeKind.NesArea, TradeCodes.Resolve(577, out _));
        Assert.Equal(NumericCodeKind.Unknown, TradeCodes.Resolve(9999, out _));
        Assert.True(TradeCodes.TryCountry("842", out var usa));
        Assert.Equal("USA", usa.Alpha3);
    }
}
