using System.Collections.Immutable;
using NodaTime;
using TradeBalance.Internal;

namespace TradeBalance;

/// <summary>
/// An economy made of countries, with the dates each member joined and left: a customs union (the
/// European Union, <c>EUN</c>; the East African Community, <c>EAC</c>), a free-trade area, a group or
/// a category (the UN's least developed countries, <c>LDC</c>); or a single economy ISO 3166-1 does
/// not list (<see cref="CountryGroupKind.Economy"/>, no members).
/// </summary>
/// <remarks>
/// <para>A group is also a <see cref="Country"/> entry, <see cref="Economy"/>, so it can be the importer
/// of flows, schedules and scenarios (<c>"importer": "EUN"</c>) and can be named where a country is:
/// a scenario's beneficiaries given as <c>LDC</c> are the countries that are LDCs on the scenario's
/// effective date.</para>
/// <para>The built-in groups are in <see cref="CountryGroups"/>; a group you create here is usable by
/// its code only after <see cref="CountryGroups.Register(CountryGroup)"/>.</para>
/// <para>Equality compares the code, name, kind, currency, numeric code and memberships.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class CountryGroup : IEquatable<CountryGroup>
{
    /// <summary>Creates a group.</summary>
    /// <param name="code">The group's code: 2 to 8 upper-case letters or digits starting with a letter, not an ISO 3166-1 code (<c>EUN</c>, <c>EAC</c>, <c>AFCFTA</c>, <c>XKX</c> is refused only if ISO assigns it).</param>
    /// <param name="name">The English name.</param>
    /// <param name="kind">What kind of economy it is.</param>
    /// <param name="memberships">The members with their dates; none for <see cref="CountryGroupKind.Economy"/>, at least one otherwise.</param>
    /// <param name="currency">The currency the group's totals are reported in (the euro for the EU), or null for none.</param>
    /// <param name="numericCode">The numeric code trade statistics use for the group (918 for the EU in WITS), or 0 for none.</param>
    /// <param name="source">Where the group and its dates come from.</param>
    /// <exception cref="ArgumentNullException">An argument or membership is null.</exception>
    /// <exception cref="ArgumentException">The code is malformed or an ISO code, the numeric code is an ISO country's, an economy has members or a group none, or one member's periods overlap; the message names the value.</exception>
    public CountryGroup(string code, string name, CountryGroupKind kind, IEnumerable<GroupMembership> memberships, Currency? currency = null, int numericCode = 0, string source = "")
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(memberships);
        ArgumentNullException.ThrowIfNull(source);
        CheckCode(code);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException($"Group {code} needs a name.", nameof(name));
        }

        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, $"Group {code}: not a kind of group.");
        }

        if (numericCode is < 0 or > 999 || (numericCode != 0 && Country.IsIsoNumeric(numericCode)))
        {
            throw new ArgumentException($"Group {code}: numeric code {numericCode} is taken by an ISO country or outside 1–999.", nameof(numericCode));
        }

        // A trade-statistics code would capture that country's rows when a Comtrade, BACI or WITS file is read.
        if (numericCode != 0 && TradeStatisticsCodes.MeaningOf(numericCode) is { } meaning)
        {
            throw new ArgumentException($"Group {code}: numeric code {numericCode} is {meaning}; choose another or leave it out.", nameof(numericCode));
        }

        var list = memberships.ToImmutableArray();
        if (list.Any(m => m is null))
        {
            throw new ArgumentNullException(nameof(memberships), $"Group {code}: a membership is null.");
        }

        list = [.. list.OrderBy(m => m.Member).ThenBy(m => m.Joined ?? LocalDate.MinIsoValue)];
        if (kind == CountryGroupKind.Economy && !list.IsEmpty)
        {
            throw new ArgumentException($"{code} is an economy of its own and has no members; give it another kind to list {list[0].Member.Alpha3}.", nameof(memberships));
        }

        if (kind != CountryGroupKind.Economy && list.IsEmpty)
        {
            throw new ArgumentException($"Group {code} has no members.", nameof(memberships));
        }

        for (var i = 1; i < list.Length; i++)
        {
            if (list[i].Member.Equals(list[i - 1].Member) && list[i].Overlaps(list[i - 1]))
            {
                throw new ArgumentException($"Group {code}: {list[i - 1]} and {list[i]} overlap; a member's periods must not.", nameof(memberships));
            }
        }

        Name = name.Trim();
        Kind = kind;
        Memberships = list;
        Currency = currency;
        Source = source;
        Economy = Country.ForEconomy(code, numericCode, Name);
    }

    /// <summary>Gets the group's code, for example <c>EUN</c>.</summary>
    public string Code => Economy.Alpha3;

    /// <summary>Gets the English name, for example <c>European Union</c>.</summary>
    public string Name { get; }

    /// <summary>Gets what kind of economy the group is.</summary>
    public CountryGroupKind Kind { get; }

    /// <summary>Gets every membership, ordered by member and date joined.</summary>
    public ImmutableArray<GroupMembership> Memberships { get; }

    /// <summary>Gets the currency the group's totals are reported in (the euro for the EU), or null when there is none.</summary>
    public Currency? Currency { get; }

    /// <summary>Gets where the group and its dates come from.</summary>
    public string Source { get; }

    /// <summary>Gets the group as an economy: the <see cref="Country"/> entry flows, schedules and scenarios name it by.</summary>
    public Country Economy { get; }

    /// <summary>Gets a value indicating whether a schedule of this group applies to its members' imports (a customs union).</summary>
    public bool HasCommonTariff => Kind == CountryGroupKind.CustomsUnion;

    /// <summary>Returns the members on a day.</summary>
    /// <param name="date">The day.</param>
    /// <returns>The countries that are members on <paramref name="date"/>, sorted.</returns>
    public ImmutableSortedSet<Country> MembersOn(LocalDate date) =>
        [.. Memberships.Where(m => m.Covers(date)).Select(m => m.Member)];

    /// <summary>Tells whether a country is a member on a day.</summary>
    /// <param name="country">The country.</param>
    /// <param name="date">The day.</param>
    /// <returns>True when one of its memberships covers <paramref name="date"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="country"/> is null.</exception>
    public bool Contains(Country country, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(country);
        foreach (var m in Memberships)
        {
            if (m.Member.Equals(country) && m.Covers(date))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc/>
    public bool Equals(CountryGroup? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Economy.Equals(other.Economy) && Kind == other.Kind && Equals(Currency, other.Currency)
                && Source == other.Source && Memberships.SequenceEqual(other.Memberships)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as CountryGroup);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Economy, Kind, Memberships.Length);

    /// <summary>Returns the code and name, for example <c>EUN (European Union)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Code} ({Name})";

    private static void CheckCode(string code)
    {
        var ok = code.Length is >= 2 and <= 8 && char.IsAsciiLetterUpper(code[0]) && code.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));
        if (!ok)
        {
            throw new ArgumentException($"'{code}' is not a group code: 2 to 8 upper-case letters or digits, starting with a letter.", nameof(code));
        }

        if (Country.IsIsoCode(code))
        {
            throw new ArgumentException($"'{code}' is an ISO 3166-1 country code ({Country.Parse(code).Name}); choose another code for the group.", nameof(code));
        }
    }
}
