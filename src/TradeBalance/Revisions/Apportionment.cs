namespace TradeBalance;

/// <summary>
/// Shares an amount among parts by weights so that the parts sum to the amount exactly, every part is a whole
/// number of units (cents), and none is negative: the largest-remainder method.
/// </summary>
/// <remarks>
/// Each part first gets the whole units of its exact share; the units left over go one each to the parts with the
/// largest remainders (ties: the larger weight, then the earlier part). What is below one unit in the amount itself
/// (an amount given to more decimals than the currency has) goes to the part with the largest weight (the earlier on
/// ties), so no part is left holding a sliver below a unit alone.
/// </remarks>
internal static class Apportionment
{
    /// <summary>Weights that sum to exactly 1 from non-negative values with a positive sum: the largest takes the rounding.</summary>
    public static decimal[] Normalize(IReadOnlyList<decimal> values)
    {
        var total = 0m;
        foreach (var v in values)
        {
            total += v;
        }

        var weights = new decimal[values.Count];
        var largest = 0;
        var sum = 0m;
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = values[i] / total;
            sum += weights[i];
            if (values[i] > values[largest])
            {
                largest = i;
            }
        }

        weights[largest] += 1m - sum;
        return weights;
    }

    /// <summary>The parts of <paramref name="amount"/> (non-negative) by <paramref name="weights"/> (summing to 1), in units of <paramref name="unit"/>.</summary>
    public static decimal[] Split(decimal amount, IReadOnlyList<decimal> weights, decimal unit)
    {
        var n = weights.Count;
        var parts = new decimal[n];
        var largest = 0;
        for (var i = 1; i < n; i++)
        {
            if (weights[i] > weights[largest])
            {
                largest = i;
            }
        }

        var units = decimal.Floor(amount / unit);
        var sliver = amount - (units * unit);
        var remainders = new decimal[n];
        var given = 0m;
        for (var i = 0; i < n; i++)
        {
            var exact = units * weights[i];
            var whole = decimal.Floor(exact);
            parts[i] = whole;
            remainders[i] = exact - whole;
            given += whole;
        }

        // The units left over (fewer than the parts): one each to the largest remainders; none left, none taken.
        var order = Enumerable.Range(0, n)
            .OrderByDescending(i => remainders[i])
            .ThenByDescending(i => weights[i])
            .ThenBy(i => i)
            .Take((int)(units - given));
        foreach (var i in order)
        {
            parts[i] += 1m;
        }

        for (var i = 0; i < n; i++)
        {
            parts[i] *= unit;
        }

        parts[largest] += sliver;
        return parts;
    }
}
