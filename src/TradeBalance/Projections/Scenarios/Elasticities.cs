using System.Collections.Immutable;

namespace TradeBalance.Projections;

/// <summary>
/// Elasticities for a projection: a default set, per-HS overrides, and optionally published tables of σ
/// (<see cref="SubstitutionTables"/>), resolved per market by <see cref="For(Country, HsCode)"/>: for each
/// parameter, the most specific override that sets it wins, then (σ) the tables' estimates for the importer
/// and product, then the default. <see cref="Explain"/> says which applied.
/// </summary>
/// <remarks>
/// <para>Defaults (<see cref="SmartDefaults"/>): σ = 1.5 and ε = 99 (infinite) are WITS-SMART's
/// defaults; η = −1.5 is an assumption (WITS uses Kee, Nicita &amp; Olarreaga (2008) HS6 estimates,
/// which are not bundled).</para>
/// <para>σ from several tables: the published sources disagree (for China's tea, Broda &amp; Weinstein give
/// 1.83 and CEPII ProTEE 5.41), so σ is taken as uncertain between them. The point value is the middle of
/// the range the tables' estimates span, and Monte Carlo bands draw σ uniformly across that same range
/// (<see cref="SubstitutionRange"/>): the central estimate and its band come from one distribution, and the
/// point lies at its median. One table gives its estimate as the point, and the band draws within the
/// spread around it. A market that only one table covers takes that table's estimate.</para>
/// <para>A market coarser than HS6 can be given its traded lines (<see cref="TradedLines"/>), so a table's σ
/// is the one of the goods actually traded there rather than a heading's mean.</para>
/// <para>Every resolved combination is validated when the elasticities are created, so a bad
/// override fails early with the HS code named.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class Elasticities : IEquatable<Elasticities>
{
    // The concordance each table of another revision is read through (none: read by the codes as they are).
    private readonly Dictionary<ElasticityTable, HsConcordance> _through;

    /// <summary>Creates elasticities.</summary>
    /// <param name="defaults">The values used where no override applies.</param>
    /// <param name="overrides">Overrides by HS code; may be null.</param>
    /// <param name="substitutionTables">Published tables of σ used where no override sets σ (<see cref="ElasticityTables"/>): one gives the point;
    /// several give the middle of their range, and the bands draw across it. May be null or empty.</param>
    /// <param name="tradedLines">What markets coarser than HS6 are made of, for the tables' lookups; at most one per market code. May be null.</param>
    /// <param name="productRevision">The HS revision the markets' codes are in; null when not stated (the tables are then read by the codes as they are).</param>
    /// <param name="concordances">Concordances between <paramref name="productRevision"/> and the tables' revisions, either way round: a table of
    /// another revision is read through the one that joins the two (<see cref="ElasticityTable.Find(Country, HsCode, HsConcordance)"/>); a table
    /// no concordance reaches is read by the codes as they are. May be null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="defaults"/>, an override, a table or a composition is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An override resolves to an invalid set; the message names the HS code.</exception>
    /// <exception cref="ArgumentException">A table is not a table of σ or is named twice, two compositions are for one market, concordances are
    /// given without the products' revision, one does not touch that revision, or two join the same revisions.</exception>
    public Elasticities(ElasticityValues defaults, IReadOnlyDictionary<HsCode, ElasticityOverride>? overrides = null, IEnumerable<ElasticityTable>? substitutionTables = null, IEnumerable<TradedLines>? tradedLines = null, HsRevision? productRevision = null, IEnumerable<HsConcordance>? concordances = null)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        var tables = substitutionTables?.ToImmutableArray() ?? [];
        foreach (var table in tables)
        {
            ArgumentNullException.ThrowIfNull(table, nameof(substitutionTables));
            if (table.Parameter != ElasticityParameter.Substitution)
            {
                throw new ArgumentException($"The table '{table.Name}' gives {table.Parameter}, not the substitution elasticity.", nameof(substitutionTables));
            }
        }

        if (tables.Distinct().Count() != tables.Length)
        {
            throw new ArgumentException($"A substitution table is named twice: {string.Join(", ", tables.Select(t => t.Name))}.", nameof(substitutionTables));
        }

        var lines = ImmutableSortedDictionary.CreateBuilder<HsCode, TradedLines>();
        foreach (var l in tradedLines ?? [])
        {
            ArgumentNullException.ThrowIfNull(l, nameof(tradedLines));
            if (!lines.TryAdd(l.Market, l))
            {
                throw new ArgumentException($"Two compositions are given for HS {l.Market}; give one.", nameof(tradedLines));
            }
        }

        Concordances = concordances?.ToImmutableArray() ?? [];
        ProductRevision = productRevision;
        _through = Through(productRevision, Concordances, tables);
        Default = defaults;
        SubstitutionTables = tables;
        TradedLines = lines.ToImmutable();
        Overrides = (overrides ?? ImmutableDictionary<HsCode, ElasticityOverride>.Empty).ToImmutableSortedDictionary();
        foreach (var (hs, o) in Overrides)
        {
            ArgumentNullException.ThrowIfNull(o, nameof(overrides));
            try
            {
                _ = For(hs);
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw new ArgumentOutOfRangeException(nameof(overrides), $"Elasticity override for HS {hs}: {e.Message}");
            }
        }
    }

    /// <summary>Gets WITS-SMART's defaults: η = −1.5 (assumption), σ = 1.5, ε = 99 (infinite).</summary>
    public static Elasticities SmartDefaults { get; } = new(new ElasticityValues(-1.5, 1.5, 99));

    /// <summary>Gets the values used where no override applies.</summary>
    public ElasticityValues Default { get; }

    /// <summary>Gets the overrides, ordered by HS code.</summary>
    public ImmutableSortedDictionary<HsCode, ElasticityOverride> Overrides { get; }

    /// <summary>Gets the published tables of σ used where no override sets it: one gives the point, several the middle of their range. Empty for none.</summary>
    public ImmutableArray<ElasticityTable> SubstitutionTables { get; }

    /// <summary>Gets the compositions of markets coarser than HS6, by market code.</summary>
    public ImmutableSortedDictionary<HsCode, TradedLines> TradedLines { get; }

    /// <summary>Gets the HS revision the markets' codes are in, or null when not stated.</summary>
    public HsRevision? ProductRevision { get; }

    /// <summary>Gets the concordances the tables of other revisions are read through (<see cref="WithConcordances"/>); empty for none.</summary>
    public ImmutableArray<HsConcordance> Concordances { get; }

    /// <summary>
    /// Returns these elasticities with the markets' HS revision stated and concordances to the tables' revisions: a table of
    /// another revision (<see cref="ElasticityTable.Revision"/>) is then read through the concordance that joins the two, and the
    /// source of σ names the table's line and revision, e.g. <c>HS6 851712 (HS2007) for HS2022 851713</c>.
    /// </summary>
    /// <param name="productRevision">The revision the markets' codes are in.</param>
    /// <param name="concordances">Concordances from (or to) that revision, at most one per other revision; none to read every table by the codes as they are.</param>
    /// <returns>The new elasticities.</returns>
    /// <exception cref="ArgumentException">A concordance does not touch <paramref name="productRevision"/>, or two join the same revisions.</exception>
    public Elasticities WithConcordances(HsRevision productRevision, params IEnumerable<HsConcordance> concordances)
    {
        ArgumentNullException.ThrowIfNull(productRevision);
        return new(Default, Overrides, SubstitutionTables, TradedLines.Values, productRevision, concordances);
    }

    /// <summary>Returns these elasticities with one more override (replacing any for the same code).</summary>
    /// <param name="hs">The HS code.</param>
    /// <param name="value">The override.</param>
    /// <returns>The new elasticities.</returns>
    public Elasticities With(HsCode hs, ElasticityOverride value) => new(Default, Overrides.SetItem(hs, value), SubstitutionTables, TradedLines.Values, ProductRevision, Concordances);

    /// <summary>Returns these elasticities with σ taken from published tables where no override sets it.</summary>
    /// <param name="tables">Tables of σ (<see cref="ElasticityTables"/>): one for its estimate, several for the middle of their range; none to use the default.</param>
    /// <returns>The new elasticities.</returns>
    public Elasticities WithSubstitutionTables(params IEnumerable<ElasticityTable> tables) => new(Default, Overrides, tables, TradedLines.Values, ProductRevision, Concordances);

    /// <summary>Returns these elasticities with a market's composition (replacing any for the same market code).</summary>
    /// <param name="lines">The market's traded lines.</param>
    /// <returns>The new elasticities.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lines"/> is null.</exception>
    public Elasticities WithTradedLines(TradedLines lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return new(Default, Overrides, SubstitutionTables, TradedLines.SetItem(lines.Market, lines).Values, ProductRevision, Concordances);
    }

    /// <summary>Resolves the elasticities of an importer's market for an HS code, the tables included.</summary>
    /// <param name="importer">The importer.</param>
    /// <param name="hs">The code.</param>
    /// <returns>For each parameter: the most specific override that sets it, else (σ) the tables' estimate (the middle of several), else the default.</returns>
    public ElasticityValues For(Country importer, HsCode hs) => Resolve(importer, hs, explain: false).Values;

    /// <summary>Says where each elasticity of an importer's market for an HS code comes from.</summary>
    /// <param name="importer">The importer.</param>
    /// <param name="hs">The code.</param>
    /// <returns>The source of η, σ and ε, naming the override, the table entries, or the default (and why a table had none).</returns>
    public ElasticitySources Explain(Country importer, HsCode hs) => Resolve(importer, hs, explain: true).Sources!;

    /// <summary>
    /// The interval σ is drawn from in the Monte Carlo bands of an importer's market: the lowest and the highest of
    /// the tables' estimates where two or more tables cover the market and no override sets σ, so that the point
    /// (<see cref="For(Country, HsCode)"/>, its middle) is the median of the draws; <c>null</c> otherwise (σ is then drawn within
    /// the Monte Carlo spread around the point).
    /// </summary>
    /// <param name="importer">The importer.</param>
    /// <param name="hs">The code.</param>
    /// <returns>The interval, or null.</returns>
    public (double Low, double High)? SubstitutionRange(Country importer, HsCode hs) => Resolve(importer, hs, explain: false).Range;

    internal (ElasticityValues Values, ElasticitySources? Sources, (double Low, double High)? Range) Resolve(Country importer, HsCode hs, bool explain)
    {
        ArgumentNullException.ThrowIfNull(importer);
        ArgumentNullException.ThrowIfNull(hs);
        var (etaAt, sigmaAt, epsAt) = OverridesFor(hs);
        var eta = etaAt is null ? null : Overrides[etaAt].ImportDemand;
        var sigma = sigmaAt is null ? null : Overrides[sigmaAt].Substitution;
        var eps = epsAt is null ? null : Overrides[epsAt].ExportSupply;

        string? tableSource = null;
        (double Low, double High)? range = null;
        if (sigma is null && !SubstitutionTables.IsEmpty)
        {
            (sigma, range, tableSource) = FromTables(importer, hs, explain);
        }

        var values = eta is null && sigma is null && eps is null
            ? Default
            : new ElasticityValues(eta ?? Default.ImportDemand, sigma ?? Default.Substitution, eps ?? Default.ExportSupply);
        if (!explain)
        {
            return (values, null, range);
        }

        string Of(HsCode? at, ElasticityOverride? o) => at is null ? "default" : $"override for HS {at}{(o!.Source.Length == 0 ? string.Empty : $": {o.Source}")}";
        return (values, new ElasticitySources(
            Of(etaAt, etaAt is null ? null : Overrides[etaAt]),
            sigmaAt is not null ? Of(sigmaAt, Overrides[sigmaAt]) : tableSource ?? "default",
            Of(epsAt, epsAt is null ? null : Overrides[epsAt])), range);
    }

    /// <summary>σ from the tables: one estimate as it is, several by the middle of their range; what was used, when asked.</summary>
    private (double? Sigma, (double Low, double High)? Range, string? Source) FromTables(Country importer, HsCode hs, bool explain)
    {
        var lines = TradedLinesOf(hs);
        var used = new List<(ElasticityTable Table, ElasticityEstimate Estimate)>();
        var unused = new List<string>();
        foreach (var table in SubstitutionTables)
        {
            var through = _through.GetValueOrDefault(table);
            var estimate = table.FindTraded(importer, hs, lines, through);
            if (estimate is null)
            {
                unused.Add($"{table.Name} has no estimate for {importer.Alpha3} HS {hs}{(through is null ? string.Empty : $" ({through.From}, read through the concordance to {through.To})")}");
            }
            else if (estimate.Value <= 0d || estimate.Value > NumericDomain.MaxSubstitution)
            {
                unused.Add($"{table.Citation}, {estimate.Key}: σ = {ElasticityTable.Format(estimate.Value)} is outside 0 < σ ≤ {ElasticityTable.Format(NumericDomain.MaxSubstitution)}");
            }
            else
            {
                used.Add((table, estimate));
            }
        }

        if (used.Count == 0)
        {
            return (null, null, explain ? $"default ({string.Join("; ", unused)})" : null);
        }

        // An imputed value (a table's filler where it has no estimate) counts only where no table estimates the market.
        if (used.Any(u => !u.Estimate.Imputed) && used.Any(u => u.Estimate.Imputed))
        {
            unused.AddRange(used.Where(u => u.Estimate.Imputed).Select(u => $"{u.Table.Citation}, {u.Estimate.Key}, left out: imputed, not estimated"));
            used.RemoveAll(u => u.Estimate.Imputed);
        }

        var low = used.Min(u => u.Estimate.Value);
        var high = used.Max(u => u.Estimate.Value);
        double sigma = used.Count == 1 ? low : (low + high) / 2d;
        (double, double)? range = used.Count == 1 ? null : (low, high);
        if (!explain)
        {
            return (sigma, range, null);
        }

        string Entry((ElasticityTable Table, ElasticityEstimate Estimate) u) =>
            $"{u.Table.Citation}, {u.Estimate.Key}{(u.Estimate.Note.Length == 0 ? string.Empty : $" ({u.Estimate.Note})")}";
        var text = used.Count == 1
            ? Entry(used[0])
            : $"middle of {ElasticityTable.Format(low)}–{ElasticityTable.Format(high)}: {string.Join("; ", used.Select(u => $"{Entry(u)} = {ElasticityTable.Format(u.Estimate.Value)}"))}";
        if (lines is not null)
        {
            text += $"; traded lines {lines}";
        }

        return (sigma, range, unused.Count == 0 ? text : $"{text} ({string.Join("; ", unused)})");
    }

    /// <summary>For each table of another revision than the products', the concordance from the products' revision to the table's.</summary>
    /// <summary>The σ tables of another revision than the products' that no concordance reaches: read by the codes as they are.</summary>
    /// <param name="products">The revision the products' codes are in; null when not stated (nothing is then known to differ).</param>
    internal IEnumerable<ElasticityTable> ReadByDigits(HsRevision? products) =>
        products is null ? [] : SubstitutionTables.Where(t => t.Revision is { } r && r != products && !_through.ContainsKey(t));

    private static Dictionary<ElasticityTable, HsConcordance> Through(HsRevision? products, ImmutableArray<HsConcordance> concordances, ImmutableArray<ElasticityTable> tables)
    {
        if (concordances.IsEmpty)
        {
            return [];
        }

        if (products is null)
        {
            throw new ArgumentException("Concordances are given but not the revision of the markets' codes; state it (productRevision).", nameof(products));
        }

        // Each concordance oriented from the products' revision; the inverse is built once, here.
        var byTarget = new Dictionary<HsRevision, HsConcordance>();
        foreach (var c in concordances)
        {
            ArgumentNullException.ThrowIfNull(c, nameof(concordances));
            var oriented = c.From == products ? c
                : c.To == products ? c.Inverse()
                : throw new ArgumentException($"The concordance {c.From} → {c.To} does not touch {products}, the revision of the markets' codes.", nameof(concordances));
            if (!byTarget.TryAdd(oriented.To, oriented))
            {
                throw new ArgumentException($"Two concordances join {products} and {oriented.To}; give one.", nameof(concordances));
            }
        }

        var through = new Dictionary<ElasticityTable, HsConcordance>();
        foreach (var table in tables)
        {
            if (table.Revision is { } r && r != products && byTarget.TryGetValue(r, out var c))
            {
                through[table] = c;
            }
        }

        return through;
    }

    /// <summary>The composition given for exactly this market code (a finer market is read at its own code), if any.</summary>
    private TradedLines? TradedLinesOf(HsCode hs) => TradedLines.TryGetValue(hs, out var lines) ? lines : null;

    /// <summary>Value equality: the same defaults, overrides, tables (in order) and traded lines.</summary>
    /// <param name="other">The other elasticities.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(Elasticities? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Default.Equals(other.Default) && Overrides.SequenceEqual(other.Overrides)
                && SubstitutionTables.SequenceEqual(other.SubstitutionTables) && TradedLines.SequenceEqual(other.TradedLines)
                && ProductRevision == other.ProductRevision && Concordances.SequenceEqual(other.Concordances)));

    /// <summary>Value equality; see <see cref="Equals(Elasticities?)"/>.</summary>
    /// <param name="obj">The other object.</param>
    /// <returns>Whether it is equal elasticities.</returns>
    public override bool Equals(object? obj) => Equals(obj as Elasticities);

    /// <summary>A hash consistent with <see cref="Equals(Elasticities?)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(Default, Overrides.Count, SubstitutionTables.Length, TradedLines.Count);

    /// <summary>Resolves the elasticities of an HS code from the overrides and the default only.</summary>
    /// <param name="hs">The code.</param>
    /// <returns>For each parameter, the value of the most specific override containing the code that sets it, else the default.</returns>
    /// <remarks>The <see cref="SubstitutionTables"/> need the importer too: the models call <see cref="For(Country, HsCode)"/>.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="hs"/> is null.</exception>
    public ElasticityValues For(HsCode hs)
    {
        ArgumentNullException.ThrowIfNull(hs);
        var (etaAt, sigmaAt, epsAt) = OverridesFor(hs);
        return etaAt is null && sigmaAt is null && epsAt is null
            ? Default
            : new ElasticityValues(
                etaAt is null ? Default.ImportDemand : Overrides[etaAt].ImportDemand!.Value,
                sigmaAt is null ? Default.Substitution : Overrides[sigmaAt].Substitution!.Value,
                epsAt is null ? Default.ExportSupply : Overrides[epsAt].ExportSupply!.Value);
    }

    /// <summary>For each parameter, the most specific code containing <paramref name="hs"/> whose override sets it, walking up the hierarchy.</summary>
    private (HsCode? ImportDemand, HsCode? Substitution, HsCode? ExportSupply) OverridesFor(HsCode hs)
    {
        HsCode? eta = null, sigma = null, eps = null;
        for (HsCode? code = hs; code is not null; code = code.Parent)
        {
            if (Overrides.TryGetValue(code, out var o))
            {
                eta ??= o.ImportDemand is null ? null : code;
                sigma ??= o.Substitution is null ? null : code;
                eps ??= o.ExportSupply is null ? null : code;
            }
        }

        return (eta, sigma, eps);
    }
}
