using System.Globalization;

namespace TradeBalance.Projections;

/// <summary>
/// A bundled, sourced table of published elasticity estimates that a scenario can name instead of
/// typing values in: <see cref="ElasticityTables.BrodaWeinstein2006"/> (σ by importer and HS 3-digit
/// group) and <see cref="ElasticityTables.CepiiProTee"/> (σ by HS6 product, pooled over importers).
/// </summary>
/// <remarks>
/// <para>Each table states what its estimates are elasticities <i>of</i> and how they are converted to
/// TradeBalance's convention (<see cref="Convention"/>), its citation and its licence. A lookup
/// (<see cref="Find(Country, HsCode)"/>) gives the estimate with the entry it was read from, or <c>null</c> where the
/// table has none for that importer and product; the scenario's default then applies, and the
/// projection's <see cref="ElasticitySources"/> say so.</para>
/// <para>Tables are read from the assembly once, on first use, and are immutable and thread-safe.</para>
/// </remarks>
public sealed class ElasticityTable
{
    private readonly Func<Country, HsCode, ElasticityEstimate?> _find;

    internal ElasticityTable(string name, ElasticityParameter parameter, string citation, string licence, string convention, bool byImporter, HsRevision? revision, Func<Country, HsCode, ElasticityEstimate?> find)
    {
        Revision = revision;
        Name = name;
        Parameter = parameter;
        Citation = citation;
        Licence = licence;
        Convention = convention;
        ByImporter = byImporter;
        _find = find;
    }

    /// <summary>The name scenarios and the command line use, e.g. <c>broda-weinstein-2006</c>.</summary>
    public string Name { get; }

    /// <summary>The elasticity the table gives.</summary>
    public ElasticityParameter Parameter { get; }

    /// <summary>The publication to cite, short form, e.g. <c>Broda &amp; Weinstein (2006)</c>.</summary>
    public string Citation { get; }

    /// <summary>The licence under which the table's figures are redistributed here.</summary>
    public string Licence { get; }

    /// <summary>What the published figure is an elasticity of, its sign, and how it becomes TradeBalance's parameter.</summary>
    public string Convention { get; }

    /// <summary>Whether estimates differ by importer (otherwise one estimate per product serves every importer).</summary>
    public bool ByImporter { get; }

    /// <summary>
    /// The HS revision the table's codes are in (HS 2007 for CEPII ProTEE, HS 1992 for Broda &amp; Weinstein's HS3 groups),
    /// or null when it is not stated. A product of another revision is looked up through a concordance:
    /// <see cref="Find(Country, HsCode, HsConcordance)"/>.
    /// </summary>
    public HsRevision? Revision { get; }

    /// <summary>
    /// The table's estimate for an importer's market of an HS code, in TradeBalance's convention, or
    /// <c>null</c> where the table has none (an importer or product it does not cover, or a code too
    /// coarse for its classification).
    /// </summary>
    /// <param name="importer">The importing economy.</param>
    /// <param name="hs">The market's HS code.</param>
    public ElasticityEstimate? Find(Country importer, HsCode hs)
    {
        ArgumentNullException.ThrowIfNull(importer);
        ArgumentNullException.ThrowIfNull(hs);
        return _find(importer, hs);
    }

    /// <summary>
    /// The table's estimate for a product of another HS revision, found through a concordance from that revision to the
    /// table's (<see cref="Revision"/>): a 6-digit code (or a national line's subheading) corresponding to one line of the
    /// table takes that line's estimate; to several, the simple mean of those that have one (the estimated ones only,
    /// where any is), each named. A heading or chapter is read as it is when the concordance leaves it unaffected (no
    /// code moves in or out of it), and has no estimate otherwise: say which lines are traded (<see cref="TradedLines"/>).
    /// The estimate's <see cref="ElasticityEstimate.Key"/> names the table's line and revision and the product's, for
    /// example <c>HS6 851712 (HS2007) for HS2022 851713, elasticity -2.5</c>.
    /// </summary>
    /// <param name="importer">The importing economy.</param>
    /// <param name="hs">The market's HS code, in the concordance's <see cref="HsConcordance.From"/> revision.</param>
    /// <param name="concordance">A concordance whose <see cref="HsConcordance.To"/> is the table's revision.</param>
    /// <returns>The estimate, or null where the table has none for the corresponding lines.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The table states no revision, or the concordance does not lead to it; the message names both.</exception>
    public ElasticityEstimate? Find(Country importer, HsCode hs, HsConcordance concordance)
    {
        ArgumentNullException.ThrowIfNull(importer);
        ArgumentNullException.ThrowIfNull(hs);
        ArgumentNullException.ThrowIfNull(concordance);
        if (Revision is null || concordance.To != Revision)
        {
            throw new ArgumentException($"The table '{Name}' is in {Revision?.ToString() ?? "no stated revision"}; the concordance {concordance.From} → {concordance.To} does not lead to it{(concordance.From == Revision ? " (use its Inverse())" : string.Empty)}.", nameof(concordance));
        }

        return FindThrough(importer, hs, concordance);
    }

