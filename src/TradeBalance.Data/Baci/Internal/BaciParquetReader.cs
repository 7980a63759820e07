using System.Globalization;
using Parquet;
using Parquet.Schema;
using TradeBalance.Data.Internal.ParquetReading;

namespace TradeBalance.Data.Internal.Baci;

/// <summary>
/// Reads a year file of a BACI conversion straight from its typed columns, a row group at a time: no cell becomes text,
/// codes are looked up once each, and each value becomes the decimal <see cref="BaciReader.Read(Stream, string, BaciReadOptions?)"/>
/// gave, digit for digit, from its double and the count of decimals stored beside it (<see cref="BaciDecimals.ExactDecimal"/>).
/// </summary>
/// <remarks>The file is still input: a code, HS code, year or value that is not what the converter writes is a
/// <see cref="TradeDataException"/> naming the row, and the flows pass the domain's own checks (and the data set's: no
/// repeated flow).</remarks>
internal static class BaciParquetReader
{
    private static readonly (DataField Field, Type Type)[] Columns =
    [
        (BaciYearConverter.YearField, typeof(int)), (BaciYearConverter.ExporterField, typeof(string)), (BaciYearConverter.ImporterField, typeof(string)),
        (BaciYearConverter.HsField, typeof(string)), (BaciYearConverter.ValueField, typeof(double)), (BaciYearConverter.QuantityField, typeof(double)),
        (BaciYearConverter.SourceField, typeof(string)), (BaciYearConverter.ValueDecimalsField, typeof(byte)), (BaciYearConverter.QuantityDecimalsField, typeof(byte)),
    ];

    /// <summary>Adds the file's flows to <paramref name="flows"/>; returns the rows read.</summary>
    public static long Read(ParquetSource source, int year, List<TradeFlow> flows)
    {
        var fields = Columns.Select(c => Field(source, c.Field.Name, c.Type)).ToArray();
        var countries = new Dictionary<string, Country>(StringComparer.Ordinal);
        var hsCodes = new Dictionary<string, HsCode>(StringComparer.Ordinal);
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var g = 0; g < source.GroupStarts.Length - 1; g++)
        {
            var rows = checked((int)(source.GroupStarts[g + 1] - source.GroupStarts[g]));
            int[] years;
            ReadOnlyMemory<char>[] exporters, importers, hs, labels;
            double[] values;
            double?[] quantities;
            byte[] valueDecimals, quantityDecimals;
            try
            {
                using var group = source.Reader.OpenRowGroupReader(g);
                years = Load<int>(group, fields[0], rows);
                exporters = Text(group, fields[1], rows);
                importers = Text(group, fields[2], rows);
                hs = Text(group, fields[3], rows);
                values = Load<double>(group, fields[4], rows);
                quantities = new double?[rows];
                group.ReadAsync<double>(fields[5], quantities.AsMemory(), null, CancellationToken.None).AsTask().GetAwaiter().GetResult();
                labels = Text(group, fields[6], rows);
                valueDecimals = Load<byte>(group, fields[7], rows);
                quantityDecimals = Load<byte>(group, fields[8], rows);
            }
            catch (Exception e) when (e is not (OutOfMemoryException or TradeDataException))
            {
                throw ParquetSource.Bad(source.FileName, string.Create(CultureInfo.InvariantCulture, $"row group {g}"), $"cannot be decoded ({e.Message}): the file is damaged; convert the release again", e);
            }

            for (var r = 0; r < rows; r++)
            {
                var row = source.GroupStarts[g] + r + 1;
                if (years[r] != year)
                {
                    throw Bad(source, row, "year", years[r].ToString(CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture, $"is not the file's year ({year})"));
                }

                var value = Decimal(values[r], valueDecimals[r]) ?? throw Bad(source, row, "value_usd", values[r].ToString("R", CultureInfo.InvariantCulture), "is not a finite number ≥ 0");
                decimal? quantity = null;
                if (quantities[r] is { } q)
                {
                    quantity = Decimal(q, quantityDecimals[r]) ?? throw Bad(source, row, "quantity_kg", q.ToString("R", CultureInfo.InvariantCulture), "is not a finite number ≥ 0");
                }

                try
                {
                    flows.Add(new TradeFlow(Lookup(countries, exporters[r], source, row, "exporter"), Lookup(countries, importers[r], source, row, "importer"), Lookup(hsCodes, hs[r], source, row), year, new Money(value, Currency.Usd), quantity, Intern(sources, labels[r])));
                }
                catch (ArgumentException e)
                {
                    throw Bad(source, row, null, null, WithoutParameter(e), e);
                }
            }
        }

