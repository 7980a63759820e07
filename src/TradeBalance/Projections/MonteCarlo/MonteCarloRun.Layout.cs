using System.Collections.Immutable;

namespace TradeBalance.Projections;

// Monte Carlo (the run's layout: chunks of markets, figures and their summary).
internal static partial class MonteCarloRun
{
    /// <summary>What every chunk shares: the batch, the exporter index per flow, the chunks and the figure layout.</summary>
    private sealed class Layout
    {
        // A chunk holds every draw of its figures; about this many bytes keeps them in a core's cache.
        private const long ChunkBytes = 512 * 1024;

        private readonly int[]? _marketNumbers;

        /// <param name="batch">The markets drawn.</param>
        /// <param name="model">The model.</param>
        /// <param name="maxDegreeOfParallelism">Workers; -1 for one per core.</param>
        /// <param name="settings">Draws, seed and spread.</param>
        /// <param name="marketNumbers">Each market's position among the whole run's markets, when the batch holds some
        /// of them (null: all, in order): its random numbers and its point figures are that position's.</param>
        /// <param name="wanted">The exporters whose rows get bands, each with whom its exports count to (itself, or its
        /// group); null: every exporter, to itself. The other flows are projected in every draw, as their markets need,
        /// but get no bands.</param>
        public Layout(ProjectionBatch batch, KernelProjectionModel model, int maxDegreeOfParallelism, MonteCarloSettings settings, int[]? marketNumbers = null, IReadOnlyDictionary<Country, Country>? wanted = null)
        {
            _marketNumbers = marketNumbers;
            Batch = batch;
            Model = model;
            MaxDegreeOfParallelism = maxDegreeOfParallelism;
            Settings = settings;
            Flows = batch.Baseline.Length;
            Markets = batch.Markets.Length;
            Country? CountsTo(Country exporter) => wanted is null ? exporter : wanted.GetValueOrDefault(exporter);
            Exporters = [.. batch.Flows.Select(f => CountsTo(f.Exporter)).OfType<Country>().Distinct().Order()];
            var index = Exporters.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
            FlowExporter = [.. batch.Flows.Select(f => CountsTo(f.Exporter) is { } e ? index[e] : -1)];
            WantedFlows = [.. Enumerable.Range(0, Flows).Where(i => FlowExporter[i] >= 0)];
            Figures = (2 * Flows) + (3 * Markets) + Exporters.Length;

            // σ between published sources, where the elasticities name several tables: each market's interval, else NaN (the spread).
            SigmaLow = new double[Markets];
            SigmaHigh = new double[Markets];
            for (var m = 0; m < Markets; m++)
            {
                (SigmaLow[m], SigmaHigh[m]) = batch.SubstitutionRanges[m] ?? (double.NaN, double.NaN);
            }

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

        /// <summary>The market's position among the whole run's markets (which random numbers it draws, which point figures are its).</summary>
        public int MarketNumber(int market) => _marketNumbers is null ? market : _marketNumbers[market];

        public KernelProjectionModel Model { get; }

        public int MaxDegreeOfParallelism { get; }

        public MonteCarloSettings Settings { get; }

        /// <summary>Per market, the low end of σ's interval across sources, or NaN to draw within the spread.</summary>
        public double[] SigmaLow { get; }

        /// <summary>Per market, the high end of σ's interval across sources (NaN with <see cref="SigmaLow"/>).</summary>
        public double[] SigmaHigh { get; }

        public int Flows { get; }

        public int Markets { get; }

        public ImmutableArray<Country> Exporters { get; }

        /// <summary>Gets each flow's exporter (or the group its exports count to) as an index into <see cref="Exporters"/>, or −1 for a flow that gets no bands.</summary>
        public int[] FlowExporter { get; }

        /// <summary>Gets the flows that get bands, in flow order.</summary>
        public int[] WantedFlows { get; }

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

        public MonteCarloResult Summarise(ProjectionResult point, double[] p5, double[] p50, double[] p95)
        {
            var currency = Batch.Data.Currency;
            PercentileBand<Money> MoneyBand(int f) => new(SmartModel.ToMoney(p5[f], currency), SmartModel.ToMoney(p50[f], currency), SmartModel.ToMoney(p95[f], currency));
            PercentileBand<double> ShareBand(int f) => new(p5[f], p50[f], p95[f]);

            // One row object per flow that gets bands: the largest serial step left, so it is split across the threads too.
            var wanted = WantedFlows;
            var rows = new MonteCarloRow[wanted.Length];
            Parallel.ForEach(
                System.Collections.Concurrent.Partitioner.Create(0, wanted.Length, Math.Max(4096, wanted.Length / (4 * Parallelism) + 1)),
                new ParallelOptions { MaxDegreeOfParallelism = Parallelism },
                range =>
                {
                    for (var r = range.Item1; r < range.Item2; r++)
                    {
                        var i = wanted[r];
                        var flow = Batch.Flows[i];
                        rows[r] = new MonteCarloRow(flow.Importer, flow.Exporter, flow.Hs, flow.Value, MoneyBand(i), ShareBand(ShareFigure(i)));
                    }
                });

            var markets = ImmutableArray.CreateBuilder<MonteCarloMarket>(Markets);
            for (var m = 0; m < Markets; m++)
            {
                markets.Add(new MonteCarloMarket(Batch.Markets[m], point.Markets[MarketNumber(m)].BaselineTotal, MoneyBand(TotalFigure(m)), MoneyBand(RevenueFigure(m)), MoneyBand(WelfareFigure(m))));
            }

            // Each exporter's baseline, summed in flow order in one pass over the flows.
            var baselines = new Money[Exporters.Length];
            baselines.AsSpan().Fill(Money.Zero(currency));
            foreach (var i in WantedFlows)
            {
                baselines[FlowExporter[i]] += Batch.Flows[i].Value;
            }

            var exports = ImmutableArray.CreateBuilder<MonteCarloExports>(Exporters.Length);
            for (var e = 0; e < Exporters.Length; e++)
            {
                exports.Add(new MonteCarloExports(Exporters[e], Batch.Scenario.Importer, baselines[e], MoneyBand(ExportFigure(e))));
            }

            return new MonteCarloResult(Batch.Scenario, Model, Settings, point, System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(rows), markets.MoveToImmutable(), exports.MoveToImmutable());
        }
    }
}
