using System.Collections.Immutable;

namespace TradeBalance.Projections;

/// <summary>
/// Elasticities for a projection: a default set plus per-HS overrides, resolved per market by
/// <see cref="For(HsCode)"/> (for each parameter, the most specific override that sets it wins).
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
    /// <exception cref="ArgumentNullException"><paramref name="defaults"/> or an override is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An override resolves to an invalid set; the message names the HS code.</exception>
    public Elasticities(ElasticityValues defaults, IReadOnlyDictionary<HsCode, ElasticityOverride>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        Default = defaults;
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
    public Elasticities With(HsCode hs, ElasticityOverride value) => new(Default, Overrides.SetItem(hs, value));

    /// <summary>Resolves the elasticities of a market's HS code.</summary>
    /// <param name="hs">The code.</param>
    /// <returns>For each parameter, the value of the most specific override containing the code that sets it, else the default.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="hs"/> is null.</exception>
    public ElasticityValues For(HsCode hs)
    {
        ArgumentNullException.ThrowIfNull(hs);
        double? eta = null, sigma = null, eps = null;

        // Walk from the most specific code up the hierarchy.
        for (HsCode? code = hs; code is not null; code = code.Parent)
        {
            if (Overrides.TryGetValue(code, out var o))
            {
                eta ??= o.ImportDemand;
                sigma ??= o.Substitution;
                eps ??= o.ExportSupply;
            }
        }

        return eta is null && sigma is null && eps is null
            ? Default
            : new ElasticityValues(eta ?? Default.ImportDemand, sigma ?? Default.Substitution, eps ?? Default.ExportSupply);
    }
}
