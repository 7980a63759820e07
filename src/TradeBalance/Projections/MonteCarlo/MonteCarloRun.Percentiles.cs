using System.Collections.Immutable;

namespace TradeBalance.Projections;

// Monte Carlo (order statistics: the P5, P50 and P95 of a figure's draws, by bucket selection).
internal static partial class MonteCarloRun
{
    /// <summary>
    /// The type 7 P5, P50 and P95 of values in any order, equal to <see cref="Percentile"/> of the
    /// sorted values: only the order statistics the three percentiles read are found, instead of
    /// sorting everything. Reorders <paramref name="values"/> (a permutation of them remains).
    /// </summary>
    /// <remarks>
    /// From <see cref="BucketThreshold"/> values on, one pass counts the values into
    /// <see cref="Buckets"/> equal-width buckets between the minimum and the maximum (the bucket index
    /// only grows with the value, so every value of a bucket is ≤ every value of the next), a second
    /// pass moves the few values of the buckets that hold the wanted ranks to the front, and
    /// <see cref="MultiSelect"/> finishes there. Fewer values, or values crowded into the wanted
    /// buckets, go straight to <see cref="MultiSelect"/>. Either way the order statistics, and so the
    /// percentiles, are exactly those of a sort.
    /// </remarks>
    internal static (double P5, double P50, double P95) Percentiles(Span<double> values)
    {
        var n = values.Length;
        if (!MinMax(values, out var min, out var max))
        {
            // Never expected (the kernels return finite figures); keep the sort's NaN ordering.
            values.Sort();
            return (Percentile(values, 0.05), Percentile(values, 0.50), Percentile(values, 0.95));
        }

        // Percentile(p) reads x_j and x_(j+1), j = ⌊(n − 1)·p⌋: six ranks at most, ascending.
        Span<int> ranks = stackalloc int[6];
        var count = 0;
        foreach (var p in (ReadOnlySpan<double>)[0.05, 0.50, 0.95])
        {
            var j = (int)Math.Floor((n - 1) * p);
            foreach (var r in (ReadOnlySpan<int>)[j, Math.Min(j + 1, n - 1)])
            {
                if (count == 0 || ranks[count - 1] < r)
                {
                    ranks[count++] = r;
                }
            }
        }

        ranks = ranks[..count];
        Span<int> at = stackalloc int[6];
        if (!(n >= BucketThreshold && min < max && BucketSelect(values, min, max, ranks, at[..count])))
        {
            MultiSelect(values, 0, n - 1, ranks, Depth(n));
            ranks.CopyTo(at);
        }

        return (Quantile(values, ranks, at, 0.05), Quantile(values, ranks, at, 0.50), Quantile(values, ranks, at, 0.95));
    }

    /// <summary>Type 7 quantile p from the selected ranks (<paramref name="at"/>[i] is where the value of rank <paramref name="ranks"/>[i] now is).</summary>
    private static double Quantile(ReadOnlySpan<double> values, ReadOnlySpan<int> ranks, ReadOnlySpan<int> at, double p)
    {
        var n = values.Length;
        var h = (n - 1) * p;
        var j = (int)Math.Floor(h);
        if (j >= n - 1)
        {
            return values[at[ranks.IndexOf(n - 1)]];
        }

        double lo = values[at[ranks.IndexOf(j)]], hi = values[at[ranks.IndexOf(j + 1)]];
        return Math.Clamp(lo + ((h - j) * (hi - lo)), lo, hi);
    }

    /// <summary>Below this many values, <see cref="Percentiles"/> selects directly.</summary>
    internal const int BucketThreshold = 256;

    /// <summary>The number of buckets of <see cref="Percentiles"/>' counting pass.</summary>
    internal const int Buckets = 256;

    private static int Depth(int n) => 2 * (System.Numerics.BitOperations.Log2((uint)Math.Max(1, n)) + 1);

    /// <summary>Minimum and maximum in one pass; false if a value is NaN.</summary>
    private static bool MinMax(ReadOnlySpan<double> values, out double min, out double max)
    {
        min = double.PositiveInfinity;
        max = double.NegativeInfinity;
        var i = 0;
        if (values.Length >= 4)
        {
            var vMin = System.Runtime.Intrinsics.Vector256.Create(double.PositiveInfinity);
            var vMax = System.Runtime.Intrinsics.Vector256.Create(double.NegativeInfinity);
            var ordered = System.Runtime.Intrinsics.Vector256<double>.AllBitsSet;
            for (; i <= values.Length - 4; i += 4)
            {
                var v = System.Runtime.Intrinsics.Vector256.Create(values.Slice(i, 4));
                ordered &= System.Runtime.Intrinsics.Vector256.Equals(v, v);
                vMin = System.Runtime.Intrinsics.Vector256.Min(vMin, v);
                vMax = System.Runtime.Intrinsics.Vector256.Max(vMax, v);
            }

            // Compared as bits: as doubles, all-bits-set lanes are NaN, which equal nothing, so a
            // floating-point comparison would call every input unordered and send it to the full sort.
            if (!System.Runtime.Intrinsics.Vector256.EqualsAll(System.Runtime.Intrinsics.Vector256.AsUInt64(ordered), System.Runtime.Intrinsics.Vector256<ulong>.AllBitsSet))
            {
                return false;
            }

            for (var l = 0; l < 4; l++)
            {
                min = Math.Min(min, vMin[l]);
                max = Math.Max(max, vMax[l]);
            }
        }

        for (; i < values.Length; i++)
        {
            var x = values[i];
            if (double.IsNaN(x))
            {
                return false;
            }

            min = Math.Min(min, x);
            max = Math.Max(max, x);
        }

        return true;
    }

