using System.Runtime.ExceptionServices;

namespace TradeBalance.Projections;

/// <summary>
/// Monte Carlo over the elasticities: draws η, σ and ε per market, projects each draw with SMART (or
/// Armington), and reports the 5th, 50th and 95th percentiles of every figure.
/// </summary>
/// <remarks>
/// <para>Draws (see the README, Monte Carlo sensitivity): for each draw and market, in market order, three
/// uniform numbers u ∈ [0, 1) give <c>η·(1 + s·(2u₁ − 1))</c>, <c>σ·(1 + s·(2u₂ − 1))</c> and
/// <c>ε·(1 + s·(2u₃ − 1))</c>, with s = <see cref="MonteCarloSettings.Spread"/> &lt; 1, so η stays
/// negative and σ, ε positive; an infinite ε (≥ 99) stays infinite (u₃ is drawn and unused). A draw
/// past a bound of <see cref="NumericDomain"/> (η below −100, σ above 100, ε below 0.01) is that bound.</para>
/// <para>Reproducibility: draw d's numbers come from its own SplitMix64 stream seeded with
/// <c>mix(mix(seed) + d·0x9E3779B97F4A7C15)</c> (Steele, Lea &amp; Flood 2014), never from a shared
/// generator; market m's three numbers are numbers 3m to 3m + 2 of that stream, reached by skipping
/// ahead. Each percentile is taken over the draws as a sort would order them, and each exporter's
/// exports in a draw are summed exactly (below), so a given seed gives bit-identical results whatever
/// the degree of parallelism or the machine's core count. A spread of 0 reproduces the point
/// projection exactly. When only the markets some exporters supply are drawn, each keeps its number m
/// among all the run's markets, so its bands are exactly those of a run over every market.</para>
/// <para>Percentiles: Hyndman &amp; Fan (1996) type 7, the default of R and NumPy. For the sorted
/// values <c>x_0 ≤ … ≤ x_(n−1)</c> and probability p, <c>h = (n − 1)·p</c>, <c>j = ⌊h⌋</c> and
/// <c>Q(p) = x_j + (h − j)·(x_(j+1) − x_j)</c> (<c>x_j</c> when j = n − 1), kept within
/// <c>[x_j, x_(j+1)]</c> against rounding so that P5 ≤ P50 ≤ P95.</para>
/// <para>Cost: the markets are cut into chunks of about 512 KiB of figures (every draw of a chunk's
/// figures; a market is never split), and the chunks run in parallel
/// (the maximum degree of parallelism). A worker runs every draw of one chunk,
/// keeps that chunk's figures in cache, takes their percentiles (multiple quickselect, O(draws) per
/// figure, the values a sort would give) and moves on, so memory does not grow with flows × draws:
/// each worker holds one chunk's figures and one exporter-by-draw table. Those grow with draws × (the
/// widest market's figures + exporters): workers are fewer when they would hold more than
/// <see cref="MaxDrawBytes"/> together, and a run one worker cannot do within it is refused at once. Per-flow work allocates
/// nothing. Exports per exporter and draw are summed in 64-bit fixed point (whole units plus
/// multiples of 2⁻³² of a unit, the fraction truncated), which is exact and so independent of the
/// order in which chunks finish; the error against the exact sum is below flows × 2⁻³² units.</para>
/// <para>Progress reports draw-equivalents finished (the share of the work done × draws), about
/// every 1 %, ending with the number of draws (from worker threads; with <see cref="Progress{T}"/>
/// values may arrive out of order). Cancellation throws <see cref="OperationCanceledException"/>.</para>
/// </remarks>
/// <threadsafety>Stateless; safe to use from many threads.</threadsafety>
internal static partial class MonteCarloRun
{
    /// <summary>The most memory a run's draws may hold, over all its workers: 2 GiB.</summary>
    internal const long MaxDrawBytes = 2L << 30;

