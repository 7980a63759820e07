using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;
using NodaTime.Text;
using TradeBalance.Internal;

namespace TradeBalance;

/// <summary>
/// The groups TradeBalance knows by code: the built-in, sourced ones and those registered with
/// <see cref="Register(CountryGroup)"/> (read from a file with <c>CountryGroupsCsv</c> in
/// TradeBalance.Data, or built in code).
/// </summary>
/// <remarks>
/// <para>Built in, each membership with its dates and source: the European Union (<c>EUN</c>, the code
/// WITS uses, numeric 918), the East African Community (<c>EAC</c>), the African Union (<c>AUN</c>; <c>AU</c> is Australia's ISO code) and
/// the UN's least developed countries (<c>LDC</c>), read from tables shipped in this assembly; see
/// <c>docs/concepts.md</c> for their sources and the dates each one uses.</para>
/// <para>Registration is process-wide and append-only, like <see cref="System.Text.Encoding.RegisterProvider"/>:
/// once a code is registered, <see cref="Country.Parse(string)"/>, every reader and every scenario
/// accept it. Registering an equal group again does nothing; a different group under a code already
/// taken is refused, so a code means one thing for the life of the process.</para>
/// </remarks>
/// <threadsafety>All members are thread-safe.</threadsafety>
public static class CountryGroups
{
    private static readonly Lock Gate = new();
    private static volatile Registry _registry = LoadBuiltIn();

    /// <summary>Gets the European Union (<c>EUN</c>, a customs union): the member states with the dates they joined, and the United Kingdom to 2020-01-31.</summary>
    public static CountryGroup EuropeanUnion { get; } = Find("EUN");

    /// <summary>Gets the East African Community (<c>EAC</c>, a customs union with a common external tariff): its eight partner states with the dates they became members.</summary>
    public static CountryGroup EastAfricanCommunity { get; } = Find("EAC");

    /// <summary>Gets the African Union (<c>AUN</c>; <c>AU</c> is Australia's ISO code): its 55 member states with the dates they joined the OAU/AU (Morocco's two periods).</summary>
    public static CountryGroup AfricanUnion { get; } = Find("AUN");

    /// <summary>Gets the UN's least developed countries (<c>LDC</c>): every country ever on the list, with the dates it was included and graduated.</summary>
    public static CountryGroup LeastDeveloped { get; } = Find("LDC");

    /// <summary>Gets every group known by code, built-in and registered, ordered by code.</summary>
    public static ImmutableArray<CountryGroup> All => _registry.Ordered;

    /// <summary>Returns the group with a code (case-insensitive).</summary>
    /// <param name="code">The code, for example <c>EUN</c>.</param>
    /// <returns>The group.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="ArgumentException">No group has that code; the message names it and the known codes.</exception>
    public static CountryGroup Find(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return TryFind(code, out var group)
            ? group
            : throw new ArgumentException($"'{code}' is not a known group ({CodeList()}); define it in a groups file and register it.", nameof(code));
    }

    /// <summary>Tries to find the group with a code (case-insensitive).</summary>
    /// <param name="code">The code.</param>
    /// <param name="group">The group, when the method returns true.</param>
    /// <returns>True when a group has the code.</returns>
    public static bool TryFind([NotNullWhen(true)] string? code, [NotNullWhen(true)] out CountryGroup? group)
    {
        group = null;
        return code is not null && _registry.ByCode.TryGetValue(code.Trim(), out group);
    }

    /// <summary>Tries to find the group behind an economy entry.</summary>
    /// <param name="economy">A <see cref="Country"/> entry, for example <c>Country.Parse("EUN")</c>.</param>
    /// <param name="group">The group whose <see cref="CountryGroup.Economy"/> it is, when the method returns true.</param>
    /// <returns>True when <paramref name="economy"/> is a group known by code.</returns>
    public static bool TryGet([NotNullWhen(true)] Country? economy, [NotNullWhen(true)] out CountryGroup? group)
    {
        group = null;
        return economy is { IsAggregate: true }
            && _registry.ByCode.TryGetValue(economy.Alpha3, out group)
            && group.Economy.Equals(economy);
    }

