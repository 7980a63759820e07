namespace TradeBalance.Data;

/// <summary>Which WITS duty types become tariff lines (<see cref="WitsTariffReader"/>).</summary>
public enum WitsDutySelection
{
    /// <summary><see cref="MfnAndPreferential"/> when the file has any MFN or PRF row, else <see cref="EffectivelyApplied"/>.</summary>
    Auto = 0,

    /// <summary>MFN rows become the MFN regime and PRF rows preferences; AHS and BND rows are skipped and counted (the schedule derives the applied rate itself: the lowest regime wins).</summary>
    MfnAndPreferential = 1,

    /// <summary>AHS (effectively applied) rows: partner World becomes the MFN regime, each partner or group a preference; MFN, PRF and BND rows are skipped and counted.</summary>
    EffectivelyApplied = 2,
}
