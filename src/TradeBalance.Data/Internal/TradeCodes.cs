using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using TradeBalance.Internal;

namespace TradeBalance.Data.Internal;

/// <summary>What a numeric partner or reporter code of trade statistics stands for.</summary>
internal enum NumericCodeKind
{
    /// <summary>A country (ISO 3166-1 numeric, or a trade-statistics alias such as 842 = USA).</summary>
    Country,

    /// <summary>World (code 0): an aggregate over all partners.</summary>
    World,

    /// <summary>An "area, not elsewhere specified" or special area (bunkers, free zones): mapped to ROW.</summary>
    NesArea,

    /// <summary>Not a code TradeBalance knows.</summary>
    Unknown,
}

/// <summary>
/// Country codes as trade statistics write them: ISO 3166-1 (alpha or numeric), the numeric aliases
/// UN Comtrade, CEPII BACI and WITS use where they differ from ISO (842 USA, 699 IND, 490 Other Asia
/// nes = Taiwan, …; <c>m49-trade-aliases.csv</c> in the TradeBalance assembly), World (0) and the
/// "nes" areas, which become <see cref="Countries.RestOfWorld"/>.
/// </summary>
internal static class TradeCodes
{
    /// <summary>
    /// UN Comtrade / M49 partner areas that are not countries and not World: regional "nes" areas and
    /// special categories. 899 (Areas, nes) is ROW's own code in the Country registry. Source: UN
    /// Comtrade partner-area list (https://comtradeplus.un.org/ListOfReferences), as reproduced in
    /// public readers; none of these numbers is an ISO 3166-1 code (a test checks that).
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

    private static readonly FrozenDictionary<int, Country> Aliases = LoadAliases();

    /// <summary>Gets the numeric aliases (code → country).</summary>
    public static IReadOnlyDictionary<int, Country> NumericAliases => Aliases;

    /// <summary>Parses alpha-2, alpha-3, ISO numeric, a trade alias, or ROW.</summary>
    public static bool TryCountry(string? text, [NotNullWhen(true)] out Country? country)
    {
        if (Country.TryParse(text, out country))
        {
            return true;
        }

        var s = text?.Trim();
        if (s is { Length: > 0 and <= 4 } && s.All(char.IsAsciiDigit) && Aliases.TryGetValue(int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture), out country))
        {
            return true;
        }

        country = null;
        return false;
    }

    /// <summary>Classifies a numeric code and resolves it to a country (ROW for a nes area).</summary>
    public static NumericCodeKind Resolve(int code, out Country? country)
    {
        country = null;
        if (code == 0)
        {
            return NumericCodeKind.World;
        }

        if (code == Countries.RestOfWorld.NumericCode || NesAreas.Contains(code))
        {
            country = Countries.RestOfWorld;
            return NumericCodeKind.NesArea;
        }

        if (code is > 0 and < 1000 && Country.TryParse(code.ToString(CultureInfo.InvariantCulture), out country))
        {
            return NumericCodeKind.Country;
        }

        return Aliases.TryGetValue(code, out country) ? NumericCodeKind.Country : NumericCodeKind.Unknown;
    }

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
