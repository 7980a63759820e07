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
/// (<see cref="Find"/>) gives the estimate with the entry it was read from, or <c>null</c> where the
/// table has none for that importer and product; the scenario's default then applies, and the
/// projection's <see cref="ElasticitySources"/> say so.</para>
/// <para>Tables are read from the assembly once, on first use, and are immutable and thread-safe.</para>
/// </remarks>
public sealed class ElasticityTable
{
    private readonly Func<Country, HsCode, ElasticityEstimate?> _find;

    internal ElasticityTable(string name, ElasticityParameter parameter, string citation, string licence, string convention, bool byImporter, Func<Country, HsCode, ElasticityEstimate?> find)
    {
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
    /// The table's estimate for a market made of the given traded lines: the weighted mean of the lines'
    /// estimates, the imputed ones left out while any line has an estimated value; the market's own
    /// estimate where the table has none for the lines, or where no composition is given.
    /// </summary>
    internal ElasticityEstimate? FindTraded(Country importer, HsCode hs, TradedLines? lines)
    {
        if (lines is null)
        {
            return Find(importer, hs);
        }

        var found = new List<(HsCode Line, double Weight, ElasticityEstimate Estimate)>();
        foreach (var (line, weight) in lines.Weights)
        {
            if (Find(importer, line) is { } estimate)
            {
                found.Add((line, weight, estimate));
            }
        }

        if (found.Count == 0)
        {
            return Find(importer, hs);
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

    /// <summary>The table's <see cref="Name"/>.</summary>
    public override string ToString() => Name;

    internal static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
