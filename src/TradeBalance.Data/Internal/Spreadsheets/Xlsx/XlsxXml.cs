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
