namespace TradeBalance.Projections;

/// <summary>
/// SplitMix64 (Steele, Lea &amp; Flood 2014; Vigna's reference code), used to give every Monte Carlo
/// draw its own random stream from (seed, draw index) so that results do not depend on threads.
/// </summary>
internal struct SplitMix64
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;
    private ulong _state;

    private SplitMix64(ulong state) => _state = state;

    /// <summary>The stream of one draw: state = mix(mix(seed) + draw·golden).</summary>
    public static SplitMix64 ForDraw(int seed, int draw) =>
        new(Mix(unchecked(Mix((ulong)(long)seed) + ((ulong)draw * Golden))));

    /// <summary>The SplitMix64 finaliser (a bijective 64-bit hash).</summary>
    public static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>Skips <paramref name="count"/> numbers: the state advances by one constant per number, so this is
    /// the same as calling <see cref="Next"/> that many times (used to start a draw's stream at a given market).</summary>
    public void Skip(long count)
    {
        unchecked
        {
            _state += (ulong)count * Golden;
        }
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong Next()
    {
        unchecked
        {
            _state += Golden;
            return Mix(_state);
        }
    }

    /// <summary>A uniform double in [0, 1) from the top 53 bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / 9007199254740992.0);
}
