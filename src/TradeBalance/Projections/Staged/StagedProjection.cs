using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace TradeBalance.Projections;

/// <summary>
/// Staged (phased-in) tariff cuts: the rate in force on any date, the equivalent tariff-schedule lines,
/// and a projection for each year of a range.
/// </summary>
/// <remarks>
/// <para>Rule (see the README, Staged cuts): a scenario with N = <see cref="Scenario.Stages"/>
/// stages moves each beneficiary's rate on each covered code linearly from its rate before,
/// <c>t0</c> (applied the day before <see cref="Scenario.Effective"/>), to the scenario's target
/// <c>t1 = Change.Apply(t0)</c>. Stage k (1 ≤ k ≤ N) is in force from <c>Effective + (k − 1) years</c>
/// (NodaTime's <see cref="LocalDate.PlusYears"/>: 29 February falls back to 28 February) and its rate is
/// <c>t0 + (t1 − t0)·k/N</c>, computed in decimal percent; stage N's rate is <c>t1</c> exactly and stays
/// in force. Before <see cref="Scenario.Effective"/> nothing changes (stage 0).</para>
/// <para>Projections: the projection for year Y uses the rates in force on a stated day of Y (default
/// 1 July). Every year is projected from the same baseline (the scenario's reference year): the path
/// shows the effect of the rates in force, not a compounding of yearly effects. Other suppliers'
/// rates are those of the one-step scenario from stage 1 on, and unchanged at stage 0, so the last
/// stage's projection equals the one-step projection exactly.</para>
/// </remarks>
/// <threadsafety>Stateless; safe to use from many threads.</threadsafety>
public static class StagedProjection
{
    /// <summary>Gets the default day of the year whose rates a year's projection uses: 1 July.</summary>
    public static AnnualDate DefaultDay { get; } = new(7, 1);

    /// <summary>Returns the first day of a stage.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="stage">The stage, 1 to <see cref="Scenario.Stages"/>.</param>
    /// <returns><c>Effective + (stage − 1)</c> years.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scenario"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stage"/> is outside 1 to the number of stages.</exception>
    public static LocalDate StageStart(Scenario scenario, int stage)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var stages = scenario.Stages;
        ArgumentOutOfRangeException.ThrowIfLessThan(stage, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(stage, stages);
        return scenario.Effective.PlusYears(stage - 1);
    }

    /// <summary>Returns the stage in force on a date: 0 before <see cref="Scenario.Effective"/>, then 1 to <see cref="Scenario.Stages"/>.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="date">The date.</param>
    /// <returns>The stage.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scenario"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The scenario's stage count is below 1.</exception>
    public static int StageInForce(Scenario scenario, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var stages = scenario.Stages;
        var stage = 0;
        while (stage < stages && scenario.Effective.PlusYears(stage) <= date)
        {
            stage++;
        }

        return stage;
    }

    /// <summary>Returns a beneficiary's rate on a covered code on a date.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="tariffs">The importer's schedule (gives the rate before).</param>
    /// <param name="beneficiary">A beneficiary of the scenario.</param>
    /// <param name="hs">A code the scenario covers.</param>
    /// <param name="date">The date.</param>
    /// <returns><c>t0 + (t1 − t0)·k/N</c> for the stage k in force (t0 before <see cref="Scenario.Effective"/>).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The schedule is another importer's, or the scenario does not change that exporter's rate on that code.</exception>
    /// <exception cref="KeyNotFoundException">The schedule has no rate for the beneficiary and code.</exception>
    public static TariffRate RateInForce(Scenario scenario, TariffSchedule tariffs, Country beneficiary, HsCode hs, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(tariffs);
        ArgumentNullException.ThrowIfNull(beneficiary);
        ArgumentNullException.ThrowIfNull(hs);
        if (!scenario.Changes(beneficiary, hs))
        {
            throw new ArgumentException($"The scenario does not change {beneficiary.Alpha3}'s rate on HS {hs}.", nameof(beneficiary));
        }

        var (before, after) = scenario.Tariffs(tariffs, beneficiary, hs);
        return Interpolate(before, after, StageInForce(scenario, date), scenario.Stages);
    }

