using System.Collections.Immutable;
using System.Globalization;

namespace TradeBalance.Projections;

/// <summary>
/// A past tariff change to replay (<see cref="Backtest"/>): the scenario (importer, beneficiaries, lines,
/// elasticities), the baseline year's flows and each outcome year's, and the importer's tariff schedule as it
/// was applied, with dates, so that the rates of any year are the ones in force that year.
/// </summary>
/// <remarks>
/// <para>The baseline year is the scenario's <see cref="Scenario.ReferenceYear"/>. The scenario's own tariff
/// change only describes the policy: the rates a backtest projects with are read from <see cref="Tariffs"/>,
/// for every supplier, as the mean over each year's days of the rate applied that day. So a cut phased in
/// over several years, a supplier that already had a preference, and a rival's rate that moved in the same
/// window all enter as they happened.</para>
/// <para>The outcome years' flows are only compared with the projection, never used to make it.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class BacktestCase
{
    /// <summary>Creates a case.</summary>
    /// <param name="name">A short name for scorecards, e.g. <c>chafta-wine</c>.</param>
    /// <param name="scenario">The scenario; its <see cref="Scenario.ReferenceYear"/> is the baseline year.</param>
    /// <param name="flows">The flows of the baseline year and of every outcome year.</param>
    /// <param name="tariffs">The importer's schedule as applied, with each line's dates.</param>
    /// <param name="outcomeYears">The years to score, each after the baseline year.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The name is blank; the scenario has no reference year; the schedule is another importer's;
    /// no outcome year is given, or one is not after the baseline or is given twice; or the flows hold no market of the
    /// scenario's lines in the baseline year, or not every such market in an outcome year. The message names the year or market.</exception>
    public BacktestCase(string name, Scenario scenario, TradeDataSet flows, TariffSchedule tariffs, IEnumerable<int> outcomeYears)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(flows);
        ArgumentNullException.ThrowIfNull(tariffs);
        ArgumentNullException.ThrowIfNull(outcomeYears);
        var baseline = scenario.ReferenceYear
            ?? throw new ArgumentException($"The scenario '{scenario.Name}' has no reference year: a backtest needs it as the baseline year.", nameof(scenario));
        if (!tariffs.Importer.Equals(scenario.Importer))
        {
            throw new ArgumentException($"The schedule is {tariffs.Importer.Alpha3}'s; the scenario's importer is {scenario.Importer.Alpha3}.", nameof(tariffs));
        }

        var years = outcomeYears.ToImmutableArray();
        if (years.IsEmpty)
        {
            throw new ArgumentException("Give at least one outcome year to score.", nameof(outcomeYears));
        }

        foreach (var y in years)
        {
            if (y <= baseline)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The outcome year {y} is not after the baseline year {baseline}."), nameof(outcomeYears));
            }
        }

        if (years.Distinct().Count() != years.Length)
        {
            throw new ArgumentException($"An outcome year is given twice: {string.Join(", ", years)}.", nameof(outcomeYears));
        }

        var markets = Markets(scenario, flows, baseline);
        if (markets.IsEmpty)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The flows hold no {scenario.Importer.Alpha3} imports in the baseline year {baseline} on the scenario's lines ({string.Join(", ", scenario.Lines)})."), nameof(flows));
        }

        foreach (var y in years)
        {
            var have = Markets(scenario, flows, y).Select(m => m.Hs).ToHashSet();
            if (markets.FirstOrDefault(m => !have.Contains(m.Hs)) is { } missing)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The flows hold no {scenario.Importer.Alpha3} imports of HS {missing.Hs} in the outcome year {y}; every baseline market needs its outcome."), nameof(flows));
            }
        }

        Name = name;
        Scenario = scenario;
        Flows = flows;
        Tariffs = tariffs;
        BaselineYear = baseline;
        OutcomeYears = [.. years.Order()];
        BaselineMarkets = markets;
    }

    /// <summary>Gets the case's short name.</summary>
    public string Name { get; }

    /// <summary>Gets the scenario: importer, beneficiaries, lines, elasticities and Monte Carlo settings; its reference year is the baseline.</summary>
    public Scenario Scenario { get; }

    /// <summary>Gets the flows of the baseline and outcome years.</summary>
    public TradeDataSet Flows { get; }

    /// <summary>Gets the importer's schedule as applied, with dates.</summary>
    public TariffSchedule Tariffs { get; }

    /// <summary>Gets the baseline year (the scenario's reference year).</summary>
    public int BaselineYear { get; }

    /// <summary>Gets the years scored, in order.</summary>
    public ImmutableArray<int> OutcomeYears { get; }

    /// <summary>Gets the importer's markets on the scenario's lines in the baseline year.</summary>
    public ImmutableArray<MarketKey> BaselineMarkets { get; }

    /// <summary>The case's <see cref="Name"/>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;

    private static ImmutableArray<MarketKey> Markets(Scenario scenario, TradeDataSet flows, int year) =>
        [.. flows.Markets.Where(m => m.Importer.Equals(scenario.Importer) && m.Year == year && scenario.Covers(m.Hs))];
}
