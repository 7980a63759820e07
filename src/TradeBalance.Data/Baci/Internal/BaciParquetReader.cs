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
    /// <param name="source">The year file.</param>
    /// <param name="year">The year the manifest gives it.</param>
    /// <param name="label">Every flow's source label, as the converter wrote it (the column holds it on every row, for other
    /// readers; decoding a long text per row cost a third of the read, so it is not read here).</param>
    /// <param name="flows">Where the flows go.</param>
    public static long Read(ParquetSource source, int year, string label, List<TradeFlow> flows)
    {
        var fields = Columns.Select(c => Field(source, c.Field.Name, c.Type)).ToArray();
        // Sequential: reading the row groups in parallel, each part through its own reader, measured slower on two busy cores.
        ReadGroups(source, source.Reader, fields, 0, source.GroupStarts.Length - 1, year, label, flows);
        return source.GroupStarts[^1];
    }

    /// <summary>Reads the row groups [from, to) through a reader of the file into flows.</summary>
    private static void ReadGroups(ParquetSource source, ParquetReader reader, DataField[] fields, int from, int to, int year, string label, List<TradeFlow> flows)
    {
        var countries = new Dictionary<string, Country>(StringComparer.Ordinal);
        var hsCodes = new Dictionary<string, HsCode>(StringComparer.Ordinal);
        // Rows come sorted by exporter, then importer: the previous row's country is nearly always the one wanted.
        var (lastExporter, lastImporter) = ((ReadOnlyMemory<char>.Empty, (Country?)null), (ReadOnlyMemory<char>.Empty, (Country?)null));
        for (var g = from; g < to; g++)
        {
            var rows = checked((int)(source.GroupStarts[g + 1] - source.GroupStarts[g]));
            int[] years;
            ReadOnlyMemory<char>[] exporters, importers, hs;
            double[] values;
            double?[] quantities;
            byte[] valueDecimals, quantityDecimals;
            try
            {
                using var group = reader.OpenRowGroupReader(g);
                years = Load<int>(group, fields[0], rows);
                exporters = Text(group, fields[1], rows);
                importers = Text(group, fields[2], rows);
                hs = Text(group, fields[3], rows);
                values = Load<double>(group, fields[4], rows);
                quantities = new double?[rows];
                group.ReadAsync<double>(fields[5], quantities.AsMemory(), null, CancellationToken.None).AsTask().GetAwaiter().GetResult();
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

                var exporter = Last(ref lastExporter, countries, exporters[r], source, row, "exporter");
                var importer = Last(ref lastImporter, countries, importers[r], source, row, "importer");
                try
                {
                    flows.Add(new TradeFlow(exporter, importer, Lookup(hsCodes, hs[r], source, row), year, new Money(value, Currency.Usd), quantity, label));
                }
                catch (ArgumentException e)
                {
                    throw Bad(source, row, null, null, WithoutParameter(e), e);
                }
            }
        }
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

    /// <summary>The row's country: the previous row's when the code is the same, else looked up.</summary>
    private static Country Last(ref (ReadOnlyMemory<char> Code, Country? Country) last, Dictionary<string, Country> cache, ReadOnlyMemory<char> code, ParquetSource source, long row, string column)
    {
        if (last.Country is { } same && code.Span.SequenceEqual(last.Code.Span))
        {
            return same;
        }

        var c = Lookup(cache, code, source, row, column);
        last = (code, c);
        return c;
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
