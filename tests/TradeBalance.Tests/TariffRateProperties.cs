using FsCheck.Xunit;
using Xunit;

namespace TradeBalance.Tests;

[Properties(Arbitrary = [typeof(Arbitraries)])]
public class TariffRateProperties
{
    [Property]
    public void Parse_of_ToString_round_trips(TariffRate r) => Assert.Equal(r, TariffRate.Parse(r.ToString()));

    [Property]
    public bool Fraction_is_the_percentage_over_100(TariffRate r) =>
        Math.Abs((r.Fraction * 100d) - (double)r.Percent) <= 1e-12 * Math.Max(1d, (double)r.Percent);

    [Property]
    public bool Ordering_agrees_with_the_percentage(TariffRate a, TariffRate b) =>
        Math.Sign(a.CompareTo(b)) == Math.Sign(a.Percent.CompareTo(b.Percent)) && (a < b) == (a.Percent < b.Percent);
}
