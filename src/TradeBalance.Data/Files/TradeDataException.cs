using System.Globalization;
using TradeBalance.Data.Internal;

namespace TradeBalance.Data;

/// <summary>
/// A data file holds a value TradeBalance cannot accept: the exception names the file, the line,
/// the column (or JSON path) and the offending value, for example
/// <c>flows.csv:17: column 'value_usd': '-5' is negative</c>.
/// </summary>
/// <remarks>
/// <para>Every reader in <c>TradeBalance.Data</c> throws this exception for bad input (an unknown
/// country or HS code, a negative or non-numeric value, a missing required column, a row with the
/// wrong number of fields, a duplicate flow, an unknown JSON field) instead of skipping the row:
/// rows are only ever skipped by a documented rule, and counted in the <see cref="ReadReport"/>.</para>
/// <para><see cref="Line"/> is the 1-based physical line of the file (comment lines and line
/// breaks inside quoted fields included), so an editor's "go to line" lands on the row. A Parquet
/// file has rows, not lines: there <see cref="Line"/> is the 1-based row number counted over the
/// whole file (0 for the footer or schema), and the message names the row group and the 0-based
/// index in it instead of <c>file:line</c>, for example
/// <c>flows.parquet: row 17 (row group 0, index 16): column 'value_usd': '-5' is negative</c>.</para>
/// <para>The <see cref="Exception.Message"/> is safe to print to a terminal: control characters (NUL,
/// ESC, tab, line breaks, DEL, C1), bidirectional marks, overrides and isolates, the line and paragraph
/// separators and invisible zero-width characters in the file name, column, value or problem appear
/// as visible escapes such as <c>\x1B</c> or <c>\u202E</c>, and a value longer than 200 characters is
/// cut (the message says how long it was). The properties hold the text unchanged.</para>
/// </remarks>
/// <threadsafety>Instances are immutable once thrown and safe to read from any thread.</threadsafety>
public sealed class TradeDataException : Exception
{
    /// <summary>Creates an exception for a bad value in a data file.</summary>
    /// <param name="fileName">The file as the caller named it, for example <c>flows.csv</c>.</param>
    /// <param name="line">The 1-based line.</param>
    /// <param name="column">The column name, or a JSON path starting with <c>$</c>; null when the problem concerns the whole line or file.</param>
    /// <param name="value">The offending value as it appears in the file; null when there is none.</param>
    /// <param name="problem">What is wrong, phrased to follow the value, for example <c>is negative</c>.</param>
    /// <param name="innerException">The exception that revealed the problem, if any.</param>
    public TradeDataException(string fileName, long line, string? column, string? value, string problem, Exception? innerException = null)
        : base(Compose(fileName, line, column, value, problem), innerException)
    {
        FileName = fileName ?? string.Empty;
        Line = line;
        Column = column;
        Value = value;
        Problem = problem ?? string.Empty;
    }

    /// <summary>Creates an exception for a bad value in a file whose places are not lines (a Parquet file's rows).</summary>
    /// <param name="fileName">The file as the caller named it.</param>
    /// <param name="where">The place in words, for example <c>row 17 (row group 0, index 16)</c> or <c>footer</c>.</param>
    /// <param name="line">The 1-based row, or 0 when the problem is not in one row.</param>
    /// <param name="column">The column name, or null.</param>
    /// <param name="value">The offending value as text, or null.</param>
    /// <param name="problem">What is wrong.</param>
    /// <param name="innerException">The exception that revealed the problem, if any.</param>
    internal TradeDataException(string fileName, string where, long line, string? column, string? value, string problem, Exception? innerException)
        : base(Compose(fileName, where, column, value, problem), innerException)
    {
        FileName = fileName ?? string.Empty;
        Line = line;
        Column = column;
        Value = value;
        Problem = problem ?? string.Empty;
    }

    /// <summary>Creates an exception with a message only (no file position).</summary>
    public TradeDataException()
        : this("a data file holds a value TradeBalance cannot accept")
    {
    }

    /// <summary>Creates an exception with a message only (no file position).</summary>
    /// <param name="message">The message.</param>
    public TradeDataException(string message)
        : base(Printable.Escape(message))
    {
        FileName = string.Empty;
        Problem = message ?? string.Empty;
    }

    /// <summary>Creates an exception with a message and a cause (no file position).</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public TradeDataException(string message, Exception? innerException)
        : base(Printable.Escape(message), innerException)
    {
        FileName = string.Empty;
        Problem = message ?? string.Empty;
    }

    /// <summary>Gets the file as the caller named it (unescaped); empty when unknown.</summary>
    public string FileName { get; }

    /// <summary>Gets the 1-based line of the problem (for a Parquet file, the 1-based row); 0 when unknown.</summary>
    public long Line { get; }

    /// <summary>Gets the column name (CSV) or the JSON path (JSON, starting with <c>$</c>), or null.</summary>
    public string? Column { get; }

    /// <summary>Gets the offending value as written in the file (unescaped and uncut), or null.</summary>
    public string? Value { get; }

    /// <summary>Gets what is wrong, without the position, for example <c>is negative</c>.</summary>
    public string Problem { get; }

    private static string Compose(string fileName, long line, string? column, string? value, string problem) =>
        Compose(string.Create(CultureInfo.InvariantCulture, $"{Printable.Escape(fileName)}:{line}: "), column, value, problem);

    private static string Compose(string fileName, string where, string? column, string? value, string problem) =>
        Compose($"{Printable.Escape(fileName)}: {where}: ", column, value, problem);

    private static string Compose(string where, string? column, string? value, string problem)
    {
        var what = column is null ? string.Empty : column.StartsWith('$') ? Printable.Escape(column) + ": " : $"column '{Printable.Escape(column)}': ";
        var val = value is null ? string.Empty : $"'{Printable.Value(value)}' ";
        return where + what + val + Printable.Escape(problem);
    }
}
