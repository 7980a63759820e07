using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace TradeBalance.Data.Internal.ParquetReading;

/// <summary>
/// One column of one row group, read whole, each cell seen as the text a CSV file of the same data would hold: text as
/// it is, whole numbers in digits, floating-point numbers in their shortest round-trip form (<c>0.1</c>, <c>1E+15</c>),
/// decimals with their scale; a null is empty. So the readers' text rules apply to Parquet unchanged.
/// </summary>
internal abstract class ParquetColumn
{
    /// <summary>Gets whether the column holds whole numbers (an HS code stored as one lost its leading zero).</summary>
    public virtual bool IsInteger => false;

    /// <summary>The cell's text (empty for null), valid until the next call on this column.</summary>
    public abstract ReadOnlySpan<char> Text(int row);

    /// <summary>What a column of this field type is, or null when TradeBalance cannot read it as text or a number.</summary>
    public static string? Unsupported(DataField field)
    {
        var t = field.ClrType;
        return t == typeof(string) || t == typeof(ReadOnlyMemory<char>) || t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(sbyte)
            || t == typeof(byte) || t == typeof(ushort) || t == typeof(uint) || t == typeof(ulong)
            || t == typeof(double) || t == typeof(float) || t == typeof(decimal)
            ? null
            : t.Name;
    }

    /// <summary>Reads the field's values in the row group (the caller has checked <see cref="Unsupported"/>).</summary>
    public static ParquetColumn Load(ParquetRowGroupReader group, DataField field, int rows)
    {
        var t = field.ClrType;
        if (t == typeof(string))
        {
            var values = new string?[rows];
            group.ReadAsync(field, values.AsMemory(), null, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            return new TextColumn(values);
        }

        if (t == typeof(ReadOnlyMemory<char>))
        {
            // The library's own form of UTF-8 text: slices of one buffer per page, no string per cell.
            if (field.IsNullable)
            {
                var nullable = new ReadOnlyMemory<char>?[rows];
                group.ReadAsync<ReadOnlyMemory<char>>(field, nullable.AsMemory(), null, CancellationToken.None).AsTask().GetAwaiter().GetResult();
                return new MemoryTextColumn(null, nullable);
            }

            var memory = new ReadOnlyMemory<char>[rows];
            group.ReadAsync<ReadOnlyMemory<char>>(field, memory.AsMemory(), null, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            return new MemoryTextColumn(memory, null);
        }

        return t == typeof(int) ? Numbers<int>(group, field, rows, null, integer: true)
            : t == typeof(long) ? Numbers<long>(group, field, rows, null, integer: true)
            : t == typeof(short) ? Numbers<short>(group, field, rows, null, integer: true)
            : t == typeof(sbyte) ? Numbers<sbyte>(group, field, rows, null, integer: true)
            : t == typeof(byte) ? Numbers<byte>(group, field, rows, null, integer: true)
            : t == typeof(ushort) ? Numbers<ushort>(group, field, rows, null, integer: true)
            : t == typeof(uint) ? Numbers<uint>(group, field, rows, null, integer: true)
            : t == typeof(ulong) ? Numbers<ulong>(group, field, rows, null, integer: true)
            : t == typeof(double) ? Numbers<double>(group, field, rows, "R", integer: false)
            : t == typeof(float) ? Numbers<float>(group, field, rows, "R", integer: false)
            : Numbers<decimal>(group, field, rows, null, integer: false);
    }

    private static NumberColumn<T> Numbers<T>(ParquetRowGroupReader group, DataField field, int rows, string? format, bool integer)
        where T : struct, ISpanFormattable
    {
        if (field.IsNullable)
        {
            var nullable = new T?[rows];
            group.ReadAsync<T>(field, nullable.AsMemory(), null, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            return new NumberColumn<T>(null, nullable, format, integer);
        }

        var values = new T[rows];
        group.ReadAsync<T>(field, values.AsMemory(), null, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return new NumberColumn<T>(values, null, format, integer);
    }

    private sealed class TextColumn(string?[] values) : ParquetColumn
    {
        public override ReadOnlySpan<char> Text(int row) => values[row];
    }

    private sealed class MemoryTextColumn(ReadOnlyMemory<char>[]? values, ReadOnlyMemory<char>?[]? nullable) : ParquetColumn
    {
        public override ReadOnlySpan<char> Text(int row) => values is not null ? values[row].Span : nullable![row] is { } v ? v.Span : default;
    }

    private sealed class NumberColumn<T>(T[]? values, T?[]? nullable, string? format, bool integer) : ParquetColumn
        where T : struct, ISpanFormattable
    {
        private readonly char[] _buffer = new char[64];

        public override bool IsInteger => integer;

        public override ReadOnlySpan<char> Text(int row)
        {
            T value;
            if (values is not null)
            {
                value = values[row];
            }
            else if (nullable![row] is { } v)
            {
                value = v;
            }
            else
            {
                return default;
            }

            return value.TryFormat(_buffer, out var n, format, CultureInfo.InvariantCulture) ? _buffer.AsSpan(0, n) : value.ToString(format, CultureInfo.InvariantCulture);
        }
    }
}
