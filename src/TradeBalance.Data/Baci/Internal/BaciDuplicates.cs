using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace TradeBalance.Data.Internal.Baci;

/// <summary>
/// BACI has one row per (t, i, j, k): the columns refuse a second one, naming its line and the first's. The slow path
/// checks each row as it reads; the byte parser notes whether its rows were in ascending key order (CEPII's order,
/// where a repeat cannot hide) and only an unsorted file is sorted to find one.
/// </summary>
internal static class BaciDuplicates
{
    /// <summary>t, i, j, k packed so that the order is (t, i, j, k): 9 + 14 + 14 + 20 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Key(int t, int i, int j, int k) => ((long)(t - BaciRules.MinYear) << 48) | ((long)i << 34) | ((long)j << 20) | (long)k;

    public static TradeDataException Error(string fileName, long line, long firstLine, int t, int i, int j, int k) =>
        new(fileName, line, null, null, string.Create(CultureInfo.InvariantCulture, $"repeats the flow of line {firstLine}: the same t, i, j and k ({t}, {i}, {j}, {k:D6}); BACI has one row per year, exporter, importer and product"));

    /// <summary>Finds a repeated (t, i, j, k) in columns not in key order (a file need not be sorted) by sorting the keys; names the
    /// repeat a reader in file order meets first.</summary>
    public static void CheckBySorting(BaciColumns c)
    {
        var n = c.Count;
        var keys = ArrayPool<long>.Shared.Rent(n);
        var rows = ArrayPool<int>.Shared.Rent(n);
        try
        {
            for (var r = 0; r < n; r++)
            {
                keys[r] = Key(c.Years[r], c.Exporters[r], c.Importers[r], c.Products[r]);
                rows[r] = r;
            }

            Array.Sort(keys, rows, 0, n);
            var second = int.MaxValue;
            var first = -1;
            for (var r = 0; r < n;)
            {
                var e = r + 1;
                while (e < n && keys[e] == keys[r])
                {
                    e++;
                }

                if (e - r > 1)
                {
                    // The two earliest rows of the group: the second is where a sequential reader stops.
                    int a = int.MaxValue, b = int.MaxValue;
                    for (var x = r; x < e; x++)
                    {
                        var row = rows[x];
                        if (row < a)
                        {
                            (a, b) = (row, a);
                        }
                        else if (row < b)
                        {
                            b = row;
                        }
                    }

                    if (b < second)
                    {
                        (first, second) = (a, b);
                    }
                }

                r = e;
            }

            if (first >= 0)
            {
                throw Error(c.FileName, c.LineOf(second), c.LineOf(first), c.Years[second], c.Exporters[second], c.Importers[second], c.Products[second]);
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(keys);
            ArrayPool<int>.Shared.Return(rows);
        }
    }
}
