using Parquet;
using Parquet.Schema;
using TradeBalance.Data.Internal;

namespace TradeBalance.Data;

/// <summary>
/// Writes an <see cref="OutputTable"/> as an Apache Parquet file (one row group, Snappy compression),
/// with the same column names as the CSV: <see cref="OutputColumnType.Text"/> as UTF-8 strings (HS codes
/// keep their leading zeros), <see cref="OutputColumnType.WholeNumber"/> as INT32, and
/// <see cref="OutputColumnType.ExactNumber"/> and <see cref="OutputColumnType.FloatingPoint"/> as DOUBLE. Every
/// column is optional: a null is a figure the model cannot give.
/// </summary>
/// <remarks>
/// <para>Money is DOUBLE, not a Parquet DECIMAL: every reader (DuckDB, Arrow, pandas, Polars, Spark) takes
/// it as a number without a scale to choose, and a double carries 15 to 17 significant digits, more than
/// any projected figure means. The exact decimal is in the CSV and JSON output; the Parquet value is that
/// decimal converted to the nearest double.</para>
/// <para>The file's key-value metadata holds <c>tradebalance.table</c> (the table's name) and, per column,
/// <c>tradebalance.unit.NAME</c> and <c>tradebalance.meaning.NAME</c>.</para>
/// </remarks>
/// <threadsafety>Stateless; safe to use from many threads.</threadsafety>
public static class OutputTableParquet
{
    /// <summary>Writes the table to a stream, which stays open; the stream need not seek (a pipe will do).</summary>
    /// <param name="table">The table.</param>
    /// <param name="stream">Where to write.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="IOException">The stream cannot be written.</exception>
    public static void Write(OutputTable table, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(stream);

        // Parquet.Net is asynchronous only; nothing here runs on a synchronization context.
        WriteAsync(table, stream).GetAwaiter().GetResult();
    }

    /// <summary>Writes the table to a file, replacing it only once complete.</summary>
    /// <param name="table">The table.</param>
    /// <param name="path">The file.</param>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Write(OutputTable table, string path)
    {
        ArgumentNullException.ThrowIfNull(table);
        Output.Replace(path, stream => Write(table, stream));
    }

    private static async Task WriteAsync(OutputTable table, Stream stream)
    {
        var fields = table.Columns.Select(c => new DataField(c.Name, ClrType(c.Type), isNullable: true)).ToArray();
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["tradebalance.table"] = table.Name };
        foreach (var c in table.Columns)
        {
            metadata["tradebalance.unit." + c.Name] = c.Unit;
            metadata["tradebalance.meaning." + c.Name] = c.Meaning;
        }

        var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy }).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            writer.CustomMetadata = metadata;
            using var group = writer.CreateRowGroup();
            for (var i = 0; i < fields.Length; i++)
            {
                var c = table.Columns[i];
                var write = c.Type switch
                {
                    OutputColumnType.Text => group.WriteAsync(fields[i], c.Values<string?>()!),
                    OutputColumnType.WholeNumber => group.WriteAsync<int>(fields[i], c.Values<int?>().AsMemory()),
                    OutputColumnType.ExactNumber => group.WriteAsync<double>(fields[i], Array.ConvertAll(c.Values<decimal?>(), v => (double?)v).AsMemory()),
                    _ => group.WriteAsync<double>(fields[i], c.Values<double?>().AsMemory()),
                };
                await write.ConfigureAwait(false);
            }
        }
    }

    private static Type ClrType(OutputColumnType type) => type switch
    {
        OutputColumnType.Text => typeof(string),
        OutputColumnType.WholeNumber => typeof(int?),
        _ => typeof(double?),
    };
}
