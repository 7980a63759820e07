using System.Globalization;
using System.Text.Json;
using Xunit;

namespace TradeBalance.Tests;

/// <summary>
/// Cross-checks the embedded ISO 3166-1 and ISO 4217 tables against Debian's <c>iso-codes</c>
/// package, which they were generated from (tools/generate-iso-tables.py). Skipped where the
/// package is not installed.
/// </summary>
public class IsoTablesCrossCheckTests
{
    private const string Iso3166Path = "/usr/share/iso-codes/json/iso_3166-1.json";
    private const string Iso4217Path = "/usr/share/iso-codes/json/iso_4217.json";

    private static JsonElement[] Entries(string path, string key)
    {
        if (!File.Exists(path))
        {
            Assert.Skip($"{path} is not present (install Debian's iso-codes package to run this cross-check).");
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return [.. doc.RootElement.GetProperty(key).EnumerateArray().Select(e => e.Clone())];
    }

    [Fact]
    public void Every_iso_codes_country_is_in_the_registry_with_the_same_codes_and_name()
    {
        var entries = Entries(Iso3166Path, "3166-1");
        Assert.NotEmpty(entries);
        foreach (var e in entries)
        {
            var alpha3 = e.GetProperty("alpha_3").GetString()!;
            Assert.True(Country.TryParse(alpha3, out var c), $"{alpha3} is missing from Country.All");
            Assert.Equal(alpha3, c.Alpha3);
            Assert.Equal(e.GetProperty("alpha_2").GetString(), c.Alpha2);
            Assert.Equal(int.Parse(e.GetProperty("numeric").GetString()!, NumberStyles.None, CultureInfo.InvariantCulture), c.NumericCode);
            Assert.Equal(e.GetProperty("name").GetString(), c.Name);
            Assert.False(c.IsAggregate);
        }

        // And nothing else, apart from the ROW aggregate.
        var iso = entries.Select(e => e.GetProperty("alpha_3").GetString()).ToHashSet();
        Assert.Equal(["ROW"], Country.All.Where(c => !iso.Contains(c.Alpha3)).Select(c => c.Alpha3));
    }

    [Fact]
    public void Every_iso_codes_currency_in_the_registry_has_the_same_numeric_code()
    {
        var entries = Entries(Iso4217Path, "4217");
        var checkedCount = 0;
        foreach (var e in entries)
        {
            var code = e.GetProperty("alpha_3").GetString()!;
            if (!Currency.TryParse(code, out var c))
            {
                continue;
            }

            Assert.Equal(code, c.Code);
            Assert.Equal(int.Parse(e.GetProperty("numeric").GetString()!, NumberStyles.None, CultureInfo.InvariantCulture), c.NumericCode);
            checkedCount++;
        }

        Assert.True(checkedCount >= 150, $"only {checkedCount} currencies matched iso-codes");
        Assert.Contains(entries, e => e.GetProperty("alpha_3").GetString() == "KES");
    }
}
