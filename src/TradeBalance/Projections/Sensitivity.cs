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
/// negative and σ, ε positive; an infinite ε (≥ 99) stays infinite (u₃ is drawn and unused). A draw
/// past a bound of <see cref="NumericDomain"/> (η below −100, σ above 100, ε below 0.01) is that bound.</para>
/// <para>Reproducibility: draw d's numbers come from its own SplitMix64 stream seeded with
/// <c>mix(mix(seed) + d·0x9E3779B97F4A7C15)</c> (Steele, Lea &amp; Flood 2014), never from a shared
/// generator; market m's three numbers are numbers 3m to 3m + 2 of that stream, reached by skipping
/// ahead. Each percentile is taken over the draws as a sort would order them, and each exporter's
/// exports in a draw are summed exactly (below), so a given seed gives bit-identical results whatever
/// the degree of parallelism or the machine's core count. A spread of 0 reproduces the point
/// projection exactly.</para>
/// <para>Percentiles: Hyndman &amp; Fan (1996) type 7, the default of R and NumPy. For the sorted
/// values <c>x_0 ≤ … ≤ x_(n−1)</c> and probability p, <c>h = (n − 1)·p</c>, <c>j = ⌊h⌋</c> and
/// <c>Q(p) = x_j + (h − j)·(x_(j+1) − x_j)</c> (<c>x_j</c> when j = n − 1), kept within
/// <c>[x_j, x_(j+1)]</c> against rounding so that P5 ≤ P50 ≤ P95.</para>
/// <para>Cost: the markets are cut into chunks of about 512 KiB of figures (every draw of a chunk's
/// figures; a market is never split), and the chunks run in parallel
/// (<see cref="SensitivityOptions.MaxDegreeOfParallelism"/>). A worker runs every draw of one chunk,
/// keeps that chunk's figures in cache, takes their percentiles (multiple quickselect, O(draws) per
/// figure, the values a sort would give) and moves on, so memory does not grow with flows × draws:
/// each worker holds one chunk's figures and one exporter-by-draw table. Per-flow work allocates
/// nothing. Exports per exporter and draw are summed in 64-bit fixed point (whole units plus
/// multiples of 2⁻³² of a unit, the fraction truncated), which is exact and so independent of the
/// order in which chunks finish; the error against the exact sum is below flows × 2⁻³² units.</para>
/// <para>Progress reports draw-equivalents finished (the share of the work done × draws), about
/// every 1 %, ending with the number of draws (from worker threads; with <see cref="Progress{T}"/>
/// values may arrive out of order). Cancellation throws <see cref="OperationCanceledException"/>.</para>
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
    /// <param name="progress">Receives the number of draw-equivalents finished; may be null.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The point projection and the percentile bands.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The inputs do not fit together (see <see cref="SmartModel.Project(Scenario, TradeDataSet, TariffSchedule)"/>), the model is GSIM (not supported here), or the draws of the largest market's figures (or of the exporters) exceed one array.</exception>
    /// <exception cref="KeyNotFoundException">The schedule has no rate for a supplier.</exception>
    /// <exception cref="ProjectionException">An Armington draw did not converge (the message names the draw and the market), or a projected flow is too large (about 4.6·10¹⁸ or more) to sum.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static SensitivityResult Run(Scenario scenario, TradeDataSet data, TariffSchedule tariffs, MonteCarloSettings? settings = null, SensitivityOptions? options = null, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        options ??= SensitivityOptions.Default;
        var model = ProjectionModel.For(options.Model).WithArmingtonOptions(options.Armington);
        if (!model.SupportsMonteCarlo)
        {
            throw new ArgumentException($"Monte Carlo supports the SMART and Armington models, not {options.Model}.", nameof(options));
        }

        return RunWith(model, scenario, data, tariffs, settings, options.MaxDegreeOfParallelism, progress, cancellationToken);
    }

    /// <summary>The run behind <see cref="Run(Scenario, TradeDataSet, TariffSchedule, MonteCarloSettings?, SensitivityOptions?, IProgress{int}?, CancellationToken)"/> and <see cref="ProjectionModel.MonteCarlo"/>.</summary>
    internal static SensitivityResult RunWith(ProjectionModel model, Scenario scenario, TradeDataSet data, TariffSchedule tariffs, MonteCarloSettings? settings, int maxDegreeOfParallelism, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        settings ??= scenario.MonteCarlo ?? new MonteCarloSettings();
        cancellationToken.ThrowIfCancellationRequested();
        var batch = ProjectionBatch.Create(scenario, data, tariffs);
        var run = new Layout(batch, model, maxDegreeOfParallelism, settings);
        var draws = settings.Draws;
        var widest = Math.Max(run.WidestChunk, run.Exporters.Length);
        if ((long)widest * draws > Array.MaxLength)
        {
            throw new ArgumentException($"{draws} draws of {widest} figures need {(long)widest * draws} values, more than one array can hold; use fewer draws or split the scenario.", nameof(settings));
        }

        var p5 = new double[run.Figures];
        var p50 = new double[run.Figures];
        var p95 = new double[run.Figures];
        var workers = Math.Max(1, Math.Min(run.Chunks, run.Parallelism));
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
    /// The type 7 P5, P50 and P95 of values in any order, equal to <see cref="Percentile"/> of the
    /// sorted values: only the order statistics the three percentiles read are found, instead of
    /// sorting everything. Reorders <paramref name="values"/> (a permutation of them remains).
    /// </summary>
    /// <remarks>
    /// From <see cref="BucketThreshold"/> values on, one pass counts the values into
    /// <see cref="Buckets"/> equal-width buckets between the minimum and the maximum (the bucket index
    /// only grows with the value, so every value of a bucket is ≤ every value of the next), a second
    /// pass moves the few values of the buckets that hold the wanted ranks to the front, and
    /// <see cref="MultiSelect"/> finishes there. Fewer values, or values crowded into the wanted
    /// buckets, go straight to <see cref="MultiSelect"/>. Either way the order statistics, and so the
    /// percentiles, are exactly those of a sort.
    /// </remarks>
    internal static (double P5, double P50, double P95) Percentiles(Span<double> values)
    {
        var n = values.Length;
        if (!MinMax(values, out var min, out var max))
        {
            // Never expected (the kernels return finite figures); keep the sort's NaN ordering.
            values.Sort();
            return (Percentile(values, 0.05), Percentile(values, 0.50), Percentile(values, 0.95));
        }

        // Percentile(p) reads x_j and x_(j+1), j = ⌊(n − 1)·p⌋: six ranks at most, ascending.
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

        ranks = ranks[..count];
        Span<int> at = stackalloc int[6];
        if (!(n >= BucketThreshold && min < max && BucketSelect(values, min, max, ranks, at[..count])))
        {
            MultiSelect(values, 0, n - 1, ranks, Depth(n));
            ranks.CopyTo(at);
        }

        return (Quantile(values, ranks, at, 0.05), Quantile(values, ranks, at, 0.50), Quantile(values, ranks, at, 0.95));
    }

    /// <summary>Type 7 quantile p from the selected ranks (<paramref name="at"/>[i] is where the value of rank <paramref name="ranks"/>[i] now is).</summary>
    private static double Quantile(ReadOnlySpan<double> values, ReadOnlySpan<int> ranks, ReadOnlySpan<int> at, double p)
    {
        var n = values.Length;
        var h = (n - 1) * p;
        var j = (int)Math.Floor(h);
        if (j >= n - 1)
        {
            return values[at[ranks.IndexOf(n - 1)]];
        }

        double lo = values[at[ranks.IndexOf(j)]], hi = values[at[ranks.IndexOf(j + 1)]];
        return Math.Clamp(lo + ((h - j) * (hi - lo)), lo, hi);
    }

    /// <summary>Below this many values, <see cref="Percentiles"/> selects directly.</summary>
    internal const int BucketThreshold = 256;

    /// <summary>The number of buckets of <see cref="Percentiles"/>' counting pass.</summary>
    internal const int Buckets = 256;

    private static int Depth(int n) => 2 * (System.Numerics.BitOperations.Log2((uint)Math.Max(1, n)) + 1);

    /// <summary>Minimum and maximum in one pass; false if a value is NaN.</summary>
    private static bool MinMax(ReadOnlySpan<double> values, out double min, out double max)
    {
        min = double.PositiveInfinity;
        max = double.NegativeInfinity;
        var i = 0;
        if (values.Length >= 4)
        {
            var vMin = System.Runtime.Intrinsics.Vector256.Create(double.PositiveInfinity);
            var vMax = System.Runtime.Intrinsics.Vector256.Create(double.NegativeInfinity);
            var ordered = System.Runtime.Intrinsics.Vector256<double>.AllBitsSet;
            for (; i <= values.Length - 4; i += 4)
            {
                var v = System.Runtime.Intrinsics.Vector256.Create(values.Slice(i, 4));
                ordered &= System.Runtime.Intrinsics.Vector256.Equals(v, v);
                vMin = System.Runtime.Intrinsics.Vector256.Min(vMin, v);
                vMax = System.Runtime.Intrinsics.Vector256.Max(vMax, v);
            }

            // Compared as bits: as doubles, all-bits-set lanes are NaN, which equal nothing, so a
            // floating-point comparison would call every input unordered and send it to the full sort.
            if (!System.Runtime.Intrinsics.Vector256.EqualsAll(System.Runtime.Intrinsics.Vector256.AsUInt64(ordered), System.Runtime.Intrinsics.Vector256<ulong>.AllBitsSet))
            {
                return false;
            }

            for (var l = 0; l < 4; l++)
            {
                min = Math.Min(min, vMin[l]);
                max = Math.Max(max, vMax[l]);
            }
        }

        for (; i < values.Length; i++)
        {
            var x = values[i];
            if (double.IsNaN(x))
            {
                return false;
            }

            min = Math.Min(min, x);
            max = Math.Max(max, x);
        }

        return true;
    }

    /// <summary>
    /// Counts the values into buckets, moves those of the buckets holding <paramref name="ranks"/> to
    /// the front and selects there; writes where each rank's value ends up. False (values untouched
    /// but reordered) when the buckets cannot narrow the search.
    /// </summary>
    private static bool BucketSelect(Span<double> values, double min, double max, ReadOnlySpan<int> ranks, Span<int> at)
    {
        var scale = (Buckets - 0.5) / (max - min);
        if (!double.IsFinite(scale) || !(scale > 0d))
        {
            return false;
        }

        Span<int> counts = stackalloc int[Buckets];
        counts.Clear();
        foreach (var x in values)
        {
            counts[Math.Min((int)((x - min) * scale), Buckets - 1)]++;
        }

        // The bucket of each rank, and how many values lie in the buckets below it.
        Span<int> bucketOf = stackalloc int[6];
        Span<int> below = stackalloc int[6];
        Span<bool> wanted = stackalloc bool[Buckets];
        wanted.Clear();
        int b = 0, cumulative = 0, gathered = 0;
        for (var i = 0; i < ranks.Length; i++)
        {
            while (cumulative + counts[b] <= ranks[i])
            {
                cumulative += counts[b++];
            }

            bucketOf[i] = b;
            below[i] = cumulative;
            if (!wanted[b])
            {
                wanted[b] = true;
                gathered += counts[b];
            }
        }

        if (gathered > values.Length / 4)
        {
            return false;
        }

        // Move the wanted buckets' values to the front (swaps keep a permutation).
        var w = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var x = values[i];
            if (wanted[Math.Min((int)((x - min) * scale), Buckets - 1)])
            {
                values[i] = values[w];
                values[w++] = x;
            }
        }

        // Within the front part, a rank's position is the values of the wanted buckets below its bucket
        // plus its rank inside the bucket.
        Span<int> local = stackalloc int[6];
        for (var i = 0; i < ranks.Length; i++)
        {
            var before = 0;
            for (var c = 0; c < bucketOf[i]; c++)
            {
                before += wanted[c] ? counts[c] : 0;
            }

            local[i] = before + (ranks[i] - below[i]);
        }

        MultiSelect(values, 0, w - 1, local[..ranks.Length], Depth(w));
        local[..ranks.Length].CopyTo(at);
        return true;
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

    /// <summary>An Armington solve that failed in one chunk: the first draw (and market) at which it failed.</summary>
    private sealed record DrawFailure(int Draw, int Market, ProjectionException Exception);

    /// <summary>
    /// Exports per exporter and draw, in fixed point: <c>Units</c> holds whole units, <c>Fractions</c>
    /// multiples of 2⁻³² of a unit. Integer sums are exact, so any order of adding gives the same total.
    /// </summary>
    private sealed class ExportSums(int exporters, int draws)
    {
        public const double FractionScale = 4294967296d;

        public long[] Units { get; } = new long[exporters * draws];

        public long[] Fractions { get; } = new long[exporters * draws];

        public void Add(int slot, double value)
        {
            // |value| < 2^62, so the truncation to long is exact in its whole part and value − whole is exact.
            var whole = (long)value;
            Units[slot] = checked(Units[slot] + whole);
            Fractions[slot] += (long)((value - whole) * FractionScale);
        }
    }

    /// <summary>Turns work done (flow and market figures × draws) into draw-equivalents for the caller's progress.</summary>
    private sealed class ProgressTracker(IProgress<int>? progress, int draws, long total)
    {
        private readonly int _step = Math.Max(1, draws / 100);
        private long _done;
        private int _lastStep;

        public void Add(long units)
        {
            if (progress is null || units == 0)
            {
                return;
            }

            var done = Interlocked.Add(ref _done, units);
            var value = done >= total ? draws : (int)(done * (double)draws / total);
            if (value == draws && done - units < total)
            {
                progress.Report(draws);
                return;
            }

            var step = value / _step;
            while (value >= 1 && value < draws)
            {
                var last = Volatile.Read(ref _lastStep);
                if (step <= last)
                {
                    return;
                }

                if (Interlocked.CompareExchange(ref _lastStep, step, last) == last)
                {
                    progress.Report(value);
                    return;
                }
            }
        }
    }

    /// <summary>What every chunk shares: the batch, the exporter index per flow, the chunks and the figure layout.</summary>
    private sealed class Layout
    {
        // A chunk holds every draw of its figures; about this many bytes keeps them in a core's cache.
        private const long ChunkBytes = 512 * 1024;

        public Layout(ProjectionBatch batch, ProjectionModel model, int maxDegreeOfParallelism, MonteCarloSettings settings)
        {
            Batch = batch;
            Model = model;
            MaxDegreeOfParallelism = maxDegreeOfParallelism;
            Settings = settings;
            Flows = batch.Baseline.Length;
            Markets = batch.Markets.Length;
            Exporters = [.. batch.Flows.Select(f => f.Exporter).Distinct().Order()];
            var index = Exporters.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
            FlowExporter = [.. batch.Flows.Select(f => index[f.Exporter])];
            Figures = (2 * Flows) + (3 * Markets) + Exporters.Length;

            // Chunks of whole markets, cut when the next market would take the chunk past ChunkBytes.
            var starts = new List<int> { 0 };
            long width = 0;
            for (var m = 0; m < Markets; m++)
            {
                var market = (2L * (batch.Offsets[m + 1] - batch.Offsets[m])) + 3;
                if (width > 0 && (width + market) * settings.Draws * sizeof(double) > ChunkBytes)
                {
                    starts.Add(m);
                    width = 0;
                }

                width += market;
                WidestChunk = (int)Math.Min(int.MaxValue, Math.Max(WidestChunk, width));
            }

            starts.Add(Markets);
            ChunkStarts = [.. starts];
            var largestMarkets = 0;
            var largestFlows = 0;
            for (var c = 0; c < Chunks; c++)
            {
                largestMarkets = Math.Max(largestMarkets, ChunkStarts[c + 1] - ChunkStarts[c]);
                largestFlows = Math.Max(largestFlows, batch.Offsets[ChunkStarts[c + 1]] - batch.Offsets[ChunkStarts[c]]);
            }

            LargestChunkMarkets = largestMarkets;
            LargestChunkFlows = largestFlows;
            ScratchLength = model.KernelScratchLength(batch.Offsets);
        }

        public ProjectionBatch Batch { get; }

        public ProjectionModel Model { get; }

        public int MaxDegreeOfParallelism { get; }

        public MonteCarloSettings Settings { get; }

        public int Flows { get; }

        public int Markets { get; }

        public ImmutableArray<Country> Exporters { get; }

        public int[] FlowExporter { get; }

        public int Figures { get; }

        /// <summary>Gets the first market of each chunk, and the market count last.</summary>
        public int[] ChunkStarts { get; }

        public int Chunks => ChunkStarts.Length - 1;

        public int WidestChunk { get; }

        public int LargestChunkMarkets { get; }

        public int LargestChunkFlows { get; }

        public int ScratchLength { get; }

        /// <summary>Gets the number of threads to use: the option, or every core for −1.</summary>
        public int Parallelism => MaxDegreeOfParallelism == -1 ? Environment.ProcessorCount : MaxDegreeOfParallelism;

        // Figure layout: projected per flow, share per flow, then per market total, revenue after and
        // welfare, then exports per exporter.
        public int ShareFigure(int flow) => Flows + flow;

        public int TotalFigure(int market) => (2 * Flows) + market;

        public int RevenueFigure(int market) => (2 * Flows) + Markets + market;

        public int WelfareFigure(int market) => (2 * Flows) + (2 * Markets) + market;

        public int ExportFigure(int exporter) => (2 * Flows) + (3 * Markets) + exporter;

        /// <summary>Adds the workers' exact sums and takes each exporter's percentiles.</summary>
        public void ExportPercentiles(ExportSums?[] sums, double[] p5, double[] p50, double[] p95)
        {
            var draws = Settings.Draws;
            var column = new double[draws];
            for (var e = 0; e < Exporters.Length; e++)
            {
                for (var d = 0; d < draws; d++)
                {
                    var slot = (e * draws) + d;
                    long units = 0, fractions = 0;
                    foreach (var s in sums)
                    {
                        if (s is not null)
                        {
                            units = checked(units + s.Units[slot]);
                            fractions = checked(fractions + s.Fractions[slot]);
                        }
                    }

                    column[d] = units + (fractions / ExportSums.FractionScale);
                }

                var f = ExportFigure(e);
                (p5[f], p50[f], p95[f]) = Percentiles(column);
            }
        }

        public SensitivityResult Summarise(ProjectionResult point, double[] p5, double[] p50, double[] p95)
        {
            var currency = Batch.Data.Currency;
            PercentileBand<Money> MoneyBand(int f) => new(SmartModel.ToMoney(p5[f], currency), SmartModel.ToMoney(p50[f], currency), SmartModel.ToMoney(p95[f], currency));
            PercentileBand<double> ShareBand(int f) => new(p5[f], p50[f], p95[f]);

            // One row object per flow: the largest serial step left, so it is split across the threads too.
            var rows = new SensitivityRow[Flows];
            Parallel.ForEach(
                System.Collections.Concurrent.Partitioner.Create(0, Flows, Math.Max(4096, Flows / (4 * Parallelism) + 1)),
                new ParallelOptions { MaxDegreeOfParallelism = Parallelism },
                range =>
                {
                    for (var i = range.Item1; i < range.Item2; i++)
                    {
                        var flow = Batch.Flows[i];
                        rows[i] = new SensitivityRow(flow.Importer, flow.Exporter, flow.Hs, flow.Value, MoneyBand(i), ShareBand(ShareFigure(i)));
                    }
                });

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

            return new SensitivityResult(Batch.Scenario, Model.Kind, Settings, point, System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(rows), markets.MoveToImmutable(), exports.MoveToImmutable());
        }
    }

    /// <summary>One worker's buffers, rented once and reused for every chunk it runs, and its export sums.</summary>
    private sealed class Worker : IDisposable
    {
        // Largest projected flow the fixed-point export sums take (far above any real flow).
        private const double Largest = 4.6e18;

        // Draws run in blocks of 8, so that each column receives a whole cache line at a time; progress
        // and cancellation are looked at every 64 draws (a multiple of the block).
        private const int Block = 8;
        private const int ReportEvery = 64;

        private readonly Layout _run;
        private readonly ProgressTracker _tracker;
        private readonly CancellationToken _cancellation;
        private readonly int[] _offsets;
        private readonly double[] _elasticities;
        private readonly double[] _flowOut;
        private readonly double[] _marketOut;
        private readonly double[] _residuals;
        private readonly double[] _scratch;
        private readonly double[] _columns;
        private readonly int[] _iterations;

        public Worker(Layout run, ProgressTracker tracker, CancellationToken cancellation)
        {
            _run = run;
            _tracker = tracker;
            _cancellation = cancellation;
            int n = run.LargestChunkFlows, k = run.LargestChunkMarkets;
            _offsets = ArrayPool<int>.Shared.Rent(k + 1);
            _elasticities = ArrayPool<double>.Shared.Rent(Math.Max(1, 3 * k));
            _flowOut = ArrayPool<double>.Shared.Rent(Math.Max(1, (3 + Block) * n));
            _marketOut = ArrayPool<double>.Shared.Rent(Math.Max(1, Block * 5 * k));
            _residuals = ArrayPool<double>.Shared.Rent(Math.Max(1, k));
            _scratch = ArrayPool<double>.Shared.Rent(Math.Max(1, run.ScratchLength));
            _columns = ArrayPool<double>.Shared.Rent(Math.Max(1, run.WidestChunk * run.Settings.Draws));
            _iterations = ArrayPool<int>.Shared.Rent(Math.Max(1, k));
            Sums = new ExportSums(run.Exporters.Length, run.Settings.Draws);
        }

        public ExportSums Sums { get; }

        /// <summary>
        /// Runs every draw of chunk c, then writes the percentiles of its flow and market figures; adds the
        /// chunk's exports to <see cref="Sums"/>. Returns the chunk's first Armington failure, if any.
        /// </summary>
        public DrawFailure? Chunk(int c, double[] p5, double[] p50, double[] p95)
        {
            var run = _run;
            var batch = run.Batch;
            var draws = run.Settings.Draws;
            int m0 = run.ChunkStarts[c], k = run.ChunkStarts[c + 1] - m0;
            int f0 = batch.Offsets[m0], n = batch.Offsets[m0 + k] - f0;
            var offsets = _offsets.AsSpan(0, k + 1);
            for (var m = 0; m <= k; m++)
            {
                offsets[m] = batch.Offsets[m0 + m] - f0;
            }

            var eta = _elasticities.AsSpan(0, k);
            var sigma = _elasticities.AsSpan(k, k);
            var eps = _elasticities.AsSpan(2 * k, k);
            var input = new SmartInput(offsets, batch.Baseline.AsSpan(f0, n), batch.TariffBefore.AsSpan(f0, n), batch.TariffAfter.AsSpan(f0, n), eta, sigma, eps);
            var spread = run.Settings.Spread;
            var figures = (2 * n) + (3 * k);
            var columns = _columns.AsSpan(0, figures * draws);
            var exporterOf = run.FlowExporter.AsSpan(f0, n);
            var sums = Sums;

            // Buffers: trade creation, diversion and price effect are scratch shared by the draws of a
            // block; each draw of the block has its own projections and market figures.
            var projections = _flowOut.AsSpan(3 * n, Block * n);
            var marketFigures = _marketOut.AsSpan(0, Block * 5 * k);
            Span<double> totals = stackalloc double[Block];
            for (var d0 = 0; d0 < draws; d0 += Block)
            {
                if (d0 % ReportEvery == 0)
                {
                    _cancellation.ThrowIfCancellationRequested();
                    _tracker.Add(d0 == 0 ? 0 : (long)(n + k) * ReportEvery);
                }

                var width = Math.Min(Block, draws - d0);
                for (var b = 0; b < width; b++)
                {
                    var d = d0 + b;
                    var rng = SplitMix64.ForDraw(run.Settings.Seed, d);
                    rng.Skip(3L * m0);
                    for (var m = 0; m < k; m++)
                    {
                        var u1 = rng.NextDouble();
                        var u2 = rng.NextDouble();
                        var u3 = rng.NextDouble();
                        // Draws stay inside the numeric domain: one past a bound is that bound.
                        eta[m] = Math.Max(NumericDomain.MinImportDemand, batch.ImportDemand[m0 + m] * (1d + (spread * ((2d * u1) - 1d))));
                        sigma[m] = Math.Min(NumericDomain.MaxSubstitution, batch.Substitution[m0 + m] * (1d + (spread * ((2d * u2) - 1d))));
                        var e = batch.ExportSupply[m0 + m];
                        eps[m] = e >= ElasticityValues.InfiniteSupplyThreshold ? e : Math.Max(NumericDomain.MinExportSupply, e * (1d + (spread * ((2d * u3) - 1d))));
                    }

                    var markets = marketFigures.Slice(b * 5 * k, 5 * k);
                    var output = new SmartOutput(
                        _flowOut.AsSpan(0, n), _flowOut.AsSpan(n, n), _flowOut.AsSpan(2 * n, n), projections.Slice(b * n, n),
                        markets[..k], markets.Slice(k, k), markets.Slice(2 * k, k), markets.Slice(3 * k, k), markets.Slice(4 * k, k));
                    var residuals = _residuals.AsSpan(0, k);
                    var iterations = _iterations.AsSpan(0, k);
                    var failed = run.Model.ProjectDraw(input, output, iterations, residuals, _scratch.AsSpan(0, run.ScratchLength));
                    if (failed >= 0)
                    {
                        var inner = run.Model.DrawFailed(batch.Markets[m0 + failed], new ElasticityValues(eta[failed], sigma[failed], eps[failed]), iterations[failed], residuals[failed]);
                        _tracker.Add((long)(n + k) * (draws - (d0 - (d0 % ReportEvery))));
                        return new DrawFailure(d, m0 + failed, new ProjectionException($"Monte Carlo draw {d} (seed {run.Settings.Seed}): {inner.Message}", inner));
                    }
                }

                // Column j (every draw of local figure j) is columns[j·draws ..]: the flows' projections,
                // their shares, then the markets' totals, revenue and welfare. A block writes `width`
                // adjacent values of each column (a cache line for 8 draws), and of each exporter's sums.
                for (var m = 0; m < k; m++)
                {
                    for (var b = 0; b < width; b++)
                    {
                        totals[b] = marketFigures[(b * 5 * k) + k + m];
                        columns[(((2 * n) + m) * draws) + d0 + b] = totals[b];
                        columns[(((2 * n) + k + m) * draws) + d0 + b] = marketFigures[(b * 5 * k) + (3 * k) + m];
                        columns[(((2 * n) + (2 * k) + m) * draws) + d0 + b] = marketFigures[(b * 5 * k) + (4 * k) + m];
                    }

                    for (var i = offsets[m]; i < offsets[m + 1]; i++)
                    {
                        var projected = columns.Slice((i * draws) + d0, width);
                        var shares = columns.Slice(((n + i) * draws) + d0, width);
                        var slot = (exporterOf[i] * draws) + d0;
                        for (var b = 0; b < width; b++)
                        {
                            var x = projections[(b * n) + i];
                            if (!(x < Largest && x > -Largest))
                            {
                                throw new ProjectionException($"Monte Carlo draw {d0 + b}: the projected flow {batch.Flows[f0 + i].Exporter} → {batch.Markets[m0 + m]} is {x}, too large to sum exactly (the limit is {Largest:E1}).");
                            }

                            projected[b] = x;
                            shares[b] = totals[b] > 0d ? x / totals[b] : 0d;
                            sums.Add(slot + b, x);
                        }
                    }
                }
            }

            _tracker.Add((long)(n + k) * (draws - ((draws - 1) / ReportEvery * ReportEvery)));

            for (var j = 0; j < figures; j++)
            {
                var f = j < n ? f0 + j
                    : j < 2 * n ? run.ShareFigure(f0 + j - n)
                    : j < (2 * n) + k ? run.TotalFigure(m0 + j - (2 * n))
                    : j < (2 * n) + (2 * k) ? run.RevenueFigure(m0 + j - (2 * n) - k)
                    : run.WelfareFigure(m0 + j - (2 * n) - (2 * k));
                (p5[f], p50[f], p95[f]) = Percentiles(columns.Slice(j * draws, draws));
            }

            return null;
        }

        public void Dispose()
        {
            ArrayPool<int>.Shared.Return(_offsets);
            ArrayPool<double>.Shared.Return(_elasticities);
            ArrayPool<double>.Shared.Return(_flowOut);
            ArrayPool<double>.Shared.Return(_marketOut);
            ArrayPool<double>.Shared.Return(_residuals);
            ArrayPool<double>.Shared.Return(_scratch);
            ArrayPool<double>.Shared.Return(_columns);
            ArrayPool<int>.Shared.Return(_iterations);
        }
    }
}
