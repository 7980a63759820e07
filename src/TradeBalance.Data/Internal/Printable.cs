using System.Globalization;
using System.Text;

namespace TradeBalance.Data.Internal;

/// <summary>
/// Makes text from a file or a command line safe to print: characters a terminal would act on or
/// that would hide or reorder what is shown become visible escapes. C0 controls (NUL, ESC, tab, line
/// breaks…) and DEL read <c>\x1B</c> (<c>\t</c>, <c>\n</c>, <c>\r</c> for those three); C1 controls,
/// bidirectional marks, embeddings, overrides and isolates, the line and paragraph separators, the
/// invisible zero-width space, word joiner and byte-order mark, and unpaired surrogates read
/// <c>\u202E</c>. Everything else, a backslash included, is left as it is, so escaping twice changes
/// nothing.
/// </summary>
/// <remarks>
/// One source file, compiled into <c>TradeBalance.Data</c> (for <see cref="TradeDataException"/>
/// messages) and linked into the <c>tradebalance</c> tool (for everything it prints).
/// </remarks>
internal static class Printable
{
    /// <summary>Values longer than this many characters are cut in messages.</summary>
    public const int MaxValueLength = 200;

    /// <summary>Whether the character must be escaped (a surrogate counts only when unpaired; see <see cref="Escape"/>).</summary>
    public static bool IsUnsafe(char c) =>
        c < '\u0020'
        || c is >= '\u007F' and <= '\u009F'
        || c is '\u061C' or '\u200B' or '\u200E' or '\u200F' or '\u2028' or '\u2029' or '\u2060' or '\uFEFF'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';

    /// <summary>The text with every unsafe character escaped; the same instance when there is none.</summary>
    /// <param name="text">The text; null gives the empty string.</param>
    /// <param name="keepLineBreaks">Leave <c>\n</c> as it is, for text of several lines the tool itself composed.</param>
    public static string Escape(string? text, bool keepLineBreaks = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var first = FirstUnsafe(text, keepLineBreaks);
        if (first < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        sb.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (c == '\n' && keepLineBreaks)
            {
                sb.Append(c);
            }
            else if (IsUnsafe(c) || char.IsSurrogate(c))
            {
                AppendEscape(sb, c);
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>A value for a message: escaped, and cut to its first characters when longer than <see cref="MaxValueLength"/>.</summary>
    /// <remarks>The result is meant to be quoted: <c>'…'</c>. A cut value ends in an ellipsis and says how long it was.</remarks>
    public static string Value(string? value)
    {
        value ??= string.Empty;
        if (value.Length <= MaxValueLength)
        {
            return Escape(value);
        }

        var cut = MaxValueLength - 40;
        if (char.IsHighSurrogate(value[cut - 1]))
        {
            cut--;
        }

        return Escape(value[..cut]) + string.Create(CultureInfo.InvariantCulture, $"… ({value.Length:N0} characters)");
    }

    /// <summary>The index of the first character <see cref="Escape"/> would change, or -1.</summary>
    public static int FirstUnsafe(string text, bool keepLineBreaks = false)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= '\u0020' and < '\u007F')
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if ((IsUnsafe(c) || char.IsSurrogate(c)) && !(c == '\n' && keepLineBreaks))
            {
                return i;
            }
        }

        return -1;
    }

    private static void AppendEscape(StringBuilder sb, char c)
    {
        switch (c)
        {
            case '\t':
                sb.Append("\\t");
                break;
            case '\n':
                sb.Append("\\n");
                break;
            case '\r':
                sb.Append("\\r");
                break;
            default:
                if (c < '\u0080')
                {
                    sb.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}");
                }
                else
                {
                    sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                }

                break;
        }
    }
}
