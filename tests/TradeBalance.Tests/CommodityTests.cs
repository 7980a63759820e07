using Xunit;

namespace TradeBalance.Tests;

public class CommodityTests
{
    [Fact]
    public void The_named_commodities_have_the_documented_codes()
    {
        Assert.Equal(("0902", "Tea"), (Commodities.Tea.Code.ToString(), Commodities.Tea.Name));
        Assert.Equal(("0901", "Coffee"), (Commodities.Coffee.Code.ToString(), Commodities.Coffee.Name));
        Assert.Equal(("080440", "Avocados"), (Commodities.Avocado.Code.ToString(), Commodities.Avocado.Name));
        Assert.Equal([Commodities.Tea, Commodities.Coffee, Commodities.Avocado], Commodities.All);
        Assert.True(Commodities.TryFind(HsCode.Parse("0902"), out var tea));
        Assert.Same(Commodities.Tea, tea);
        Assert.False(Commodities.TryFind(HsCode.Parse("090240"), out _));
    }

    [Fact]
    public void ToString_is_code_and_name() => Assert.Equal("0902 Tea", Commodities.Tea.ToString());

    [Fact]
    public void Equality_compares_code_and_name()
    {
        Assert.Equal(Commodities.Tea, new Commodity(HsCode.Parse("0902"), "Tea"));
        Assert.NotEqual(Commodities.Tea, new Commodity(HsCode.Parse("0902"), "Black tea"));
        Assert.NotEqual(Commodities.Tea, new Commodity(HsCode.Parse("090240"), "Tea"));
    }

    [Fact]
    public void Constructor_validates()
    {
        Assert.Throws<ArgumentNullException>(() => new Commodity(null!, "Tea"));
        Assert.Throws<ArgumentNullException>(() => new Commodity(HsCode.Total, null!));
        Assert.Throws<ArgumentException>(() => new Commodity(HsCode.Total, ""));
        Assert.Throws<ArgumentException>(() => new Commodity(HsCode.Total, "  "));
    }
}
