using System.Text;

namespace TradeBalance.Internal;

/// <summary>
/// Splits one line of delimited text into fields, RFC 4180 style: a double quote opens and closes a quoted
/// field, a doubled quote inside it is one quote, and a delimiter inside it is text. The one splitter for
/// single lines: the embedded tables here, and header lines and small embedded tables in TradeBalance.Data
/// (whose records are split by Sylvan.Data.Csv).
/// </summary>
internal static class CsvLine
{
    /// <summary>Returns the fields of <paramref name="line"/>, each trimmed of white space when <paramref name="trim"/> is set.</summary>
    internal static string[] Split(string line, char delimiter, bool trim)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < line.Length && line[i + 1] == '"')
                    {
                        current.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                fields.Add(Field(current, trim));
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(Field(current, trim));
        return [.. fields];
    }

    private static string Field(StringBuilder current, bool trim) => trim ? current.ToString().Trim() : current.ToString();
}
