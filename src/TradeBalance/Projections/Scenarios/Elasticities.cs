using System.Collections.Immutable;

namespace TradeBalance.Projections;

/// <summary>
/// Elasticities for a projection: a default set, per-HS overrides, and optionally a published table
/// of σ (<see cref="SubstitutionTable"/>), resolved per market by <see cref="For(Country, HsCode)"/>:
/// for each parameter, the most specific override that sets it wins, then the table's estimate for
/// the importer and product, then the default. <see cref="Explain"/> says which applied.
/// </summary>
/// <remarks>
/// <para>Defaults (<see cref="SmartDefaults"/>): σ = 1.5 and ε = 99 (infinite) are WITS-SMART's
/// defaults; η = −1.5 is an assumption (WITS uses Kee, Nicita &amp; Olarreaga (2008) HS6 estimates,
/// which are not bundled).</para>
/// <para>Every resolved combination is validated when the elasticities are created, so a bad
/// override fails early with the HS code named.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class Elasticities
{
    /// <summary>Creates elasticities.</summary>
    /// <param name="defaults">The values used where no override applies.</param>
    /// <param name="overrides">Overrides by HS code; may be null.</param>
    /// <param name="substitutionTable">A published table of σ used where no override sets σ (<see cref="ElasticityTables"/>); may be null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="defaults"/> or an override is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An override resolves to an invalid set; the message names the HS code.</exception>
    /// <exception cref="ArgumentException"><paramref name="substitutionTable"/> is not a table of σ.</exception>
    public Elasticities(ElasticityValues defaults, IReadOnlyDictionary<HsCode, ElasticityOverride>? overrides = null, ElasticityTable? substitutionTable = null)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        if (substitutionTable is not null && substitutionTable.Parameter != ElasticityParameter.Substitution)
        {
            throw new ArgumentException($"The table '{substitutionTable.Name}' gives {substitutionTable.Parameter}, not the substitution elasticity.", nameof(substitutionTable));
        }

        Default = defaults;
        SubstitutionTable = substitutionTable;
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

    /// <summary>Returns these elasticities with one more override (replacing any for the same code).</summary>
    /// <param name="hs">The HS code.</param>
    /// <param name="value">The override.</param>
    /// <returns>The new elasticities.</returns>
    public Elasticities With(HsCode hs, ElasticityOverride value) => new(Default, Overrides.SetItem(hs, value), SubstitutionTable);

    /// <summary>Gets the published table of σ used where no override sets σ, or <c>null</c>.</summary>
    public ElasticityTable? SubstitutionTable { get; }

    /// <summary>Returns these elasticities with σ taken from a published table where no override sets it.</summary>
    /// <param name="table">A table of σ (<see cref="ElasticityTables"/>), or <c>null</c> for none.</param>
    /// <returns>The new elasticities.</returns>
    public Elasticities WithSubstitutionTable(ElasticityTable? table) => new(Default, Overrides, table);

    /// <summary>Resolves the elasticities of an importer's market for an HS code, the table included.</summary>
    /// <param name="importer">The importer.</param>
    /// <param name="hs">The code.</param>
    /// <returns>For each parameter: the most specific override that sets it, else (σ) the table's estimate, else the default.</returns>
    public ElasticityValues For(Country importer, HsCode hs) => Resolve(importer, hs, explain: false).Values;

    /// <summary>Says where each elasticity of an importer's market for an HS code comes from.</summary>
    /// <param name="importer">The importer.</param>
    /// <param name="hs">The code.</param>
    /// <returns>The source of η, σ and ε, naming the override, the table entry, or the default (and why a table had none).</returns>
    public ElasticitySources Explain(Country importer, HsCode hs) => Resolve(importer, hs, explain: true).Sources!;

    internal (ElasticityValues Values, ElasticitySources? Sources) Resolve(Country importer, HsCode hs, bool explain)
    {
        ArgumentNullException.ThrowIfNull(importer);
        ArgumentNullException.ThrowIfNull(hs);
        var (etaAt, sigmaAt, epsAt) = OverridesFor(hs);
        var eta = etaAt is null ? null : Overrides[etaAt].ImportDemand;
        var sigma = sigmaAt is null ? null : Overrides[sigmaAt].Substitution;
        var eps = epsAt is null ? null : Overrides[epsAt].ExportSupply;

        string? tableSource = null;
        if (sigma is null && SubstitutionTable is { } table)
        {
            var estimate = table.Find(importer, hs);
            if (estimate is null)
            {
                tableSource = explain ? $"default ({table.Name} has no estimate for {importer.Alpha3} HS {hs})" : null;
            }
            else if (estimate.Value <= 0d || estimate.Value > NumericDomain.MaxSubstitution)
            {
                tableSource = explain ? $"default ({table.Citation}, {estimate.Key}: σ = {ElasticityTable.Format(estimate.Value)} is outside 0 < σ ≤ {ElasticityTable.Format(NumericDomain.MaxSubstitution)})" : null;
            }
            else
            {
                sigma = estimate.Value;
                tableSource = explain ? $"{table.Citation}, {estimate.Key}{(estimate.Note.Length == 0 ? string.Empty : $" ({estimate.Note})")}" : null;
            }
        }

        var values = eta is null && sigma is null && eps is null
            ? Default
            : new ElasticityValues(eta ?? Default.ImportDemand, sigma ?? Default.Substitution, eps ?? Default.ExportSupply);
        if (!explain)
        {
            return (values, null);
        }

        string Of(HsCode? at, ElasticityOverride? o) => at is null ? "default" : $"override for HS {at}{(o!.Source.Length == 0 ? string.Empty : $": {o.Source}")}";
        return (values, new ElasticitySources(
            Of(etaAt, etaAt is null ? null : Overrides[etaAt]),
            sigmaAt is not null ? Of(sigmaAt, Overrides[sigmaAt]) : tableSource ?? "default",
            Of(epsAt, epsAt is null ? null : Overrides[epsAt])));
    }

    /// <summary>Resolves the elasticities of an HS code from the overrides and the default only.</summary>
    /// <param name="hs">The code.</param>
    /// <returns>For each parameter, the value of the most specific override containing the code that sets it, else the default.</returns>
    /// <remarks>A <see cref="SubstitutionTable"/> needs the importer too: the models call <see cref="For(Country, HsCode)"/>.</remarks>
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
