using System.Collections.Frozen;
using System.Collections.Immutable;

namespace TradeBalance;

/// <summary>
/// An immutable set of <see cref="TradeFlow"/>s indexed by market (importer × HS code × year), that
/// answers bilateral balances, supplier shares in a market and an exporter's destination shares.
/// </summary>
/// <remarks>
/// <para>Invariants: every flow is in one currency (<see cref="Currency"/>); no two flows share
/// exporter, importer, HS code and year (a duplicate would be counted twice, so it is rejected with
/// both flows named).</para>
/// <para>Aggregates never double-count the HS hierarchy: when a set holds both a code and codes
/// below it (say 0902 and 090240, or <see cref="HsCode.Total"/> and 0902), a total over a scope uses
/// only the top-most codes present in it.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class TradeDataSet
{
    private readonly FrozenDictionary<MarketKey, ImmutableArray<TradeFlow>> _byMarket;

    /// <summary>Creates a data set.</summary>
    /// <param name="flows">The flows; may be empty.</param>
    /// <param name="currency">The currency of the values; default USD.</param>
    /// <exception cref="ArgumentNullException"><paramref name="flows"/> or a flow is null.</exception>
    /// <exception cref="CurrencyMismatchException">A flow is in another currency.</exception>
    /// <exception cref="ArgumentException">Two flows share exporter, importer, HS code and year; the message names them.</exception>
    public TradeDataSet(IEnumerable<TradeFlow> flows, Currency? currency = null)
    {
        ArgumentNullException.ThrowIfNull(flows);
        Currency = currency ?? Currency.Usd;
        var all = flows.ToImmutableArray();
        var seen = new Dictionary<(Country, Country, HsCode, int), TradeFlow>();
        foreach (var f in all)
        {
            ArgumentNullException.ThrowIfNull(f, nameof(flows));
            if (!f.Value.Currency.Equals(Currency))
            {
                throw new CurrencyMismatchException(Currency, f.Value.Currency);
            }

            if (!seen.TryAdd((f.Exporter, f.Importer, f.Hs, f.Year), f))
            {
                throw new ArgumentException($"Duplicate trade flow (same exporter, importer, HS code and year): {seen[(f.Exporter, f.Importer, f.Hs, f.Year)]} and {f}.", nameof(flows));
            }
        }

        Flows = all;
        _byMarket = all.GroupBy(f => new MarketKey(f.Importer, f.Hs, f.Year))
            .ToFrozenDictionary(g => g.Key, g => g.OrderBy(f => f.Exporter).ToImmutableArray());
        Markets = [.. _byMarket.Keys.OrderBy(k => k.Year).ThenBy(k => k.Importer).ThenBy(k => k.Hs)];
        Years = [.. all.Select(f => f.Year).Distinct().Order()];
    }

    /// <summary>Gets every flow, in the order given.</summary>
    public ImmutableArray<TradeFlow> Flows { get; }

    /// <summary>Gets the currency of every value.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the markets (importer × HS × year) that have flows, ordered by year, importer and code.</summary>
    public ImmutableArray<MarketKey> Markets { get; }

    /// <summary>Gets the years that have flows, ascending.</summary>
    public ImmutableArray<int> Years { get; }

    /// <summary>Returns the flows into a market, ordered by exporter; empty when there are none.</summary>
    /// <param name="market">The market.</param>
    /// <returns>The flows.</returns>
    public ImmutableArray<TradeFlow> FlowsInto(MarketKey market)
    {
        ArgumentNullException.ThrowIfNull(market);
        return _byMarket.TryGetValue(market, out var flows) ? flows : [];
    }

    /// <summary>Returns each supplier's value and share of a market, ordered by exporter.</summary>
    /// <param name="importer">The importer.</param>
    /// <param name="hs">The code.</param>
    /// <param name="year">The year.</param>
    /// <returns>The shares; they sum to 1 when the market's total is positive, and are all 0 when it is 0.</returns>
    public ImmutableArray<TradeShare> SupplierShares(Country importer, HsCode hs, int year) =>
        Shares(FlowsInto(new MarketKey(importer, hs, year)).Select(f => (f.Exporter, f.Value.Amount)));

    /// <summary>Returns each destination's value and share of an exporter's exports within an HS scope, ordered by importer.</summary>
    /// <param name="exporter">The exporter.</param>
    /// <param name="scope">The HS scope (a code and everything below it; <see cref="HsCode.Total"/> for all goods).</param>
    /// <param name="year">The year.</param>
    /// <returns>The shares; they sum to 1 when the exports are positive.</returns>
    public ImmutableArray<TradeShare> DestinationShares(Country exporter, HsCode scope, int year)
    {
        ArgumentNullException.ThrowIfNull(exporter);
        ArgumentNullException.ThrowIfNull(scope);
        return Shares(Flows.Where(f => f.Exporter.Equals(exporter) && f.Year == year && scope.Contains(f.Hs))
            .GroupBy(f => f.Importer)
            .Select(g => (g.Key, TopLevelSum(g))));
    }

    /// <summary>Returns the total value from one country to another within an HS scope, counting only the top-most codes present.</summary>
    /// <param name="exporter">The exporter.</param>
    /// <param name="importer">The importer.</param>
    /// <param name="scope">The HS scope; <see cref="HsCode.Total"/> for all goods.</param>
    /// <param name="year">The year.</param>
    /// <returns>The total; zero when there are no flows.</returns>
    public Money Total(Country exporter, Country importer, HsCode scope, int year)
    {
        ArgumentNullException.ThrowIfNull(exporter);
        ArgumentNullException.ThrowIfNull(importer);
        ArgumentNullException.ThrowIfNull(scope);
        return new Money(
            TopLevelSum(Flows.Where(f => f.Exporter.Equals(exporter) && f.Importer.Equals(importer) && f.Year == year && scope.Contains(f.Hs))),
            Currency);
    }

    /// <summary>Returns a country's balance with a partner in a year: exports to it minus imports from it, all goods.</summary>
    /// <param name="country">The country.</param>
    /// <param name="partner">The partner.</param>
    /// <param name="year">The year.</param>
    /// <returns>The balance, in <see cref="Currency"/>.</returns>
    /// <exception cref="ArgumentException">The two countries are the same.</exception>
    public BilateralBalance BilateralBalance(Country country, Country partner, int year)
    {
        ArgumentNullException.ThrowIfNull(country);
        ArgumentNullException.ThrowIfNull(partner);
        if (country.Equals(partner))
        {
            throw new ArgumentException($"A bilateral balance needs two different countries; both are {country.Alpha3}.", nameof(partner));
        }

        return new BilateralBalance(country, partner, year, Total(country, partner, HsCode.Total, year), Total(partner, country, HsCode.Total, year));
    }

    private static decimal TopLevelSum(IEnumerable<TradeFlow> flows)
    {
        var list = flows.ToList();
        var codes = list.Select(f => f.Hs).Distinct().ToList();
        var sum = 0m;
        foreach (var f in list)
        {
            if (!codes.Any(c => c.Length < f.Hs.Length && c.Contains(f.Hs)))
            {
                sum += f.Value.Amount;
            }
        }

        return sum;
    }

    private ImmutableArray<TradeShare> Shares(IEnumerable<(Country Partner, decimal Amount)> parts)
    {
        var list = parts.OrderBy(p => p.Partner).ToList();
        var total = list.Sum(p => p.Amount);
        return [.. list.Select(p => new TradeShare(p.Partner, new Money(p.Amount, Currency), total == 0m ? 0d : (double)(p.Amount / total)))];
    }
}
