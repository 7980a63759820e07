using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using TradeBalance.Internal;

namespace TradeBalance.Projections;

/// <summary>
/// The elasticity tables bundled with TradeBalance, each chosen by name (<see cref="Parse"/>):
/// docs/models.md, "Elasticities from published tables", says what each one estimates and how it is used.
/// </summary>
public static class ElasticityTables
{
    private static readonly Lazy<FrozenDictionary<(string Importer, string Hs3), double>> BrodaWeinsteinRows = new(ReadBrodaWeinstein);
    private static readonly Lazy<ImmutableSortedDictionary<string, (double? Elasticity, bool Zero, bool Positive)>> ProTeeRows = new(ReadProTee);
    private static readonly Lazy<FrozenDictionary<string, ElasticityEstimate>> ProTeeHeadings = new(HeadingMeans);

    /// <summary>
    /// Broda &amp; Weinstein (2006), "Globalization and the Gains from Variety", <i>Quarterly Journal of
    /// Economics</i> 121(2): elasticities of substitution among the varieties (supplying countries) of
    /// an HS 3-digit group, for 73 importers, estimated on 1994–2003 data. Used as σ as published
    /// (positive, above 1). A code of 4 or more digits uses its first 3; an importer outside the 73 has
    /// no estimate. Estimates above TradeBalance's σ ≤ 100 are reported and not used.
    /// </summary>
    public static ElasticityTable BrodaWeinstein2006 { get; } = new(
        "broda-weinstein-2006",
        ElasticityParameter.Substitution,
        "Broda & Weinstein (2006)",
        "redistributed from the R package concordance (MIT licence); the authors published the estimates for research use",
        "the elasticity of substitution among supplying countries within an HS 3-digit group (HS 1992), by importer; positive, used as σ unchanged",
        byImporter: true,
        HsRevision.Hs1992,
        FindBrodaWeinstein);

    /// <summary>
    /// CEPII ProTEE 0.1, Fontagné, Guimbard &amp; Orefice (2022), "Product-Level Trade Elasticities",
    /// <i>Journal of International Economics</i> 137: the elasticity of bilateral import values to the
    /// applied tariff, by HS6 product (revision 2007), pooled over importers; Etalab 2.0 licence. In the
    /// CES demand behind SMART's diversion that elasticity is −σ, so σ = −(the published value). Lines the
    /// table flags (not significant, or positive) carry their heading's mean instead of an estimate: they
    /// are <see cref="ElasticityEstimate.Imputed"/>. A 4-digit heading takes the mean of its estimated HS6
    /// lines, the imputed ones only where none is estimated (derived, and said so); a 2-digit chapter has none.
    /// Better than a heading's mean: say which lines are traded (<see cref="TradedLines"/>).
    /// </summary>
    public static ElasticityTable CepiiProTee { get; } = new(
        "cepii-protee-2022",
        ElasticityParameter.Substitution,
        "CEPII ProTEE 0.1, Fontagné, Guimbard & Orefice (2022)",
        "Etalab 2.0 (open licence; reuse with attribution)",
        "the elasticity of bilateral import values to the applied tariff (1 + t), by HS6 (2007), pooled over importers; negative; σ = −value",
        byImporter: false,
        HsRevision.Hs2007,
        FindProTee);

    /// <summary>Every bundled table.</summary>
    public static ImmutableArray<ElasticityTable> All { get; } = [BrodaWeinstein2006, CepiiProTee];

