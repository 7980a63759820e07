using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace TradeBalance.Data.Tests.Fuzz;

/// <summary>Small valid Parquet files for the hostile-Parquet family: several row groups, text and numeric columns, a
/// nullable one, with and without dictionary encoding; written with Parquet.Net (DuckDB writes the inputs of the
/// independent-writer tests).</summary>
public static class ParquetSeeds
{
    private static readonly string[] Countries = ["KEN", "CHN", "USA", "DEU", "IND", "BRA"];

    /// <summary>Canonical flows: 300 rows in three row groups.</summary>
    public static byte[] Flows(bool dictionary) => FlowsAsync(dictionary).GetAwaiter().GetResult();

    /// <summary>BACI: 200 rows in two row groups, <c>k</c> as a whole number (leading zero lost), <c>q</c> nullable.</summary>
    public static byte[] Baci() => BaciAsync().GetAwaiter().GetResult();

    private static async Task<byte[]> FlowsAsync(bool dictionary)
    {
        var schema = new ParquetSchema(
            new DataField<int>("year"),
            new DataField<string>("exporter"),
            new DataField<string>("importer"),
            new DataField<string>("hs"),
            new DataField<double>("value_usd"),
            new DataField<double?>("quantity_kg"));
        using var ms = new MemoryStream();
        var options = new ParquetOptions { DictionaryEncodingThreshold = dictionary ? 0.8 : 0 };
        await using (var writer = await ParquetWriter.CreateAsync(schema, ms, options))
        {
            for (var g = 0; g < 3; g++)
            {
                var rows = Enumerable.Range(g * 100, 100).ToArray();
                using var rg = writer.CreateRowGroup();
                await rg.WriteAsync<int>(schema.DataFields[0], rows.Select(_ => 2023).ToArray());
                await rg.WriteAsync(schema.DataFields[1], rows.Select(r => Countries[r % 6]).ToArray());
                await rg.WriteAsync(schema.DataFields[2], rows.Select(r => Countries[(r + 1) % 6]).ToArray());
                await rg.WriteAsync(schema.DataFields[3], rows.Select(r => (10_000 + r).ToString("D6", CultureInfo.InvariantCulture)).ToArray());
                await rg.WriteAsync<double>(schema.DataFields[4], rows.Select(r => 1000.5 + r).ToArray());
                await rg.WriteAsync<double>(schema.DataFields[5], rows.Select(r => r % 7 == 0 ? (double?)null : r).ToArray());
            }
        }

        return ms.ToArray();
    }

    private static async Task<byte[]> BaciAsync()
    {
        var schema = new ParquetSchema(
            new DataField<long>("t"),
            new DataField<int>("i"),
            new DataField<int>("j"),
            new DataField<int>("k"),
            new DataField<double>("v"),
            new DataField<double?>("q"));
        int[] codes = [404, 156, 842, 276, 699, 76];
        using var ms = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(schema, ms))
        {
            for (var g = 0; g < 2; g++)
            {
                var rows = Enumerable.Range(g * 100, 100).ToArray();
                using var rg = writer.CreateRowGroup();
                await rg.WriteAsync<long>(schema.DataFields[0], rows.Select(_ => 2022L).ToArray());
                await rg.WriteAsync<int>(schema.DataFields[1], rows.Select(r => codes[r % 6]).ToArray());
                await rg.WriteAsync<int>(schema.DataFields[2], rows.Select(r => codes[(r + 1) % 6]).ToArray());
                await rg.WriteAsync<int>(schema.DataFields[3], rows.Select(r => 90_100 + r).ToArray());
                await rg.WriteAsync<double>(schema.DataFields[4], rows.Select(r => 0.125 + r).ToArray());
                await rg.WriteAsync<double>(schema.DataFields[5], rows.Select(r => r % 5 == 0 ? (double?)null : r * 0.5).ToArray());
            }
        }

        return ms.ToArray();
    }
}

/// <summary>Bytes read forward only, as from a pipe: the Parquet reader must hold them in memory.</summary>
public sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes, writable: false)
{
    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
}
