using FsCheck.Xunit;
using Xunit;

namespace TradeBalance.Tests;

[Properties(Arbitrary = [typeof(Arbitraries)])]
public class RegistryProperties
{
    [Property]
    public void Country_Parse_of_ToString_and_of_every_code_round_trips(Country c)
    {
        Assert.Equal(c, Country.Parse(c.ToString()));
        Assert.Equal(c, Country.Parse(c.Alpha2));
        Assert.Equal(c, Country.Parse(c.Alpha3.ToLowerInvariant()));
        Assert.Equal(c, Country.Parse(c.NumericCode.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(c, Country.FromM49(c.NumericCode));
    }

    [Property]
    public void Currency_Parse_of_ToString_and_of_the_numeric_code_round_trips(Currency c)
    {
        Assert.Equal(c, Currency.Parse(c.ToString()));
        Assert.Equal(c, Currency.Parse(c.NumericCode.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(c, Currency.FromNumeric(c.NumericCode));
        Assert.InRange(c.MinorUnits, 0, 4);
    }

    [Property]
    public bool Country_ordering_agrees_with_alpha3(Country a, Country b) =>
        Math.Sign(a.CompareTo(b)) == Math.Sign(string.CompareOrdinal(a.Alpha3, b.Alpha3)) && (a == b) == (a.CompareTo(b) == 0);
}
