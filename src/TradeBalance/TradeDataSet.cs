using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.InteropServices;
using TradeBalance.Internal;

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
public sealed partial class TradeDataSet
{
    private readonly Dictionary<MarketKey, ImmutableArray<TradeFlow>> _byMarket;

    // Each exporter's flows in a year, sorted by HS code, built on first use: totals, balances and
    // destination shares then cost the exporter's flows under the scope, not a scan of the whole set.
    private readonly Lazy<ByCode<(Country Exporter, int Year), TradeFlow>> _byExporterYear;

    /// <summary>Creates a data set.</summary>
    /// <param name="flows">The flows; may be empty.</param>
    /// <param name="currency">The currency of the values; default USD.</param>
    /// <param name="revision">The HS revision the codes are in; null when not stated.</param>
    /// <exception cref="ArgumentNullException"><paramref name="flows"/> or a flow is null.</exception>
    /// <exception cref="CurrencyMismatchException">A flow is in another currency.</exception>
    /// <exception cref="ArgumentException">Two flows share exporter, importer, HS code and year; or a group of countries
    /// (a union, a bloc) and one of its members in that year both supply one importer with one HS code in one year, so
    /// the member's trade would be counted twice. The message names them.</exception>
    public TradeDataSet(IEnumerable<TradeFlow> flows, Currency? currency = null, HsRevision? revision = null)
    {
        ArgumentNullException.ThrowIfNull(flows);
        Currency = currency ?? Currency.Usd;
        Revision = revision;
        var all = flows.ToImmutableArray();
        Flows = all;
        if (Index(all, Currency) is { } index)
        {
            (_byMarket, Markets) = index;
        }
        else
        {
            // Something is wrong, or may be: check flow by flow, so the first problem in flow order is the one named.
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

            _byMarket = all.GroupBy(f => new MarketKey(f.Importer, f.Hs, f.Year))
                .ToDictionary(g => g.Key, g => g.OrderBy(f => f.Exporter).ToImmutableArray(), MarketKeyComparer.Instance);
            Markets = [.. _byMarket.Keys.OrderBy(k => k.Year).ThenBy(k => k.Importer).ThenBy(k => k.Hs)];
        }

        if (MemberCountedTwice(all) is { } twice)
        {
            throw new ArgumentException(twice, nameof(flows));
        }

        Years = [.. all.Select(f => f.Year).Distinct().Order()];
        _byExporterYear = new(() => new(all, f => (f.Exporter, f.Year), f => f.Hs));
    }

    // The same flows and index under another stated revision: nothing to re-index.
    private TradeDataSet(TradeDataSet other, HsRevision? revision)
    {
        _byMarket = other._byMarket;
        _byExporterYear = other._byExporterYear;
        Flows = other.Flows;
        Currency = other.Currency;
        Markets = other.Markets;
        Years = other.Years;
        Revision = revision;
    }

    /// <summary>Gets the HS revision the codes are in (<see cref="HsRevision"/>), or null when it is not stated.</summary>
    public HsRevision? Revision { get; }

