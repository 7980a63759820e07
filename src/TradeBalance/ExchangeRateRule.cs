namespace TradeBalance;

/// <summary>How an <see cref="ExchangeRateTable"/> picks the rate for a date.</summary>
public enum ExchangeRateRule
{
    /// <summary>Only a daily (or weekly/monthly) rate dated exactly on the date.</summary>
    Exact = 0,

    /// <summary>The latest daily (or weekly/monthly) rate dated on or before the date.</summary>
    LatestOnOrBefore = 1,

    /// <summary>The annual-average rate of the date's calendar year.</summary>
    AnnualAverage = 2,
}
