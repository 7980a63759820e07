using Xunit;

namespace TradeBalance.Tests;

public class MarketKeyTests
{
    [Fact]
    public void ToString_is_importer_code_and_year() =>
        Assert.Equal("CHN 0902 2024", new MarketKey(Countries.China, HsCode.Parse("0902"), 2024).ToString());

    [Fact]
    public void Equality_is_by_value()
    {
        Assert.Equal(new MarketKey(Countries.China, HsCode.Parse("0902"), 2024), new MarketKey(Country.FromM49(156), HsCode.Parse("09.02"), 2024));
        Assert.NotEqual(new MarketKey(Countries.China, HsCode.Parse("0902"), 2024), new MarketKey(Countries.China, HsCode.Parse("0902"), 2023));
    }
}