    /// <summary>Writes a staged scenario as tariff-schedule lines: for each beneficiary, each covered code and each stage, a preferential line valid from the stage's start to the day before the next (the last stage open-ended).</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="tariffs">The importer's schedule before the scenario.</param>
    /// <returns>The lines, ordered by beneficiary, code and stage. Codes are the scenario's lines plus every more specific code of <paramref name="tariffs"/> under them, so each keeps its own rate before.</returns>
    /// <remarks>Each beneficiary gets its own regime, named <c>"{scenario name} stages ({alpha-3})"</c>. Adding the lines to the schedule (<see cref="ToSchedule"/>) reproduces <see cref="RateInForce"/> on every date from <see cref="Scenario.Effective"/> on, because a schedule applies the lowest regime's rate: this is checked, and a staged <em>increase</em> (which a preferential line cannot express) is rejected.</remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The schedule is another importer's, or a stage's rate would not apply because another regime's rate is lower (a staged increase); the message names the line.</exception>
    /// <exception cref="KeyNotFoundException">The schedule has no rate for a beneficiary on a code.</exception>
    public static ImmutableArray<TariffLine> ToTariffLines(Scenario scenario, TariffSchedule tariffs)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(tariffs);
        var stages = scenario.Stages;
        var codes = scenario.Lines.Concat(tariffs.Lines.Select(l => l.Hs).Where(scenario.Covers)).Distinct().Order().ToList();
        var lines = ImmutableArray.CreateBuilder<TariffLine>();
        foreach (var b in scenario.Beneficiaries)
        {
            var regime = TariffRegime.Preferential(string.Create(CultureInfo.InvariantCulture, $"{scenario.Name} stages ({b.Alpha3})"), [b]);
            foreach (var hs in codes)
            {
                var (before, after) = scenario.Tariffs(tariffs, b, hs);
                for (var k = 1; k <= stages; k++)
                {
                    var start = scenario.Effective.PlusYears(k - 1);
                    var end = k == stages ? TariffLine.OpenEnd : scenario.Effective.PlusYears(k).PlusDays(-1);
                    lines.Add(new TariffLine(regime, hs, Interpolate(before, after, k, stages), new DateInterval(start, end), string.Create(CultureInfo.InvariantCulture, $"{scenario.Name}: stage {k} of {stages}, {before} → {after}")));
                }
            }
        }

        var result = lines.ToImmutable();
        var staged = tariffs.With(result);
        foreach (var line in result)
        {
            var applied = staged.RateFor(line.Regime.Partners[0], line.Hs, line.Validity.Start);
            if (applied.Rate != line.Rate)
            {
                throw new ArgumentException($"Staged line {line} would not apply: {applied.DecidingLine} gives {applied.Rate} on {LocalDatePattern.Iso.Format(line.Validity.Start)}. A schedule applies the lowest rate, so a staged increase cannot be written as a preference.", nameof(scenario));
            }
        }

        return result;
    }

    /// <summary>Returns the importer's schedule with the staged scenario's lines added (<see cref="ToTariffLines"/>).</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="tariffs">The importer's schedule before the scenario.</param>
    /// <returns>The staged schedule.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">See <see cref="ToTariffLines"/>.</exception>
    /// <exception cref="KeyNotFoundException">See <see cref="ToTariffLines"/>.</exception>
    public static TariffSchedule ToSchedule(Scenario scenario, TariffSchedule tariffs)
    {
        ArgumentNullException.ThrowIfNull(tariffs);
        return tariffs.With(ToTariffLines(scenario, tariffs));
    }

    /// <summary>The year-by-year loop behind <see cref="ProjectionModel.ProjectStages"/>: each year's rates, projected by the model.</summary>
    internal static ProjectionPath Run(ProjectionModel model, ProjectionInputs inputs, int fromYear, int toYear, AnnualDate day)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fromYear, toYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(toYear - fromYear, 200, nameof(toYear));
        var scenario = inputs.Scenario;
        var stages = scenario.Stages;
        if (!model.NeedsEveryImporter)
        {
            inputs.ImporterSchedule(model.Name); // fails before any year is projected
        }

        var points = new List<ProjectionPathPoint>();
        for (var year = fromYear; year <= toYear; year++)
        {
            var date = day.InYear(year);
            var stage = StageInForce(scenario, date);
            (TariffRate Before, TariffRate After) Rates(TradeFlow flow, TariffSchedule schedule)
            {
                var (before, after) = flow.Importer.Equals(scenario.Importer)
                    ? scenario.Tariffs(schedule, flow.Exporter, flow.Hs)
                    : (schedule.RateFor(flow.Exporter, flow.Hs, scenario.Effective.PlusDays(-1)).Rate, schedule.RateFor(flow.Exporter, flow.Hs, scenario.Effective).Rate);
                if (stage == 0)
                {
                    return (before, before);
                }

                return flow.Importer.Equals(scenario.Importer) && scenario.Changes(flow.Exporter, flow.Hs)
                    ? (before, Interpolate(before, after, stage, stages))
                    : (before, after);
            }

            var result = model.ProjectWith(inputs, Rates);
            var rates = result.Rows
                .Where(r => r.Importer.Equals(scenario.Importer) && scenario.Changes(r.Exporter, r.Hs))
                .Select(r => new BeneficiaryRate(r.Exporter, r.Hs, r.TariffAfter))
                .ToImmutableArray();
            points.Add(new ProjectionPathPoint(year, date, stage, rates, result));
        }

        return new ProjectionPath(scenario, model, day, points);
    }

    // Stage 0 is the rate before, stage `stages` the rate after, exactly (decimal arithmetic), and between them the
    // straight line; a stage outside is the nearer end.
    private static TariffRate Interpolate(TariffRate before, TariffRate after, int stage, int stages) =>
        new(before.Percent + ((after.Percent - before.Percent) * Math.Clamp(stage, 0, stages) / stages));
}
