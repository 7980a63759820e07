using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace TradeBalance;

/// <summary>
/// An amount of money in one currency: a <see cref="decimal"/> amount and a <see cref="Currency"/>.
/// </summary>
/// <remarks>
/// <para>Arithmetic and comparison work only within one currency: combining two currencies throws
/// <see cref="CurrencyMismatchException"/>, zero included (a zero in KES is not a zero in USD;
/// exempting it would make <see cref="CompareTo(Money)"/> and equality disagree).</para>
/// <para>Amounts keep full <see cref="decimal"/> precision; nothing rounds implicitly. Call
/// <see cref="Round()"/> where a figure is reported: it rounds to the currency's minor units with
/// banker's rounding (<see cref="MidpointRounding.ToEven"/>).</para>
/// <para>Formatting and parsing are culture-invariant: <c>KES 600,000,000,000.00</c>.</para>
/// <para>Equality compares the currency and the numeric amount (1.0 equals 1.00). The default value
/// of this struct has no currency and is not a valid amount; every member except equality, hashing and
/// <see cref="ToString"/> (which gives <c>default(Money)</c>) throws <see cref="InvalidOperationException"/> on it.</para>
/// <para>Overflow: an amount holds about ±7.9·10²⁸ (<see cref="decimal.MaxValue"/>). Arithmetic whose
/// result does not fit throws <see cref="OverflowException"/> whose message names the operation and
/// both operands, for example <c>USD 7.9E+28 + USD 1E+28 overflows: …</c>, never a bare decimal overflow.</para>
/// </remarks>
/// <threadsafety>This type is an immutable value type and thread-safe.</threadsafety>
public readonly record struct Money : IComparable<Money>
{
    private readonly Currency? _currency;

    /// <summary>Creates an amount.</summary>
    /// <param name="amount">The amount, at any precision.</param>
    /// <param name="currency">The currency.</param>
    /// <exception cref="ArgumentNullException"><paramref name="currency"/> is null.</exception>
    public Money(decimal amount, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        Amount = amount;
        _currency = currency;
    }

    /// <summary>Gets the amount.</summary>
    public decimal Amount { get; }

    /// <summary>Gets the currency.</summary>
    /// <exception cref="InvalidOperationException">This is <c>default(Money)</c>.</exception>
    public Currency Currency => _currency ?? throw new InvalidOperationException("default(Money) has no currency; create amounts with new Money(amount, currency).");

    /// <summary>Returns zero in the given currency.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>A zero amount.</returns>
    public static Money Zero(Currency currency) => new(0m, currency);

    /// <summary>Creates an amount from a whole number of minor units, for example 150 cents → 1.50.</summary>
    /// <param name="minorUnits">The count of minor units.</param>
    /// <param name="currency">The currency.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="currency"/> is null.</exception>
    public static Money FromMinorUnits(long minorUnits, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        return new Money(minorUnits / Pow10(currency.MinorUnits), currency);
    }

    /// <summary>Returns this amount rounded to the currency's minor units with banker's rounding.</summary>
    /// <returns>The rounded amount, for example USD 2.345 → USD 2.34.</returns>
    public Money Round() => Round(MidpointRounding.ToEven);

    /// <summary>Returns this amount rounded to the currency's minor units with the given rule.</summary>
    /// <param name="mode">How to round midpoints.</param>
    /// <returns>The rounded amount.</returns>
    public Money Round(MidpointRounding mode) => new(decimal.Round(Amount, Currency.MinorUnits, mode), Currency);

    /// <summary>Returns the amount as a whole number of minor units, rounding first with banker's rounding.</summary>
    /// <returns>The count of minor units, for example USD 1.50 → 150.</returns>
    /// <exception cref="OverflowException">The count does not fit in a <see cref="long"/>; the message names the amount.</exception>
    public long ToMinorUnits()
    {
        var minor = Currency.MinorUnits;
        try
        {
            return decimal.ToInt64(decimal.Round(Amount, minor, MidpointRounding.ToEven) * Pow10(minor));
        }
        catch (OverflowException e)
        {
            throw new OverflowException($"{Short(this)} is too large to count in minor units: a count of 10^{minor.ToString(CultureInfo.InvariantCulture)} per unit must fit in a 64-bit integer (about ±9.2E+18).", e);
        }
    }

    /// <summary>Returns the sum of amounts in one currency.</summary>
    /// <param name="amounts">The amounts.</param>
    /// <param name="currency">The currency of the result (and of every amount).</param>
    /// <returns>The sum; zero when there are no amounts.</returns>
    /// <exception cref="CurrencyMismatchException">An amount is in another currency.</exception>
    /// <exception cref="OverflowException">The sum does not fit in an amount; the message names the running total and the amount added.</exception>
    public static Money Sum(IEnumerable<Money> amounts, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        var total = Zero(currency);
        foreach (var m in amounts)
        {
            total += m;
        }

        return total;
    }

    /// <summary>Adds two amounts in the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="OverflowException">The sum does not fit in an amount; the message names both operands.</exception>
    public static Money operator +(Money left, Money right)
    {
        var currency = SameCurrency(left, right);
        try
        {
            return new(left.Amount + right.Amount, currency);
        }
        catch (OverflowException e)
        {
            throw Overflow(left, "+", right, e);
        }
    }

    /// <summary>Subtracts two amounts in the same currency.</summary>
    /// <param name="left">The amount to subtract from.</param>
    /// <param name="right">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="OverflowException">The difference does not fit in an amount; the message names both operands.</exception>
    public static Money operator -(Money left, Money right)
    {
        var currency = SameCurrency(left, right);
        try
        {
            return new(left.Amount - right.Amount, currency);
        }
        catch (OverflowException e)
        {
            throw Overflow(left, "-", right, e);
        }
    }

    /// <summary>Negates an amount.</summary>
    /// <param name="value">The amount.</param>
    /// <returns>The amount with the opposite sign.</returns>
    public static Money operator -(Money value) => new(-value.Amount, value.Currency);

    /// <summary>Multiplies an amount by a factor.</summary>
    /// <param name="left">The amount.</param>
    /// <param name="right">The factor.</param>
    /// <returns>The product, unrounded.</returns>
    /// <exception cref="OverflowException">The product does not fit in an amount; the message names both operands.</exception>
    public static Money operator *(Money left, decimal right)
    {
        var currency = left.Currency;
        try
        {
            return new(left.Amount * right, currency);
        }
        catch (OverflowException e)
        {
            throw Overflow(left, "×", right, e);
        }
    }

    /// <summary>Divides an amount by a divisor.</summary>
    /// <param name="left">The amount.</param>
    /// <param name="right">The divisor, not zero.</param>
    /// <returns>The quotient, unrounded.</returns>
    /// <exception cref="DivideByZeroException"><paramref name="right"/> is zero.</exception>
    /// <exception cref="OverflowException">The quotient does not fit in an amount (a divisor below 1 in size); the message names both operands.</exception>
    public static Money operator /(Money left, decimal right)
    {
        var currency = left.Currency;
        try
        {
            return new(left.Amount / right, currency);
        }
        catch (OverflowException e)
        {
            throw Overflow(left, "÷", right, e);
        }
    }

    /// <summary>Compares two amounts in the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>True when the first is smaller.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    /// <summary>Compares two amounts in the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>True when the first is larger.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    /// <summary>Compares two amounts in the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>True when the first is smaller or equal.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    /// <summary>Compares two amounts in the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>True when the first is larger or equal.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    /// <summary>Compares this amount with another in the same currency.</summary>
    /// <param name="other">The other amount.</param>
    /// <returns>Negative, zero or positive as this amount is smaller, equal or larger.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public int CompareTo(Money other)
    {
        SameCurrency(this, other);
        return Amount.CompareTo(other.Amount);
    }

    /// <summary>Formats the amount culture-invariantly: code, space, amount with thousands separators and at least the currency's minor units, for example <c>KES 600,000,000,000.00</c>.</summary>
    /// <returns>The formatted amount; extra decimals are kept when the amount is not rounded. <c>default(Money)</c>, which has no currency, gives <c>default(Money)</c>.</returns>
    public override string ToString()
    {
        if (_currency is null)
        {
            return "default(Money)";
        }

        var minor = Currency.MinorUnits;
        // The minor unit's digits always, then up to 28 more as needed (a decimal has at most 28 decimals).
        var format = "#,##0." + new string('0', minor) + new string('#', 28);
        return Currency.Code + " " + Amount.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>Parses the form <see cref="ToString()"/> writes: a currency code, one space, and an invariant-culture amount (thousands separators optional, but only between groups of three digits: <c>KES 1,5</c> is rejected rather than read as 15).</summary>
    /// <param name="text">The text, for example <c>KES 600,000,000,000.00</c> or <c>USD -12.5</c>.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not of that form; the message names it.</exception>
    public static Money Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var m)
            ? m
            : throw new FormatException($"'{text}' is not an amount of money: expected an ISO 4217 code, a space and an invariant-culture number, e.g. 'KES 1,234.50'.");
    }

    /// <summary>Tries to parse an amount; see <see cref="Parse(string)"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="money">The amount, when the method returns true.</param>
    /// <returns>True when the text is a valid amount.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out Money money)
    {
        money = default;
        if (text is null)
        {
            return false;
        }

        var s = text.Trim();
        var space = s.IndexOf(' ', StringComparison.Ordinal);
        if (space != 3 || !Currency.TryParse(s[..3], out var currency) || !char.IsAsciiLetter(s[0]))
        {
            return false;
        }

        var number = s[(space + 1)..];
        if (number.Contains('\0', StringComparison.Ordinal) || !HasValidGrouping(number))
        {
            return false;
        }

        if (!decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        money = new Money(amount, currency);
        return true;
    }

    // decimal.TryParse accepts a comma anywhere ("1,5" → 15); a European "1,5" must not silently become 15.
    private static bool HasValidGrouping(string number)
    {
        if (!number.Contains(',', StringComparison.Ordinal))
        {
            return true;
        }

        var integer = number.Split('.', 2)[0];
        var groups = integer.TrimStart('-', '+').Split(',');
        return groups[0].Length is >= 1 and <= 3 && groups.Skip(1).All(g => g.Length == 3);
    }

    /// <summary>The overflow of <c>left op right</c>, naming both operands in short form.</summary>
    private static OverflowException Overflow(Money left, string op, Money right, OverflowException inner) =>
        new($"{Short(left)} {op} {Short(right)} overflows: an amount holds at most ±7.9E+28 (decimal.MaxValue).", inner);

    private static OverflowException Overflow(Money left, string op, decimal right, OverflowException inner) =>
        new($"{Short(left)} {op} {((double)right).ToString("G6", CultureInfo.InvariantCulture)} overflows: an amount holds at most ±7.9E+28 (decimal.MaxValue).", inner);

    /// <summary><c>USD 7.9E+28</c>: code and amount to six significant digits, for messages.</summary>
    private static string Short(Money m) => (m._currency?.Code ?? "(no currency)") + " " + ((double)m.Amount).ToString("G6", CultureInfo.InvariantCulture);

    private static Currency SameCurrency(Money left, Money right)
    {
        var l = left.Currency;
        var r = right.Currency;
        return l.Equals(r) ? l : throw new CurrencyMismatchException(l, r);
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10m;
        }

        return result;
    }
}
