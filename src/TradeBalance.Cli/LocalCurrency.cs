using System.CommandLine;
using System.Globalization;
using NodaTime;

namespace TradeBalance.Cli;

/// <summary>
/// The local currency a summary converts USD figures to: the one <c>--currency</c> names, else the
/// currency of a country (the scenario's first beneficiary, or <c>balance --country</c>) on 1 January of
/// the year, from <see cref="Currency.TryForCountry"/>. Nothing here assumes KES.
/// </summary>
internal static class LocalCurrency
{
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    /// <summary>The name rate look-ups give the embedded rates in messages.</summary>
    public const string EmbeddedRatesName = "the embedded rates";

    /// <summary>The <c>--currency</c> option; <paramref name="whose"/> says whose currency the default is.</summary>
    public static Option<string?> CreateOption(string whose) => new("--currency")
    {
        Description = $"Local currency of the summary's converted figures (ISO 4217 code, e.g. ETB). Default: {whose}.",
        HelpName = "CODE",
    };

    /// <summary>The currency <c>--currency</c> names, null when not given; an unknown code is a usage error naming it.</summary>
    public static Currency? Parse(string? code) =>
        code is null ? null
        : Currency.TryParse(code, out var c) ? c
        : throw new UsageException($"--currency: '{code}' is not a known ISO 4217 currency code.");

    /// <summary>The chosen currency, else the country's on 1 January of the year; null when neither gives one.</summary>
    public static Currency? Resolve(Currency? chosen, Country country, int year) =>
        chosen ?? (Currency.TryForCountry(country, new LocalDate(year, 1, 1), out var c) ? c : null);

    /// <summary>
    /// The local currency and the year's annual-average rate from the data's currency to it. The rate is 1 when the two
    /// are the same currency; null, with <see cref="LocalRate.Missing"/> saying why and how to fix it, when there is none.
    /// </summary>
    public static LocalRate Find(Currency? chosen, Country country, Currency data, int year, ExchangeRateTable? rates, string ratesName)
    {
        var local = Resolve(chosen, country, year);
        if (local is null)
        {
            return new LocalRate(null, null, null, $"No currency is recorded for {country.Alpha3} on {year}-01-01: local-currency figures omitted (give --currency CODE).");
        }

        if (local.Equals(data))
        {
            return new LocalRate(local, 1m, null, null);
        }

        if (rates is not null && rates.TryFind(data, local, new LocalDate(year, 1, 1), ExchangeRateRule.AnnualAverage, out var found))
        {
            return new LocalRate(local, found.Rate.Rate, found.Rate, null);
        }

        var row = string.Create(Ci, $"{data.Code},{local.Code},{year}-01-01,<rate>,annual-average");
        var fix = ratesName == EmbeddedRatesName ? $"give --rates FILE with a row '{row}'" : $"add a row '{row}'";
        return new LocalRate(local, null, null, string.Create(Ci, $"No {data.Code}/{local.Code} annual average for {year} in {ratesName}: {local.Code} figures omitted ({fix})."));
    }
}

/// <summary>A summary's local currency and the rate to it.</summary>
/// <param name="Currency">The local currency; null when none could be chosen.</param>
/// <param name="PerUnit">Local units per unit of the data's currency (per USD): 1 when they are the same currency, null without a rate.</param>
/// <param name="Rate">The rate table's rate, null when the currencies are the same or there is none.</param>
/// <param name="Missing">Why there are no local figures and how to get them; null when there are.</param>
internal sealed record LocalRate(Currency? Currency, decimal? PerUnit, ExchangeRate? Rate, string? Missing)
{
    /// <summary>Gets a value indicating whether the summary shows local figures beside the USD ones: a rate to another currency was found.</summary>
    public bool Shown => Rate is not null;
}