    /// <summary>The table with this <see cref="ElasticityTable.Name"/> (case-insensitive).</summary>
    /// <param name="name">A table name, e.g. <c>broda-weinstein-2006</c>.</param>
    /// <exception cref="ArgumentException">No bundled table has that name; the message lists the names.</exception>
    public static ElasticityTable Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TryFind(name, out var table)
            ? table
            : throw new ArgumentException($"'{name}' is not an elasticity table; the bundled ones are {string.Join(", ", All.Select(t => t.Name))}.", nameof(name));
    }

    /// <summary>Finds a bundled table by name (case-insensitive).</summary>
    /// <param name="name">A table name.</param>
    /// <param name="table">The table, when found.</param>
    /// <returns>Whether a table has that name.</returns>
    public static bool TryFind(string? name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ElasticityTable? table)
    {
        table = All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
        return table is not null;
    }

    private static ElasticityEstimate? FindBrodaWeinstein(Country importer, HsCode hs)
    {
        if (hs.Length < 4)
        {
            return null;
        }

        var hs3 = hs.Digits[..3];
        return BrodaWeinsteinRows.Value.TryGetValue((importer.Alpha3, hs3), out var sigma)
            ? new ElasticityEstimate(sigma, $"{importer.Alpha3} HS3 {hs3}", string.Empty)
            : null;
    }

    private static ElasticityEstimate? FindProTee(Country importer, HsCode hs)
    {
        var rows = ProTeeRows.Value;
        if (hs.Length >= 6)
        {
            var hs6 = hs.Digits[..6];
            return rows.TryGetValue(hs6, out var row) && row.Elasticity is { } value
                ? new ElasticityEstimate(-value, $"HS6 {hs6}, elasticity {ElasticityTable.Format(value)}", Flags(row.Zero, row.Positive), row.Zero || row.Positive)
                : null;
        }

        if (hs.Length != 4)
        {
            return null;
        }

        // A heading: the simple mean of its products' estimates, derived once per heading and labelled so.
        return ProTeeHeadings.Value.TryGetValue(hs.Digits, out var heading) ? heading : null;
    }

    private static string Flags(bool zero, bool positive) =>
        zero ? "not significant at 1 %: the table's HS4 mean" : positive ? "estimated positive: the table's HS4 mean" : string.Empty;

    // A heading: the mean of its estimated lines; the imputed ones (the table's own HS4 mean) only where no line is estimated.
    private static FrozenDictionary<string, ElasticityEstimate> HeadingMeans() =>
        ProTeeRows.Value
            .Where(r => r.Value.Elasticity is not null)
            .GroupBy(r => r.Key[..4], StringComparer.Ordinal)
            .ToFrozenDictionary(
                g => g.Key,
                g =>
                {
                    var estimated = g.Where(r => !r.Value.Zero && !r.Value.Positive).ToList();
                    var used = estimated.Count > 0 ? estimated : [.. g];
                    var mean = used.Average(r => r.Value.Elasticity!.Value);
                    var left = g.Count() - used.Count;
                    var what = estimated.Count > 0 ? "estimated HS6 lines" : "HS6 lines, all imputed,";
                    return new ElasticityEstimate(
                        -mean,
                        $"mean of the {used.Count} {what} of heading {g.Key} ({string.Join(", ", used.Select(r => r.Key))}), {ElasticityTable.Format(mean)}",
                        estimated.Count == 0 ? "no line of the heading is estimated: every value is the table's HS4 mean"
                            : left == 0 ? string.Empty
                            : $"{left} imputed line{(left == 1 ? string.Empty : "s")} left out: {string.Join(", ", g.Except(used).Select(r => r.Key))}",
                        estimated.Count == 0);
                },
                StringComparer.Ordinal);

    private static FrozenDictionary<(string Importer, string Hs3), double> ReadBrodaWeinstein() =>
        EmbeddedTables.Read("Elasticities.broda-weinstein-2006.csv")
            .ToFrozenDictionary(r => (r[0], r[1]), r => double.Parse(r[2], NumberStyles.Float, CultureInfo.InvariantCulture));

    private static ImmutableSortedDictionary<string, (double? Elasticity, bool Zero, bool Positive)> ReadProTee() =>
        EmbeddedTables.Read("Elasticities.cepii-protee-0.1.csv").ToImmutableSortedDictionary(
            r => r[0],
            r => (r[1].Length == 0 ? (double?)null : double.Parse(r[1], NumberStyles.Float, CultureInfo.InvariantCulture), r[2] == "1", r[3] == "1"),
            StringComparer.Ordinal);
}