    /// <summary>The run behind <see cref="ProjectionModel.MonteCarlo"/> for the models that draw on the flat kernels.</summary>
    internal static MonteCarloResult RunWith(KernelProjectionModel model, Scenario scenario, TradeDataSet data, TariffSchedule tariffs, MonteCarloSettings? settings, int maxDegreeOfParallelism, IProgress<int>? progress, CancellationToken cancellationToken, Func<TradeFlow, (TariffRate Before, TariffRate After)>? rates = null, IEnumerable<Country>? exporters = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        settings ??= scenario.MonteCarlo ?? new MonteCarloSettings();
        cancellationToken.ThrowIfCancellationRequested();
        var batch = ProjectionBatch.Create(scenario, data, tariffs, rates: rates);
        var wanted = exporters is null ? null : Expand(exporters, scenario.Effective);
        var drawn = wanted is null ? null : MarketsSuppliedBy(batch, wanted);
        var run = new Layout(drawn is null ? batch : batch.Slice(drawn), model, maxDegreeOfParallelism, settings, drawn, wanted);
        var draws = settings.Draws;
        // Percentiles are exact, so each worker keeps every draw of its chunk's figures, and every draw of each
        // exporter's exports: that memory grows with draws × (the widest market's figures + exporters). Workers are
        // fewer when all of them would pass the budget (the results do not depend on their number), and a run that
        // one worker cannot do within it is refused before anything is allocated.
        var perWorker = ((long)run.WidestChunk * sizeof(double) + ((long)run.Exporters.Length * 2 * sizeof(long))) * draws;
        if (perWorker > MaxDrawBytes)
        {
            var fit = MaxDrawBytes / (perWorker / draws);
            throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{draws:N0} draws need {perWorker / (1 << 20):N0} MiB to keep every draw of the widest market's {run.WidestChunk:N0} figures and of {run.Exporters.Length:N0} exporters' exports (the percentiles are exact); a run uses at most {MaxDrawBytes / (1 << 20):N0} MiB, which holds {fit:N0} draws of this data: use at most that many draws, or fewer markets."), nameof(settings));
        }

        var p5 = new double[run.Figures];
        var p50 = new double[run.Figures];
        var p95 = new double[run.Figures];
        var workers = (int)Math.Max(1, Math.Min(Math.Min(run.Chunks, run.Parallelism), MaxDrawBytes / perWorker));
        var sums = new ExportSums?[workers];
        var failures = new DrawFailure?[run.Chunks];
        var tracker = new ProgressTracker(progress, draws, (long)(run.Flows + run.Markets) * draws);
        var next = -1;
        ProjectionResult? point = null;
        ExceptionDispatchInfo? pointFailure = null;
        try
        {
            // The point projection is one more piece of work: the first worker runs it while the others
            // start on the draws. A point failure stops the draws, and is what the caller sees.
            Parallel.For(
                0,
                workers,
                new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken },
                w =>
                {
                    if (w == 0)
                    {
                        try
                        {
                            point = model.ProjectBatch(batch);
                        }
                        catch (ProjectionException e)
                        {
                            pointFailure = ExceptionDispatchInfo.Capture(e);
                            Volatile.Write(ref next, int.MaxValue - workers);
                            return;
                        }
                    }

                    using var worker = new Worker(run, tracker, cancellationToken);
                    sums[w] = worker.Sums;
                    int c;
                    while ((c = Interlocked.Increment(ref next)) < run.Chunks)
                    {
                        failures[c] = worker.Chunk(c, p5, p50, p95);
                    }
                });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        pointFailure?.Throw();
        cancellationToken.ThrowIfCancellationRequested();

        // The failure the draws in order would meet first: the lowest draw, then its lowest market.
        DrawFailure? first = null;
        foreach (var f in failures)
        {
            if (f is not null && (first is null || f.Draw < first.Draw || (f.Draw == first.Draw && f.Market < first.Market)))
            {
                first = f;
            }
        }

        if (first is not null)
        {
            throw first.Exception;
        }

        run.ExportPercentiles(sums, p5, p50, p95);
        return run.Summarise(point!, p5, p50, p95);
    }

    /// <summary>
    /// Each exporter whose flows get bands, with whom its exports count to: itself, or for a member of a group that was
    /// asked for (and not asked for itself), the group (members on the date), so the group's total gets one band.
    /// </summary>
    private static Dictionary<Country, Country> Expand(IEnumerable<Country> exporters, NodaTime.LocalDate date)
    {
        var wanted = new Dictionary<Country, Country>();
        var groups = new List<CountryGroup>();
        foreach (var e in exporters)
        {
            ArgumentNullException.ThrowIfNull(e, nameof(exporters));
            wanted[e] = e;
            if (CountryGroups.TryGet(e, out var g) && g.Kind != CountryGroupKind.Economy)
            {
                groups.Add(g);
            }
        }

        foreach (var g in groups)
        {
            foreach (var member in g.MembersOn(date))
            {
                wanted.TryAdd(member, g.Economy);
            }
        }

        return wanted;
    }

    /// <summary>The markets (indexes, ascending) that any of the exporters supplies.</summary>
    private static int[] MarketsSuppliedBy(ProjectionBatch batch, Dictionary<Country, Country> wanted)
    {
        var markets = new List<int>();
        for (var m = 0; m < batch.Markets.Length; m++)
        {
            for (var f = batch.Offsets[m]; f < batch.Offsets[m + 1]; f++)
            {
                if (wanted.ContainsKey(batch.Flows[f].Exporter))
                {
                    markets.Add(m);
                    break;
                }
            }
        }

        return [.. markets];
    }
}
