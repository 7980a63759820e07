using System.Globalization;

namespace TradeBalance;

/// <summary>
/// One bilateral trade flow: the value (and optionally net weight) of an HS code that an importer
/// bought from an exporter in a year, as the importer reports it (CIF).
/// </summary>
/// <remarks>
/// <para>Invariants: exporter and importer differ; the value is 0 or between
/// <see cref="NumericDomain.MinPositiveFlowValue"/> (10⁻⁶) and <see cref="NumericDomain.MaxFlowValue"/> (10¹⁵),
/// and so is the quantity in kilograms (<see cref="NumericDomain.MaxQuantityKg"/>); the year lies in
/// 1900–2200. The value is <see cref="Money"/> (USD in every TradeBalance reader).</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record TradeFlow
{
    /// <summary>Creates a flow.</summary>
    /// <param name="exporter">The exporting country.</param>
    /// <param name="importer">The importing country.</param>
    /// <param name="hs">The commodity code (or <see cref="HsCode.Total"/> for all goods).</param>
    /// <param name="year">The reference year.</param>
    /// <param name="value">The import value.</param>
    /// <param name="quantityKg">The net weight in kilograms, if known.</param>
    /// <param name="source">Where the figure comes from; may be empty, not null.</param>
    /// <exception cref="ArgumentNullException">A country, the code or the source is null.</exception>
    /// <exception cref="ArgumentException">The countries are the same, the value is <c>default(Money)</c> (no currency), or the value or quantity is negative; the message names the value.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1900–2200, or the value or quantity is outside <see cref="NumericDomain"/>'s bounds (above 10¹⁵, or above 0 and below 10⁻⁶); the message names the value and the flow.</exception>
    public TradeFlow(Country exporter, Country importer, HsCode hs, int year, Money value, decimal? quantityKg = null, string source = "")
    {
        ArgumentNullException.ThrowIfNull(exporter);
        ArgumentNullException.ThrowIfNull(importer);
        ArgumentNullException.ThrowIfNull(hs);
        ArgumentNullException.ThrowIfNull(source);
        if (exporter.Equals(importer))
        {
            throw new ArgumentException($"A trade flow needs two different countries; both are {exporter.Alpha3}.", nameof(importer));
        }

        if (year is < 1900 or > 2200)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"Year {year} is outside 1900–2200.");
        }

        if (value == default)
        {
            throw new ArgumentException($"Trade value has no currency (default(Money)) for {exporter.Alpha3}→{importer.Alpha3} HS {hs} {year}; create it with new Money(amount, currency).", nameof(value));
        }

        if (value.Amount < 0m)
        {
            throw new ArgumentException($"Trade value cannot be negative; got {value} for {exporter.Alpha3}→{importer.Alpha3} HS {hs} {year}.", nameof(value));
        }

        if (quantityKg < 0m)
        {
            throw new ArgumentException($"Quantity cannot be negative; got {quantityKg.Value.ToString(CultureInfo.InvariantCulture)} kg for {exporter.Alpha3}→{importer.Alpha3} HS {hs} {year}.", nameof(quantityKg));
        }

        if (!NumericDomain.IsFlowValue(value.Amount))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value.Amount, $"A trade value must be {NumericDomain.FlowValueBounds} (in units of its currency); got {value.Currency.Code} {value.Amount.ToString(CultureInfo.InvariantCulture)} for {exporter.Alpha3}→{importer.Alpha3} HS {hs} {year}.");
        }

        if (quantityKg is { } kg && !NumericDomain.IsQuantity(kg))
        {
            throw new ArgumentOutOfRangeException(nameof(quantityKg), kg, $"A quantity must be {NumericDomain.QuantityBounds}; got {kg.ToString(CultureInfo.InvariantCulture)} kg for {exporter.Alpha3}→{importer.Alpha3} HS {hs} {year}.");
        }

        Exporter = exporter;
        Importer = importer;
        Hs = hs;
        Year = year;
        Value = value;
        QuantityKg = quantityKg;
        Source = source;
    }

    /// <summary>Gets the exporting country.</summary>
    public Country Exporter { get; }

    /// <summary>Gets the importing country.</summary>
    public Country Importer { get; }

    /// <summary>Gets the commodity code.</summary>
    public HsCode Hs { get; }

    /// <summary>Gets the reference year.</summary>
    public int Year { get; }

    /// <summary>Gets the import value.</summary>
    public Money Value { get; }

    /// <summary>Gets the net weight in kilograms, if known.</summary>
    public decimal? QuantityKg { get; }

    /// <summary>Gets where the figure comes from.</summary>
    public string Source { get; }

    /// <summary>Creates a flow valued in US dollars.</summary>
    /// <param name="exporter">The exporting country.</param>
    /// <param name="importer">The importing country.</param>
    /// <param name="hs">The commodity code.</param>
    /// <param name="year">The reference year.</param>
    /// <param name="valueUsd">The import value in USD.</param>
    /// <param name="source">Where the figure comes from.</param>
    /// <returns>The flow.</returns>
    /// <exception cref="ArgumentException">See the constructor.</exception>
    public static TradeFlow Usd(Country exporter, Country importer, HsCode hs, int year, decimal valueUsd, string source = "") =>
        new(exporter, importer, hs, year, new Money(valueUsd, Currency.Usd), null, source);

    /// <summary>Returns a description, for example <c>KEN→CHN 0902 2024 USD 20,000,000.00</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Exporter.Alpha3}→{Importer.Alpha3} {Hs} {Year.ToString(CultureInfo.InvariantCulture)} {Value}";
}
