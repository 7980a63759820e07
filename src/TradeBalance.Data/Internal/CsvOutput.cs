using System.Globalization;
using System.Text;

namespace TradeBalance.Data.Internal;

/// <summary>
/// Writes RFC 4180 rows: comma-separated, '\n' line ends, fields quoted only when they must be. Unless
/// <paramref name="rawText"/>, a text field a spreadsheet would run as a formula gets a single quote in front.
/// </summary>
/// <param name="writer">Where the rows go.</param>
/// <param name="rawText">Write text fields exactly as they are (<see cref="CsvWriteOptions.RawText"/>).</param>
internal sealed class CsvOutput(TextWriter writer, bool rawText = false)
{
    /// <summary>UTF-8 without a BOM, the encoding of every file TradeBalance writes.</summary>
    public static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public void Row(params ReadOnlySpan<string?> fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            Field(fields[i]);
        }

        writer.Write('\n');
    }

    /// <summary>Writes one row of fields that never need quoting (codes), then numbers, formatted into a stack buffer: no string per field.</summary>
    /// <remarks>The text is the same as <see cref="Number(decimal)"/> and <see cref="Number(double)"/> give; used on paths that write a row per flow.</remarks>
    public void Plain(string field) => writer.Write(field);

    /// <summary>Writes a field separator.</summary>
    public void Comma() => writer.Write(',');

    /// <summary>Ends a row.</summary>
    public void EndRow() => writer.Write('\n');

    /// <summary>Writes a decimal as <see cref="Number(decimal)"/> formats it, or nothing for null.</summary>
    public void Write(decimal? value)
    {
        if (value is not { } v)
        {
            return;
        }

        Span<char> buffer = stackalloc char[64];
        writer.Write(v.TryFormat(buffer, out var n, default, CultureInfo.InvariantCulture) ? buffer[..n] : Number(v));
    }

    /// <summary>Writes a double as <see cref="Number(double)"/> formats it.</summary>
    public void Write(double value)
    {
        Span<char> buffer = stackalloc char[64];
        writer.Write(value.TryFormat(buffer, out var n, "R", CultureInfo.InvariantCulture) ? buffer[..n] : Number(value));
    }

    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(decimal? value) => value is null ? string.Empty : Number(value.Value);

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes one field, quoted when it must be.</summary>
    public void Field(string? s)
    {
        if (string.IsNullOrEmpty(s))
        {
            return;
        }

        if (!rawText && RunsAsFormula(s))
        {
            // The OWASP rule against CSV injection: a leading quote makes a spreadsheet show the text, not run it.
            s = "'" + s;
        }

        // Any C0 control (tab and line breaks among them) is quoted: readers refuse one outside a quoted field.
        var quote = s.AsSpan().IndexOfAny(",\"") >= 0 || s.AsSpan().IndexOfAnyInRange('\0', '\u001F') >= 0 || char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1]) || s[0] == '#';
        if (!quote)
        {
            writer.Write(s);
            return;
        }

        writer.Write('"');
        writer.Write(s.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }

    /// <summary>
    /// Whether a spreadsheet would take the text for a formula: it starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>,
    /// a tab or a carriage return, and is not a number (<c>-5</c>, <c>+1.5E-3</c> and <c>-.25</c> stay as they are).
    /// </summary>
    internal static bool RunsAsFormula(string s)
    {
        if (s.Length == 0 || s[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r'))
        {
            return false;
        }

        return !(s[0] is '+' or '-' && s.Length > 1 && (char.IsAsciiDigit(s[1]) || s[1] == '.')
            && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
    }
}
