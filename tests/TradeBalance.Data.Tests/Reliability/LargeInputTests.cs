using System.Diagnostics;
using System.Globalization;
using System.Text;
using TradeBalance.Projections;
using TradeBalance.Synthetic;
using Xunit;

namespace TradeBalance.Data.Tests.Reliability;

/// <summary>Runs alone, after the parallel tests, so that the process's managed heap is this test's.</summary>
[CollectionDefinition(nameof(LargeInput), DisableParallelization = true)]
public sealed class LargeInput;

/// <summary>
/// A 5,000,000-row BACI file made from the benchmarks' seeded generator is streamed by
/// <see cref="BaciReader"/> with the importer filter a SMART projection needs, and projected, while
/// a sampler records the managed heap (<see cref="GC.GetTotalMemory(bool)"/> without collection,
/// every 2 ms). The bound is on memory, not time: the heap must stay below <see cref="PeakBound"/>
/// above where it started, although the file is about 154 MiB, which shows the reader streams
/// (docs/reliability.md has the figures).
/// </summary>
[Collection(nameof(LargeInput))]
public class LargeInputTests
{
    public const int Rows = 5_000_000;

    /// <summary>The stated bound on the sampled managed heap, above its level before reading.</summary>
    public const long PeakBound = 256L << 20;

    [Fact]
    public void A_5M_row_BACI_file_is_streamed_and_projected_within_the_memory_bound()
    {
        using var dir = Fixtures.TempDir();
        var path = dir.File("BACI_synthetic_Y2022.csv");
        var clock = Stopwatch.StartNew();
        var (importer, beneficiary, importerRows) = Write(path, Rows);
        var written = clock.Elapsed;

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetTotalMemory(true);
        long peak = baseline;
        using var stop = new CancellationTokenSource();
        var sampler = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var now = GC.GetTotalMemory(false);
                if (now > Volatile.Read(ref peak))
                {
                    Volatile.Write(ref peak, now);
                }

                Thread.Sleep(2);
            }
        })
        { IsBackground = true };
        sampler.Start();

        clock.Restart();
        var (data, report) = BaciReader.Read(path, new BaciReadOptions { Importers = new HashSet<Country> { importer } });
        var read = clock.Elapsed;
        var scenario = new Scenario("large", importer, [beneficiary], [HsCode.Parse("10")], TariffChange.NewRate(TariffRate.Zero), new NodaTime.LocalDate(2026, 5, 1));
        var schedule = new TariffSchedule(importer, [new TariffLine(TariffRegime.Mfn, HsCode.Parse("10"), new TariffRate(12m))]);
        var result = ProjectionModel.Smart.Project(new ProjectionInputs(scenario, data, schedule));
        var projected = clock.Elapsed - read;
        stop.Cancel();
        sampler.Join();

        var ci = CultureInfo.InvariantCulture;
        var used = Volatile.Read(ref peak) - baseline;
        var summary = string.Create(ci, $"{Rows:N0} rows ({new FileInfo(path).Length / 1048576.0:F0} MiB) written in {written.TotalSeconds:F1} s, read in {read.TotalSeconds:F1} s ({Rows / read.TotalSeconds / 1e6:F2} M rows/s), {report.RowsKept:N0} flows kept, {result.Count:N0} rows projected in {projected.TotalSeconds:F2} s; peak managed heap {used / 1048576.0:F0} MiB above a {baseline / 1048576.0:F0} MiB baseline (bound {PeakBound >> 20} MiB)");
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        Assert.Equal(Rows, report.RowsRead);
        Assert.Equal(importerRows, report.RowsKept);
        Assert.Equal(importerRows, result.Count);
        Assert.True(used < PeakBound, summary);
    }

    /// <summary>
    /// Writes the generator's flows as BACI rows: market m is importer m mod 100 (of 240 countries) and
    /// HS 10xxxx, its suppliers the next countries in the list; v in thousands of USD, q in tonnes or NA.
    /// Returns the importer to project, a beneficiary, and how many rows that importer has.
    /// </summary>
    private static (Country Importer, Country Beneficiary, int ImporterRows) Write(string path, int rows)
    {
        var markets = SyntheticMarkets.Generate(rows);
        var countries = Country.All.Where(c => !c.IsAggregate && c.NumericCode is > 0 and < 1000 && !c.Equals(Countries.RestOfWorld)).OrderBy(c => c.NumericCode).ToArray();
        var importerRows = 0;
        using var file = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        file.NewLine = "\n";
        file.WriteLine("t,i,j,k,v,q");
        Span<char> buffer = stackalloc char[96];
        for (var m = 0; m < markets.MarketCount; m++)
        {
            var importer = m % 100;
            var hs = 100000 + (m / 100);
            for (var f = markets.Offsets[m]; f < markets.Offsets[m + 1]; f++)
            {
                var exporter = countries[(importer + 1 + (f - markets.Offsets[m])) % countries.Length];
                var v = Math.Round(markets.Baseline[f] / 1000, 3);
                var ok = (f % 3 == 0)
                    ? buffer.TryWrite(CultureInfo.InvariantCulture, $"2022,{exporter.NumericCode},{countries[importer].NumericCode},{hs},{v},NA", out var n)
                    : buffer.TryWrite(CultureInfo.InvariantCulture, $"2022,{exporter.NumericCode},{countries[importer].NumericCode},{hs},{v},{Math.Round(v / 3, 3)}", out n);
                file.Write(buffer[..n]);
                file.Write('\n');
                importerRows += importer == 7 ? 1 : 0;
            }
        }

        return (countries[7], countries[8], importerRows);
    }
}
