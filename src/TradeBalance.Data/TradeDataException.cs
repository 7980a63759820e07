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
/// breaks inside quoted fields included), so an editor's "go to line" lands on the row.</para>
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

    /// <summary>Gets the 1-based line of the problem; 0 when unknown.</summary>
    public long Line { get; }

    /// <summary>Gets the column name (CSV) or the JSON path (JSON, starting with <c>$</c>), or null.</summary>
    public string? Column { get; }

    /// <summary>Gets the offending value as written in the file (unescaped and uncut), or null.</summary>
    public string? Value { get; }

    /// <summary>Gets what is wrong, without the position, for example <c>is negative</c>.</summary>
    public string Problem { get; }

    private static string Compose(string fileName, long line, string? column, string? value, string problem)
    {
        var where = string.Create(CultureInfo.InvariantCulture, $"{Printable.Escape(fileName)}:{line}: ");
        var what = column is null ? string.Empty : column.StartsWith('$') ? Printable.Escape(column) + ": " : $"column '{Printable.Escape(column)}': ";
        var val = value is null ? string.Empty : $"'{Printable.Value(value)}' ";
        return where + what + val + Printable.Escape(problem);
    }
}
