using System.Collections.Frozen;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace TradeBalance.Internal;

/// <summary>
/// The embedded country → currency table (<c>country-currencies.csv</c>, generated from Unicode CLDR by
/// <c>tools/generate-country-currencies.py</c>): for each country, its tender currencies with inclusive
/// from/to dates, in CLDR's order of preference.
/// </summary>
internal static class CountryCurrencies
{
    private static readonly FrozenDictionary<string, Entry[]> ByAlpha3 = Load();

    /// <summary>The first of the country's entries whose range covers the date, or null.</summary>
    internal static Currency? On(string alpha3, LocalDate date)
    {
        if (!ByAlpha3.TryGetValue(alpha3, out var entries))
        {
            return null;
        }

        foreach (var e in entries)
        {
            if ((e.From is not { } from || from <= date) && (e.To is not { } to || date <= to))
            {
                return e.Currency;
            }
        }

        return null;
    }

    private static FrozenDictionary<string, Entry[]> Load()
    {
        var byCountry = new Dictionary<string, List<Entry>>(StringComparer.Ordinal);
        foreach (var f in EmbeddedTables.Read("country-currencies.csv"))
        {
            if (!byCountry.TryGetValue(f[0], out var list))
            {
                byCountry[f[0]] = list = [];
            }

            // File order is kept: it is CLDR's order of preference.
            list.Add(new Entry(Currency.FromCode(f[1]), Date(f[2]), Date(f[3])));
        }

        return byCountry.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    private static LocalDate? Date(string text) =>
        text.Length == 0 ? null : LocalDatePattern.Iso.WithCulture(CultureInfo.InvariantCulture).Parse(text).Value;

    private sealed record Entry(Currency Currency, LocalDate? From, LocalDate? To);
}