        return source.GroupStarts[^1];
    }

    /// <summary>BaciReader's decimal from the double and its count of decimals; a count of 15 (or a value past the exact
    /// range) gives the decimal of the double's shortest text, as any Parquet flows file is read; null for NaN, an
    /// infinity or a negative number.</summary>
    private static decimal? Decimal(double x, byte decimals)
    {
        if (!double.IsFinite(x) || x < 0)
        {
            return null;
        }

        return (decimals < BaciDecimals.Inexact ? BaciDecimals.ExactDecimal(x, decimals) : null)
            ?? (decimal.TryParse(x.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null);
    }

    private static Country Lookup(Dictionary<string, Country> cache, ReadOnlyMemory<char> code, ParquetSource source, long row, string column)
    {
        if (cache.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(code.Span, out var c))
        {
            return c;
        }

        var text = code.ToString();
        if (!TradeCodes.TryCountry(text, out c) || cache.Count > 10_000)
        {
            throw Bad(source, row, column, text, "is not a known country code (the converter writes ISO 3166-1 alpha-3 or ROW)");
        }

        cache[text] = c;
        return c;
    }

    private static HsCode Lookup(Dictionary<string, HsCode> cache, ReadOnlyMemory<char> code, ParquetSource source, long row)
    {
        if (cache.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(code.Span, out var c))
        {
            return c;
        }

        var text = code.ToString();
        if (text.Length != 6 || !HsCode.TryParse(text, out c) || cache.Count > 100_000)
        {
            throw Bad(source, row, "hs", text, "is not a 6-digit HS code");
        }

        cache[text] = c;
        return c;
    }

    /// <summary>One string per distinct source label (a year file has one), not one per row.</summary>
    private static string Intern(Dictionary<string, string> cache, ReadOnlyMemory<char> label)
    {
        if (cache.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(label.Span, out var known))
        {
            return known;
        }

        var text = label.ToString();
        if (cache.Count < 1_000)
        {
            cache[text] = text;
        }

        return text;
    }

    private static DataField Field(ParquetSource source, string name, Type type)
    {
        var i = Array.IndexOf(source.Columns, name);
        // Only the quantity may be null: a null anywhere else is no flow the converter wrote.
        return i >= 0 && source.Fields[i] is { } f && (f.ClrType == type || (type == typeof(string) && f.ClrType == typeof(ReadOnlyMemory<char>)))
            && (f.IsNullable == (name == BaciYearConverter.QuantityField.Name) || type == typeof(string))
            ? f
            : throw ParquetSource.Bad(source.FileName, "schema", $"has no column '{name}' of {type.Name} (found {(i >= 0 ? source.Fields[i]?.ClrType.Name + (source.Fields[i]?.IsNullable == true ? "?" : string.Empty) : "none")}): it is not a year file of a BACI conversion (convert the release again)");
    }

    private static T[] Load<T>(ParquetRowGroupReader group, DataField field, int rows)
        where T : struct
    {
        var values = new T[rows];
        group.ReadAsync<T>(field, values.AsMemory(), null, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return values;
    }

    /// <summary>A text column as slices of the library's page buffers (no string per cell), whichever form the field declares.</summary>
    private static ReadOnlyMemory<char>[] Text(ParquetRowGroupReader group, DataField field, int rows)
    {
        if (field.ClrType == typeof(string))
        {
            var strings = new string?[rows];
            group.ReadAsync(field, strings.AsMemory(), null, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            return Array.ConvertAll(strings, t => t.AsMemory());
        }

        if (field.IsNullable)
        {
            var nullable = new ReadOnlyMemory<char>?[rows];
            group.ReadAsync<ReadOnlyMemory<char>>(field, nullable.AsMemory(), null, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            return Array.ConvertAll(nullable, t => t ?? ReadOnlyMemory<char>.Empty);
        }

        return Load<ReadOnlyMemory<char>>(group, field, rows);
    }

    private static string WithoutParameter(ArgumentException e) => e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal);

    private static TradeDataException Bad(ParquetSource source, long row, string? column, string? value, string problem, Exception? inner = null) =>
        new(source.FileName, string.Create(CultureInfo.InvariantCulture, $"row {row}"), row, column, value, problem, inner);
}
