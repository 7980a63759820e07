using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace TradeBalance;

/// <summary>
/// A one-way, dated exchange rate: one unit of <see cref="Base"/> buys <see cref="Rate"/> units of
/// <see cref="Quote"/> (USD→KES 134.82 means USD 1 = KES 134.82), as of a date, with its source.
/// </summary>
/// <remarks>
/// <para>Invariants: base and quote differ; the rate is from <see cref="NumericDomain.MinExchangeRate"/>
/// (10⁻⁹) to <see cref="NumericDomain.MaxExchangeRate"/> (10⁹), so that its inverse is too. A rate converts only from its base
/// to its quote; the other way needs <see cref="Inverse"/>, called explicitly, so that a rate is never
/// applied upside down by accident.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record ExchangeRate
{
    /// <summary>Creates a rate.</summary>
    /// <param name="baseCurrency">The currency converted from.</param>
    /// <param name="quoteCurrency">The currency converted to.</param>
    /// <param name="rate">Units of quote per unit of base; from 10⁻⁹ to 10⁹.</param>
    /// <param name="asOf">The date the rate is for (for an average, any day of its period; by convention the first).</param>
    /// <param name="basis">The period the rate describes.</param>
    /// <param name="source">Where the rate comes from; may be empty, not null.</param>
    /// <exception cref="ArgumentNullException">A currency or the source is null.</exception>
    /// <exception cref="ArgumentException">The currencies are equal, or the rate is not positive; the message names the value.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The rate is positive but outside 10⁻⁹ to 10⁹ (<see cref="NumericDomain"/>); the message names it.</exception>
    public ExchangeRate(Currency baseCurrency, Currency quoteCurrency, decimal rate, LocalDate asOf, ExchangeRateBasis basis = ExchangeRateBasis.Daily, string source = "")
    {
        ArgumentNullException.ThrowIfNull(baseCurrency);
        ArgumentNullException.ThrowIfNull(quoteCurrency);
        ArgumentNullException.ThrowIfNull(source);
        if (baseCurrency.Equals(quoteCurrency))
        {
            throw new ArgumentException($"An exchange rate needs two different currencies; both are {baseCurrency.Code}.", nameof(quoteCurrency));
        }

        if (rate <= 0m)
        {
            throw new ArgumentException($"Exchange rate {baseCurrency.Code}/{quoteCurrency.Code} must be positive; got {rate.ToString(CultureInfo.InvariantCulture)}.", nameof(rate));
        }

        if (rate < NumericDomain.MinExchangeRate || rate > NumericDomain.MaxExchangeRate)
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, $"Exchange rate {baseCurrency.Code}/{quoteCurrency.Code} must be from 1E-09 to 1E+09; got {rate.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (!Enum.IsDefined(basis))
        {
            throw new ArgumentException($"Unknown exchange-rate basis {(int)basis}.", nameof(basis));
        }

        Base = baseCurrency;
        Quote = quoteCurrency;
        Rate = rate;
        AsOf = asOf;
        Basis = basis;
        Source = source;
    }

    /// <summary>Gets the currency converted from.</summary>
    public Currency Base { get; }

    /// <summary>Gets the currency converted to.</summary>
    public Currency Quote { get; }

    /// <summary>Gets the units of quote per unit of base.</summary>
    public decimal Rate { get; }

    /// <summary>Gets the date the rate is for.</summary>
    public LocalDate AsOf { get; }

    /// <summary>Gets the period the rate describes.</summary>
    public ExchangeRateBasis Basis { get; }

    /// <summary>Gets where the rate comes from.</summary>
    public string Source { get; }

    /// <summary>Converts an amount in <see cref="Base"/> to <see cref="Quote"/>, at full precision (not rounded).</summary>
    /// <param name="amount">An amount in the base currency.</param>
    /// <returns>The amount in the quote currency.</returns>
    /// <exception cref="CurrencyMismatchException">The amount is not in the base currency.</exception>
    /// <exception cref="OverflowException">The converted amount does not fit in an amount; the message names the amount and the rate.</exception>
    public Money Convert(Money amount)
    {
        if (!amount.Currency.Equals(Base))
        {
            throw new CurrencyMismatchException(Base, amount.Currency);
        }

        var converted = amount * Rate; // an overflow names the amount and the rate
        return new Money(converted.Amount, Quote);
    }

    /// <summary>Returns the rate the other way (quote → base, 1 / rate), same date and basis.</summary>
    /// <returns>The inverse rate; its source says it was inverted.</returns>
    public ExchangeRate Inverse() => new(Quote, Base, 1m / Rate, AsOf, Basis, Source.Length == 0 ? "inverse" : Source + " (inverse)");

    /// <summary>Returns a culture-invariant description, for example <c>USD/KES 134.82 on 2024-01-01 (AnnualAverage)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"{Base.Code}/{Quote.Code} {Rate.ToString(CultureInfo.InvariantCulture)} on {LocalDatePattern.Iso.Format(AsOf)} ({Basis})";
}