    /// <summary>Returns the same flows with the HS revision they are in stated (or cleared); it relabels nothing (<see cref="HsConcordance"/> converts).</summary>
    /// <param name="revision">The revision, or null for not stated.</param>
    /// <returns>The data set, or this one when the revision is the same.</returns>
    public TradeDataSet WithRevision(HsRevision? revision) => revision == Revision ? this : new(this, revision);

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
        return Shares(ExportsUnder(exporter, scope, year).ToArray()
            .GroupBy(f => f.Importer)
            .Select(g => (g.Key, TopLevelSum(g))));
    }

    /// <summary>
    /// Whether the data hold a country's trade in all goods (a <c>TOTAL</c> flow in or out) in a year, so that its
    /// balance covers all goods rather than only the products in the data. Looks at the TOTAL markets only.
    /// </summary>
    /// <param name="country">The country.</param>
    /// <param name="year">The year, or null for any year.</param>
    /// <returns>True when such a flow exists.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="country"/> is null.</exception>
    public bool HasTotals(Country country, int? year = null)
    {
        ArgumentNullException.ThrowIfNull(country);
        foreach (var m in Markets)
        {
            if (m.Hs.IsTotal && (year is null || m.Year == year)
                && (m.Importer.Equals(country) || FlowsInto(m).Any(f => f.Exporter.Equals(country))))
            {
                return true;
            }
        }

        return false;
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
        var flows = new List<TradeFlow>();
        foreach (var f in ExportsUnder(exporter, scope, year))
        {
            if (f.Importer.Equals(importer))
            {
                flows.Add(f);
            }
        }

        return new Money(TopLevelSum(flows), Currency);
    }

    /// <summary>An exporter's flows in a year under an HS scope, sorted by code.</summary>
    internal ReadOnlySpan<TradeFlow> ExportsUnder(Country exporter, HsCode scope, int year) =>
        _byExporterYear.Value.Under((exporter, year), scope);

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

    /// <summary>
    /// Groups the flows by market, each market's flows ordered by exporter and the markets by year, importer and
    /// code, with one sort: each flow gets a packed key of its year, importer, code and exporter, where a country
    /// or code is its rank in the order <see cref="Country.CompareTo"/> and <see cref="HsCode.CompareTo"/> define
    /// (ordinal on the alpha-3 code and on the digits). Returns null when a flow is null or in another currency, or
    /// two flows share a key (a duplicate), so that the constructor checks flow by flow and names the first problem.
    /// </summary>
    /// <remarks>Grouping with LINQ took seconds for a million flows (a hash of every field of two records per flow,
    /// then a sort per market); this takes a small dictionary look-up per country and code and one sort of longs.</remarks>
    private static (Dictionary<MarketKey, ImmutableArray<TradeFlow>>, ImmutableArray<MarketKey>)? Index(ImmutableArray<TradeFlow> all, Currency currency)
    {
        var n = all.Length;
        if (n == 0)
        {
            return ([], []);
        }

        var countryIds = new Dictionary<Country, int>(ReferenceEqualityComparer.Instance);
        var countries = new List<string>();
        var codeIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var codes = new List<string>();
        var importerOf = new int[n];
        var exporterOf = new int[n];
        var codeOf = new int[n];
        int minYear = int.MaxValue, maxYear = int.MinValue;
        for (var i = 0; i < n; i++)
        {
            var f = all[i];
            if (f is null || !f.Value.Currency.Equals(currency))
            {
                return null;
            }

            importerOf[i] = Id(countryIds, countries, f.Importer);
            exporterOf[i] = Id(countryIds, countries, f.Exporter);
            ref var code = ref CollectionsMarshal.GetValueRefOrAddDefault(codeIds, f.Hs.Digits, out var known);
            if (!known)
            {
                code = codes.Count;
                codes.Add(f.Hs.Digits);
            }

            codeOf[i] = code;
            minYear = Math.Min(minYear, f.Year);
            maxYear = Math.Max(maxYear, f.Year);
        }

        var countryRank = Ranks(countries);
        var codeRank = Ranks(codes);
        int yearBits = Bits(maxYear - minYear), countryBits = Bits(countries.Count), codeBits = Bits(codes.Count);
        if (yearBits + countryBits + codeBits + countryBits > 63)
        {
            return null;
        }

        // year | importer | code | exporter, from the top bits down; a market is the key without the exporter.
        var keys = new long[n];
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            keys[i] = ((((((long)(all[i].Year - minYear) << countryBits) | (long)countryRank[importerOf[i]]) << codeBits) | (long)codeRank[codeOf[i]]) << countryBits) | (long)countryRank[exporterOf[i]];
            order[i] = i;
        }

        Array.Sort(keys, order);
        var marketCount = 1;
        for (var i = 1; i < n; i++)
        {
            if (keys[i] == keys[i - 1])
            {
                return null; // the same exporter, importer, code and year twice
            }

            if (keys[i] >> countryBits != keys[i - 1] >> countryBits)
            {
                marketCount++;
            }
        }

        var byMarket = new Dictionary<MarketKey, ImmutableArray<TradeFlow>>(marketCount, MarketKeyComparer.Instance);
        var markets = new MarketKey[marketCount];
        for (int start = 0, m = 0; start < n; m++)
        {
            var end = start + 1;
            while (end < n && keys[end] >> countryBits == keys[start] >> countryBits)
            {
                end++;
            }

            var group = new TradeFlow[end - start];
            for (var j = start; j < end; j++)
            {
                group[j - start] = all[order[j]];
            }

            var first = group[0];
            markets[m] = new MarketKey(first.Importer, first.Hs, first.Year);
            byMarket.Add(markets[m], ImmutableCollectionsMarshal.AsImmutableArray(group));
            start = end;
        }

        return (byMarket, ImmutableCollectionsMarshal.AsImmutableArray(markets));
    }

    private static int Id(Dictionary<Country, int> ids, List<string> alpha3, Country country)
    {
        ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, country, out var known);
        if (!known)
        {
            id = alpha3.Count;
            alpha3.Add(country.Alpha3);
        }

        return id;
    }

    /// <summary>Each value's rank among the distinct values in ordinal order (equal strings, equal ranks).</summary>
    private static int[] Ranks(List<string> values)
    {
        var sorted = values.ToArray();
        var at = new int[sorted.Length];
        for (var i = 0; i < at.Length; i++)
        {
            at[i] = i;
        }

        Array.Sort(sorted, at, StringComparer.Ordinal);
        var ranks = new int[sorted.Length];
        for (int i = 0, rank = -1; i < sorted.Length; i++)
        {
            if (i == 0 || !string.Equals(sorted[i], sorted[i - 1], StringComparison.Ordinal))
            {
                rank++;
            }

            ranks[at[i]] = rank;
        }

        return ranks;
    }

    /// <summary>The bits that hold 0 to <paramref name="count"/>.</summary>
    private static int Bits(int count) => 32 - BitOperations.LeadingZeroCount((uint)count);

    /// <summary>Sums the flows whose code has no ancestor among the flows' codes (walked up through a hash set).</summary>
    internal static decimal TopLevelSum(IEnumerable<TradeFlow> flows)
    {
        var list = flows as IReadOnlyList<TradeFlow> ?? [.. flows];
        var codes = new HashSet<long>(list.Count);
        foreach (var f in list)
        {
            codes.Add(HsKey.Of(f.Hs));
        }

        var sum = 0m;
        foreach (var f in list)
        {
            if (!HasAncestorIn(codes, f.Hs))
            {
                sum += f.Value.Amount;
            }
        }

        return sum;
    }

    private static bool HasAncestorIn(HashSet<long> codes, HsCode hs)
    {
        var key = HsKey.Of(hs);
        for (var length = 0; length < hs.Length; length += 2)
        {
            if (codes.Contains(HsKey.Prefix(key, length)))
            {
                return true;
            }
        }

        return false;
    }

    private ImmutableArray<TradeShare> Shares(IEnumerable<(Country Partner, decimal Amount)> parts)
    {
        var list = parts.OrderBy(p => p.Partner).ToList();
        var total = list.Sum(p => p.Amount);
        return [.. list.Select(p => new TradeShare(p.Partner, new Money(p.Amount, Currency), total == 0m ? 0d : (double)(p.Amount / total)))];
    }
}
