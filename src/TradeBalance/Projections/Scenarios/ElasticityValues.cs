using System.Globalization;

namespace TradeBalance.Projections;

/// <summary>
/// The three elasticities of one market: import demand η (negative), Armington substitution σ
/// (positive) and export supply ε (positive, or infinite).
/// </summary>
/// <remarks>
/// <para>η is entered with its sign (Kee, Nicita &amp; Olarreaga's convention): −1.5 means a 1 % rise
/// in the domestic price cuts the market's imports by 1.5 %. A positive η is an input error.</para>
/// <para>ε ≥ <see cref="InfiniteSupplyThreshold"/> (99, WITS-SMART's code for "infinite") or
/// <see cref="double.PositiveInfinity"/> means world prices are fixed: no price effect.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record ElasticityValues
{
    /// <summary>The export supply elasticity at and above which supply is treated as infinite (WITS-SMART's 99).</summary>
    public const double InfiniteSupplyThreshold = 99d;

    /// <summary>Creates a set of elasticities.</summary>
    /// <param name="importDemand">η, negative and at least <see cref="NumericDomain.MinImportDemand"/> (−100).</param>
    /// <param name="substitution">σ, positive and at most <see cref="NumericDomain.MaxSubstitution"/> (100).</param>
    /// <param name="exportSupply">ε, at least <see cref="NumericDomain.MinExportSupply"/> (0.01); 99 or more (or +∞) means infinite.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range or NaN; the message names it.</exception>
    public ElasticityValues(double importDemand, double substitution, double exportSupply)
    {
        if (!double.IsFinite(importDemand) || importDemand >= 0d)
        {
            throw new ArgumentOutOfRangeException(nameof(importDemand), importDemand, $"The import-demand elasticity must be finite and negative (entered with its sign, e.g. -1.5); got {Format(importDemand)}.");
        }

        if (importDemand < NumericDomain.MinImportDemand)
        {
            throw new ArgumentOutOfRangeException(nameof(importDemand), importDemand, $"The import-demand elasticity must be at least {Format(NumericDomain.MinImportDemand)}; got {Format(importDemand)}.");
        }

        if (!double.IsFinite(substitution) || substitution <= 0d)
        {
            throw new ArgumentOutOfRangeException(nameof(substitution), substitution, $"The substitution elasticity must be finite and positive; got {Format(substitution)}.");
        }

        if (substitution > NumericDomain.MaxSubstitution)
        {
            throw new ArgumentOutOfRangeException(nameof(substitution), substitution, $"The substitution elasticity must be at most {Format(NumericDomain.MaxSubstitution)}; got {Format(substitution)}.");
        }

        if (double.IsNaN(exportSupply) || exportSupply <= 0d)
        {
            throw new ArgumentOutOfRangeException(nameof(exportSupply), exportSupply, $"The export-supply elasticity must be positive (99 or infinity for infinite supply); got {Format(exportSupply)}.");
        }

        if (exportSupply < NumericDomain.MinExportSupply)
        {
            throw new ArgumentOutOfRangeException(nameof(exportSupply), exportSupply, $"The export-supply elasticity must be at least {Format(NumericDomain.MinExportSupply)} (99 or infinity for infinite supply); got {Format(exportSupply)}.");
        }

        ImportDemand = importDemand;
        Substitution = substitution;
        ExportSupply = exportSupply;
    }

    /// <summary>Gets η, the import-demand elasticity (negative).</summary>
    public double ImportDemand { get; }

    /// <summary>Gets σ, the substitution elasticity between suppliers (positive).</summary>
    public double Substitution { get; }

    /// <summary>Gets ε, the export-supply elasticity (positive; ≥ 99 is infinite).</summary>
    public double ExportSupply { get; }

    /// <summary>Gets a value indicating whether export supply is infinite (ε ≥ 99), so world prices are fixed.</summary>
    public bool IsSupplyInfinite => ExportSupply >= InfiniteSupplyThreshold;

    /// <summary>Returns <c>η=-1.5 σ=1.5 ε=∞</c>-style text (invariant culture).</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"η={Short(ImportDemand)} σ={Short(Substitution)} ε={(IsSupplyInfinite ? "∞" : Short(ExportSupply))}";

    // Six significant digits for display: a table's 5.7658949999999995 reads as 5.76589; messages keep every digit.
    private static string Short(double v) => v.ToString("G6", CultureInfo.InvariantCulture);

    private static string Format(double v) => v.ToString("G", CultureInfo.InvariantCulture);
}
