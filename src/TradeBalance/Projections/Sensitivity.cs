using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.ExceptionServices;

namespace TradeBalance.Projections;

/// <summary>
/// Monte Carlo over the elasticities: draws η, σ and ε per market, projects each draw with SMART (or
/// Armington), and reports the 5th, 50th and 95th percentiles of every figure.
/// </summary>
/// <remarks>
/// <para>Draws (MODELS.md, "Time and uncertainty"): for each draw and market, in market order, three
/// uniform numbers u ∈ [0, 1) give <c>η·(1 + s·(2u₁ − 1))</c>, <c>σ·(1 + s·(2u₂ − 1))</c> and
/// <c>ε·(1 + s·(2u₃ − 1))</c>, with s = <see cref="MonteCarloSettings.Spread"/> &lt; 1, so η stays
/// negative and σ, ε positive; an infinite ε (≥ 99) stays infinite (u₃ is drawn and unused).</para>
/// <para>Reproducibility: draw d's numbers come from its own SplitMix64 stream seeded with
/// <c>mix(mix(seed) + d·0x9E3779B97F4A7C15)</c> (Steele, Lea &amp; Flood 2014), never from a shared
/// generator, and each percentile is taken over the draws sorted by value, so a given seed gives
/// bit-identical results whatever the degree of parallelism or the machine's core count. A spread
/// of 0 reproduces the point projection exactly.</para>
/// <para>Percentiles: Hyndman &amp; Fan (1996) type 7, the default of R and NumPy. For the sorted
/// values <c>x_0 ≤ … ≤ x_(n−1)</c> and probability p, <c>h = (n − 1)·p</c>, <c>j = ⌊h⌋</c> and
/// <c>Q(p) = x_j + (h − j)·(x_(j+1) − x_j)</c> (<c>x_j</c> when j = n − 1), kept within
/// <c>[x_j, x_(j+1)]</c> against rounding so that P5 ≤ P50 ≤ P95.</para>
/// <para>Cost: draws run in parallel (<see cref="SensitivityOptions.MaxDegreeOfParallelism"/>); each
/// worker rents its per-draw buffers once and reuses them, so the draw loop allocates nothing per
/// flow. Figures are stored in blocks of 64, each block holding all draws of its figures (a draw's
/// 64 values contiguous), so a draw writes whole cache lines and the percentiles read one contiguous
/// block per 64 figures. The percentiles run in parallel too, by selecting the order statistics they
/// need (multiple quickselect, O(draws) per figure) rather than sorting: the values are those a sort
/// would give. Memory is one double per figure per draw: (2·flows + 3·markets + exporters) × draws ×
/// 8 bytes.</para>
/// <para>Progress reports the number of draws finished, about every 1 % (from worker threads; with
/// <see cref="Progress{T}"/> values may arrive out of order). Cancellation throws
/// <see cref="OperationCanceledException"/>.</para>
/// </remarks>
/// <threadsafety>Stateless; safe to use from many threads.</threadsafety>
public static class Sensitivity
{
    /// <summary>Runs the Monte Carlo.</summary>
    /// <param name="scenario">The scenario; its elasticities are the point values.</param>
    /// <param name="data">The baseline flows.</param>
    /// <param name="tariffs">The importer's tariff schedule.</param>
    /// <param name="settings">Draws, seed and spread; null for the scenario's <see cref="Scenario.MonteCarlo"/>, else the defaults (1,000 draws, seed 42, ±50 %).</param>
    /// <param name="options">Model and parallelism; null for <see cref="SensitivityOptions.Default"/> (SMART).</param>
    /// <param name="progress">Receives the number of draws finished; may be null.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The point projection and the percentile bands.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The inputs do not fit together (see <see cref="SmartModel.Project(Scenario, TradeDataSet, TariffSchedule)"/>), the model is GSIM (not supported here), or draws × figures exceed one array.</exception>
    /// <exception cref="KeyNotFoundException">The schedule has no rate for a supplier.</exception>
    /// <exception cref="ProjectionException">An Armington draw did not converge; the message names the draw and the market.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static SensitivityResult Run(Scenario scenario, TradeDataSet data, TariffSchedule tariffs, MonteCarloSettings? settings = null, SensitivityOptions? options = null, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        options ??= SensitivityOptions.Default;
        settings ??= scenario.MonteCarlo ?? new MonteCarloSettings();
        if (options.Model is not (ProjectionModelKind.Smart or ProjectionModelKind.Armington))
        {
            throw new ArgumentException($"Monte Carlo supports the SMART and Armington models, not {options.Model}.", nameof(options));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var batch = ProjectionBatch.Create(scenario, data, tariffs);
        var point = options.Model == ProjectionModelKind.Smart ? SmartModel.Project(batch) : ArmingtonModel.Project(batch, options.Armington);
        var run = new Layout(batch, options, settings);
        var draws = settings.Draws;
        if ((long)run.Figures * draws > Array.MaxLength)
        {
            throw new ArgumentException($"{draws} draws of {run.Figures} figures need {(long)run.Figures * draws} values, more than one array can hold; use fewer draws or split the scenario.", nameof(settings));
        }

        // Every slot is written by its draw before it is read (a failed or cancelled run throws first).
        var values = GC.AllocateUninitializedArray<double>(run.Figures * draws);
        var failures = new ProjectionException?[draws];
        var done = 0;
        var step = Math.Max(1, draws / 100);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        try
        {
            Parallel.For(
                0,
                draws,
                parallel,
                () => new Worker(run),
                (d, state, worker) =>
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        state.Stop();
                        return worker;
                    }

                    failures[d] = worker.Draw(d, values);
                    var finished = Interlocked.Increment(ref done);
                    if (progress is not null && (finished % step == 0 || finished == draws))
                    {
                        progress.Report(finished);
                    }

                    return worker;
                },
                worker => worker.Dispose());
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        cancellationToken.ThrowIfCancellationRequested();
        var failure = failures.FirstOrDefault(f => f is not null);
        if (failure is not null)
        {
            throw failure;
        }

