namespace TradeBalance.Synthetic;

/// <summary>
/// Deterministic synthetic SMART inputs shared by the benchmarks and the large-input tests:
/// markets of 5–200 suppliers (as in BACI), log-uniform values, MFN tariffs 0–30 %, and one
/// beneficiary per market cut to zero. The same seed gives the same arrays on every machine.
/// </summary>
public sealed class SyntheticMarkets
{
    private SyntheticMarkets(int[] offsets, int[] beneficiary, double[] baseline, double[] t0, double[] t1, double[] eta, double[] sigma, double[] eps)
    {
        Offsets = offsets;
        Beneficiary = beneficiary;
        Baseline = baseline;
        TariffBefore = t0;
        TariffAfter = t1;
        ImportDemand = eta;
        Substitution = sigma;
        ExportSupply = eps;
    }

    public int[] Offsets { get; }

    /// <summary>Per market, the index of the flow whose tariff is cut to zero (the scenario's beneficiary).</summary>
    public int[] Beneficiary { get; }

    public double[] Baseline { get; }

    public double[] TariffBefore { get; }

    public double[] TariffAfter { get; }

    public double[] ImportDemand { get; }

    public double[] Substitution { get; }

    public double[] ExportSupply { get; }

    public int FlowCount => Baseline.Length;

    public int MarketCount => Offsets.Length - 1;

    /// <summary>Generates about <paramref name="flows"/> flows (exactly that many: the last market is trimmed).</summary>
    public static SyntheticMarkets Generate(int flows, ulong seed = 20260501)
    {
        var rng = new SplitMix64(seed);
        var offsets = new List<int> { 0 };
        var beneficiaries = new List<int>();
        var baseline = new double[flows];
        var t0 = new double[flows];
        var t1 = new double[flows];
        var eta = new List<double>();
        var sigma = new List<double>();
        var eps = new List<double>();
        var i = 0;
        while (i < flows)
        {
            var size = Math.Min(5 + (int)(rng.NextDouble() * 196), flows - i);
            var mfn = Math.Round(rng.NextDouble() * 30) / 100;
            var beneficiary = i + (int)(rng.NextDouble() * size);
            for (var k = 0; k < size; k++, i++)
            {
                baseline[i] = Math.Exp(rng.NextDouble() * 18); // 1 USD .. 66 million USD
                t0[i] = rng.NextDouble() < 0.1 ? 0 : mfn;       // some suppliers already enjoy a preference
                t1[i] = i == beneficiary ? 0 : t0[i];
            }

            offsets.Add(i);
            beneficiaries.Add(beneficiary);
            eta.Add(-(0.5 + (rng.NextDouble() * 2.5)));
            sigma.Add(0.5 + (rng.NextDouble() * 4.5));
            eps.Add(rng.NextDouble() < 0.8 ? 99 : 1 + (rng.NextDouble() * 20));
        }

        return new SyntheticMarkets([.. offsets], [.. beneficiaries], baseline, t0, t1, [.. eta], [.. sigma], [.. eps]);
    }

    /// <summary>
    /// ε per market with every infinite supply (≥ 99) replaced by a finite one in [1, 21), spread by the
    /// golden ratio so that it needs no random numbers: the Armington solve then iterates in every market.
    /// </summary>
    public double[] FiniteExportSupply()
    {
        var eps = (double[])ExportSupply.Clone();
        for (var m = 0; m < eps.Length; m++)
        {
            if (eps[m] >= 99)
            {
                eps[m] = 1 + (20 * ((m * 0.6180339887498949) % 1));
            }
        }

        return eps;
    }

    /// <summary>SplitMix64: tiny, fast and the same everywhere, unlike <see cref="Random"/> across runtimes.</summary>
    public struct SplitMix64(ulong state)
    {
        private ulong _state = state;

        public double NextDouble()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (z >> 11) * (1.0 / (1UL << 53));
        }
    }
}
