namespace TradeBalance;

/// <summary>What period an <see cref="ExchangeRate"/> describes.</summary>
public enum ExchangeRateBasis
{
    /// <summary>A rate for one day (for example a central bank's indicative mean).</summary>
    Daily = 0,

    /// <summary>The average over the week that ends on (or contains) the as-of date.</summary>
    WeeklyAverage = 1,

    /// <summary>The average over the month of the as-of date.</summary>
    MonthlyAverage = 2,

    /// <summary>The average over the calendar year of the as-of date.</summary>
    AnnualAverage = 3,
}
