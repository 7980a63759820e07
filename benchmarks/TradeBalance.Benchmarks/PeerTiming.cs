using System.Diagnostics;
using System.Globalization;
using TradeBalance.Data;
using TradeBalance.Projections;
using TradeBalance.Synthetic;

namespace TradeBalance.Benchmarks;

/// <summary>
/// A plain timing mode for the peer comparison (<c>benchmarks/peers/run.sh</c>), so that C# and
/// Python are timed by the same runner in the same run: a warm-up, then the best of five, printed
/// as <c>key value</c> lines.
/// </summary>
/// <remarks>
/// <para><c>--peer-timing smart FLOWS [--write FILE]</c>: SMART over the synthetic markets with
/// <see cref="SmartKernel"/>; <c>--write</c> first saves the generator's arrays for
/// <c>smart_numpy.py</c> (little-endian: the 8 bytes <c>TBSMART1</c>, int64 flows, int64 markets,
/// int32 offsets[markets + 1], float64 baseline, tariff before, tariff after [flows], float64 η, σ,
/// ε [markets]). Prints <c>smart_ms</c>, <c>memory_floor_ms</c> and the checksums <c>sum_projected</c>
/// and <c>sum_diversion_abs</c>, which the numpy script must match.</para>
/// <para><c>--peer-timing baci ROWS FILE</c>: writes the synthetic BACI file, then prints
/// <c>raw_ms</c> (<see cref="File.ReadAllBytes"/>), <c>raw_reused_ms</c> (the same bytes into a buffer allocated
/// once), <c>columns_ms</c>
/// (<see cref="BaciReader.ReadColumns(string, BaciReadOptions?)"/>, a full collection forced before each call),
/// <c>columns_warm_ms</c> (the same in a warm loop, no forced collection, as the pandas side runs), <c>baci_ms</c>
/// (<see cref="BaciReader.Read(string, BaciReadOptions?)"/>) and <c>rows</c>.</para>
/// <para><c>--peer-timing baci-once FILE</c>: one <see cref="BaciReader.ReadColumns(string, BaciReadOptions?)"/> in this
/// fresh process; prints <c>columns_once_ms</c>.</para>
/// <para><c>--peer-timing montecarlo FLOWS DRAWS THREADS</c>: <see cref="ProjectionModel.MonteCarlo"/> on the
/// synthetic scenario, best of three; prints <c>montecarlo_ms</c> and a checksum of the P50 market
/// totals (equal whatever the thread count).</para>
/// </remarks>
public static class PeerTiming
{
    private const int Repeats = 5;

    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length >= 2 && args[0] == "smart")
        {
            var write = args.Length >= 4 && args[2] == "--write" ? args[3] : null;
            return Smart(int.Parse(args[1], CultureInfo.InvariantCulture), write);
        }

        if (args.Length == 3 && args[0] == "baci")
        {
            return Baci(int.Parse(args[1], CultureInfo.InvariantCulture), args[2]);
        }

        if (args.Length == 2 && args[0] == "baci-once")
        {
            return BaciOnce(args[1]);
        }

        if (args.Length == 4 && args[0] == "montecarlo")
        {
            return MonteCarlo(int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture));
        }

        Console.Error.WriteLine("usage: --peer-timing smart FLOWS [--write FILE] | baci ROWS FILE | baci-once FILE | montecarlo FLOWS DRAWS THREADS");
        return 2;
    }

    private static int Smart(int flows, string? write)
    {
        var s = SyntheticMarkets.Generate(flows);
        if (write is not null)
        {
            WriteArrays(s, write);
        }

        int n = s.FlowCount, k = s.MarketCount;
        double[] tc = new double[n], td = new double[n], pe = new double[n], m1 = new double[n];
        double[] t0 = new double[k], t1 = new double[k], r0 = new double[k], r1 = new double[k], w = new double[k];
        var smart = Best(() => SmartKernel.Project(
            new SmartInput(s.Offsets, s.Baseline, s.TariffBefore, s.TariffAfter, s.ImportDemand, s.Substitution, s.ExportSupply),
            new SmartOutput(tc, td, pe, m1, t0, t1, r0, r1, w)));
        var sumProjected = m1.Sum();
        var sumDiversion = td.Sum(Math.Abs);
        var floor = Best(() => SmartBenchmarks.Floor(s.Baseline, s.TariffBefore, s.TariffAfter, tc, td, pe, m1));
        Print("flows", n);
        Print("markets", k);
        Print("smart_ms", smart);
        Print("memory_floor_ms", floor);
        Print("sum_projected", sumProjected);
        Print("sum_diversion_abs", sumDiversion);
        return 0;
    }

    private static int Baci(int rows, string path)
    {
        SyntheticBaci.Write(path, rows);
        var kept = 0;
        var raw = Best(() => File.ReadAllBytes(path));
        var buffer = new byte[new FileInfo(path).Length];
        var rawReused = Best(() => BaciIngestBenchmarks.ReadInto(path, buffer));
        var columnRows = 0;
        var columns = Best(() => columnRows = BaciReader.ReadColumns(path).Value.Count);
        var columnsWarm = Best(() => columnRows = BaciReader.ReadColumns(path).Value.Count, collect: false);
        var baci = Best(() => kept = BaciReader.Read(path).Value.Flows.Length);
        Print("rows", kept);
        Print("raw_ms", raw);
        Print("raw_reused_ms", rawReused);
        Print("columns_ms", columns);
        Print("columns_warm_ms", columnsWarm);
        Print("baci_ms", baci);
        return kept == rows && columnRows == rows ? 0 : 1;
    }

    /// <summary>One read in a fresh process, as a script reads a file once: start-up costs (JIT, the country
    /// registry) and fresh memory included.</summary>
    private static int BaciOnce(string path)
    {
        var sw = Stopwatch.StartNew();
        var rows = BaciReader.ReadColumns(path).Value.Count;
        Print("columns_once_ms", sw.Elapsed.TotalMilliseconds);
        Print("rows", rows);
        return 0;
    }

    private static int MonteCarlo(int flows, int draws, int threads)
    {
        var t = SyntheticTrade.Build(SyntheticMarkets.Generate(flows));
        var settings = new MonteCarloSettings(draws, 42, 0.5);
        var inputs = new ProjectionInputs(t.Scenario, t.Data, t.Schedule);
        MonteCarloResult? result = null;
        var ms = Best(() => result = ProjectionModel.Smart.MonteCarlo(inputs, settings, threads), 3);
        Print("montecarlo_ms", ms);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"checksum_p50_totals {result!.Markets.Sum(m => m.ProjectedTotal.P50.Amount)}"));

        // Hashes of every band (SHA-256 of their invariant text), to compare two builds' results figure by figure.
        static string Hash(IEnumerable<object> items) =>
            Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', items.Select(i => string.Create(CultureInfo.InvariantCulture, $"{i}"))))))[..16];

        Console.WriteLine($"hash_flows_markets {Hash(result.Rows.Select(r => (object)$"{r.Projected} {r.ProjectedShare.P5:R} {r.ProjectedShare.P50:R} {r.ProjectedShare.P95:R}").Concat(result.Markets))}");
        Console.WriteLine($"hash_exports {Hash(result.Exports)}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kenya_exports_p50 {result.ExportsOf(Countries.Kenya).Projected.P50}"));
        return 0;
    }

    /// <summary>The best of <paramref name="repeats"/> timed calls after a warm-up.</summary>
    /// <param name="action">What is timed.</param>
    /// <param name="repeats">How many timed calls.</param>
    /// <param name="collect">Force a full, blocking collection before each timed call, so that no garbage of
    /// the last call is collected inside the next one. It also hands the freed memory back, so every call
    /// faults in fresh pages for what it allocates; pass <see langword="false"/> to time a warm loop in which
    /// the runtime reuses memory as it does by itself, as Python's allocator does in the pandas loop.</param>
    private static double Best(Action action, int repeats = Repeats, bool collect = true)
    {
        // Warm-up, as BenchmarkDotNet does: at least three calls and half a second, then a pause, so
        // that tiered compilation has replaced the tier-0 code (short kernels would otherwise be timed
        // before it does) and the file is in the page cache.
        var warm = Stopwatch.StartNew();
        for (var calls = 0; calls < 3 || warm.ElapsedMilliseconds < 500; calls++)
        {
            action();
        }

        Thread.Sleep(250);
        var best = double.MaxValue;
        for (var r = 0; r < repeats; r++)
        {
            if (collect)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }

            var sw = Stopwatch.StartNew();
            action();
            best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
        }

        return best;
    }

    private static void Print(string key, double value) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key} {value:R}"));

    private static void WriteArrays(SyntheticMarkets s, string path)
    {
        using var w = new BinaryWriter(File.Create(path));
        w.Write("TBSMART1"u8);
        w.Write((long)s.FlowCount);
        w.Write((long)s.MarketCount);
        foreach (var o in s.Offsets)
        {
            w.Write(o);
        }

        foreach (var a in new[] { s.Baseline, s.TariffBefore, s.TariffAfter, s.ImportDemand, s.Substitution, s.ExportSupply })
        {
            foreach (var x in a)
            {
                w.Write(x);
            }
        }
    }
}
