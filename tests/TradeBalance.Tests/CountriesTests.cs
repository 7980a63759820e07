using Xunit;

namespace TradeBalance.Tests;

public class CountriesTests
{
    public static TheoryData<string, string, string, int> Shortcuts => new()
    {
        { nameof(Countries.Kenya), "KE", "KEN", 404 },
        { nameof(Countries.China), "CN", "CHN", 156 },
        { nameof(Countries.SriLanka), "LK", "LKA", 144 },
        { nameof(Countries.India), "IN", "IND", 356 },
        { nameof(Countries.VietNam), "VN", "VNM", 704 },
        { nameof(Countries.Ethiopia), "ET", "ETH", 231 },
        { nameof(Countries.Brazil), "BR", "BRA", 76 },
        { nameof(Countries.Peru), "PE", "PER", 604 },
        { nameof(Countries.Chile), "CL", "CHL", 152 },
        { nameof(Countries.Mexico), "MX", "MEX", 484 },
        { nameof(Countries.UnitedStates), "US", "USA", 840 },
        { nameof(Countries.RestOfWorld), "XR", "ROW", 899 },
    };

    [Theory]
    [MemberData(nameof(Shortcuts))]
    public void Each_shortcut_has_the_documented_codes(string property, string alpha2, string alpha3, int numeric)
    {
        var country = (Country)typeof(Countries).GetProperty(property)!.GetValue(null)!;
        Assert.Equal((alpha2, alpha3, numeric), (country.Alpha2, country.Alpha3, country.NumericCode));
        Assert.Same(Country.FromIso3(alpha3), country);
    }

    [Fact]
    public void Every_public_shortcut_is_listed_above() =>
        Assert.Equal(
            Shortcuts.Select(row => (string)row.Data.Item1).Order(StringComparer.Ordinal),
            typeof(Countries).GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal));
}
