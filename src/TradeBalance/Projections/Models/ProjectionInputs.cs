using System.Collections.Immutable;

namespace TradeBalance.Projections;

/// <summary>
/// What every <see cref="ProjectionModel"/> projects from: the scenario, the baseline data and the tariff schedules,
/// one per importer. SMART and Armington use the scenario importer's schedule; GSIM needs every importer's.
/// </summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ProjectionInputs
{
    /// <summary>Creates inputs with the scenario importer's schedule only (enough for SMART and Armington).</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="data">The baseline flows.</param>
    /// <param name="schedule">The scenario importer's schedule.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The schedule is another importer's.</exception>
    public ProjectionInputs(Scenario scenario, TradeDataSet data, TariffSchedule schedule)
        : this(scenario, data, [schedule ?? throw new ArgumentNullException(nameof(schedule))])
    {
        if (!schedule.Importer.Equals(scenario.Importer))
        {
            throw new ArgumentException($"The schedule is {schedule.Importer.Alpha3}'s; the scenario's importer is {scenario.Importer.Alpha3}.", nameof(schedule));
        }
    }

    /// <summary>Creates inputs with one schedule per importer.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="data">The baseline flows.</param>
    /// <param name="schedules">The schedules, at most one per importer.</param>
    /// <exception cref="ArgumentNullException">An argument, or a schedule, is null.</exception>
    /// <exception cref="ArgumentException">Two schedules are for the same importer; the flows and a schedule state different
    /// HS revisions (<see cref="TradeDataSet.Revision"/>, <see cref="TariffSchedule.Revision"/>); or the scenario's elasticities
    /// read their tables for products of another revision than the flows state.</exception>
    public ProjectionInputs(Scenario scenario, TradeDataSet data, IEnumerable<TariffSchedule> schedules)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(schedules);
        var list = schedules.ToImmutableArray();
        var seen = new HashSet<Country>();
        foreach (var s in list)
        {
            if (s is null)
            {
                throw new ArgumentNullException(nameof(schedules), "A schedule is null.");
            }

            if (!seen.Add(s.Importer))
            {
                throw new ArgumentException($"Two schedules are for {s.Importer.Alpha3}; give one per importer.", nameof(schedules));
            }

            // Codes of two revisions are not one product list: 851712 in HS2017 is two lines in HS2022. Both stated and
            // different is refused; a revision left unstated is taken as the other's (the caller's word).
            if (data.Revision is { } flows && s.Revision is { } tariffs && flows != tariffs)
            {
                throw new ArgumentException($"The flows are in {flows} and {s.Importer.Alpha3}'s tariff schedule in {tariffs}: convert one to the other's revision first (HsConcordance.Convert, with the UN's table from HsCorrelationTable.Read; the tool: --hs-tables DIR).", nameof(schedules));
            }
        }

        if (data.Revision is { } codes && scenario.Elasticities.ProductRevision is { } stated && codes != stated)
        {
            throw new ArgumentException($"The flows are in {codes} but the scenario's elasticities read their tables for products in {stated} (Elasticities.WithConcordances): give the concordances of {codes}.", nameof(scenario));
        }

        Scenario = scenario;
        Data = data;
        Schedules = WithMembersOfUnions(list, seen, scenario, data);
    }

    /// <summary>Gets the scenario.</summary>
    public Scenario Scenario { get; }

    /// <summary>Gets the baseline flows.</summary>
    public TradeDataSet Data { get; }

    /// <summary>
    /// Gets the schedules, one per importer: those given and, for each customs union given a schedule
    /// (<see cref="CountryGroup.HasCommonTariff"/>), a copy for each of its members, on the scenario's
    /// effective date, that imports in the data or is the scenario's importer and has no schedule of its own.
    /// </summary>
    public ImmutableArray<TariffSchedule> Schedules { get; }

    // A union's common external tariff is each member's tariff (TariffSchedule.Find); a member's own schedule, if given, wins.
    private static ImmutableArray<TariffSchedule> WithMembersOfUnions(ImmutableArray<TariffSchedule> given, HashSet<Country> covered, Scenario scenario, TradeDataSet data)
    {
        if (!given.Any(s => CountryGroups.TryGet(s.Importer, out var g) && g.HasCommonTariff))
        {
            return given;
        }

        var result = given.ToBuilder();
        foreach (var importer in data.Markets.Select(m => m.Importer).Append(scenario.Importer).Distinct())
        {
            if (!covered.Contains(importer) && TariffSchedule.Find(given, importer, scenario.Effective) is { } schedule)
            {
                result.Add(schedule);
                covered.Add(importer);
            }
        }

        return result.ToImmutable();
    }

    /// <summary>The scenario importer's schedule, which SMART and Armington need.</summary>
#pragma warning disable CA2208 // the inputs are the caller's argument, named as the public methods name it
    internal TariffSchedule ImporterSchedule(string model) =>
        Schedules.FirstOrDefault(s => s.Importer.Equals(Scenario.Importer))
        ?? throw new ArgumentException($"No tariff schedule for the scenario's importer {Scenario.Importer.Alpha3} ({model} needs it).", "inputs");
#pragma warning restore CA2208

    /// <summary>The flat batch the SMART and Armington kernels run on.</summary>
    internal ProjectionBatch Batch(string model, Func<TradeFlow, TariffSchedule, (TariffRate Before, TariffRate After)>? rates)
    {
        var schedule = ImporterSchedule(model);
        return rates is null
            ? ProjectionBatch.Create(Scenario, Data, schedule)
            : ProjectionBatch.Create(Scenario, Data, schedule, rates: f => rates(f, schedule));
    }
}
