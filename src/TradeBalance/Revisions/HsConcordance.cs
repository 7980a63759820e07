using System.Collections.Immutable;
using System.Globalization;

namespace TradeBalance;

/// <summary>
/// A correspondence between the 6-digit codes of two HS revisions: which codes of <see cref="From"/>
/// become which codes of <see cref="To"/>. Converts trade flows (<see cref="Convert(TradeDataSet, TradeDataSet?, IReadOnlyDictionary{HsCode, decimal}?)"/>)
/// and tariff schedules (<see cref="Convert(TariffSchedule, TradeDataSet?)"/>) from one revision to the other,
/// and lets an elasticity table of one revision be read for products of another.
/// </summary>
/// <remarks>
/// <para>Build one from the rows of a published correlation table: one <see cref="HsLink"/> per row, with
/// the relationship the table declares (<see cref="HsLink.ParseRelationship"/> reads <c>1:n</c> and the like).
/// The relationship of every link is then computed from the links themselves (<see cref="HsLink.Relationship"/>):
/// at the link's two ends, as the published tables judge it (its From code split among several targets, its To code
/// merging several sources, both, or neither; see <see cref="HsRelationship"/>). <see cref="Disagreements"/>
/// lists the rows whose declared relationship differs from the computed one.</para>
/// <para>The concordance is taken as complete for the codes it lists: a 6-digit code it does not list has no
/// counterpart, and converting it is refused (add a 1:1 link for a code that did not change).</para>
/// <para>Building costs time proportional to the number of links; <see cref="TargetsOf"/> and
/// <see cref="SourcesOf"/> are one dictionary look-up each.</para>
/// <para>Equality: the same revisions and the same set of links (declared relationships included), in any order.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class HsConcordance : IEquatable<HsConcordance>
{
    private readonly Dictionary<HsCode, ImmutableArray<HsCode>> _targets;
    private readonly Dictionary<HsCode, ImmutableArray<HsCode>> _sources;

    // Headings and chapters (digit prefixes) of the From side that hold a code, and those that some link
    // crosses (its two codes differ at that level): a prefix held and not crossed converts unchanged.
    private readonly HashSet<string> _fromPrefixes;
    private readonly HashSet<string> _crossedPrefixes;

    /// <summary>Creates a concordance.</summary>
    /// <param name="from">The revision of the links' <see cref="HsLink.From"/> codes.</param>
    /// <param name="to">The revision of the links' <see cref="HsLink.To"/> codes.</param>
    /// <param name="links">The links; at least one.</param>
    /// <exception cref="ArgumentNullException">An argument or a link is null.</exception>
    /// <exception cref="ArgumentException">The two revisions are the same, there are no links, or two links join the same two codes; the message names them.</exception>
    public HsConcordance(HsRevision from, HsRevision to, IEnumerable<HsLink> links)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(links);
        if (from == to)
        {
            throw new ArgumentException($"A concordance joins two different revisions; both are {from}.", nameof(to));
        }

        var all = links.ToList();
        var seen = new Dictionary<(HsCode, HsCode), HsLink>();
        var targets = new Dictionary<HsCode, List<HsCode>>();
        var sources = new Dictionary<HsCode, List<HsCode>>();
        foreach (var link in all)
        {
            ArgumentNullException.ThrowIfNull(link, nameof(links));
            if (!seen.TryAdd((link.From, link.To), link))
            {
                throw new ArgumentException($"The concordance {from} → {to} links {link.From} to {link.To} twice.", nameof(links));
            }

            Add(targets, link.From, link.To);
            Add(sources, link.To, link.From);
        }

        if (all.Count == 0)
        {
            throw new ArgumentException($"The concordance {from} → {to} has no links.", nameof(links));
        }

        From = from;
        To = to;
        _targets = targets.ToDictionary(p => p.Key, p => p.Value.Order().ToImmutableArray());
        _sources = sources.ToDictionary(p => p.Key, p => p.Value.Order().ToImmutableArray());
        Links = [.. Computed(all, _targets, _sources).OrderBy(l => l.From).ThenBy(l => l.To)];
        _fromPrefixes = [];
        _crossedPrefixes = [];
        foreach (var link in Links)
        {
            foreach (var length in (ReadOnlySpan<int>)[2, 4])
            {
                var a = link.From.Digits[..length];
                var b = link.To.Digits[..length];
                _fromPrefixes.Add(a);
                if (!string.Equals(a, b, StringComparison.Ordinal))
                {
                    _crossedPrefixes.Add(a);
                    _crossedPrefixes.Add(b);
                }
            }
        }
    }

    /// <summary>Gets the revision the codes are converted from.</summary>
    public HsRevision From { get; }

    /// <summary>Gets the revision the codes are converted to.</summary>
    public HsRevision To { get; }

    /// <summary>Gets the links, ordered by <see cref="HsLink.From"/> then <see cref="HsLink.To"/>, each with its computed <see cref="HsLink.Relationship"/>.</summary>
    public ImmutableArray<HsLink> Links { get; }

    /// <summary>Returns the codes of <see cref="To"/> that a code of <see cref="From"/> corresponds to, in code order.</summary>
    /// <param name="code">A 6-digit code of the From revision.</param>
    /// <returns>The targets; empty when the concordance does not list the code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="ArgumentException">The code does not have 6 digits.</exception>
    public ImmutableArray<HsCode> TargetsOf(HsCode code) => Lookup(_targets, code);

    /// <summary>Returns the codes of <see cref="From"/> that a code of <see cref="To"/> comes from, in code order.</summary>
    /// <param name="code">A 6-digit code of the To revision.</param>
    /// <returns>The sources; empty when the concordance does not list the code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="ArgumentException">The code does not have 6 digits.</exception>
    public ImmutableArray<HsCode> SourcesOf(HsCode code) => Lookup(_sources, code);

    /// <summary>Returns the links whose declared relationship differs from the one computed from the links' structure.</summary>
    /// <returns>The disagreeing links, in <see cref="Links"/> order; empty when every declared relationship agrees or none is declared.</returns>
    public ImmutableArray<HsLink> Disagreements() => [.. Links.Where(l => l.Declared is { } d && d != l.Relationship)];

    /// <summary>Returns the concordance read the other way: <see cref="To"/> to <see cref="From"/>, each link inverted (<see cref="HsLink.Inverse"/>).</summary>
    /// <returns>The inverse concordance.</returns>
    public HsConcordance Inverse() => new(To, From, Links.Select(l => l.Inverse()));

    /// <summary>
    /// Converts trade flows of <see cref="From"/> to <see cref="To"/>, without losing value: a 1:1 code is
    /// relabelled, a split code's value is shared among its targets by weights (the user's, else the trade
    /// of the targets in <paramref name="targetTrade"/>, else equal shares), merged codes are summed. See
    /// docs/hs-revisions.md for headings, national lines and rounding.
    /// </summary>
    /// <param name="flows">The flows; their <see cref="TradeDataSet.Revision"/> must be <see cref="From"/> or not stated.</param>
    /// <param name="targetTrade">Trade in the <see cref="To"/> revision whose values weight the splits (all importers and years summed); may be null.</param>
    /// <param name="userWeights">Weights of <see cref="To"/> codes that take precedence where they cover every target of a split; non-negative; may be null.</param>
    /// <returns>The flows in <see cref="To"/>, and a report of how each code was converted.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="flows"/> is null.</exception>
    /// <exception cref="ArgumentException">A data set states another revision, a user weight is negative, or a flow cannot be converted
    /// (a code the concordance does not list, a heading or chapter whose subheadings move elsewhere, a national line beside its own subheading);
    /// the message names the code and what to do.</exception>
    public HsConversion<TradeDataSet> Convert(TradeDataSet flows, TradeDataSet? targetTrade = null, IReadOnlyDictionary<HsCode, decimal>? userWeights = null) =>
        FlowConversion.Run(this, flows, targetTrade, userWeights);

    /// <summary>
    /// Converts a tariff schedule of <see cref="From"/> to <see cref="To"/>, regime by regime and date by date: a rate is
    /// never split, so each target of a split code keeps its source's rate, and a merged code takes the mean of its
    /// sources' rates in force, weighted by the importer's imports of each source in <paramref name="flows"/>, else the simple mean.
    /// </summary>
    /// <param name="schedule">The schedule; its <see cref="TariffSchedule.Revision"/> must be <see cref="From"/> or not stated.</param>
    /// <param name="flows">Trade in the <see cref="From"/> revision that weights the means (the schedule's importer's imports); may be null.</param>
    /// <returns>The schedule in <see cref="To"/>, and a report of how each target code's rate was formed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentException">A revision stated differs, or a line cannot be converted (a code the concordance does not list, a heading
    /// whose subheadings move elsewhere, a national line of a subheading that is split or merged); the message names the line.</exception>
    public HsConversion<TariffSchedule> Convert(TariffSchedule schedule, TradeDataSet? flows = null) =>
        TariffConversion.Run(this, schedule, flows);

    /// <summary>Returns true when both join the same revisions by the same links.</summary>
    /// <param name="other">The other concordance.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(HsConcordance? other) =>
        other is not null && (ReferenceEquals(this, other)
            || (From == other.From && To == other.To && Links.Length == other.Links.Length && Links.SequenceEqual(other.Links)));

    /// <summary>Returns true when the object is an equal concordance.</summary>
    /// <param name="obj">The other object.</param>
    /// <returns>True when equal.</returns>
    public override bool Equals(object? obj) => Equals(obj as HsConcordance);

    /// <summary>Returns a hash of the revisions and the number of links.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(From, To, Links.Length);

    /// <summary>Returns a description, for example <c>HS2017 → HS2022 (5,612 links)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{From} → {To} ({Links.Length.ToString("N0", CultureInfo.InvariantCulture)} links)";

    /// <summary>
    /// Whether a heading or chapter of <see cref="From"/> converts as a whole, unchanged: the concordance lists a code under it,
    /// and every link from under it stays under it and every link into it comes from under it. TOTAL always does.
    /// </summary>
    internal bool IsUnaffected(HsCode prefix) =>
        prefix.IsTotal || (prefix.Length < 6 && _fromPrefixes.Contains(prefix.Digits) && !_crossedPrefixes.Contains(prefix.Digits));

    private static ImmutableArray<HsCode> Lookup(Dictionary<HsCode, ImmutableArray<HsCode>> map, HsCode code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length != 6)
        {
            throw new ArgumentException($"A concordance links 6-digit subheadings; '{code}' has {code.Length} digits (a national line's subheading is its first 6).", nameof(code));
        }

        return map.TryGetValue(code, out var found) ? found : [];
    }

    private static void Add(Dictionary<HsCode, List<HsCode>> map, HsCode key, HsCode value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }

    /// <summary>
    /// Each link's relationship as the published tables define it, from the link's two ends: whether its From code has
    /// other targets (a split) and whether its To code has other sources (a merge). A link of a group that is n:n
    /// elsewhere can itself be 1:n or n:1: the UN's tables label it so, and so does this.
    /// </summary>
    private static IEnumerable<HsLink> Computed(List<HsLink> links, Dictionary<HsCode, ImmutableArray<HsCode>> targets, Dictionary<HsCode, ImmutableArray<HsCode>> sources) =>
        links.Select(link => link.WithComputed((targets[link.From].Length > 1, sources[link.To].Length > 1) switch
        {
            (false, false) => HsRelationship.OneToOne,
            (true, false) => HsRelationship.OneToMany,
            (false, true) => HsRelationship.ManyToOne,
            _ => HsRelationship.ManyToMany,
        }));
}
