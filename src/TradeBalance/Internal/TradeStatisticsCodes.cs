using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace TradeBalance.Internal;

/// <summary>
/// The numeric codes trade statistics use besides ISO 3166-1: the aliases UN Comtrade, CEPII BACI and WITS write
/// where they differ from ISO (842 USA, 699 IND, 490 Other Asia nes = Taiwan, …; <c>m49-trade-aliases.csv</c> in the
/// TradeBalance assembly), World (0) and the "nes" areas. One list for the readers, which resolve these codes, and
/// for groups, which may not take one: a group numbered 699 would otherwise capture India's rows.
/// </summary>
/// <remarks>Compiled into TradeBalance and TradeBalance.Data (a linked source file), so both read the same list.</remarks>
internal static class TradeStatisticsCodes
{
    /// <summary>
    /// UN Comtrade / M49 partner areas that are not countries and not World: regional "nes" areas and special
    /// categories. 899 (Areas, nes) is ROW's own code in the Country registry. Source: UN Comtrade partner-area list
    /// (https://comtradeplus.un.org/ListOfReferences), as reproduced in public readers; none of these numbers is an
    /// ISO 3166-1 code (a test checks that).
    /// </summary>
    public static readonly FrozenSet<int> NesAreas = new[]
    {
        129, // Caribbean, nes
        221, // Eastern Europe, nes
        290, // Northern Africa, nes
        471, // CACM, nes
        472, // Africa CAMEU region, nes
        473, // LAIA, nes
        527, // Oceania, nes
        536, // Neutral Zone
        568, // Other Europe, nes
        577, // Other Africa, nes
        636, // Rest of America, nes
        637, // North and Central America, nes
        697, // Europe EFTA, nes
        837, // Bunkers
        838, // Free Zones
        839, // Special Categories
        879, // Western Asia, nes
        899, // Areas, nes
    }.ToFrozenSet();

    private static readonly Lazy<FrozenDictionary<int, Country>> AliasTable = new(LoadAliases);

    /// <summary>Gets the numeric aliases (code → country).</summary>
    public static FrozenDictionary<int, Country> Aliases => AliasTable.Value;

    /// <summary>
    /// What a numeric code already means in trade statistics other than as an ISO code, or null: "World", a nes
    /// area, or the country an alias stands for.
    /// </summary>
    public static string? MeaningOf(int code) =>
        code == 0 ? "World in trade statistics"
        : NesAreas.Contains(code) ? "an area 'not elsewhere specified' in trade statistics"
        : Aliases.TryGetValue(code, out var country) ? $"{country.Name}'s code in trade statistics (UN Comtrade, CEPII BACI, WITS)"
        : null;

    private static FrozenDictionary<int, Country> LoadAliases()
    {
        const string name = "TradeBalance.Resources.m49-trade-aliases.csv";
        var assembly = typeof(Country).Assembly;
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var map = new Dictionary<int, Country>();
        var header = true;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (header)
            {
                header = false;
                continue;
            }

            var fields = CsvLine.Split(line, ',', trim: true);
            map[int.Parse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture)] = Country.FromIso3(fields[1]);
        }

        return map.ToFrozenDictionary();
    }
}
