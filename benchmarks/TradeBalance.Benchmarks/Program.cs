using BenchmarkDotNet.Running;

namespace TradeBalance.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project benchmarks/TradeBalance.Benchmarks -- --filter '*'</c>
/// runs BenchmarkDotNet; <c>-- --peer-timing smart|baci …</c> runs the plain timing mode that
/// <c>benchmarks/peers/run.sh</c> compares with numpy and pandas (see <see cref="PeerTiming"/>).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && args[0] == "--peer-timing")
        {
            return PeerTiming.Run(args[1..]);
        }

        // Non-zero when a benchmark failed (an exception in setup or in the method) or the
        // configuration is invalid, so that the CI's Dry run catches a broken benchmark.
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args).ToList();
        var failed = summaries.Where(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)).Select(s => s.Title).ToList();
        foreach (var title in failed)
        {
            Console.Error.WriteLine($"benchmark run failed: {title}");
        }

        return failed.Count == 0 ? 0 : 1;
    }
}
