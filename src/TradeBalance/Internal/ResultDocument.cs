using System.Globalization;
using System.Text;

namespace TradeBalance.Internal;

/// <summary>
/// A result laid out for display: a title, a line under it, tables and closing lines. One layout,
/// written as HTML (<see cref="ToHtml"/>) or Markdown (<see cref="ToMarkdown"/>), so the two always
/// show the same figures. Every piece of text is escaped for its target; numbers are formatted by
/// the builders, culture-invariantly.
/// </summary>
internal sealed class ResultDocument
{
    private const char Replacement = '\uFFFD';

    public ResultDocument(string title, string subtitle)
    {
        Title = title;
        Subtitle = subtitle;
    }

    public string Title { get; }

    public string Subtitle { get; }

    public List<ResultTable> Tables { get; } = [];

    /// <summary>Lines after the tables, for example the notes of a projection.</summary>
    public List<string> Lines { get; } = [];

    public string ToHtml()
    {
        var sb = new StringBuilder();
        sb.Append("<div class=\"tradebalance\">\n");
        sb.Append("<p><strong>").Append(Html(Title)).Append("</strong><br/>").Append(Html(Subtitle)).Append("</p>\n");
        foreach (var table in Tables)
        {
            sb.Append("<table>\n<caption>").Append(Html(table.Caption)).Append("</caption>\n<thead>\n<tr>");
            for (var i = 0; i < table.Header.Count; i++)
            {
                sb.Append("<th scope=\"col\"").Append(Align(table, i)).Append('>').Append(Html(table.Header[i])).Append("</th>");
            }

            sb.Append("</tr>\n</thead>\n<tbody>\n");
            foreach (var row in table.Rows)
            {
                HtmlRow(sb, table, row, "td");
            }

            sb.Append("</tbody>\n");
            if (table.Total is { } total)
            {
                sb.Append("<tfoot>\n");
                HtmlRow(sb, table, total, "td");
                sb.Append("</tfoot>\n");
            }

            sb.Append("</table>\n");
            if (table.Footnote is { } footnote)
            {
                sb.Append("<p>").Append(Html(footnote)).Append("</p>\n");
            }
        }

        foreach (var line in Lines)
        {
            sb.Append("<p>").Append(Html(line)).Append("</p>\n");
        }

        sb.Append("</div>");
        return sb.ToString();
    }

    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.Append("**").Append(Markdown(Title)).Append("**\n\n").Append(Markdown(Subtitle)).Append('\n');
        foreach (var table in Tables)
        {
            sb.Append("\n*").Append(Markdown(table.Caption)).Append("*\n\n");
            MarkdownRow(sb, table.Header);
            sb.Append('|');
            for (var i = 0; i < table.Header.Count; i++)
            {
                sb.Append(table.RightAligned[i] ? " ---: |" : " --- |");
            }

            sb.Append('\n');
            foreach (var row in table.Rows)
            {
                MarkdownRow(sb, row);
            }

            if (table.Total is { } total)
            {
                MarkdownRow(sb, total);
            }

            if (table.Footnote is { } footnote)
            {
                sb.Append('\n').Append(Markdown(footnote)).Append('\n');
            }
        }

        foreach (var line in Lines)
        {
            sb.Append('\n').Append(Markdown(line)).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Text escaped for HTML and XML: the five markup characters as entities, and every character that would hide, reorder or break text replaced.</summary>
    internal static string Html(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in Clean(text))
        {
            _ = c switch
            {
                '&' => sb.Append("&amp;"),
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                '"' => sb.Append("&quot;"),
                '\'' => sb.Append("&#39;"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }

    /// <summary>Text escaped for Markdown: every character CommonMark or a table reads as markup behind a backslash, and every character that would hide, reorder or break text replaced.</summary>
    internal static string Markdown(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in Clean(text))
        {
            if (c is '\\' or '`' or '*' or '_' or '{' or '}' or '[' or ']' or '<' or '>' or '(' or ')' or '#' or '+' or '!' or '|' or '~' or '&' or '$')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>
    /// Replaces controls (C0, DEL, C1, line breaks and tabs), format characters (bidi controls,
    /// zero-width marks, the byte-order mark), line and paragraph separators and unpaired surrogates
    /// with U+FFFD: none is allowed in XML 1.0 or harmless in a table cell.
    /// </summary>
    private static string Clean(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (char.IsHighSurrogate(c) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
                continue;
            }

            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (char.IsSurrogate(c) || category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.OtherNotAssigned
                || c is '\uFFFE' or '\uFFFF')
            {
                chars[i] = Replacement;
            }
        }

        return new string(chars);
    }

    private static string Align(ResultTable table, int column) => table.RightAligned[column] ? " style=\"text-align:right\"" : string.Empty;

    private static void HtmlRow(StringBuilder sb, ResultTable table, IReadOnlyList<string> cells, string tag)
    {
        sb.Append("<tr>");
        for (var i = 0; i < cells.Count; i++)
        {
            // The first cell names the row: a header cell for screen readers.
            var cellTag = i == 0 ? "th" : tag;
            sb.Append('<').Append(cellTag).Append(i == 0 ? " scope=\"row\"" : string.Empty).Append(Align(table, i)).Append('>')
              .Append(Html(cells[i])).Append("</").Append(cellTag).Append('>');
        }

        sb.Append("</tr>\n");
    }

    private static void MarkdownRow(StringBuilder sb, IReadOnlyList<string> cells)
    {
        sb.Append('|');
        foreach (var cell in cells)
        {
            sb.Append(' ').Append(Markdown(cell)).Append(" |");
        }

        sb.Append('\n');
    }
}

/// <summary>One table of a <see cref="ResultDocument"/>: a caption, a header, rows of text cells, an optional total row and a line under it.</summary>
internal sealed class ResultTable
{
    public ResultTable(string caption, params (string Name, bool Right)[] columns)
    {
        Caption = caption;
        Header = [.. columns.Select(c => c.Name)];
        RightAligned = [.. columns.Select(c => c.Right)];
    }

    public string Caption { get; }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<bool> RightAligned { get; }

    public List<IReadOnlyList<string>> Rows { get; } = [];

    public IReadOnlyList<string>? Total { get; set; }

    public string? Footnote { get; set; }

    public void Add(params string[] cells)
    {
        if (cells.Length != Header.Count)
        {
            throw new InvalidOperationException($"A row of {cells.Length} cells in a table of {Header.Count} columns.");
        }

        Rows.Add(cells);
    }
}
