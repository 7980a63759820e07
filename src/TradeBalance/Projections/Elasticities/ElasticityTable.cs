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

    /// <summary>The table's <see cref="Name"/>.</summary>
    public override string ToString() => Name;

    internal static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
