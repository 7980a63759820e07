using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using NodaTime;
using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Data.Tests.Reliability;

/// <summary>
/// The immutable types and the models, shared by 8 threads × 200 iterations, give exactly the results
/// of sequential use. Each iteration runs one of the jobs below on the same shared inputs and compares
/// its bytes with the sequential run; the whole test is bounded by a 60 s cancellation.
/// </summary>
public class ThreadSafetyTests
{
    private const int Threads = 8;
    private const int IterationsPerThread = 200;

    [Fact]
    public void Shared_inputs_and_models_give_the_sequential_results_from_8_threads()
    {
        var (scenario, flows, tariffs, all) = ReliabilityInputs.Read();
        var rates = ExchangeRatesCsv.Read(new StringReader(KenyaChina.ReadText("exchange-rates.csv")), "exchange-rates.csv").Value;
        var (gScenario, gData, gSchedules) = DeterminismTests.GsimMarkets(products: 4, importers: 6);
        var baciPath = Fixtures.Path("baci-hs17-2022.csv");
        var baci = BaciReader.ReadColumns(baciPath).Value; // one BaciColumns shared by every thread
        Func<byte[]>[] jobs =
        [
            () => ReliabilityInputs.Bytes(ProjectionModel.Smart.Project(new ProjectionInputs(scenario, flows, tariffs)), tariffs),
            () => ReliabilityInputs.Bytes(ProjectionModel.Armington.Project(new ProjectionInputs(scenario, flows, tariffs)), tariffs),
            () => ReliabilityInputs.Bytes(ProjectionModel.Gsim.Solve(new ProjectionInputs(scenario, flows, all)).Projection, tariffs),
            () => ReliabilityInputs.Bytes(ProjectionModel.Gsim.Solve(new ProjectionInputs(gScenario, gData, gSchedules)).Projection, gSchedules[0]),
            () => ReliabilityInputs.Bytes(ProjectionModel.Smart.MonteCarlo(new ProjectionInputs(scenario, flows, tariffs), new MonteCarloSettings(40, 3, 0.5), maxDegreeOfParallelism: 1)),
            () => ReliabilityInputs.Bytes(ProjectionModel.Armington.MonteCarlo(new ProjectionInputs(scenario, flows, tariffs), new MonteCarloSettings(40, 3, 0.5), maxDegreeOfParallelism: 2)),
            () => Lookups(scenario, flows, tariffs, rates),
            () => Encoding.UTF8.GetBytes(ScenarioJson.ToJson(ScenarioJson.Parse(ScenarioJson.ToJson(scenario)))),
            () => Encoding.UTF8.GetBytes(Text(w => FlowsCsv.Write(FlowsCsv.Read(new StringReader(Text(w2 => FlowsCsv.Write(flows, w2))), "flows.csv").Value, w))),
            () => Encoding.UTF8.GetBytes(Text(w => TariffsCsv.Write(tariffs, w))),
            () => Encoding.UTF8.GetBytes(Text(w => FlowsCsv.Write(BaciReader.ReadColumns(baciPath).Value.ToTradeDataSet().Value, w))),
            () => Encoding.UTF8.GetBytes(Text(w => FlowsCsv.Write(baci.ToTradeDataSet(new BaciReadOptions { Importers = new HashSet<Country> { Countries.China } }).Value, w))),
        ];
        var expected = jobs.Select(j => j()).ToArray();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var failures = new ConcurrentQueue<string>();
        var done = 0;
        Parallel.For(0, Threads * IterationsPerThread, new ParallelOptions { MaxDegreeOfParallelism = Threads, CancellationToken = timeout.Token }, i =>
        {
            var k = (i * 7) % jobs.Length; // interleave the jobs across threads
            try
            {
                if (!jobs[k]().AsSpan().SequenceEqual(expected[k]))
                {
                    failures.Enqueue($"iteration {i}: job {k} gave different bytes");
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failures.Enqueue($"iteration {i}: job {k} threw {e.GetType().Name}: {e.Message}");
            }

            Interlocked.Increment(ref done);
        });

        Assert.Empty(failures);
        Assert.Equal(Threads * IterationsPerThread, done);
    }

    /// <summary>Every look-up the models make, and the data set's own answers, as text.</summary>
    private static byte[] Lookups(Scenario scenario, TradeDataSet flows, TariffSchedule tariffs, ExchangeRateTable rates)
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        foreach (var market in flows.Markets)
        {
            sb.Append(market).Append(scenario.Elasticities.For(market.Hs)).Append('\n');
            foreach (var s in flows.SupplierShares(market.Importer, market.Hs, market.Year))
            {
                sb.Append(s).Append(';');
            }

            foreach (var f in flows.FlowsInto(market))
            {
                if (tariffs.TryRateFor(f.Exporter, f.Hs, scenario.Effective, out var d))
                {
                    sb.Append(d.Rate).Append(d.DecidingLine.Regime.Name).Append(';');
                }

                sb.Append(HsCode.Parse(f.Hs.ToDottedString())).Append(Country.Parse(f.Exporter.Alpha2)).Append((f.Value + f.Value).Round()).Append(';');
            }
        }

        foreach (var year in flows.Years)
        {
            sb.Append(flows.BilateralBalance(Countries.Kenya, Countries.China, year));
            if (rates.TryFind(Currency.Usd, Currency.Kes, new LocalDate(year, 1, 1), ExchangeRateRule.AnnualAverage, out var r))
            {
                sb.Append(r.Rate.Rate.ToString(ci)).Append(r.Rule);
            }
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static string Text(Action<TextWriter> write)
    {
        var w = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        write(w);
        return w.ToString();
    }
}
