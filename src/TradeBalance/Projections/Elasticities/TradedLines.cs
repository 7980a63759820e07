using System.Collections.Immutable;
using System.Globalization;

namespace TradeBalance.Projections;

/// <summary>
/// What a market coarser than HS6 (a heading such as tea, 0902) is made of: the HS6 lines traded in it,
/// each with its weight, and where that comes from. A published table's σ for the market is then the
/// weighted mean of the table's estimates for those lines, not a plain mean over the whole heading.
/// </summary>
/// <remarks>
/// <para>Use it when the data hold a heading but the goods are known to be particular lines: Kenya's tea is
/// black tea shipped in bulk (HS 090240), not the green tea that half of heading 0902's lines describe. Data
/// at HS6 need none: each line is then its own market and a table is read at that line.</para>
/// <para>Weights are shares of the market's trade (by value), any positive numbers; they are scaled to sum
/// to 1. Lines whose estimate the table imputed are left out while any weighted line has an estimated value
/// (<see cref="ElasticityEstimate.Imputed"/>), and the explanation says so.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record TradedLines
{
    /// <summary>Creates the composition of a market.</summary>
    /// <param name="market">The market's code: a chapter or heading (2 or 4 digits).</param>
    /// <param name="weights">The HS6 lines traded in it, each inside <paramref name="market"/>, with positive, finite weights.</param>
    /// <param name="source">Where the composition comes from (a publication, or ASSUMPTION with the reason).</param>
    /// <exception cref="ArgumentNullException">An argument or a line is null.</exception>
    /// <exception cref="ArgumentException">The market is HS6 or finer or <c>TOTAL</c>, there are no lines, a line is not six digits or
    /// lies outside the market, or a weight is not positive and finite; the message names the line.</exception>
    public TradedLines(HsCode market, IReadOnlyDictionary<HsCode, double> weights, string source)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(source);
        if (market.IsTotal || market.Length >= 6)
        {
            throw new ArgumentException($"Traded lines describe a chapter or heading; HS {market} is {(market.IsTotal ? "all goods" : "already a line")}.", nameof(market));
        }

        if (weights.Count == 0)
        {
            throw new ArgumentException($"HS {market}: give at least one traded HS6 line.", nameof(weights));
        }

        var sum = 0d;
        foreach (var (line, weight) in weights)
        {
            ArgumentNullException.ThrowIfNull(line, nameof(weights));
            if (line.Length != 6 || !market.Contains(line))
            {
                throw new ArgumentException($"HS {market}: '{line}' is not an HS6 line inside it.", nameof(weights));
            }

            if (!double.IsFinite(weight) || weight <= 0d)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"HS {market}: the weight of {line} must be positive and finite; got {weight}."), nameof(weights));
            }

            sum += weight;
        }

        Market = market;
        Weights = weights.ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value / sum);
        Source = source;
    }

    /// <summary>Gets the market's code (a chapter or heading).</summary>
    public HsCode Market { get; }

    /// <summary>Gets the traded HS6 lines and their weights, which sum to 1.</summary>
    public ImmutableSortedDictionary<HsCode, double> Weights { get; }

    /// <summary>Gets where the composition comes from.</summary>
    public string Source { get; }

    /// <summary>Value equality: the same market, lines, weights and source.</summary>
    /// <param name="other">The other composition.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(TradedLines? other) =>
        other is not null && Market.Equals(other.Market) && Source == other.Source && Weights.SequenceEqual(other.Weights);

    /// <summary>A hash consistent with <see cref="Equals(TradedLines?)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(Market, Weights.Count, Source);

    /// <summary><c>0902: 090240 99%, 090230 1%</c>.</summary>
    /// <returns>The market and its lines.</returns>
    public override string ToString() =>
        $"{Market}: {string.Join(", ", Weights.OrderByDescending(w => w.Value).ThenBy(w => w.Key).Select(w => $"{w.Key} {(w.Value * 100).ToString("0.#", CultureInfo.InvariantCulture)}%"))}";
}
