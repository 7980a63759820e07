using System.Collections.Immutable;

namespace TradeBalance;

/// <summary>
/// Who a tariff line applies to: the MFN regime (every partner), or a preferential regime for a
/// named set of partners (one country, or a group such as "LDC" or "ASEAN").
/// </summary>
/// <remarks>
/// Equality compares the name, the MFN flag and the partner set. Within one regime the most
/// specific HS line decides; across regimes the lowest rate applies (<see cref="TariffSchedule"/>).
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class TariffRegime : IEquatable<TariffRegime>
{
    private TariffRegime(string name, bool isMfn, ImmutableSortedSet<Country> partners)
    {
        Name = name;
        IsMfn = isMfn;
        Partners = partners;
    }

    /// <summary>Gets the most-favoured-nation regime, which covers every partner.</summary>
    public static TariffRegime Mfn { get; } = new("MFN", true, []);

    /// <summary>Gets the regime's name: <c>MFN</c>, a country's alpha-3 code, or a group name.</summary>
    public string Name { get; }

    /// <summary>Gets a value indicating whether this is the MFN regime.</summary>
    public bool IsMfn { get; }

    /// <summary>Gets the partners a preferential regime covers (empty for MFN, which covers all).</summary>
    public ImmutableSortedSet<Country> Partners { get; }

    /// <summary>Creates a preferential regime for one partner, named after its alpha-3 code.</summary>
    /// <param name="partner">The partner.</param>
    /// <returns>The regime.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="partner"/> is null.</exception>
    public static TariffRegime For(Country partner)
    {
        ArgumentNullException.ThrowIfNull(partner);
        return new TariffRegime(partner.Alpha3, false, [partner]);
    }

    /// <summary>Creates a preferential regime for a named group of partners.</summary>
    /// <param name="name">The group's name, for example <c>LDC</c>.</param>
    /// <param name="partners">The members; at least one.</param>
    /// <returns>The regime.</returns>
    /// <exception cref="ArgumentNullException">An argument or member is null.</exception>
    /// <exception cref="ArgumentException">The name is empty or <c>MFN</c>, or there are no members.</exception>
    public static TariffRegime Preferential(string name, IEnumerable<Country> partners)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(partners);
        if (string.Equals(name.Trim(), "MFN", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("'MFN' names the MFN regime; use TariffRegime.Mfn.", nameof(name));
        }

        var set = partners.ToImmutableSortedSet();
        if (set.IsEmpty)
        {
            throw new ArgumentException($"Preferential regime '{name}' needs at least one partner.", nameof(partners));
        }

        return new TariffRegime(name.Trim(), false, set);
    }

    /// <summary>Returns true when the regime covers the exporter.</summary>
    /// <param name="exporter">The exporting country.</param>
    /// <returns>True for MFN, or when the exporter is a partner.</returns>
    public bool Covers(Country exporter) => IsMfn || Partners.Contains(exporter);

    /// <inheritdoc/>
    public bool Equals(TariffRegime? other) =>
        other is not null && (ReferenceEquals(this, other) || (IsMfn == other.IsMfn && string.Equals(Name, other.Name, StringComparison.Ordinal) && Partners.SetEquals(other.Partners)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as TariffRegime);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, IsMfn, Partners.Count);

    /// <summary>Returns the name, and the members of a group, for example <c>LDC (ETH, UGA)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        IsMfn || (Partners.Count == 1 && Partners[0].Alpha3 == Name) ? Name : $"{Name} ({string.Join(", ", Partners.Select(p => p.Alpha3))})";
}
