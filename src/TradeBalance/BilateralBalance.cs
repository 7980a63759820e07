using System.Globalization;
using NodaTime;

namespace TradeBalance;

/// <summary>
/// A country's goods trade balance with one partner in a year: its exports to the partner minus its
/// imports from the partner (both as importers report them, so exports are the partner's imports).
/// </summary>
/// <param name="Country">The country whose balance this is.</param>
/// <param name="Partner">The partner.</param>
/// <param name="Year">The year.</param>
/// <param name="Exports">The country's exports to the partner.</param>
/// <param name="Imports">The country's imports from the partner.</param>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record BilateralBalance(Country Country, Country Partner, int Year, Money Exports, Money Imports)
{
    /// <summary>Gets the country's exports to the partner.</summary>
    /// <exception cref="CurrencyMismatchException">Set to a currency other than <see cref="Imports"/>'.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public Money Exports { get => _exports; init => _exports = Projections.ResultChecks.NotNegative(value, nameof(Exports)); }

    /// <summary>Gets the country's imports from the partner.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public Money Imports { get => _imports; init => _imports = Projections.ResultChecks.NotNegative(value, nameof(Imports)); }

    private readonly Money _exports = Projections.ResultChecks.NotNegative(Same(Exports, Imports), nameof(Exports));
    private readonly Money _imports = Projections.ResultChecks.NotNegative(Imports, nameof(Imports));

    /// <summary>Gets exports minus imports; negative is a deficit.</summary>
    /// <exception cref="CurrencyMismatchException">Exports and imports are in different currencies.</exception>
    public Money Balance => Exports - Imports;

    /// <summary>Gets exports as a fraction of imports (Kenya's exports to China are about 0.05 of its imports from China), or <c>null</c> when there are no imports to divide by.</summary>
    public double? ExportImportRatio => Imports.Amount == 0m ? null : (double)(Exports.Amount / Imports.Amount);

    /// <summary>Returns the balance converted to another currency at the rate a table gives for a date.</summary>
    /// <param name="rates">The rate table.</param>
    /// <param name="target">The currency wanted.</param>
    /// <param name="date">The date whose rate applies.</param>
    /// <param name="rule">How to pick the rate; the annual average of <see cref="Year"/> suits annual flows.</param>
    /// <returns>The converted balance, not rounded.</returns>
    /// <exception cref="KeyNotFoundException">The table has no rate that fits.</exception>
    public BilateralBalance ConvertTo(ExchangeRateTable rates, Currency target, LocalDate date, ExchangeRateRule rule)
    {
        ArgumentNullException.ThrowIfNull(rates);
        return this with { Exports = rates.Convert(Exports, target, date, rule), Imports = rates.Convert(Imports, target, date, rule) };
    }

    /// <summary>Returns the balance converted with the annual-average rate of <see cref="Year"/>.</summary>
    /// <param name="rates">The rate table.</param>
    /// <param name="target">The currency wanted.</param>
    /// <returns>The converted balance, not rounded.</returns>
    /// <exception cref="KeyNotFoundException">The table has no annual average for that year.</exception>
    public BilateralBalance ConvertTo(ExchangeRateTable rates, Currency target) =>
        ConvertTo(rates, target, new LocalDate(Year, 1, 1), ExchangeRateRule.AnnualAverage);

    private static Money Same(Money exports, Money imports) =>
        exports.Currency.Equals(imports.Currency) ? exports : throw new CurrencyMismatchException(exports.Currency, imports.Currency);

    /// <summary>Returns a one-line summary with amounts rounded to minor units.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() =>
        $"{Country.Alpha3}–{Partner.Alpha3} {Year.ToString(CultureInfo.InvariantCulture)}: exports {Exports.Round()}, imports {Imports.Round()}, balance {Balance.Round()}";
}
