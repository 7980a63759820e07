using TradeBalance.Data.Internal;

namespace TradeBalance.Data;

/// <summary>
/// Writes an <see cref="OutputTable"/> as CSV: a header of the column names, then a row per table row.
/// Culture-invariant; decimals exact, doubles in round-trip ("R") form, a null an empty cell; text quoted
/// (RFC 4180) when it holds a comma, quote, line break or tab, or starts or ends with white space or starts
/// with <c>#</c> (which a reader would take for a comment); text a spreadsheet would run as a formula gets a
/// single quote in front unless <see cref="CsvWriteOptions.RawText"/>.
/// </summary>
/// <threadsafety>Stateless; safe to use from many threads.</threadsafety>
public static class OutputTableCsv
{
    /// <summary>Writes the table.</summary>
    /// <param name="table">The table.</param>
    /// <param name="writer">Where to write; not closed.</param>
    /// <param name="options">How text cells are written; null for <see cref="CsvWriteOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(OutputTable table, TextWriter writer, CsvWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(writer);
        var o = new CsvOutput(writer, (options ?? CsvWriteOptions.Default).RawText);
        o.Row([.. table.Columns.Select(c => c.Name)]);
        var columns = table.Columns;
        for (var row = 0; row < table.RowCount; row++)
        {
            for (var i = 0; i < columns.Length; i++)
            {
                if (i > 0)
                {
                    o.Comma();
                }

                var c = columns[i];
                switch (c.Type)
                {
                    case OutputColumnType.Text:
                        o.Field(c.Values<string?>()[row]);
                        break;
                    case OutputColumnType.WholeNumber:
                        if (c.Values<int?>()[row] is { } n)
                        {
                            o.Plain(CsvOutput.Number(n));
                        }

                        break;
                    case OutputColumnType.ExactNumber:
                        o.Write(c.Values<decimal?>()[row]);
                        break;
                    default:
                        if (c.Values<double?>()[row] is { } d)
                        {
                            o.Write(d);
                        }

                        break;
                }
            }

            o.EndRow();
        }
    }

    /// <summary>Writes the table to a file (UTF-8 without BOM; gzip when the name ends in <c>.gz</c>), replacing it only once complete.</summary>
    /// <param name="table">The table.</param>
    /// <param name="path">The file.</param>
    /// <param name="options">How text cells are written; null for <see cref="CsvWriteOptions.Default"/>.</param>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Write(OutputTable table, string path, CsvWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        Output.WriteText(path, w => Write(table, w, options));
    }
}
