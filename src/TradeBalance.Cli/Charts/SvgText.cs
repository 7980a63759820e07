using System.Globalization;
using System.Text;
using System.Xml;
using TradeBalance.Data.Internal;

namespace TradeBalance.Cli;

/// <summary>Text and numbers as they go into an SVG file: escaped for XML and written the same in every culture.</summary>
internal static class SvgText
{
    /// <summary>
    /// The text made safe for an SVG text node or attribute: controls, bidi marks and unpaired
    /// surrogates become visible escapes (<see cref="Printable"/>, as on the terminal), any other
    /// character XML 1.0 does not allow (U+FFFE, U+FFFF) becomes <c>\uFFFE</c>, and <c>&amp; &lt; &gt; " '</c>
    /// become entities. A scenario name therefore cannot end an element or add one.
    /// </summary>
    public static string Escape(string? text)
    {
        var printable = Printable.Escape(text);
        var sb = new StringBuilder(printable.Length + 16);
        for (var i = 0; i < printable.Length; i++)
        {
            var c = printable[i];
            if (i + 1 < printable.Length && XmlConvert.IsXmlSurrogatePair(printable[i + 1], c))
            {
                sb.Append(c).Append(printable[++i]);
                continue;
            }

            _ = c switch
            {
                '&' => sb.Append("&amp;"),
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                '"' => sb.Append("&quot;"),
                '\'' => sb.Append("&apos;"),
                _ when !XmlConvert.IsXmlChar(c) => sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }

    /// <summary>A coordinate or length: at most two decimals, a point as the separator, no group separators, in every culture.</summary>
    public static string Number(double value) =>
        double.IsFinite(value) ? Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture) : "0";
}
