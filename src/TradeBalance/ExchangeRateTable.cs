using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using NodaTime;
using NodaTime.Text;

namespace TradeBalance;

/// <summary>
/// An immutable set of dated <see cref="ExchangeRate"/>s that answers "the base/quote rate on date D"
/// under an explicit <see cref="ExchangeRateRule"/>, and says which rate and rule it used.
/// </summary>
/// <remarks>
/// <para>The table never inverts or crosses rates by itself: a KES→USD conversion needs a KES/USD
/// rate. Call <see cref="WithInverses"/> to add the inverse of every rate explicitly.</para>
/// <para>At most one rate per (base, quote, basis, date), and at most one annual average per
/// (base, quote, calendar year) whatever day it is dated; a duplicate is rejected.</para>
/// <para>When several non-annual rates share a date, a daily rate is preferred to a weekly average, and a
/// weekly to a monthly one, under both <see cref="ExchangeRateRule.Exact"/> and
/// <see cref="ExchangeRateRule.LatestOnOrBefore"/>, so the two rules agree on a date that has a rate.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ExchangeRateTable
{
    // Per currency pair, rates sorted by date (then basis) for binary search.
    private readonly ImmutableDictionary<(Currency Base, Currency Quote), ImmutableArray<ExchangeRate>> _byPair;

    /// <summary>Creates a table.</summary>
    /// <param name="rates">The rates.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rates"/> or an element is null.</exception>
    /// <exception cref="ArgumentException">Two rates share base, quote, basis and date, or are annual averages of one pair for the same year; the message names them.</exception>
    public ExchangeRateTable(IEnumerable<ExchangeRate> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        var all = rates.ToImmutableArray();
        foreach (var r in all)
        {
            ArgumentNullException.ThrowIfNull(r, nameof(rates));
        }

        var builder = ImmutableDictionary.CreateBuilder<(Currency, Currency), ImmutableArray<ExchangeRate>>();
        foreach (var group in all.GroupBy(r => (r.Base, r.Quote)))
        {
            var sorted = group.OrderBy(r => r.AsOf).ThenBy(r => r.Basis).ToImmutableArray();
            var slots = new Dictionary<(Currency, Currency, ExchangeRateBasis, LocalDate), ExchangeRate>();
            foreach (var r in sorted)
            {
                if (!slots.TryAdd(Slot(r), r))
                {
                    throw new ArgumentException($"Duplicate exchange rate: {slots[Slot(r)]} and {r}.", nameof(rates));
                }
            }

            builder[group.Key] = sorted;
        }

        _byPair = builder.ToImmutable();
        Rates = [.. all.OrderBy(r => r.Base.Code, StringComparer.Ordinal).ThenBy(r => r.Quote.Code, StringComparer.Ordinal).ThenBy(r => r.AsOf).ThenBy(r => r.Basis)];
    }

    /// <summary>Gets every rate, ordered by base, quote, date and basis.</summary>
    public ImmutableArray<ExchangeRate> Rates { get; }

    /// <summary>Returns a table that also holds the inverse of every rate whose inverse is not already present.</summary>
    /// <returns>The extended table.</returns>
    public ExchangeRateTable WithInverses()
    {
        var present = Rates.Select(Slot).ToHashSet();
        return new ExchangeRateTable(Rates.Concat(Rates.Select(r => r.Inverse()).Where(r => !present.Contains(Slot(r)))));
    }

    /// <summary>Finds the base/quote rate for a date under a rule.</summary>
    /// <param name="baseCurrency">The currency converted from.</param>
    /// <param name="quoteCurrency">The currency converted to.</param>
    /// <param name="date">The date.</param>
    /// <param name="rule">How to pick the rate.</param>
    /// <returns>The rate and the rule used.</returns>
    /// <exception cref="KeyNotFoundException">No rate fits; the message names the pair, date, rule and the dates the table holds for that pair.</exception>
    public ExchangeRateLookup Find(Currency baseCurrency, Currency quoteCurrency, LocalDate date, ExchangeRateRule rule)
    {
        if (TryFind(baseCurrency, quoteCurrency, date, rule, out var found))
        {
            return found;
        }

        var have = _byPair.TryGetValue((baseCurrency, quoteCurrency), out var list) && list.Length > 0
            ? $"the table has {list.Length} {baseCurrency.Code}/{quoteCurrency.Code} rate(s) from {Iso(list[0].AsOf)} to {Iso(list[^1].AsOf)}"
            : $"the table has no {baseCurrency.Code}/{quoteCurrency.Code} rate at all (inverses are not used implicitly: see WithInverses)";
        throw new KeyNotFoundException($"No {baseCurrency.Code}/{quoteCurrency.Code} rate for {Iso(date)} under rule {rule}; {have}.");
    }

    /// <summary>Tries to find the base/quote rate for a date under a rule; see <see cref="Find"/>.</summary>
    /// <param name="baseCurrency">The currency converted from.</param>
    /// <param name="quoteCurrency">The currency converted to.</param>
    /// <param name="date">The date.</param>
    /// <param name="rule">How to pick the rate.</param>
    /// <param name="lookup">The rate and rule, when the method returns true.</param>
    /// <returns>True when a rate fits.</returns>
    /// <exception cref="ArgumentNullException">A currency is null.</exception>
    public bool TryFind(Currency baseCurrency, Currency quoteCurrency, LocalDate date, ExchangeRateRule rule, [NotNullWhen(true)] out ExchangeRateLookup? lookup)
    {
        ArgumentNullException.ThrowIfNull(baseCurrency);
        ArgumentNullException.ThrowIfNull(quoteCurrency);
        lookup = null;
        if (!_byPair.TryGetValue((baseCurrency, quoteCurrency), out var list))
        {
            return false;
        }

        ExchangeRate? match = null;
        switch (rule)
        {
            case ExchangeRateRule.Exact:
                match = list.FirstOrDefault(r => r.AsOf == date && r.Basis != ExchangeRateBasis.AnnualAverage);
                break;
            case ExchangeRateRule.LatestOnOrBefore:
                // The latest date that has a rate, then that date's rate as Exact would pick it (daily first).
                var latest = list.LastOrDefault(r => r.AsOf <= date && r.Basis != ExchangeRateBasis.AnnualAverage);
                match = latest is null ? null : list.First(r => r.AsOf == latest.AsOf && r.Basis != ExchangeRateBasis.AnnualAverage);
                break;
            case ExchangeRateRule.AnnualAverage:
                match = list.FirstOrDefault(r => r.AsOf.Year == date.Year && r.Basis == ExchangeRateBasis.AnnualAverage);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown exchange-rate rule.");
        }

        if (match is null)
        {
            return false;
        }

        lookup = new ExchangeRateLookup(match, rule);
        return true;
    }

    /// <summary>Converts an amount to another currency with the rate <see cref="Find"/> picks; not rounded.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="target">The currency wanted. The same currency returns the amount unchanged.</param>
    /// <param name="date">The date whose rate applies.</param>
    /// <param name="rule">How to pick the rate.</param>
    /// <returns>The converted amount.</returns>
    /// <exception cref="KeyNotFoundException">No rate fits; the message says what is missing.</exception>
    public Money Convert(Money amount, Currency target, LocalDate date, ExchangeRateRule rule)
    {
        ArgumentNullException.ThrowIfNull(target);
        return amount.Currency.Equals(target) ? amount : Find(amount.Currency, target, date, rule).Rate.Convert(amount);
    }

    private static string Iso(LocalDate d) => LocalDatePattern.Iso.Format(d);

    // The slot a rate occupies: its pair, basis and date, or for an annual average the year.
    private static (Currency, Currency, ExchangeRateBasis, LocalDate) Slot(ExchangeRate r) =>
        (r.Base, r.Quote, r.Basis, r.Basis == ExchangeRateBasis.AnnualAverage ? new LocalDate(r.AsOf.Year, 1, 1) : r.AsOf);
}
