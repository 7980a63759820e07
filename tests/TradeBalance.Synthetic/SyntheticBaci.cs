using System.Globalization;
using System.Text;

namespace TradeBalance.Synthetic;

/// <summary>
/// Writes a deterministic CEPII BACI trade file: header <c>t,i,j,k,v,q</c>, unquoted, comma-separated,
/// '.' decimals, as the CEPII releases are. Rows are sorted by exporter i, importer j and product k;
/// each (i, j, k) appears once and i ≠ j. <c>i</c>/<c>j</c> are ISO 3166-1 numeric codes written
/// without leading zeros (4 = AFG), <c>k</c> is a 6-digit HS code that keeps its leading zero,
/// <c>v</c> is in thousands of USD with up to three decimals and <c>q</c> in tonnes, missing in
/// about 2 % of rows: written <c>NA</c>, or blank-padded <c>   NA</c> as in release 202401.
/// </summary>
public static class SyntheticBaci
{
    /// <summary>Writes exactly <paramref name="rows"/> data rows to <paramref name="path"/> and returns the file size in bytes.</summary>
    public static long Write(string path, int rows, int year = 2022, ulong seed = 20260502)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        var codes = Country.All.Where(c => !c.IsAggregate).Select(c => c.NumericCode).Distinct().Order().ToArray();
        var products = Products();
        var rng = new SyntheticMarkets.SplitMix64(seed);
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16))
        {
            writer.NewLine = "\n";
            writer.WriteLine("t,i,j,k,v,q");
            var t = year.ToString(CultureInfo.InvariantCulture);
            var written = 0;
            Span<char> buffer = stackalloc char[64];
            for (var pair = 0; written < rows; pair++)
            {
                // Walk exporter × importer pairs in order, skipping the diagonal.
                if (pair == codes.Length * codes.Length)
                {
                    throw new ArgumentOutOfRangeException(nameof(rows), rows, "More rows than the country pairs can hold (about 1.2 million).");
                }

                var ei = pair / codes.Length;
                var ij = pair % codes.Length;
                if (ei == ij)
                {
                    continue;
                }

                var count = Math.Min(1 + (int)(rng.NextDouble() * 40), rows - written); // 20.5 products per pair on average
                var gap = products.Length / count;
                var at = (int)(rng.NextDouble() * gap);
                var prefix = string.Concat(t, ",", codes[ei].ToString(CultureInfo.InvariantCulture), ",", codes[ij].ToString(CultureInfo.InvariantCulture), ",");
                for (var n = 0; n < count; n++, written++)
                {
                    writer.Write(prefix);
                    writer.Write(products[at]);
                    writer.Write(',');
                    var v = Math.Max(0.001, Math.Round(Math.Exp(rng.NextDouble() * 14) / 1000, 3)); // 1 USD .. 1.2 million USD, in thousands
                    v.TryFormat(buffer, out var len, "0.###", CultureInfo.InvariantCulture);
                    writer.Write(buffer[..len]);
                    writer.Write(',');
                    var u = rng.NextDouble();
                    if (u < 0.01)
                    {
                        writer.Write("NA");
                    }
                    else if (u < 0.02)
                    {
                        writer.Write("   NA");
                    }
                    else
                    {
                        var q = Math.Round(v * (0.05 + (rng.NextDouble() * 2)), 3);
                        q.TryFormat(buffer, out len, "0.###", CultureInfo.InvariantCulture);
                        writer.Write(buffer[..len]);
                    }

                    writer.Write('\n');
                    at += 1 + (int)(rng.NextDouble() * (gap - 1));
                }
            }
        }

        return new FileInfo(path).Length;
    }

    /// <summary>5,000 distinct 6-digit codes in chapters 01–97 (without 77), ascending.</summary>
    private static string[] Products()
    {
        var chapters = Enumerable.Range(1, 97).Where(c => c != 77).ToArray();
        var codes = new string[5000];
        for (var i = 0; i < codes.Length; i++)
        {
            var chapter = chapters[i * chapters.Length / codes.Length];
            var within = i - (int)Math.Ceiling((double)Array.IndexOf(chapters, chapter) * codes.Length / chapters.Length);
            codes[i] = string.Create(CultureInfo.InvariantCulture, $"{chapter:00}{1 + (within / 9):00}{10 * (1 + (within % 9)):00}");
        }

        return codes;
    }
}
