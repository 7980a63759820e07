using Xunit;

namespace TradeBalance.Tests.Revisions;

public class HsRevisionTests
{
    [Theory]
    [InlineData("HS2022", 2022)]
    [InlineData("hs2022", 2022)]
    [InlineData(" HS 2022 ", 2022)]
    [InlineData("HS22", 2022)]
    [InlineData("2022", 2022)]
    [InlineData("H6", 2022)]
    [InlineData("h0", 1992)]
    [InlineData("HS92", 1992)]
    [InlineData("HS96", 1996)]
    [InlineData("HS02", 2002)]
    [InlineData("H3", 2007)]
    [InlineData("HS07", 2007)]
    [InlineData("H4", 2012)]
    [InlineData("HS17", 2017)]
    [InlineData("H5", 2017)]
    [InlineData("1996", 1996)]
    public void Parses_the_spellings_of_Comtrade_WITS_and_BACI(string text, int year)
    {
        var revision = HsRevision.Parse(text);
        Assert.Equal(year, revision.Year);
        Assert.Same(HsRevision.FromYear(year), revision);
    }

    [Theory]
    [InlineData("HS2021")]
    [InlineData("H7")]
    [InlineData("HS")]
    [InlineData("22")]
    [InlineData("HS 19 92")]
    [InlineData("")]
    [InlineData("HS2022x")]
    public void Refuses_other_text_and_names_it(string text)
    {
        Assert.False(HsRevision.TryParse(text, out _));
        var e = Assert.Throws<FormatException>(() => HsRevision.Parse(text));
        Assert.StartsWith($"'{text}' is not a Harmonized System revision", e.Message, StringComparison.Ordinal);
        Assert.False(HsRevision.TryParse(null, out _));
    }

    [Fact]
    public void Seven_revisions_ordered_by_year_with_their_Comtrade_codes()
    {
        Assert.Equal([1992, 1996, 2002, 2007, 2012, 2017, 2022], HsRevision.All.Select(r => r.Year));
        Assert.Equal(["H0", "H1", "H2", "H3", "H4", "H5", "H6"], HsRevision.All.Select(r => r.ComtradeCode));
        Assert.Equal("HS2022", HsRevision.Hs2022.ToString());
        Assert.Equal("HS1992", HsRevision.Hs1992.ToString());
        Assert.True(HsRevision.Hs2007 < HsRevision.Hs2012);
        Assert.True(HsRevision.Hs2022 >= HsRevision.Hs2017);
        Assert.False(HsRevision.Hs2017 > HsRevision.Hs2022);
        Assert.True(HsRevision.Hs2017 <= HsRevision.Hs2017);
        Assert.Equal(HsRevision.All, HsRevision.All.Reverse().Order());
        Assert.Null(HsRevision.FromYear(2021));
        Assert.True(HsRevision.Hs2017 != HsRevision.Hs2022);
        Assert.Equal(HsRevision.Hs2017, HsRevision.Parse("HS17"));
    }
}
