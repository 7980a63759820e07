using System.Collections.Immutable;
using NodaTime;
using TradeBalance.Internal;

namespace TradeBalance.Projections;

/// <summary>
/// A tariff scenario: which importer changes which HS lines for which exporters (the beneficiaries),
/// how, and from when; plus the elasticities, model and uncertainty settings to project it with.
/// </summary>
/// <remarks>
/// <para>Tariffs <em>before</em> are each supplier's applied rate on the day before
/// <see cref="Effective"/>; <em>after</em> is the scenario's <see cref="Change"/> applied to that rate
/// for the beneficiaries on the scenario's lines, and the applied rate on <see cref="Effective"/> for
/// everyone else (so other preferences that start the same day, in the tariff schedule, count too).</para>
/// <para>A line covers its sub-codes: <c>0902</c> covers 090240. Flows are those of
/// <see cref="ReferenceYear"/> (null: the latest year in the data).</para>
/// <para>A changed copy keeps every other field: <c>scenario with { Elasticities = … }</c>. The importer,
/// beneficiaries, lines, change and date define a scenario and are set by the constructor only. Two scenarios
/// are equal when every field is.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record Scenario
{
    private readonly int _stages = 1;
    private readonly int? _referenceYear;
    private readonly Elasticities _elasticities = Elasticities.SmartDefaults;

    // The lines as HsKeys and the lengths they use, so Covers walks the traded code's ancestors
    // instead of scanning every line.
    private readonly HashSet<long> _lineKeys;
    private readonly Dictionary<long, HsCode> _linesByKey;
    private readonly int[] _lineLengths;

    // Every code above a line (its heading, chapter, …): an elasticity override there reaches the line.
    private readonly HashSet<long> _aboveLineKeys;

    /// <summary>Creates a scenario.</summary>
    /// <param name="name">A short name.</param>
    /// <param name="importer">The country changing its tariffs.</param>
    /// <param name="beneficiaries">The exporters whose rates change; at least one, not the importer. A group
    /// (<c>LDC</c>, <c>EAC</c>; see <see cref="CountryGroups"/>) stands for its members on
    /// <paramref name="effective"/>, less the importer and, when the importer is a group, its members.</param>
    /// <param name="lines">The HS lines affected; at least one.</param>
    /// <param name="change">How the rates change.</param>
    /// <param name="effective">The first day of the new rates.</param>
    /// <exception cref="ArgumentNullException">An argument or element is null.</exception>
    /// <exception cref="ArgumentException">No beneficiaries or lines, or the importer is a beneficiary; the message names it.</exception>
    public Scenario(string name, Country importer, IEnumerable<Country> beneficiaries, IEnumerable<HsCode> lines, TariffChange change, LocalDate effective)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(importer);
        ArgumentNullException.ThrowIfNull(beneficiaries);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(change);
        var given = beneficiaries.ToImmutableSortedSet();
        var l = lines.Distinct().Order().ToImmutableArray();
        if (given.IsEmpty)
        {
            throw new ArgumentException("A scenario needs at least one beneficiary.", nameof(beneficiaries));
        }

        if (given.Contains(importer))
        {
            throw new ArgumentException($"The importer {importer.Alpha3} cannot be its own beneficiary.", nameof(beneficiaries));
        }

        var b = ExpandGroups(given, importer, effective);

        if (l.IsEmpty)
        {
            throw new ArgumentException("A scenario needs at least one HS line.", nameof(lines));
        }

        if (l.Any(h => h.IsTotal))
        {
            throw new ArgumentException("A scenario's lines must be HS codes, not TOTAL.", nameof(lines));
        }

        Name = name;
        Importer = importer;
        Beneficiaries = b;
        BeneficiariesAsGiven = given;
        Lines = l;
        _lineKeys = [.. l.Select(HsKey.Of)];
        _linesByKey = l.ToDictionary(HsKey.Of);
        _lineLengths = [.. l.Select(h => h.Length).Distinct()];
        _aboveLineKeys = [];
        foreach (var line in l)
        {
            var key = HsKey.Of(line);
            for (var length = 2; length < line.Length; length += 2)
            {
                _aboveLineKeys.Add(HsKey.Prefix(key, length));
            }
        }
        Change = change;
        Effective = effective;
    }

    /// <summary>Gets the scenario's name.</summary>
    public string Name { get; }

    /// <summary>Gets a longer description; may be empty.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>Gets the country changing its tariffs.</summary>
    public Country Importer { get; }

    /// <summary>Gets the exporters whose rates change: the countries given, and the members of each group given on <see cref="Effective"/>.</summary>
    public ImmutableSortedSet<Country> Beneficiaries { get; }

    /// <summary>Gets the beneficiaries as given, groups (<c>LDC</c>) not expanded: what a scenario file says.</summary>
    public ImmutableSortedSet<Country> BeneficiariesAsGiven { get; }

    /// <summary>Gets the HS lines affected (each with its sub-codes).</summary>
    public ImmutableArray<HsCode> Lines { get; }

    /// <summary>Gets how the rates change.</summary>
    public TariffChange Change { get; }

    /// <summary>Gets the first day of the new rates.</summary>
    public LocalDate Effective { get; }

    /// <summary>Gets the number of equal annual steps the change is phased in over (1 = all at once).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to less than 1 or more than 100.</exception>
    public int Stages
    {
        get => _stages;
        init => _stages = value is >= 1 and <= 100
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Stages), value, $"A scenario has 1 to 100 stages; got {value}.");
    }

    /// <summary>Gets the year of the baseline flows; null means the latest year in the data.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a year outside 1900–2200.</exception>
    public int? ReferenceYear
    {
        get => _referenceYear;
        init => _referenceYear = value is null or (>= 1900 and <= 2200)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(ReferenceYear), value, $"The reference year must be in 1900–2200; got {value}.");
    }

    /// <summary>Gets the model to project with.</summary>
    public ProjectionModelKind Model { get; init; } = ProjectionModelKind.Smart;

    /// <summary>Gets the elasticities.</summary>
    /// <remarks>Every per-HS override must concern one of the scenario's lines (<see cref="Concerns"/>): an
    /// override for a code the scenario does not touch would never be used, so it is refused rather
    /// than ignored.</remarks>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    /// <exception cref="ArgumentException">Set to elasticities with an override for a code that is neither one of the lines, under one, nor above one; the message names the code and the lines.</exception>
    public Elasticities Elasticities
    {
        get => _elasticities;
        init
        {
            ArgumentNullException.ThrowIfNull(value, nameof(Elasticities));
            foreach (var hs in value.Overrides.Keys)
            {
                if (!Concerns(hs))
                {
                    throw new ArgumentException($"The elasticity override for HS {hs} is outside the scenario's lines ({string.Join(", ", Lines)}): it would never be used. Remove it or add the line.", nameof(Elasticities));
                }
            }

            _elasticities = value;
        }
    }

    /// <summary>Gets the Monte Carlo settings, or null when the scenario asks for none.</summary>
    public MonteCarloSettings? MonteCarlo { get; init; }

    /// <summary>Gets the sources of the scenario's parameters, by parameter path (for example <c>elasticities.byHs.0902.substitution</c>).</summary>
    public ImmutableSortedDictionary<string, string> Sources { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>Returns true when the scenario changes the exporter's rate on the code.</summary>
    /// <param name="exporter">The exporter.</param>
    /// <param name="hs">The traded code.</param>
    /// <returns>True for a beneficiary on a covered line.</returns>
    public bool Changes(Country exporter, HsCode hs) => Beneficiaries.Contains(exporter) && Covers(hs);

    /// <summary>Returns true when one of the scenario's lines contains the code.</summary>
    /// <param name="hs">The code.</param>
    /// <returns>True when covered.</returns>
    public bool Covers(HsCode hs)
    {
        ArgumentNullException.ThrowIfNull(hs);
        if (hs.IsTotal)
        {
            return false;
        }

        var key = HsKey.Of(hs);
        foreach (var length in _lineLengths)
        {
            if (length <= hs.Length && _lineKeys.Contains(HsKey.Prefix(key, length)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns true when the code is one of the scenario's lines, under one (covered), or above one (its heading or chapter), so that an elasticity override for it reaches a market of the scenario.</summary>
    /// <param name="hs">The code.</param>
    /// <returns>True when the code concerns the scenario.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="hs"/> is null.</exception>
    public bool Concerns(HsCode hs) => Covers(hs) || (!hs.IsTotal && _aboveLineKeys.Contains(HsKey.Of(hs)));

    /// <summary>Returns every line of the scenario that covers the code (the code itself or a line above it).</summary>
    internal IEnumerable<HsCode> LinesOver(HsCode hs)
    {
        if (hs.IsTotal)
        {
            yield break;
        }

        var key = HsKey.Of(hs);
        foreach (var length in _lineLengths)
        {
            if (length <= hs.Length && _linesByKey.TryGetValue(HsKey.Prefix(key, length), out var line))
            {
                yield return line;
            }
        }
    }

    /// <summary>Returns the exporter's tariff on the code before and after the scenario.</summary>
    /// <param name="schedule">The importer's tariff schedule.</param>
    /// <param name="exporter">The exporter.</param>
    /// <param name="hs">The traded code.</param>
    /// <returns>The rate before (applied the day before <see cref="Effective"/>) and after.</returns>
    /// <exception cref="ArgumentException">The schedule is another importer's.</exception>
    /// <exception cref="KeyNotFoundException">The schedule has no line for the exporter and code; the message names them.</exception>
    public (TariffRate Before, TariffRate After) Tariffs(TariffSchedule schedule, Country exporter, HsCode hs)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (!schedule.Importer.Equals(Importer))
        {
            throw new ArgumentException($"The scenario's importer is {Importer.Alpha3} but the tariff schedule is {schedule.Importer.Alpha3}'s.", nameof(schedule));
        }

        var before = schedule.RateFor(exporter, hs, Effective.PlusDays(-1)).Rate;
        var after = Changes(exporter, hs) ? Change.Apply(before) : schedule.RateFor(exporter, hs, Effective).Rate;
        return (before, after);
    }

    /// <summary>Returns the scenario's name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;

    /// <summary>Value equality: every field equal (beneficiaries as given, lines, elasticities and sources by content).</summary>
    /// <param name="other">The other scenario.</param>
    /// <returns>Whether the two are equal.</returns>
    public bool Equals(Scenario? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Name == other.Name && Description == other.Description && Importer.Equals(other.Importer)
                && BeneficiariesAsGiven.SetEquals(other.BeneficiariesAsGiven) && Lines.SequenceEqual(other.Lines)
                && Change.Equals(other.Change) && Effective == other.Effective && Stages == other.Stages
                && ReferenceYear == other.ReferenceYear && Model == other.Model && Elasticities.Equals(other.Elasticities)
                && Equals(MonteCarlo, other.MonteCarlo) && Sources.SequenceEqual(other.Sources)));

    /// <summary>A hash consistent with <see cref="Equals(Scenario?)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(Name, Importer, Lines.Length, Change, Effective, ReferenceYear, Model);

    // A group beneficiary stands for its members on the effective date; the importer (or, for a union, its members) cannot benefit from its own cut.
    private static ImmutableSortedSet<Country> ExpandGroups(ImmutableSortedSet<Country> beneficiaries, Country importer, LocalDate effective)
    {
        if (!beneficiaries.Any(c => c.IsAggregate))
        {
            return beneficiaries;
        }

        var importerMembers = CountryGroups.TryGet(importer, out var union) ? union.MembersOn(effective) : [];
        var result = ImmutableSortedSet.CreateBuilder<Country>();
        foreach (var c in beneficiaries)
        {
            if (!CountryGroups.TryGet(c, out var group) || group.Kind == CountryGroupKind.Economy)
            {
                result.Add(c);
                continue;
            }

            var members = group.MembersOn(effective).Where(m => !m.Equals(importer) && !importerMembers.Contains(m)).ToList();
            if (members.Count == 0)
            {
                throw new ArgumentException($"Beneficiary {group.Code} has no members on {NodaTime.Text.LocalDatePattern.Iso.Format(effective)} other than the importer {importer.Alpha3}.", nameof(beneficiaries));
            }

            result.UnionWith(members);
        }

        return result.ToImmutable();
    }
}
