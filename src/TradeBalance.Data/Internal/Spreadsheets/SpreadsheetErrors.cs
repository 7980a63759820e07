namespace TradeBalance.Data.Internal.Spreadsheets;

/// <summary>The refusals the spreadsheet readers give: a <see cref="TradeDataException"/> naming the file and the place.</summary>
internal static class SpreadsheetErrors
{
    /// <summary>An error at a place in words, for example <c>sheet 'Data', cell C7</c> or <c>CFB sector 12</c>.</summary>
    /// <param name="fileName">The file as the caller named it.</param>
    /// <param name="where">The place in words.</param>
    /// <param name="problem">What is wrong.</param>
    /// <param name="row">The 1-based row when the place is in one, else 0.</param>
    /// <param name="value">The offending text, if any.</param>
    /// <param name="inner">The exception that revealed it, if any.</param>
    public static TradeDataException At(string fileName, string where, string problem, long row = 0, string? value = null, Exception? inner = null) =>
        new(fileName, where, row, null, value, problem, inner);

    /// <summary>The place of a cell in words: <c>sheet 'Data', cell C7</c>.</summary>
    public static string Cell(string sheet, int column, int row) => $"sheet '{sheet}', cell {CellReference.Format(column, row)}";

    /// <summary>The place of a sheet in words: <c>sheet 'Data'</c>.</summary>
    public static string Sheet(string sheet) => $"sheet '{sheet}'";
}
