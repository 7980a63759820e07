using System.Globalization;
using System.Text;
using System.Xml;

namespace TradeBalance.Data.Internal.Spreadsheets.Xlsx;

/// <summary>Small XmlReader steps the xlsx parts share: elements are matched by local name, so both
/// transitional and strict OOXML namespaces read alike.</summary>
internal static class XlsxXml
{
    /// <summary>
    /// The deepest element nesting accepted. A worksheet needs 6 (worksheet, sheetData, row, c, is, r, t);
    /// XmlReader keeps a node per open element, so a part of nothing but opening tags would otherwise cost
    /// memory in proportion to its size many times over.
    /// </summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// The most attributes one element may have. XmlReader checks each new attribute against the element's
    /// others in time that grows faster than their count (measured: 190,000 attributes in 2 MB take 0.8 s,
    /// 1.4 million in 16 MB take 35 s and 460 MB), so a part of one crowded element would all but hang it.
    /// The busiest element of a real part (the worksheet root with its namespaces) has a dozen or so.
    /// </summary>
    public const int MaxAttributes = 256;

    /// <summary>
    /// The byte offset of the first element with more than <see cref="MaxAttributes"/> attributes, found by a
    /// linear scan before XmlReader sees the part; null when there is none. Comments, CDATA sections and
    /// processing instructions are stepped over whole, and quoted values (which may hold '=' and '&gt;'),
    /// so well-formed XML is scanned exactly; whatever XML is not well-formed, XmlReader refuses.
    /// </summary>
    public static long? FindCrowdedElement(ReadOnlySpan<byte> xml)
    {
        var i = 0;
        while (i < xml.Length)
        {
            var open = xml[i..].IndexOf((byte)'<');
            if (open < 0)
            {
                return null;
            }

            var start = i + open;
            var rest = xml[start..];
            if (rest.StartsWith("<!--"u8) || rest.StartsWith("<![CDATA["u8) || rest.StartsWith("<?"u8))
            {
                ReadOnlySpan<byte> end = rest[1] == (byte)'?' ? "?>"u8 : rest[2] == (byte)'-' ? "-->"u8 : "]]>"u8;
                var close = rest[2..].IndexOf(end);
                if (close < 0)
                {
                    return null;
                }

                i = start + 2 + close + end.Length;
                continue;
            }

            var count = 0;
            byte quote = 0;
            i = start + 1;
            for (; i < xml.Length; i++)
            {
                var b = xml[i];
                if (quote != 0)
                {
                    quote = b == quote ? (byte)0 : quote;
                }
                else if (b is (byte)'"' or (byte)'\'')
                {
                    quote = b;
                }
                else if (b == (byte)'=' && ++count > MaxAttributes)
                {
                    return start;
                }
                else if (b == (byte)'>')
                {
                    break;
                }
            }

            i++;
        }

        return null;
    }

    /// <summary>Moves to the next node, refusing nesting deeper than <see cref="MaxDepth"/>.</summary>
    /// <exception cref="XmlException">The nesting is too deep (the caller names the part and line).</exception>
    public static bool Next(XmlReader r)
    {
        if (!r.Read())
        {
            return false;
        }

        return r.Depth <= MaxDepth
            ? true
            : throw new XmlException(string.Create(CultureInfo.InvariantCulture, $"elements are nested more than {MaxDepth} deep"), null,
                (r as IXmlLineInfo)?.LineNumber ?? 0, (r as IXmlLineInfo)?.LinePosition ?? 0);
    }

    /// <summary>
    /// The text inside the element the reader is on, nested elements' text included; leaves the reader on
    /// the element's end (or on the element itself when it is empty).
    /// </summary>
    /// <returns>Null when the text would exceed <paramref name="maxChars"/>.</returns>
    public static string? TextContent(XmlReader r, int maxChars = SpreadsheetLimits.MaxCellChars)
    {
        if (r.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = r.Depth;
        var sb = new StringBuilder();
        while (XlsxXml.Next(r) && !(r.NodeType == XmlNodeType.EndElement && r.Depth == depth))
        {
            if (IsText(r.NodeType))
            {
                sb.Append(r.Value);
                if (sb.Length > maxChars)
                {
                    return null;
                }
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// The text of a rich string (a shared string's <c>si</c> or an inline <c>is</c>): every <c>t</c>, in
    /// runs or not, except the phonetic guides (<c>rPh</c>) Excel keeps beside East Asian text.
    /// </summary>
    /// <returns>Null when the text would exceed <see cref="SpreadsheetLimits.MaxCellChars"/>.</returns>
    public static string? RichText(XmlReader r)
    {
        if (r.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = r.Depth;
        var sb = new StringBuilder();
        var phoneticDepth = -1;
        var textDepth = -1;
        while (XlsxXml.Next(r) && !(r.NodeType == XmlNodeType.EndElement && r.Depth == depth))
        {
            switch (r.NodeType)
            {
                case XmlNodeType.Element when r.LocalName == "rPh" && !r.IsEmptyElement && phoneticDepth < 0:
                    phoneticDepth = r.Depth;
                    break;
                case XmlNodeType.Element when r.LocalName == "t" && !r.IsEmptyElement && phoneticDepth < 0:
                    textDepth = r.Depth;
                    break;
                case XmlNodeType.EndElement when r.Depth == phoneticDepth:
                    phoneticDepth = -1;
                    break;
                case XmlNodeType.EndElement when r.Depth == textDepth:
                    textDepth = -1;
                    break;
                case var t when IsText(t) && textDepth >= 0:
                    sb.Append(r.Value);
                    if (sb.Length > SpreadsheetLimits.MaxCellChars)
                    {
                        return null;
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>An attribute by local name whatever its namespace (r:id is in one of two, by OOXML flavour).</summary>
    public static string? AttributeByLocalName(XmlReader r, string localName, bool namespaced)
    {
        if (!r.MoveToFirstAttribute())
        {
            return null;
        }

        try
        {
            do
            {
                if (r.LocalName == localName && (r.NamespaceURI.Length > 0) == namespaced)
                {
                    return r.Value;
                }
            }
            while (r.MoveToNextAttribute());
            return null;
        }
        finally
        {
            r.MoveToElement();
        }
    }

    private static bool IsText(XmlNodeType t) =>
        t is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace;
}
