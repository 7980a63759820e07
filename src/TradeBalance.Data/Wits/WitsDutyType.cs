namespace TradeBalance.Data;

/// <summary>The duty types of a WITS/TRAINS tariff download's <c>DutyType</c> column.</summary>
internal enum WitsDutyType
{
    /// <summary><c>MFN</c>: the most-favoured-nation rate, to any WTO member without a preference.</summary>
    Mfn,

    /// <summary><c>PRF</c>: a preferential rate, to the partners of an agreement or scheme.</summary>
    Preferential,

    /// <summary><c>AHS</c>: the effectively applied rate, the lowest available to the partner (WITS derives it from MFN and PRF).</summary>
    EffectivelyApplied,

    /// <summary><c>BND</c>: the WTO bound rate, a ceiling, not a rate applied.</summary>
    Bound,
}

/// <summary>The codes WITS writes for each <see cref="WitsDutyType"/>.</summary>
internal static class WitsDutyTypes
{
    /// <summary>The code as WITS writes it: <c>MFN</c>, <c>PRF</c>, <c>AHS</c> or <c>BND</c>.</summary>
    public static string Code(this WitsDutyType type) => type switch
    {
        WitsDutyType.Mfn => "MFN",
        WitsDutyType.Preferential => "PRF",
        WitsDutyType.EffectivelyApplied => "AHS",
        WitsDutyType.Bound => "BND",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a WITS duty type"),
    };

    /// <summary>Reads a <c>DutyType</c> cell, any case; false for anything else.</summary>
    public static bool TryParse(string text, out WitsDutyType type)
    {
        foreach (var t in (ReadOnlySpan<WitsDutyType>)[WitsDutyType.Mfn, WitsDutyType.Preferential, WitsDutyType.EffectivelyApplied, WitsDutyType.Bound])
        {
            if (string.Equals(text, t.Code(), StringComparison.OrdinalIgnoreCase))
            {
                type = t;
                return true;
            }
        }

        type = default;
        return false;
    }
}