    /// <summary>Registers a group so that its code can be used wherever a country code can.</summary>
    /// <param name="group">The group.</param>
    /// <returns>The registered group: <paramref name="group"/>, or the equal one registered before.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="group"/> is null.</exception>
    /// <exception cref="InvalidOperationException">Another group already has the code or the numeric code; the message names both.</exception>
    public static CountryGroup Register(CountryGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        lock (Gate)
        {
            var registry = _registry;
            if (registry.ByCode.TryGetValue(group.Code, out var existing))
            {
                return existing.Equals(group)
                    ? existing
                    : throw new InvalidOperationException($"Group code {group.Code} is already taken by {existing}; a code means one group for the life of the process.");
            }

            var numeric = group.Economy.NumericCode;
            if (numeric != 0 && registry.ByNumeric.TryGetValue(numeric, out var clash))
            {
                throw new InvalidOperationException($"Numeric code {numeric} of {group} is already taken by {clash}.");
            }

            _registry = registry.With(group);
            return group;
        }
    }

    /// <summary>Finds the economy entry of a group by code, for <see cref="Country.TryParse"/>.</summary>
    internal static bool TryFindEconomy(string code, [NotNullWhen(true)] out Country? economy)
    {
        economy = _registry.ByCode.TryGetValue(code, out var g) ? g.Economy : null;
        return economy is not null;
    }

    /// <summary>Finds the economy entry of a group by numeric code, for <see cref="Country.TryParse"/>.</summary>
    internal static bool TryFindEconomy(int numericCode, [NotNullWhen(true)] out Country? economy)
    {
        economy = _registry.ByNumeric.TryGetValue(numericCode, out var g) ? g.Economy : null;
        return economy is not null;
    }

    /// <summary>The known codes, for messages.</summary>
    internal static string CodeList()
    {
        var all = All;
        return all.IsEmpty ? "none registered" : string.Join(", ", all.Select(g => g.Code));
    }

    private static Registry LoadBuiltIn()
    {
        var members = new Dictionary<string, List<GroupMembership>>(StringComparer.Ordinal);
        foreach (var f in EmbeddedTables.Read("Groups.members.csv"))
        {
            if (!members.TryGetValue(f[0], out var list))
            {
                members[f[0]] = list = [];
            }

            list.Add(new GroupMembership(Country.FromIso3(f[1]), Date(f[2]), Date(f[3]), f[4]));
        }

        var registry = Registry.Empty;
        foreach (var f in EmbeddedTables.Read("Groups.groups.csv"))
        {
            var kind = f[2] switch
            {
                "customs-union" => CountryGroupKind.CustomsUnion,
                "free-trade-area" => CountryGroupKind.FreeTradeArea,
                "category" => CountryGroupKind.Category,
                _ => CountryGroupKind.Group,
            };
            var currency = f[3].Length > 0 ? Currency.FromCode(f[3]) : null;
            var numeric = f[4].Length > 0 ? int.Parse(f[4], NumberStyles.None, CultureInfo.InvariantCulture) : 0;
            registry = registry.With(new CountryGroup(f[0], f[1], kind, members[f[0]], currency, numeric, f[5]));
        }

        return registry;

        static LocalDate? Date(string text) => text.Length == 0 ? null : LocalDatePattern.Iso.Parse(text).Value;
    }

    private sealed record Registry(ImmutableDictionary<string, CountryGroup> ByCode, ImmutableDictionary<int, CountryGroup> ByNumeric, ImmutableArray<CountryGroup> Ordered)
    {
        public static Registry Empty { get; } = new(
            ImmutableDictionary.Create<string, CountryGroup>(StringComparer.OrdinalIgnoreCase),
            ImmutableDictionary<int, CountryGroup>.Empty,
            []);

        public Registry With(CountryGroup group) => new(
            ByCode.Add(group.Code, group),
            group.Economy.NumericCode == 0 ? ByNumeric : ByNumeric.Add(group.Economy.NumericCode, group),
            [.. Ordered.Add(group).OrderBy(g => g.Code, StringComparer.Ordinal)]);
    }
}