    /// <summary>
    /// The table's estimate for a market made of the given traded lines: the weighted mean of the lines'
    /// estimates, the imputed ones left out while any line has an estimated value; the market's own
    /// estimate where the table has none for the lines, or where no composition is given.
    /// </summary>
    /// <remarks>With a concordance (from the products' revision to the table's), every look-up goes through it.</remarks>
    internal ElasticityEstimate? FindTraded(Country importer, HsCode hs, TradedLines? lines, HsConcordance? through = null)
    {
        ElasticityEstimate? Lookup(HsCode code) => through is null ? Find(importer, code) : FindThrough(importer, code, through);
        if (lines is null)
        {
            return Lookup(hs);
        }

        var found = new List<(HsCode Line, double Weight, ElasticityEstimate Estimate)>();
        foreach (var (line, weight) in lines.Weights)
        {
            if (Lookup(line) is { } estimate)
            {
                found.Add((line, weight, estimate));
            }
        }

        if (found.Count == 0)
        {
            return Lookup(hs);
        }

        var estimated = found.Where(f => !f.Estimate.Imputed).ToList();
        var used = estimated.Count > 0 ? estimated : found;
        var left = found.Count - used.Count;
        var note = left == 0 ? string.Empty : $"imputed {string.Join(", ", found.Except(used).Select(f => f.Line))} left out";
        if (used.Select(f => f.Estimate.Key).Distinct(StringComparer.Ordinal).Count() == 1)
        {
            // One entry serves every traded line (a table by HS3 group): that entry, as read.
            var one = used[0].Estimate;
            return one with { Note = Join(one.Note, note) };
        }

        var total = used.Sum(f => f.Weight);
        var value = used.Sum(f => f.Weight * f.Estimate.Value) / total;
        var parts = used.Select(f => $"{f.Estimate.Key} × {(f.Weight / total * 100).ToString("0.#", CultureInfo.InvariantCulture)}%");
        return new ElasticityEstimate(
            value,
            string.Join(" + ", parts),
            Join(string.Join("; ", used.Select(f => f.Estimate.Note).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal)), note),
            estimated.Count == 0);

        static string Join(string a, string b) => a.Length == 0 ? b : b.Length == 0 ? a : $"{a}; {b}";
    }

    /// <summary>The estimate of a product of the concordance's From revision, read from the lines it corresponds to; see <see cref="Find(Country, HsCode, HsConcordance)"/>.</summary>
    private ElasticityEstimate? FindThrough(Country importer, HsCode hs, HsConcordance concordance)
    {
        if (hs.Length < 6)
        {
            return concordance.IsUnaffected(hs) && Find(importer, hs) is { } broad
                ? broad with { Key = Through(broad.Key, concordance, hs) }
                : null;
        }

        var found = new List<(HsCode Line, ElasticityEstimate Estimate)>();
        foreach (var line in concordance.TargetsOf(hs.Subheading!))
        {
            if (Find(importer, line) is { } estimate)
            {
                found.Add((line, estimate));
            }
        }

        var estimated = found.Where(f => !f.Estimate.Imputed).ToList();
        var used = estimated.Count > 0 ? estimated : found;
        if (used.Count == 0)
        {
            return null;
        }

        var leftOut = found.Count - used.Count == 0 ? string.Empty : $"imputed {string.Join(", ", found.Except(used).Select(f => f.Line))} left out";
        if (used.Select(f => f.Estimate.Key).Distinct(StringComparer.Ordinal).Count() == 1)
        {
            // One line, or one entry serving every line (a table by HS3 group): that entry, with both revisions named.
            var one = used[0].Estimate;
            return one with { Key = Through(one.Key, concordance, hs), Note = JoinNotes(one.Note, leftOut) };
        }

        var mean = used.Average(f => f.Estimate.Value);
        var parts = string.Join("; ", used.Select(f => $"{f.Estimate.Key} = {Format(f.Estimate.Value)}"));
        return new ElasticityEstimate(
            mean,
            $"mean of {used.Count} {concordance.To} lines for {concordance.From} {hs}: {parts}",
            JoinNotes(string.Join("; ", used.Select(f => f.Estimate.Note).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal)), leftOut),
            estimated.Count == 0);
    }

    /// <summary>A key with the table's revision and the product it serves: <c>HS6 851712 (HS2007) for HS2022 851713, elasticity …</c>.</summary>
    private static string Through(string key, HsConcordance concordance, HsCode hs)
    {
        var serves = $" ({concordance.To}) for {concordance.From} {hs}";
        var comma = key.IndexOf(", ", StringComparison.Ordinal);
        return comma < 0 ? key + serves : key[..comma] + serves + key[comma..];
    }

    private static string JoinNotes(string a, string b) => a.Length == 0 ? b : b.Length == 0 ? a : $"{a}; {b}";

    /// <summary>The table's <see cref="Name"/>.</summary>
    public override string ToString() => Name;

    internal static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
