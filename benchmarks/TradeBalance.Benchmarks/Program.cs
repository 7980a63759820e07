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

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
