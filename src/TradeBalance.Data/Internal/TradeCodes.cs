using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
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
    /// <summary>The "nes" areas and special categories, which become ROW (<see cref="TradeStatisticsCodes.NesAreas"/>).</summary>
    public static FrozenSet<int> NesAreas => TradeStatisticsCodes.NesAreas;

    private static FrozenDictionary<int, Country> Aliases => TradeStatisticsCodes.Aliases;

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
}