    /// <summary>
    /// Counts the values into buckets, moves those of the buckets holding <paramref name="ranks"/> to
    /// the front and selects there; writes where each rank's value ends up. False (values untouched
    /// but reordered) when the buckets cannot narrow the search.
    /// </summary>
    private static bool BucketSelect(Span<double> values, double min, double max, ReadOnlySpan<int> ranks, Span<int> at)
    {
        var scale = (Buckets - 0.5) / (max - min);
        if (!double.IsFinite(scale) || !(scale > 0d))
        {
            return false;
        }

        Span<int> counts = stackalloc int[Buckets];
        counts.Clear();
        foreach (var x in values)
        {
            counts[Math.Min((int)((x - min) * scale), Buckets - 1)]++;
        }

        // The bucket of each rank, and how many values lie in the buckets below it.
        Span<int> bucketOf = stackalloc int[6];
        Span<int> below = stackalloc int[6];
        Span<bool> wanted = stackalloc bool[Buckets];
        wanted.Clear();
        int b = 0, cumulative = 0, gathered = 0;
        for (var i = 0; i < ranks.Length; i++)
        {
            while (cumulative + counts[b] <= ranks[i])
            {
                cumulative += counts[b++];
            }

            bucketOf[i] = b;
            below[i] = cumulative;
            if (!wanted[b])
            {
                wanted[b] = true;
                gathered += counts[b];
            }
        }

        if (gathered > values.Length / 4)
        {
            return false;
        }

        // Move the wanted buckets' values to the front (swaps keep a permutation).
        var w = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var x = values[i];
            if (wanted[Math.Min((int)((x - min) * scale), Buckets - 1)])
            {
                values[i] = values[w];
                values[w++] = x;
            }
        }

        // Within the front part, a rank's position is the values of the wanted buckets below its bucket
        // plus its rank inside the bucket.
        Span<int> local = stackalloc int[6];
        for (var i = 0; i < ranks.Length; i++)
        {
            var before = 0;
            for (var c = 0; c < bucketOf[i]; c++)
            {
                before += wanted[c] ? counts[c] : 0;
            }

            local[i] = before + (ranks[i] - below[i]);
        }

        MultiSelect(values, 0, w - 1, local[..ranks.Length], Depth(w));
        local[..ranks.Length].CopyTo(at);
        return true;
    }

    /// <summary>
    /// Multiple selection (Hoare's quickselect, descending only into the parts that hold a wanted rank):
    /// afterwards <c>a[r]</c> is the r-th smallest of <c>a[lo..hi]</c>'s values for every r in
    /// <paramref name="ranks"/> (ascending, within lo..hi). Median-of-three pivots; small ranges, and
    /// ranges still unresolved after <paramref name="depth"/> partitions, are sorted, so the worst
    /// case stays O(n log n). No NaN allowed.
    /// </summary>
    internal static void MultiSelect(Span<double> a, int lo, int hi, ReadOnlySpan<int> ranks, int depth)
    {
        while (!ranks.IsEmpty && hi > lo)
        {
            if (hi - lo < 16 || depth-- == 0)
            {
                a[lo..(hi + 1)].Sort();
                return;
            }

            var mid = lo + ((hi - lo) >> 1);
            if (a[mid] < a[lo])
            {
                (a[mid], a[lo]) = (a[lo], a[mid]);
            }

            if (a[hi] < a[lo])
            {
                (a[hi], a[lo]) = (a[lo], a[hi]);
            }

            if (a[hi] < a[mid])
            {
                (a[hi], a[mid]) = (a[mid], a[hi]);
            }

            var pivot = a[mid];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (a[i] < pivot)
                {
                    i++;
                }

                while (a[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                    i++;
                    j--;
                }
            }

            // Now a[lo..j] ≤ pivot, a[i..hi] ≥ pivot, and everything strictly between j and i equals it.
            var left = 0;
            while (left < ranks.Length && ranks[left] <= j)
            {
                left++;
            }

            var right = left;
            while (right < ranks.Length && ranks[right] < i)
            {
                right++;
            }

            MultiSelect(a, lo, j, ranks[..left], depth);
            ranks = ranks[right..];
            lo = i;
        }
    }

    /// <summary>Hyndman &amp; Fan type 7 percentile of sorted values.</summary>
    internal static double Percentile(ReadOnlySpan<double> sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var j = (int)Math.Floor(h);
        if (j >= sorted.Length - 1)
        {
            return sorted[^1];
        }

        var lo = sorted[j];
        var hi = sorted[j + 1];
        return Math.Clamp(lo + ((h - j) * (hi - lo)), lo, hi);
    }
}
