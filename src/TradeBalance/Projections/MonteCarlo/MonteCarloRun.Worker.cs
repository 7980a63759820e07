using System.Buffers;

namespace TradeBalance.Projections;

// Monte Carlo (a worker: one chunk's draws through the model's kernel).
internal static partial class MonteCarloRun
{
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
                    var at = 0L;
                    for (var m = 0; m < k; m++)
                    {
                        // Market number j takes numbers 3j to 3j + 2 of the draw's stream, whichever markets are drawn.
                        var number = 3L * run.MarketNumber(m0 + m);
                        rng.Skip(number - at);
                        at = number + 3;
                        var u1 = rng.NextDouble();
                        var u2 = rng.NextDouble();
                        var u3 = rng.NextDouble();
                        // Draws stay inside the numeric domain: one past a bound is that bound.
                        eta[m] = Math.Max(NumericDomain.MinImportDemand, batch.ImportDemand[m0 + m] * (1d + (spread * ((2d * u1) - 1d))));
                        var low = run.SigmaLow[m0 + m];
                        sigma[m] = double.IsNaN(low)
                            ? Math.Min(NumericDomain.MaxSubstitution, batch.Substitution[m0 + m] * (1d + (spread * ((2d * u2) - 1d))))
                            : low + ((run.SigmaHigh[m0 + m] - low) * u2);
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
                        if (exporterOf[i] < 0)
                        {
                            continue; // projected for its market's sake; it gets no bands
                        }

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
                if (j < 2 * n && exporterOf[j < n ? j : j - n] < 0)
                {
                    continue;
                }

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
