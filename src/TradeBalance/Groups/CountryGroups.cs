using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace TradeBalance;

/// <summary>
/// The groups TradeBalance knows by code: the built-in, sourced ones and those registered with
/// <see cref="Register(CountryGroup)"/> (read from a file with <c>CountryGroupsCsv</c> in
/// TradeBalance.Data, or built in code).
/// </summary>
/// <remarks>
/// <para>Registration is process-wide and append-only, like <see cref="System.Text.Encoding.RegisterProvider"/>:
/// once a code is registered, <see cref="Country.Parse(string)"/>, every reader and every scenario
/// accept it. Registering an equal group again does nothing; a different group under a code already
/// taken is refused, so a code means one thing for the life of the process.</para>
/// </remarks>
/// <threadsafety>All members are thread-safe.</threadsafety>
public static class CountryGroups
{
    private static readonly Lock Gate = new();
    private static volatile Registry _registry = Registry.Empty;

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
