using Xunit;

namespace TradeBalance.Tests;

public class SmokeTests
{
    [Fact]
    public void Kenya_is_404() => Assert.Equal(404, Countries.Kenya.NumericCode);
}
