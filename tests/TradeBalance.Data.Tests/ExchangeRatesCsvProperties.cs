using FsCheck.Xunit;
using Xunit;

namespace TradeBalance.Data.Tests;

[Properties(Arbitrary = [typeof(DataArbitraries)], MaxTest = 100)]
public class ExchangeRatesCsvProperties
{
    [Property]
    public void Write_then_read_gives_equal_rates(ExchangeRateTable table)
    {
        var text = new StringWriter();
        ExchangeRatesCsv.Write(table, text);
        Assert.Equal(table.Rates, ExchangeRatesCsv.Read(new StringReader(text.ToString()), "exchange-rates.csv").Value.Rates);
    }
}
