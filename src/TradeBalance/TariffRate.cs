using System.Globalization;

namespace TradeBalance;

/// <summary>An ad valorem tariff rate in percent of the customs (CIF) value, for example 15 %.</summary>
/// <remarks>
/// <para>Invariant: the percentage is from 0 to <see cref="NumericDomain.MaxTariffPercent"/> (10,000 %).
/// Rates above 100 % are valid (China's general rates reach 100 %; some ad valorem equivalents reach a
/// few thousand percent).</para>
/// <para>Formatting and parsing are culture-invariant: <c>15%</c>, <c>7.5%</c>; <see cref="Parse"/> also
/// accepts the number without the percent sign.</para>
/// </remarks>
/// <threadsafety>This type is an immutable value type and thread-safe.</threadsafety>
public readonly record struct TariffRate : IComparable<TariffRate>
{
    /// <summary>Creates a rate.</summary>
    /// <param name="percent">The rate in percent, 0 to <see cref="NumericDomain.MaxTariffPercent"/> (10,000).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is negative or above 10,000; the message names it.</exception>
    public TariffRate(decimal percent)
    {
        if (percent < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, $"A tariff rate cannot be negative; got {percent.ToString(CultureInfo.InvariantCulture)}%.");
        }

        if (percent > NumericDomain.MaxTariffPercent)
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, $"A tariff rate must be at most {NumericDomain.MaxTariffPercent.ToString("#,##0", CultureInfo.InvariantCulture)}%; got {percent.ToString(CultureInfo.InvariantCulture)}%.");
        }

        Percent = percent;
    }

    /// <summary>Gets the zero rate (duty free).</summary>
    public static TariffRate Zero => default;

    /// <summary>Gets the rate in percent, for example 15.</summary>
    public decimal Percent { get; }

    /// <summary>Gets the rate as a fraction for the numeric core, for example 0.15.</summary>
    public double Fraction => (double)(Percent / 100m);

    /// <summary>Creates a rate from a percentage.</summary>
    /// <param name="percent">The rate in percent.</param>
    /// <returns>The rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is negative or above 10,000.</exception>
    public static TariffRate FromPercent(decimal percent) => new(percent);

    /// <summary>Parses <c>15</c>, <c>15%</c> or <c>7.5 %</c> (invariant culture).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The rate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a number from 0 to 10,000, optionally followed by %; the message names it.</exception>
    public static TariffRate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var rate)
            ? rate
            : throw new FormatException($"'{text}' is not a tariff rate: expected a percentage from 0 to {NumericDomain.MaxTariffPercent.ToString("#,##0", CultureInfo.InvariantCulture)} such as 15 or 7.5%.");
    }

    /// <summary>Tries to parse a rate; see <see cref="Parse"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="rate">The rate, when the method returns true.</param>
    /// <returns>True when the text is a valid rate.</returns>
    public static bool TryParse(string? text, out TariffRate rate)
    {
        rate = default;
        if (text is null)
        {
            return false;
        }

        var s = text.Trim();
        if (s.EndsWith('%'))
        {
            s = s[..^1].TrimEnd();
        }

        if (!decimal.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var percent) || percent < 0m || percent > NumericDomain.MaxTariffPercent)
        {
            return false;
        }

        rate = new TariffRate(percent);
        return true;
    }

    /// <summary>Formats the rate as <c>15%</c> (invariant culture), with every decimal the rate has, so that <see cref="Parse"/> round-trips it.</summary>
    /// <returns>The formatted rate, for example <c>15%</c>, <c>7.5%</c> or <c>3.3333333333333333333333333333%</c>.</returns>
    public override string ToString() => Percent.ToString("0.############################", CultureInfo.InvariantCulture) + "%";

    /// <summary>Compares two rates.</summary>
    /// <param name="other">The other rate.</param>
    /// <returns>Negative, zero or positive as this rate is lower, equal or higher.</returns>
    public int CompareTo(TariffRate other) => Percent.CompareTo(other.Percent);

    /// <summary>Compares two rates.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns>True when the first is lower.</returns>
    public static bool operator <(TariffRate left, TariffRate right) => left.CompareTo(right) < 0;

    /// <summary>Compares two rates.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns>True when the first is higher.</returns>
    public static bool operator >(TariffRate left, TariffRate right) => left.CompareTo(right) > 0;

    /// <summary>Compares two rates.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns>True when the first is lower or equal.</returns>
    public static bool operator <=(TariffRate left, TariffRate right) => left.CompareTo(right) <= 0;

    /// <summary>Compares two rates.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns>True when the first is higher or equal.</returns>
    public static bool operator >=(TariffRate left, TariffRate right) => left.CompareTo(right) >= 0;
}