        return run.Summarise(point, values);
    }

    /// <summary>
    /// The type 7 P5, P50 and P95 of values in any order, equal to <see cref="Percentile"/> of the
    /// sorted values: only the order statistics the three percentiles read are put in place (by
    /// <see cref="MultiSelect"/>), instead of sorting everything. Reorders <paramref name="values"/>.
    /// </summary>
    internal static (double P5, double P50, double P95) Percentiles(Span<double> values)
    {
        foreach (var v in values)
        {
            if (double.IsNaN(v))
            {
                // Never expected (the kernels return finite figures); keep the sort's NaN ordering.
                values.Sort();
                return (Percentile(values, 0.05), Percentile(values, 0.50), Percentile(values, 0.95));
            }
        }

        // Percentile(p) reads x_j and x_(j+1), j = ⌊(n − 1)·p⌋: six ranks at most, ascending.
        var n = values.Length;
        Span<int> ranks = stackalloc int[6];
        var count = 0;
        foreach (var p in (ReadOnlySpan<double>)[0.05, 0.50, 0.95])
        {
            var j = (int)Math.Floor((n - 1) * p);
            foreach (var r in (ReadOnlySpan<int>)[j, Math.Min(j + 1, n - 1)])
            {
                if (count == 0 || ranks[count - 1] < r)
                {
                    ranks[count++] = r;
                }
            }
        }

        MultiSelect(values, 0, n - 1, ranks[..count], 2 * (System.Numerics.BitOperations.Log2((uint)Math.Max(1, n)) + 1));
        return (Percentile(values, 0.05), Percentile(values, 0.50), Percentile(values, 0.95));
    }

    /// <summary>
    /// Multiple selection (Hoare's quickselect, descending only into the parts that hold a wanted rank):
    /// afterwards <c>a[r]</c> is the r-th smallest of <c>a[lo..hi]</c>'s values for every r in
    /// <paramref name="ranks"/> (ascending, within lo..hi). Median-of-three pivots; small ranges, and
    /// ranges still unresolved after <paramref name="depth"/> partitions, are sorted, so the worst
    /// case stays O(n log n). No NaN allowed.
    /// </summary>
    internal static void MultiSelect(Span<double> a, int lo, int hi, ReadOnlySpan<int> ranks, int depth)
    {
        while (!ranks.IsEmpty && hi > lo)
        {
            if (hi - lo < 16 || depth-- == 0)
            {
                a[lo..(hi + 1)].Sort();
                return;
            }

            var mid = lo + ((hi - lo) >> 1);
            if (a[mid] < a[lo])
            {
                (a[mid], a[lo]) = (a[lo], a[mid]);
            }

            if (a[hi] < a[lo])
            {
                (a[hi], a[lo]) = (a[lo], a[hi]);
            }

            if (a[hi] < a[mid])
            {
                (a[hi], a[mid]) = (a[mid], a[hi]);
            }

            var pivot = a[mid];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (a[i] < pivot)
                {
                    i++;
                }

                while (a[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                    i++;
                    j--;
                }
            }

            // Now a[lo..j] ≤ pivot, a[i..hi] ≥ pivot, and everything strictly between j and i equals it.
            var left = 0;
            while (left < ranks.Length && ranks[left] <= j)
            {
                left++;
            }

            var right = left;
            while (right < ranks.Length && ranks[right] < i)
            {
                right++;
            }

            MultiSelect(a, lo, j, ranks[..left], depth);
            ranks = ranks[right..];
            lo = i;
        }
    }

    /// <summary>Hyndman &amp; Fan type 7 percentile of sorted values.</summary>
    internal static double Percentile(ReadOnlySpan<double> sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var j = (int)Math.Floor(h);
        if (j >= sorted.Length - 1)
        {
            return sorted[^1];
        }

        var lo = sorted[j];
        var hi = sorted[j + 1];
        return Math.Clamp(lo + ((h - j) * (hi - lo)), lo, hi);
    }

    /// <summary>What every draw shares: the batch, the exporter index per flow and the figure layout.</summary>
    private sealed class Layout
    {
        public Layout(ProjectionBatch batch, SensitivityOptions options, MonteCarloSettings settings)
        {
            Batch = batch;
            Options = options;
            Settings = settings;
            Flows = batch.Baseline.Length;
            Markets = batch.Markets.Length;
            Exporters = [.. batch.Flows.Select(f => f.Exporter).Distinct().Order()];
            var index = Exporters.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
            FlowExporter = [.. batch.Flows.Select(f => index[f.Exporter])];
            ScratchLength = options.Model == ProjectionModelKind.Armington ? ArmingtonKernel.ScratchLength(batch.Offsets) : 0;
            Figures = (2 * Flows) + (3 * Markets) + Exporters.Length;
        }

        public ProjectionBatch Batch { get; }

        public SensitivityOptions Options { get; }

        public MonteCarloSettings Settings { get; }

        public int Flows { get; }

        public int Markets { get; }

        public ImmutableArray<Country> Exporters { get; }

        public int[] FlowExporter { get; }

        public int ScratchLength { get; }

        public int Figures { get; }

        // Figure layout: projected per flow, share per flow, then per market total, revenue after and
        // welfare, then exports per exporter.
        public int ShareFigure(int flow) => Flows + flow;

        public int TotalFigure(int market) => (2 * Flows) + market;

        public int RevenueFigure(int market) => (2 * Flows) + Markets + market;

        public int WelfareFigure(int market) => (2 * Flows) + (2 * Markets) + market;

        public int ExportFigure(int exporter) => (2 * Flows) + (3 * Markets) + exporter;

        // Storage: figures in blocks of Block; block b holds, draw after draw, the Block values of its
        // figures (the last block is narrower). Figure f of draw d is at Slot(f, d).
        public const int Block = 64;

        public int BlockStart(int block) => block * Block * Settings.Draws;

        public int BlockWidth(int block) => Math.Min(Block, Figures - (block * Block));

        public int Slot(int figure, int draw)
        {
            var block = figure / Block;
            return BlockStart(block) + (draw * BlockWidth(block)) + (figure % Block);
        }

        public SensitivityResult Summarise(ProjectionResult point, double[] values)
        {
            var draws = Settings.Draws;
            var p5 = new double[Figures];
            var p50 = new double[Figures];
            var p95 = new double[Figures];

            // Per block (contiguous), transpose into one column per figure, then select each column's
            // percentiles. Blocks are independent, so they run in parallel.
            var blocks = (Figures + Block - 1) / Block;
            Parallel.For(
                0,
                blocks,
                new ParallelOptions { MaxDegreeOfParallelism = Options.MaxDegreeOfParallelism },
                () => ArrayPool<double>.Shared.Rent(Block * draws),
                (b, _, columns) =>
                {
                    var first = b * Block;
                    var width = BlockWidth(b);
                    var block = values.AsSpan(BlockStart(b), width * draws);
                    for (var d = 0; d < draws; d++)
                    {
                        var row = block.Slice(d * width, width);
                        for (var c = 0; c < row.Length; c++)
                        {
                            columns[(c * draws) + d] = row[c];
                        }
                    }

                    for (var c = 0; c < width; c++)
                    {
                        (p5[first + c], p50[first + c], p95[first + c]) = Percentiles(columns.AsSpan(c * draws, draws));
                    }

                    return columns;
                },
                columns => ArrayPool<double>.Shared.Return(columns));

            var currency = Batch.Data.Currency;
            PercentileBand<Money> MoneyBand(int f) => new(SmartModel.ToMoney(p5[f], currency), SmartModel.ToMoney(p50[f], currency), SmartModel.ToMoney(p95[f], currency));
            PercentileBand<double> ShareBand(int f) => new(p5[f], p50[f], p95[f]);

            var rows = ImmutableArray.CreateBuilder<SensitivityRow>(Flows);
            for (var i = 0; i < Flows; i++)
            {
                var flow = Batch.Flows[i];
                rows.Add(new SensitivityRow(flow.Importer, flow.Exporter, flow.Hs, flow.Value, MoneyBand(i), ShareBand(ShareFigure(i))));
            }

            var markets = ImmutableArray.CreateBuilder<SensitivityMarket>(Markets);
            for (var m = 0; m < Markets; m++)
            {
                markets.Add(new SensitivityMarket(Batch.Markets[m], point.Markets[m].BaselineTotal, MoneyBand(TotalFigure(m)), MoneyBand(RevenueFigure(m)), MoneyBand(WelfareFigure(m))));
            }

            // Each exporter's baseline, summed in flow order in one pass over the flows.
            var baselines = new Money[Exporters.Length];
            baselines.AsSpan().Fill(Money.Zero(currency));
            for (var i = 0; i < Flows; i++)
            {
                baselines[FlowExporter[i]] += Batch.Flows[i].Value;
            }

            var exports = ImmutableArray.CreateBuilder<SensitivityExports>(Exporters.Length);
            for (var e = 0; e < Exporters.Length; e++)
            {
                exports.Add(new SensitivityExports(Exporters[e], Batch.Scenario.Importer, baselines[e], MoneyBand(ExportFigure(e))));
            }

            return new SensitivityResult(Batch.Scenario, Options.Model, Settings, point, rows.MoveToImmutable(), markets.MoveToImmutable(), exports.MoveToImmutable());
        }
    }

    /// <summary>One worker's buffers, rented once and reused for every draw it runs.</summary>
    private sealed class Worker : IDisposable
    {
        private readonly Layout _run;
        private readonly double[] _elasticities;
        private readonly double[] _flowOut;
        private readonly double[] _marketOut;
        private readonly double[] _scratch;
        private readonly double[] _exports;
        private readonly int[] _iterations;

        public Worker(Layout run)
        {
            _run = run;
            _elasticities = ArrayPool<double>.Shared.Rent(Math.Max(1, 3 * run.Markets));
            _flowOut = ArrayPool<double>.Shared.Rent(Math.Max(1, 4 * run.Flows));
            _marketOut = ArrayPool<double>.Shared.Rent(Math.Max(1, 6 * run.Markets));
            _scratch = ArrayPool<double>.Shared.Rent(Math.Max(1, run.ScratchLength));
            _exports = ArrayPool<double>.Shared.Rent(Math.Max(1, run.Exporters.Length));
            _iterations = ArrayPool<int>.Shared.Rent(Math.Max(1, run.Markets));
        }

        /// <summary>Projects draw d and writes its figures into their slots of <paramref name="values"/>; returns the failure of an Armington solve, if any.</summary>
        public ProjectionException? Draw(int d, double[] values)
        {
            var run = _run;
            var batch = run.Batch;
            int n = run.Flows, k = run.Markets;
            var eta = _elasticities.AsSpan(0, k);
            var sigma = _elasticities.AsSpan(k, k);
            var eps = _elasticities.AsSpan(2 * k, k);
            var spread = run.Settings.Spread;
            var rng = SplitMix64.ForDraw(run.Settings.Seed, d);
            for (var m = 0; m < k; m++)
            {
                var u1 = rng.NextDouble();
                var u2 = rng.NextDouble();
                var u3 = rng.NextDouble();
                eta[m] = batch.ImportDemand[m] * (1d + (spread * ((2d * u1) - 1d)));
                sigma[m] = batch.Substitution[m] * (1d + (spread * ((2d * u2) - 1d)));
                var e = batch.ExportSupply[m];
                eps[m] = e >= ElasticityValues.InfiniteSupplyThreshold ? e : e * (1d + (spread * ((2d * u3) - 1d)));
            }

            var input = new SmartInput(batch.Offsets, batch.Baseline, batch.TariffBefore, batch.TariffAfter, eta, sigma, eps);
            var output = new SmartOutput(
                _flowOut.AsSpan(0, n), _flowOut.AsSpan(n, n), _flowOut.AsSpan(2 * n, n), _flowOut.AsSpan(3 * n, n),
                _marketOut.AsSpan(0, k), _marketOut.AsSpan(k, k), _marketOut.AsSpan(2 * k, k), _marketOut.AsSpan(3 * k, k), _marketOut.AsSpan(4 * k, k));
            if (run.Options.Model == ProjectionModelKind.Armington)
            {
                var residuals = _marketOut.AsSpan(5 * k, k);
                var iterations = _iterations.AsSpan(0, k);
                var failed = ArmingtonKernel.Project(input, output, iterations, residuals, _scratch.AsSpan(0, run.ScratchLength), run.Options.Armington.Tolerance, run.Options.Armington.MaxIterations);
                if (failed >= 0)
                {
                    var inner = ArmingtonModel.NotConverged(batch.Markets[failed], new ElasticityValues(eta[failed], sigma[failed], eps[failed]), iterations[failed], residuals[failed], run.Options.Armington);
                    return new ProjectionException($"Monte Carlo draw {d} (seed {run.Settings.Seed}): {inner.Message}", inner);
                }
            }
            else
            {
                SmartKernel.Project(input, output);
            }

            var projected = output.Projected;
            var exports = _exports.AsSpan(0, run.Exporters.Length);
            exports.Clear();
            for (var m = 0; m < k; m++)
            {
                var totalAfter = output.MarketTotalAfter[m];
                for (var i = batch.Offsets[m]; i < batch.Offsets[m + 1]; i++)
                {
                    values[run.Slot(i, d)] = projected[i];
                    values[run.Slot(run.ShareFigure(i), d)] = totalAfter > 0d ? projected[i] / totalAfter : 0d;
                    exports[run.FlowExporter[i]] += projected[i];
                }

                values[run.Slot(run.TotalFigure(m), d)] = totalAfter;
                values[run.Slot(run.RevenueFigure(m), d)] = output.RevenueAfter[m];
                values[run.Slot(run.WelfareFigure(m), d)] = output.Welfare[m];
            }

            for (var e = 0; e < exports.Length; e++)
            {
                values[run.Slot(run.ExportFigure(e), d)] = exports[e];
            }

            return null;
        }

        public void Dispose()
        {
            ArrayPool<double>.Shared.Return(_elasticities);
            ArrayPool<double>.Shared.Return(_flowOut);
            ArrayPool<double>.Shared.Return(_marketOut);
            ArrayPool<double>.Shared.Return(_scratch);
            ArrayPool<double>.Shared.Return(_exports);
            ArrayPool<int>.Shared.Return(_iterations);
        }
    }
}
