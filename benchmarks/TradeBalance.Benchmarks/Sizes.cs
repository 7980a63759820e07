namespace TradeBalance.Benchmarks;

/// <summary>
/// Problem sizes. With <c>TRADEBALANCE_BENCH_SMOKE=1</c> (the CI's Dry run) every class runs small
/// inputs only, so that a pass over every benchmark takes a few minutes; the numbers of such a run
/// are meaningless, it only proves that each benchmark executes.
/// </summary>
public static class Sizes
{
    public const string SmokeVariable = "TRADEBALANCE_BENCH_SMOKE";

    public static bool Smoke => Environment.GetEnvironmentVariable(SmokeVariable) == "1";

    public static IEnumerable<int> Pick(int[] full, int[] smoke) => Smoke ? smoke : full;
}
