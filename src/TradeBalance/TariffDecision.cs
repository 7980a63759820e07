namespace TradeBalance;

/// <summary>The applied rate <see cref="TariffSchedule.RateFor"/> found, and the line that decided it.</summary>
/// <param name="Rate">The applied rate.</param>
/// <param name="DecidingLine">The line the rate comes from: the most specific line of the regime with the lowest rate.</param>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record TariffDecision(TariffRate Rate, TariffLine DecidingLine);
