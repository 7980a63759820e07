using Xunit;

namespace TradeBalance.Data.Tests.Fuzz;

/// <summary>
/// The short, deterministic fuzz mode: 10,000 mutated inputs per reader with a fixed seed, in every
/// test run. The long mode is <c>dotnet run -c Release --project tests/TradeBalance.Fuzz</c>
/// (docs/reliability.md).
/// </summary>
public class FuzzTests
{
    /// <summary>Inputs per reader per run (the seeds included).</summary>
    public const int InputsPerReader = 10_000;

    /// <summary>Inputs are capped at 256 KB here (2 MB in the long run) to keep the suite fast.</summary>
    public const int MaxInputLength = 256 << 10;

    /// <summary>Time budget per reader: the run must finish well within it (a few seconds on the CI machine).</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    /// <summary>Fuzzes one reader; each reader has its own test class (below) so that xunit runs them in parallel.</summary>
    internal static async Task Run(string name)
    {
        var target = FuzzTargets.Get(name);
        var seed = 20260501UL + (ulong)FuzzTargets.All.ToList().IndexOf(target);
        var report = await Task.Run(() => FuzzEngine.Run(target, seed, InputsPerReader, Budget, maxInputLength: MaxInputLength), TestContext.Current.CancellationToken)
            .WaitAsync(Budget + TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken); // a hung input fails here instead of hanging the run
        TestContext.Current.TestOutputHelper?.WriteLine(report.ToString());
        Assert.True(report.Findings.Count == 0, report.ToString());
        Assert.Equal(InputsPerReader, report.Tried);
        Assert.True(report.Accepted > 0 && report.Rejected > 0, "the mutations should give both valid and invalid inputs: " + report);
    }

    [Fact]
    public void Every_reader_has_a_fuzz_class()
    {
        var classes = typeof(ReaderFuzz).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(ReaderFuzz))).Select(t => ((ReaderFuzz)Activator.CreateInstance(t)!).Target).Order();
        Assert.Equal(FuzzTargets.All.Select(t => t.Name).Order(), classes);
    }

    [Fact]
    public void Every_seed_file_reads_cleanly()
    {
        foreach (var target in FuzzTargets.All)
        {
            foreach (var seed in target.Seeds)
            {
                var outcome = FuzzEngine.Check(target, seed);
                Assert.True(outcome.Accepted, $"{target.Name}: a seed does not read: {outcome.Message}");
            }
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_inputs()
    {
        var a = new FuzzRandom(7);
        var b = new FuzzRandom(7);
        var target = FuzzTargets.Get("flows");
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(Mutator.Mutate(target.Seeds[0], a, target.Seeds, false), Mutator.Mutate(target.Seeds[0], b, target.Seeds, false));
        }
    }
}

/// <summary>The short fuzz run of one reader: 10,000 mutated inputs, fixed seed.</summary>
public abstract class ReaderFuzz(string target)
{
    public string Target { get; } = target;

    [Fact]
    public Task Reader_throws_only_documented_exceptions_on_mutated_input() => FuzzTests.Run(Target);
}

public sealed class FlowsFuzz() : ReaderFuzz("flows");

public sealed class HsTableFuzz() : ReaderFuzz("hs-table");

public sealed class TariffsFuzz() : ReaderFuzz("tariffs");

public sealed class RatesFuzz() : ReaderFuzz("rates");

public sealed class ComtradeFuzz() : ReaderFuzz("comtrade");

public sealed class BaciFuzz() : ReaderFuzz("baci");

public sealed class BaciColumnsFuzz() : ReaderFuzz("baci-columns");

public sealed class BaciCodesFuzz() : ReaderFuzz("baci-codes");

public sealed class WitsFuzz() : ReaderFuzz("wits");

public sealed class ScenarioFuzz() : ReaderFuzz("scenario");

public sealed class TotalsFuzz() : ReaderFuzz("totals");

public sealed class GroupsFuzz() : ReaderFuzz("groups");

public sealed class ProjectionFuzz() : ReaderFuzz("projection");

public sealed class ParquetFlowsFuzz() : ReaderFuzz("parquet-flows");

public sealed class ParquetBaciFuzz() : ReaderFuzz("parquet-baci");
