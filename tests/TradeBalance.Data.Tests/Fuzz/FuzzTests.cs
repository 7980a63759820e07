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

    public static TheoryData<string> Targets => [.. FuzzTargets.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Reader_throws_only_documented_exceptions_on_mutated_input(string name)
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
