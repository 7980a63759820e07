namespace TradeBalance.Data.Tests.Fuzz;

/// <summary>
/// SplitMix64 (Steele, Lea &amp; Flood 2014): a tiny generator that gives the same sequence for a seed
/// on every runtime and machine, unlike <see cref="Random"/>, so a fuzz run is reproducible from its seed.
/// </summary>
public sealed class FuzzRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong NextULong()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, max); 0 when max ≤ 0.</summary>
    public int Next(int max) => max <= 0 ? 0 : (int)(NextULong() % (ulong)max);

    /// <summary>A number in [min, max).</summary>
    public int Next(int min, int max) => min + Next(max - min);

    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double p) => NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>A length skewed towards small values: 1, 2, 4 … up to max.</summary>
    public int SkewedLength(int max) => Math.Max(1, Math.Min(max, 1 << Next(0, 1 + (int)Math.Log2(Math.Max(1, max)))) - Next(2));
}
