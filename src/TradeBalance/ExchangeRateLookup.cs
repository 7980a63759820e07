namespace TradeBalance;

/// <summary>The answer of an <see cref="ExchangeRateTable"/>: the rate it found and the rule that found it.</summary>
/// <param name="Rate">The rate used.</param>
/// <param name="Rule">The rule used to pick it.</param>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record ExchangeRateLookup(ExchangeRate Rate, ExchangeRateRule Rule);
