using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using TradeBalance.Internal;

namespace TradeBalance;

/// <summary>
/// An ISO 4217 currency: alphabetic code, numeric code and the number of minor units (decimal
/// places) amounts in it are reported with, for example KES 404 with 2, JPY 392 with 0.
/// </summary>
/// <remarks>
/// <para>Instances come only from the built-in registry (<see cref="All"/>), generated from Debian's
/// <c>iso-codes</c> package (codes and names) and the ISO 4217 list one (minor units) by
/// <c>tools/generate-iso-tables.py</c>. Codes without minor units in ISO 4217 (precious metals,
/// funds, test codes) are not in the registry.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record Currency : IComparable<Currency>
{
    private static readonly Currency[] Registry = LoadRegistry();
    private static readonly FrozenDictionary<string, Currency> ByCode =
        Registry.ToFrozenDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenDictionary<int, Currency> ByNumeric = Registry.ToFrozenDictionary(c => c.NumericCode);

    private Currency(string code, int numericCode, int minorUnits, string name)
    {
        Code = code;
        NumericCode = numericCode;
        MinorUnits = minorUnits;
        Name = name;
    }

    /// <summary>Gets the alphabetic code, for example <c>KES</c>.</summary>
    public string Code { get; }

    /// <summary>Gets the numeric code, for example 404.</summary>
    public int NumericCode { get; }

    /// <summary>Gets the number of minor units (decimal places), 0 to 4.</summary>
    public int MinorUnits { get; }

    /// <summary>Gets the English name, for example <c>Kenyan Shilling</c>.</summary>
    public string Name { get; }

    /// <summary>Gets every currency of the registry, ordered by code.</summary>
    public static IReadOnlyList<Currency> All => Registry;

    /// <summary>Gets the Kenyan shilling (KES, 404, 2 minor units).</summary>
    public static Currency Kes { get; } = FromCode("KES");

    /// <summary>Gets the US dollar (USD, 840, 2 minor units).</summary>
    public static Currency Usd { get; } = FromCode("USD");

    /// <summary>Gets the Chinese yuan renminbi (CNY, 156, 2 minor units).</summary>
    public static Currency Cny { get; } = FromCode("CNY");

    /// <summary>Gets the euro (EUR, 978, 2 minor units).</summary>
    public static Currency Eur { get; } = FromCode("EUR");

    /// <summary>Returns the currency with the given alphabetic code (case-insensitive).</summary>
    /// <param name="code">Three letters, for example <c>KES</c>.</param>
    /// <returns>The currency.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="ArgumentException">No currency has that code; the message names it.</exception>
    public static Currency FromCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return ByCode.TryGetValue(code.Trim(), out var c)
            ? c
            : throw new ArgumentException($"Unknown ISO 4217 currency code '{code}'.", nameof(code));
    }

    /// <summary>Returns the currency with the given ISO 4217 numeric code.</summary>
    /// <param name="numericCode">The numeric code, for example 404.</param>
    /// <returns>The currency.</returns>
    /// <exception cref="ArgumentException">No currency has that code; the message names it.</exception>
    public static Currency FromNumeric(int numericCode) =>
        ByNumeric.TryGetValue(numericCode, out var c)
            ? c
            : throw new ArgumentException($"Unknown ISO 4217 numeric currency code {numericCode}.", nameof(numericCode));

    /// <summary>Parses an alphabetic (<c>KES</c>) or numeric (<c>404</c>) code.</summary>
    /// <param name="text">The code.</param>
    /// <returns>The currency.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a known code; the message names it.</exception>
    public static Currency Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var c) ? c : throw new FormatException($"'{text}' is not a known ISO 4217 currency code.");
    }

    /// <summary>Tries to parse an alphabetic or numeric code; see <see cref="Parse(string)"/>.</summary>
    /// <param name="text">The code.</param>
    /// <param name="currency">The currency, when the method returns true.</param>
    /// <returns>True when the code is known.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Currency? currency)
    {
        currency = null;
        if (text is null)
        {
            return false;
        }

        var s = text.Trim();
        return s.Length is > 0 and <= 3 && s.All(char.IsAsciiDigit)
            ? ByNumeric.TryGetValue(int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture), out currency)
            : ByCode.TryGetValue(s, out currency);
    }

    /// <summary>Returns the alphabetic code.</summary>
    /// <returns>The code, for example <c>KES</c>.</returns>
    public override string ToString() => Code;

    /// <summary>Compares by alphabetic code (ordinal).</summary>
    /// <param name="other">The other currency.</param>
    /// <returns>The ordinal comparison; null sorts first.</returns>
    public int CompareTo(Currency? other) => other is null ? 1 : string.CompareOrdinal(Code, other.Code);

    /// <summary>Compares two values by <see cref="CompareTo"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>True when the first sorts before the second.</returns>
    public static bool operator <(Currency? left, Currency? right) => left is null ? right is not null : left.CompareTo(right) < 0;

    /// <summary>Compares two values by <see cref="CompareTo"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>True when the first sorts before the second or equals it.</returns>
    public static bool operator <=(Currency? left, Currency? right) => left is null || left.CompareTo(right) <= 0;

    /// <summary>Compares two values by <see cref="CompareTo"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>True when the first sorts after the second.</returns>
    public static bool operator >(Currency? left, Currency? right) => left is not null && left.CompareTo(right) > 0;

    /// <summary>Compares two values by <see cref="CompareTo"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>True when the first sorts after the second or equals it.</returns>
    public static bool operator >=(Currency? left, Currency? right) => left is null ? right is null : left.CompareTo(right) >= 0;

    private static Currency[] LoadRegistry()
    {
        var list = new List<Currency>();
        foreach (var f in EmbeddedTables.Read("iso4217.csv"))
        {
            list.Add(new Currency(
                f[0],
                int.Parse(f[1], NumberStyles.None, CultureInfo.InvariantCulture),
                int.Parse(f[2], NumberStyles.None, CultureInfo.InvariantCulture),
                f[3]));
        }

        list.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        return [.. list];
    }
}
