using System.Collections.Immutable;

namespace TradeBalance.Projections;

/// <summary>
/// Monte Carlo over GSIM: each draw is a whole GSIM projection with every product's η, σ and ε drawn, and the
/// bands are the percentiles of the draws' figures. Not the flat kernels SMART and Armington draw on: a GSIM draw
/// is a dense solve per product over all its regions, so a draw costs a projection (memory: 8 bytes per figure
/// and draw).
/// </summary>
/// <remarks>Draws are made as for the other models (<c>x·(1 + s·(2u − 1))</c>, kept inside the numeric domain, an
/// infinite ε stays infinite) from the draw's own SplitMix64 stream, product p taking numbers 3p to 3p + 2, so a
/// seed gives the same bands on any number of threads.</remarks>
internal static class GsimMonteCarlo
{
    /// <summary>The most figures × draws one run may hold.</summary>
    private const long MaxValues = 200_000_000;

    public static MonteCarloResult Run(ProjectionInputs inputs, MonteCarloSettings settings, Func<TradeFlow, TariffSchedule, (TariffRate Before, TariffRate After)>? rates, int maxDegreeOfParallelism, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var scenario = inputs.Scenario;
        var point = GsimModel.ProjectWith(scenario, inputs.Data, inputs.Schedules, rates).Projection;
        var rows = point.Rows;
        var markets = point.Markets;
        var importer = scenario.Importer;
        var exporters = rows.Where(r => r.Importer.Equals(importer)).Select(r => r.Exporter).Distinct().Order().ToImmutableArray();
        var exporterIndex = exporters.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var draws = settings.Draws;
        var figures = (2L * rows.Length) + (3L * markets.Length) + exporters.Length;
        if (figures * draws > MaxValues)
        {
            throw new ArgumentException($"{draws} GSIM draws of {figures} figures need {figures * draws} values, more than {MaxValues}; use fewer draws or split the scenario.", nameof(settings));
        }

        // values[figure * draws + draw]: rows' projections, rows' shares, markets' totals, revenue, welfare, exports.
        var values = new double[figures * draws];
        var failures = new ProjectionException?[draws];
        var done = 0;

        // σ's interval across the elasticities' tables, per product: looked up once, not once per draw.
        var ranges = new System.Collections.Concurrent.ConcurrentDictionary<HsCode, (double Low, double High)?>();
        (double Low, double High)? RangeOf(HsCode hs) => ranges.GetOrAdd(hs, h => scenario.Elasticities.SubstitutionRange(scenario.Importer, h));
        Parallel.For(
            0,
            draws,
            new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken },
            d =>
            {
                ProjectionResult result;
                try
                {
                    result = GsimModel.ProjectWith(scenario, inputs.Data, inputs.Schedules, rates, (p, hs, e) => Draw(settings, d, p, e, RangeOf(hs))).Projection;
                }
                catch (ProjectionException e)
                {
                    failures[d] = new ProjectionException($"Monte Carlo draw {d} (seed {settings.Seed}): {e.Message}", e);
                    return;
                }

                var exports = new double[exporters.Length];
                for (var i = 0; i < rows.Length; i++)
                {
                    var row = result.Rows[i];
                    values[(i * (long)draws) + d] = (double)row.Projected.Amount;
                    values[((rows.Length + i) * (long)draws) + d] = row.ProjectedShare;
                    if (row.Importer.Equals(importer))
                    {
                        exports[exporterIndex[row.Exporter]] += (double)row.Projected.Amount;
                    }
                }

                var m0 = 2L * rows.Length;
                for (var m = 0; m < markets.Length; m++)
                {
                    var market = result.Markets[m];
                    values[((m0 + m) * draws) + d] = (double)market.ProjectedTotal.Amount;
                    values[((m0 + markets.Length + m) * draws) + d] = (double)market.RevenueAfter.Amount;
                    values[((m0 + (2L * markets.Length) + m) * draws) + d] = (double)market.Welfare.Amount;
                }

                var e0 = m0 + (3L * markets.Length);
                for (var e = 0; e < exporters.Length; e++)
                {
                    values[((e0 + e) * draws) + d] = exports[e];
                }

                var n = Interlocked.Increment(ref done);
                if (progress is not null && (n == draws || n % Math.Max(1, draws / 100) == 0))
                {
                    progress.Report(n);
                }
            });

        if (failures.FirstOrDefault(f => f is not null) is { } failure)
        {
            throw failure;
        }

        var currency = inputs.Data.Currency;
        PercentileBand<double> Band(long figure)
        {
            var (p5, p50, p95) = MonteCarloRun.Percentiles(values.AsSpan((int)(figure * draws), draws));
            return new PercentileBand<double>(p5, p50, p95);
        }

        PercentileBand<Money> MoneyBand(long figure)
        {
            var b = Band(figure);
            return new PercentileBand<Money>(SmartModel.ToMoney(b.P5, currency), SmartModel.ToMoney(b.P50, currency), SmartModel.ToMoney(b.P95, currency));
        }

        var bandRows = rows.Select((r, i) => new MonteCarloRow(r.Importer, r.Exporter, r.Hs, r.Baseline, MoneyBand(i), Band(rows.Length + i))).ToImmutableArray();
        var mStart = 2L * rows.Length;
        var bandMarkets = markets.Select((m, i) => new MonteCarloMarket(m.Market, m.BaselineTotal, MoneyBand(mStart + i), MoneyBand(mStart + markets.Length + i), MoneyBand(mStart + (2L * markets.Length) + i))).ToImmutableArray();
        var eStart = mStart + (3L * markets.Length);
        var bandExports = exporters.Select((c, i) => new MonteCarloExports(
            c,
            importer,
            rows.Where(r => r.Importer.Equals(importer) && r.Exporter.Equals(c)).Aggregate(Money.Zero(currency), (sum, r) => sum + r.Baseline),
            MoneyBand(eStart + i))).ToImmutableArray();
        return new MonteCarloResult(scenario, ProjectionModel.Gsim, settings, point, bandRows, bandMarkets, bandExports);
    }

    /// <summary>Product p's elasticities in draw d: each within the spread of its point value (σ between the settings' tables where they cover it), inside the numeric domain.</summary>
    private static ElasticityValues Draw(MonteCarloSettings settings, int d, int p, ElasticityValues point, (double Low, double High)? sigmaRange)
    {
        var rng = SplitMix64.ForDraw(settings.Seed, d);
        rng.Skip(3L * p);
        var s = settings.Spread;
        var eta = Math.Max(NumericDomain.MinImportDemand, point.ImportDemand * (1d + (s * ((2d * rng.NextDouble()) - 1d))));
        var u2 = rng.NextDouble();
        var sigma = sigmaRange is { } range
            ? range.Low + ((range.High - range.Low) * u2)
            : Math.Min(NumericDomain.MaxSubstitution, point.Substitution * (1d + (s * ((2d * u2) - 1d))));
        var u3 = rng.NextDouble();
        var eps = point.IsSupplyInfinite ? point.ExportSupply : Math.Max(NumericDomain.MinExportSupply, point.ExportSupply * (1d + (s * ((2d * u3) - 1d))));
        return new ElasticityValues(eta, sigma, eps);
    }
}
