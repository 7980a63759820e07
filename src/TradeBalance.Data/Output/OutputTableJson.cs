using System.Text.Json;
using TradeBalance.Data.Internal;

namespace TradeBalance.Data;

/// <summary>
/// Writes an <see cref="OutputTable"/> into a JSON document: <c>"columns"</c>, each column's name,
/// type (<c>string</c>, <c>integer</c>, <c>number</c>), unit and meaning, and <c>"rows"</c>, one object
/// per row keyed by the column names, a null written as <c>null</c>. Decimals are exact.
/// </summary>
/// <threadsafety>Stateless; safe to use from many threads.</threadsafety>
public static class OutputTableJson
{
    /// <summary>Writes the property <c>"columns"</c>: the documentation travels with the rows.</summary>
    /// <param name="writer">The writer, inside an object.</param>
    /// <param name="table">The table.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void WriteColumns(Utf8JsonWriter writer, OutputTable table)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(table);
        writer.WriteStartArray("columns");
        foreach (var c in table.Columns)
        {
            writer.WriteStartObject();
            writer.WriteString("name", c.Name);
            writer.WriteString("type", c.Type switch
            {
                OutputColumnType.Text => "string",
                OutputColumnType.WholeNumber => "integer",
                _ => "number",
            });
            writer.WriteString("unit", c.Unit);
            writer.WriteString("meaning", c.Meaning);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes the property <c>"rows"</c>: an object per row, keyed by the column names.</summary>
    /// <param name="writer">The writer, inside an object.</param>
    /// <param name="table">The table.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void WriteRows(Utf8JsonWriter writer, OutputTable table)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(table);
        writer.WriteStartArray("rows");
        for (var row = 0; row < table.RowCount; row++)
        {
            JsonStreaming.FlushIfFull(writer);
            writer.WriteStartObject();
            foreach (var c in table.Columns)
            {
                // Typed reads, as the CSV writer does: no value is boxed per cell.
                switch (c.Type)
                {
                    case OutputColumnType.Text when c.Values<string?>()[row] is { } text:
                        writer.WriteString(c.Name, text);
                        break;
                    case OutputColumnType.WholeNumber when c.Values<int?>()[row] is { } whole:
                        writer.WriteNumber(c.Name, whole);
                        break;
                    case OutputColumnType.ExactNumber when c.Values<decimal?>()[row] is { } exact:
                        writer.WriteNumber(c.Name, exact);
                        break;
                    case OutputColumnType.FloatingPoint when c.Values<double?>()[row] is { } floating:
                        writer.WriteNumber(c.Name, floating);
                        break;
                    default:
                        writer.WriteNull(c.Name);
                        break;
                }
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
