using System.Collections.Immutable;

namespace TradeBalance.Projections;

/// <summary>
/// Replays a past tariff change and scores the models against what happened: from the baseline year's flows,
/// with each supplier's rates as applied in the baseline and in each outcome year, every model and every
/// published source of σ projects the market, and each projection is compared with the outcome year's flows.
/// </summary>
/// <remarks>
/// <para>The rule (docs/backtests.md): a supplier's rate in a year is the mean over the year's days of the rate
/// the case's schedule applied that day, so a cut on 20 December counts for 12 days of its year. The projection
/// for outcome year Y moves every supplier from its baseline-year rate to its year-Y rate, on the baseline
/// year's flows and elasticities. Sources of σ: each table the scenario names alone, and, where it names
/// several, the middle of their range (the central estimate the tool reports); a scenario that names none is
/// scored at its own values. Bands are the P5–P95 of the projected share over Monte Carlo draws made as for a
/// projection (<see cref="MonteCarloSettings"/>), so the central estimate lies inside its band.</para>
/// <para>What the scores mean: a projection moves only the tariffs. The outcome carries every other change too
/// (prices, demand, new suppliers), so an error is the model's and the world's together; compare shares, which
/// take out the market's growth, before values. Nothing in a backtest feeds back into a model or a default.</para>
/// </remarks>
/// <threadsafety>Stateless; safe to use from many threads.</threadsafety>
public static class Backtest
{
    /// <summary>Scores a case.</summary>
    /// <param name="backtestCase">The case.</param>
    /// <param name="options">Models, draws and seed; null for <see cref="BacktestOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The scores.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="backtestCase"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">The schedule has no rate for a supplier on some day of a year scored; the message names it.</exception>
    /// <exception cref="ProjectionException">A model's solve failed.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static BacktestResult Run(BacktestCase backtestCase, BacktestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(backtestCase);
        options ??= BacktestOptions.Default;
        var c = backtestCase;
        var baselineRates = new AppliedRates(c.Tariffs, c.BaselineYear);
        var sources = Sources(c.Scenario.Elasticities);
        var scores = ImmutableArray.CreateBuilder<BacktestScore>();
        foreach (var year in c.OutcomeYears)
        {
            var outcomeRates = new AppliedRates(c.Tariffs, year);
            (TariffRate Before, TariffRate After) Rates(TradeFlow f, TariffSchedule _) => (baselineRates.For(f.Exporter, f.Hs), outcomeRates.For(f.Exporter, f.Hs));
            foreach (var model in options.Models)
            {
                foreach (var (name, tables) in sources)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var scenario = tables is null ? c.Scenario : c.Scenario with { Elasticities = c.Scenario.Elasticities.WithSubstitutionTables(tables.Value) };
                    var inputs = new ProjectionInputs(scenario, c.Flows, [c.Tariffs]);
                    MonteCarloResult? bands = null;
                    ProjectionResult point;
                    if (MonteCarloSettings.Resolve(c.Scenario, model, MonteCarloUse.Bands, options.Draws, options.Seed) is { } settings)
                    {
                        bands = model.RunMonteCarlo(inputs, settings, Rates, -1, null, cancellationToken);
                        point = bands.Point;
                    }
                    else
                    {
                        point = model.ProjectWith(inputs, Rates);
                    }

                    Score(c, year, model, name, point, bands, baselineRates, outcomeRates, scores);
                }
            }
        }

        return new BacktestResult(c, options, [.. sources.Select(s => s.Name)], scores.ToImmutable());
    }

    /// <summary>Each table alone, then the middle of all where there are several; the scenario's own values where it names none.</summary>
    private static List<(string Name, ImmutableArray<ElasticityTable>? Tables)> Sources(Elasticities e)
    {
        if (e.SubstitutionTables.IsEmpty)
        {
            return [("scenario", null)];
        }

        var list = e.SubstitutionTables.Select(t => (t.Name, (ImmutableArray<ElasticityTable>?)ImmutableArray.Create(t))).ToList();
        if (e.SubstitutionTables.Length > 1)
        {
            list.Add(($"middle of {string.Join(" and ", e.SubstitutionTables.Select(t => t.Name))}", e.SubstitutionTables));
        }

        return list;
    }

    private static void Score(BacktestCase c, int year, ProjectionModel model, string substitution, ProjectionResult point, MonteCarloResult? bands, AppliedRates baselineRates, AppliedRates outcomeRates, ImmutableArray<BacktestScore>.Builder scores)
    {
        var importer = c.Scenario.Importer;
        foreach (var market in point.Markets.Where(m => m.Market.Importer.Equals(importer)))
        {
            var outcome = c.Flows.FlowsInto(market.Market with { Year = year });
            var outcomeTotal = outcome.Sum(f => f.Value.Amount);
            foreach (var beneficiary in c.Scenario.Beneficiaries)
            {
                if (market.Rows.FirstOrDefault(r => r.Exporter.Equals(beneficiary)) is not { } row)
                {
                    continue; // no baseline flow: nothing a model that rescales trade can project
                }

                var actual = outcome.Where(f => f.Exporter.Equals(beneficiary)).Sum(f => f.Value.Amount);
                var band = bands?.Rows.FirstOrDefault(r => r.Importer.Equals(importer) && r.Hs.Equals(row.Hs) && r.Exporter.Equals(beneficiary))?.ProjectedShare;
                scores.Add(new BacktestScore
                {
                    Case = c.Name,
                    Year = year,
                    Model = model,
                    Substitution = substitution,
                    Market = market.Market,
                    Beneficiary = beneficiary,
                    TariffBaseline = baselineRates.For(beneficiary, row.Hs),
                    TariffOutcome = outcomeRates.For(beneficiary, row.Hs),
                    BaselineValue = row.Baseline,
                    BaselineShare = row.BaselineShare,
                    ProjectedValue = row.Projected,
                    ProjectedShare = row.ProjectedShare,
                    ProjectedShareBand = band,
                    ActualValue = new Money(actual, c.Flows.Currency),
                    ActualShare = outcomeTotal == 0m ? 0d : (double)(actual / outcomeTotal),
                });
            }
        }
    }
}
