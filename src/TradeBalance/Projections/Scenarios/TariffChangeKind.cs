namespace TradeBalance.Projections;

/// <summary>The kinds of <see cref="TariffChange"/>.</summary>
public enum TariffChangeKind
{
    /// <summary>Set a new rate.</summary>
    NewRate = 0,

    /// <summary>Cut by percentage points.</summary>
    CutPoints = 1,

    /// <summary>Cut by a percentage of the rate.</summary>
    CutPercent = 2,
}
