using NodaTime;
using Xunit;

namespace TradeBalance.Data.Tests;

public class ExchangeRatesCsvTests
{
    [Fact]
    public void Every_basis_reads_and_writes()
    {
        var text = "base,quote,as_of,rate,basis,source\nUSD,KES,2024-01-01,134.82,annual-average,TBK\nUSD,KES,2024-11-29,129.59,Weekly-Average,CBK\nUSD,KES,2024-12-01,129.5,monthly-average,\nUSD,KES,2024-12-23,129.29,daily,\"CBK, via press\"\n";
        var (table, report) = ExchangeRatesCsv.Read(new StringReader(text), "exchange-rates.csv");
        Assert.Equal(4, report.RowsKept);
        Assert.Equal(
            [ExchangeRateBasis.AnnualAverage, ExchangeRateBasis.WeeklyAverage, ExchangeRateBasis.MonthlyAverage, ExchangeRateBasis.Daily],
            table.Rates.Select(r => r.Basis));
        Assert.Equal(129.29m, table.Find(Currency.Usd, Currency.Kes, new LocalDate(2024, 12, 24), ExchangeRateRule.LatestOnOrBefore).Rate.Rate);

        var w = new StringWriter();
        ExchangeRatesCsv.Write(table, w);
        Assert.Equal(text.Replace("Weekly-Average", "weekly-average", StringComparison.Ordinal), w.ToString());
    }

    [Fact]
    public void The_embedded_rates_round_trip()
    {
        var w = new StringWriter();
        ExchangeRatesCsv.Write(KenyaChina.ExchangeRates, w);
        Assert.Equal(KenyaChina.ExchangeRates.Rates, ExchangeRatesCsv.Read(new StringReader(w.ToString()), "r.csv").Value.Rates);
    }

    [Fact]
    public void Basis_spelling_is_the_file_spelling()
    {
        Assert.Equal("annual-average", ExchangeRatesCsv.FormatBasis(ExchangeRateBasis.AnnualAverage));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExchangeRatesCsv.FormatBasis((ExchangeRateBasis)9));
    }
}
