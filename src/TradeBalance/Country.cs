using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using TradeBalance.Internal;

namespace TradeBalance;

/// <summary>
/// A country or territory as ISO 3166-1 defines it: alpha-2 and alpha-3 codes, the numeric code
/// (which is also its UN M49 code, the key trade statistics use: Kenya 404, China 156) and the
/// English short name.
/// </summary>
/// <remarks>
/// <para>Instances come only from the built-in registry (<see cref="All"/>), generated from Debian's
/// <c>iso-codes</c> package by <c>tools/generate-iso-tables.py</c>; there is no public constructor,
/// so every <see cref="Country"/> is a real entry. Lookups accept any of the three codes.</para>
/// <para>One entry is not an ISO country: <see cref="Countries.RestOfWorld"/> (<c>ROW</c>, M49 899,
/// the code UN Comtrade uses for "areas, not elsewhere specified"), the residual supplier a market
/// needs when only its main suppliers are listed. <see cref="IsAggregate"/> is true for it.</para>
/// <para>Economies that are not ISO countries are entries too: the groups of <see cref="CountryGroups"/>
/// (<c>EUN</c> for the European Union, <c>EAC</c>, <c>LDC</c>, …) and the economies and groups a user
/// defines with <see cref="CountryGroups.Register(CountryGroup)"/>. Their <see cref="IsAggregate"/> is
/// true; <see cref="Alpha2"/> and <see cref="Alpha3"/> both hold the group's code, which may be longer
/// than three letters, and <see cref="NumericCode"/> is the code trade statistics use for it (918 for
/// the EU in WITS) or 0 when there is none. <see cref="Parse(string)"/> and every reader accept their
/// codes.</para>
/// <para>Equality compares all codes and the name; two lookups of the same code return equal values.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record Country : IComparable<Country>
{
    private static readonly Country[] Registry = LoadRegistry();
    private static readonly FrozenDictionary<string, Country> ByAlpha2 =
        Registry.ToFrozenDictionary(c => c.Alpha2, StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenDictionary<string, Country> ByAlpha3 =
        Registry.ToFrozenDictionary(c => c.Alpha3, StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenDictionary<int, Country> ByNumeric = Registry.ToFrozenDictionary(c => c.NumericCode);

    private Country(string alpha2, string alpha3, int numericCode, string name, bool isAggregate)
    {
        Alpha2 = alpha2;
        Alpha3 = alpha3;
        NumericCode = numericCode;
        Name = name;
        IsAggregate = isAggregate;
    }

    /// <summary>Gets the ISO 3166-1 alpha-2 code, for example <c>KE</c>.</summary>
    public string Alpha2 { get; }

    /// <summary>Gets the ISO 3166-1 alpha-3 code, for example <c>KEN</c>.</summary>
    public string Alpha3 { get; }

    /// <summary>Gets the ISO 3166-1 numeric code, which is also the UN M49 code, for example 404; for a group or user-defined economy, the code trade statistics use for it, or 0.</summary>
    public int NumericCode { get; }

    /// <summary>Gets the ISO 3166-1 English short name, for example <c>Kenya</c>.</summary>
    public string Name { get; }

    /// <summary>Gets a value indicating whether this entry is an aggregate (rest of world, a group or a user-defined economy) rather than an ISO country.</summary>
    public bool IsAggregate { get; }

    /// <summary>Gets every entry of the registry, ordered by alpha-3 code.</summary>
    public static IReadOnlyList<Country> All => Registry;

    /// <summary>Returns the country with the given ISO 3166-1 alpha-2 code (case-insensitive).</summary>
    /// <param name="alpha2">Two letters, for example <c>KE</c>.</param>
    /// <returns>The country.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="alpha2"/> is null.</exception>
    /// <exception cref="ArgumentException">No country has that code; the message names it.</exception>
    public static Country FromIso2(string alpha2)
    {
        ArgumentNullException.ThrowIfNull(alpha2);
        return ByAlpha2.TryGetValue(alpha2.Trim(), out var c)
            ? c
            : throw new ArgumentException($"Unknown ISO 3166-1 alpha-2 country code '{alpha2}'.", nameof(alpha2));
    }

    /// <summary>Returns the country with the given ISO 3166-1 alpha-3 code (case-insensitive).</summary>
    /// <param name="alpha3">Three letters, for example <c>KEN</c>.</param>
    /// <returns>The country.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="alpha3"/> is null.</exception>
    /// <exception cref="ArgumentException">No country has that code; the message names it.</exception>
    public static Country FromIso3(string alpha3)
    {
        ArgumentNullException.ThrowIfNull(alpha3);
        return ByAlpha3.TryGetValue(alpha3.Trim(), out var c)
            ? c
            : throw new ArgumentException($"Unknown ISO 3166-1 alpha-3 country code '{alpha3}'.", nameof(alpha3));
    }

    /// <summary>Returns the country with the given ISO 3166-1 numeric / UN M49 code.</summary>
    /// <param name="code">The numeric code, for example 404 for Kenya.</param>
    /// <returns>The country.</returns>
    /// <exception cref="ArgumentException">No country has that code; the message names it.</exception>
    public static Country FromM49(int code) =>
        ByNumeric.TryGetValue(code, out var c) || (code > 0 && CountryGroups.TryFindEconomy(code, out c))
            ? c
            : throw new ArgumentException($"Unknown ISO 3166-1 numeric / UN M49 country code {code}.", nameof(code));

    /// <summary>Parses any of the three codes: alpha-2 (<c>KE</c>), alpha-3 (<c>KEN</c>) or numeric (<c>404</c>, leading zeros allowed).</summary>
    /// <param name="code">The code, surrounding white space ignored.</param>
    /// <returns>The country.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a known code; the message names it.</exception>
    public static Country Parse(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return TryParse(code, out var c)
            ? c
            : throw new FormatException($"'{code}' is not a known ISO 3166-1 alpha-2, alpha-3 or numeric (UN M49) country code, ROW, or the code of a group ({CountryGroups.CodeList()}).");
    }

    /// <summary>Tries to parse any of the three codes; see <see cref="Parse(string)"/>.</summary>
    /// <param name="code">The code.</param>
    /// <param name="country">The country, when the method returns true.</param>
    /// <returns>True when the code is known.</returns>
    public static bool TryParse([NotNullWhen(true)] string? code, [NotNullWhen(true)] out Country? country)
    {
        country = null;
        if (code is null)
        {
            return false;
        }

        var s = code.Trim();
        if (s.Length > 0 && s.Length <= 3 && s.All(char.IsAsciiDigit))
        {
            var numeric = int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
            return ByNumeric.TryGetValue(numeric, out country) || (numeric > 0 && CountryGroups.TryFindEconomy(numeric, out country));
        }

        return s.Length switch
        {
            2 => ByAlpha2.TryGetValue(s, out country),
            3 => ByAlpha3.TryGetValue(s, out country),
            _ => false,
        } || CountryGroups.TryFindEconomy(s, out country);
    }

    /// <summary>Tells whether a code is taken by an ISO 3166-1 country (any of its three codes) or ROW.</summary>
    internal static bool IsIsoCode(string code) =>
        code.Length switch
        {
            2 => ByAlpha2.ContainsKey(code),
            3 => ByAlpha3.ContainsKey(code),
            _ => false,
        };

    /// <summary>Tells whether a numeric code is taken by an ISO 3166-1 country or ROW.</summary>
    internal static bool IsIsoNumeric(int code) => ByNumeric.ContainsKey(code);

    /// <summary>The entry of a group or user-defined economy: an aggregate whose two letter codes are its code.</summary>
    internal static Country ForEconomy(string code, int numericCode, string name) => new(code, code, numericCode, name, true);

    /// <summary>Returns the alpha-3 code, the form TradeBalance's files use.</summary>
    /// <returns>The alpha-3 code, for example <c>KEN</c>.</returns>
    public override string ToString() => Alpha3;

    /// <summary>Returns a hash code: the numeric code, which no two countries share (a group without one: its code's).</summary>
    /// <returns>The hash code.</returns>
    /// <remarks>Countries key the dictionaries behind every data set and schedule, so hashing one
    /// must not walk its names.</remarks>
    public override int GetHashCode() => NumericCode != 0 ? NumericCode : StringComparer.Ordinal.GetHashCode(Alpha3);

    /// <summary>Compares by alpha-3 code (ordinal).</summary>
    /// <param name="other">The other country.</param>
    /// <returns>The ordinal comparison of the alpha-3 codes; null sorts first.</returns>
    public int CompareTo(Country? other) => other is null ? 1 : string.CompareOrdinal(Alpha3, other.Alpha3);

    /// <summary>Compares two values by <see cref="CompareTo"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>True when the first sorts before the second.</returns>
    public static bool operator <(Country? left, Country? right) => left is null ? right is not null : left.CompareTo(right) < 0;

    /// <summary>Compares two values by <see cref="CompareTo"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>True when the first sorts before the second or equals it.</returns>
    public static bool operator <=(Country? left, Country? right) => left is null || left.CompareTo(right) <= 0;

    /// <summary>Compares two values by <see cref="CompareTo"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>True when the first sorts after the second.</returns>
    public static bool operator >(Country? left, Country? right) => left is not null && left.CompareTo(right) > 0;

    /// <summary>Compares two values by <see cref="CompareTo"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>True when the first sorts after the second or equals it.</returns>
    public static bool operator >=(Country? left, Country? right) => left is null ? right is null : left.CompareTo(right) >= 0;

    private static Country[] LoadRegistry()
    {
        var list = new List<Country>();
        foreach (var f in EmbeddedTables.Read("iso3166-1.csv"))
        {
            list.Add(new Country(f[0], f[1], int.Parse(f[2], NumberStyles.None, CultureInfo.InvariantCulture), f[3], false));
        }

        list.Add(new Country("XR", "ROW", 899, "Rest of world", true));
        list.Sort((a, b) => string.CompareOrdinal(a.Alpha3, b.Alpha3));
        return [.. list];
    }
}
