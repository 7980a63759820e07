using System.Collections.Immutable;
using TradeBalance.Internal;

namespace TradeBalance.Projections;

/// <summary>
/// Several tariff changes applied together: a deal whose parts move both sides of a bilateral
/// balance, such as China's zero tariff on Kenyan goods and a reciprocal cut by Kenya on goods from China.
/// </summary>
/// <remarks>
/// <para>Each part is a <see cref="Scenario"/> with its own importer, beneficiaries, lines and change.
/// The parts are projected one by one on the same baseline data, and their changes are added up:
/// <see cref="PackageResult.Balance(Country, Country)"/> shows the export change of one part and the
/// import change of another in one balance. Adding is exact for SMART and exact Armington, which
/// project each market on its own, when no two parts change the same market (refused here); under
/// GSIM with finite export supply, parts that share exporters interact through their supply prices,
/// and the sum is a first-order approximation.</para>
/// <para>The parts must share a reference year (or leave it to the data).</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ScenarioPackage
{
    /// <summary>Creates a package.</summary>
    /// <param name="name">A short name.</param>
    /// <param name="parts">The tariff changes; at least one, no two changing the same market.</param>
    /// <exception cref="ArgumentNullException">An argument or part is null.</exception>
    /// <exception cref="ArgumentException">No parts; two parts change the same importer's rates on overlapping HS lines; or the parts name different reference years. The message names them.</exception>
    public ScenarioPackage(string name, IEnumerable<Scenario> parts)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(parts);
        var list = parts.ToImmutableArray();
        if (list.IsEmpty)
        {
            throw new ArgumentException("A package needs at least one part.", nameof(parts));
        }

        for (var i = 0; i < list.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(list[i], nameof(parts));
            for (var j = 0; j < i; j++)
            {
                if (list[i].Importer.Equals(list[j].Importer) && Overlap(list[i], list[j]) is { } hs)
                {
                    throw new ArgumentException($"Parts {j + 1} ('{list[j].Name}') and {i + 1} ('{list[i].Name}') both change {list[i].Importer.Alpha3}'s rates on HS {hs}; a market may be changed by one part only.", nameof(parts));
                }
            }
        }

        var years = list.Where(p => p.ReferenceYear is not null).Select(p => p.ReferenceYear!.Value).Distinct().ToList();
        if (years.Count > 1)
        {
            throw new ArgumentException($"The parts name different reference years ({string.Join(", ", years)}); a package projects one baseline year.", nameof(parts));
        }

        Name = name;
        Parts = list;
    }

    /// <summary>Gets the package's name.</summary>
    public string Name { get; }

    /// <summary>Gets a longer description; may be empty.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>Gets the tariff changes, in the order given.</summary>
    public ImmutableArray<Scenario> Parts { get; }

    /// <summary>Gets the country whose balance the package is about (Kenya in Kenya–China), or null: the first part's first beneficiary that is a country.</summary>
    public Country? BalanceCountry { get; init; }

    /// <summary>Gets the partner of that balance (China), or null: the first part's importer.</summary>
    public Country? BalancePartner { get; init; }

    /// <summary>Gets where each figure comes from, by field path (as <see cref="Scenario.Sources"/>).</summary>
    public ImmutableSortedDictionary<string, string> Sources { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>Gets the country of the balance shown: <see cref="BalanceCountry"/>, else the first part's first beneficiary.</summary>
    public Country Country => BalanceCountry ?? Parts[0].BeneficiariesAsGiven.FirstOrDefault(c => !c.IsAggregate) ?? Parts[0].Beneficiaries.First();

    /// <summary>Gets the partner of the balance shown: <see cref="BalancePartner"/>, else the first part's importer.</summary>
    public Country Partner => BalancePartner ?? Parts[0].Importer;

    /// <summary>Projects every part with its own model (<see cref="Scenario.Model"/>) and adds up the changes.</summary>
    /// <param name="data">The baseline flows, shared by every part.</param>
    /// <param name="schedules">The tariff schedules: every part's importer's (and every importer's for GSIM); a union's serves its members.</param>
    /// <returns>The parts' results and their sum.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A part's importer has no schedule.</exception>
    /// <exception cref="ProjectionException">A part cannot be projected on the data.</exception>
    public PackageResult Project(TradeDataSet data, IEnumerable<TariffSchedule> schedules) => Project(null, data, schedules);

    /// <summary>Projects every part with one model and adds up the changes.</summary>
    /// <param name="model">The model for every part; null: each part's own.</param>
    /// <param name="data">The baseline flows, shared by every part.</param>
    /// <param name="schedules">The tariff schedules: every part's importer's (and every importer's for GSIM).</param>
    /// <returns>The parts' results and their sum.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> or <paramref name="schedules"/> is null.</exception>
    /// <exception cref="ArgumentException">A part's importer has no schedule.</exception>
    /// <exception cref="ProjectionException">A part cannot be projected on the data.</exception>
    public PackageResult Project(ProjectionModel? model, TradeDataSet data, IEnumerable<TariffSchedule> schedules)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(schedules);
        var all = schedules.ToImmutableArray();
        var results = Parts.Select(p => (model ?? ProjectionModel.For(p.Model)).Project(new ProjectionInputs(p, data, all))).ToImmutableArray();
        return new PackageResult(this, (IEnumerable<ProjectionResult>)results);
    }

    /// <summary>Returns the name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;

    // The first line of one part that is, or lies under or above, a line of the other.
    private static HsCode? Overlap(Scenario a, Scenario b)
    {
        foreach (var x in a.Lines)
        {
            foreach (var y in b.Lines)
            {
                var (shorter, longer) = x.Length <= y.Length ? (x, y) : (y, x);
                if (HsKey.Prefix(HsKey.Of(longer), shorter.Length) == HsKey.Of(shorter))
                {
                    return shorter;
                }
            }
        }

        return null;
    }
}
