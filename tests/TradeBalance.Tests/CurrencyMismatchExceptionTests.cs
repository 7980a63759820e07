using Xunit;

namespace TradeBalance.Tests;

public class CurrencyMismatchExceptionTests
{
    [Fact]
    public void Names_both_currencies()
    {
        var ex = new CurrencyMismatchException(Currency.Kes, Currency.Usd);
        Assert.Same(Currency.Kes, ex.Expected);
        Assert.Same(Currency.Usd, ex.Actual);
        Assert.Contains("KES", ex.Message, StringComparison.Ordinal);
        Assert.Contains("USD", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<ArgumentException>(ex);
    }

    [Fact]
    public void Null_currencies_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => new CurrencyMismatchException(null!, Currency.Usd));
        Assert.Throws<ArgumentNullException>(() => new CurrencyMismatchException(Currency.Kes, null!));
    }
}
