using System.Globalization;
using System.Xml;

namespace TradeBalance.Data.Internal.Spreadsheets.Xlsx;

/// <summary>
/// Reads an xlsx workbook (Office Open XML) as text: the package relationships lead to the workbook part, its
/// relationships to the worksheets and the shared-string table. Cell values are taken as stored (a formula's
/// cached value, never recalculated).
/// </summary>
internal static class XlsxReader
{
    /// <summary>Reads the workbook held in <paramref name="bytes"/> (a zip archive).</summary>
    public static Workbook Read(string fileName, byte[] bytes)
    {
        using var package = XlsxPackage.Open(fileName, bytes);
        var workbookPart = XlsxRelationships.Read(package, string.Empty).FirstOfType("/officeDocument")
            ?? throw SpreadsheetErrors.At(fileName, "part '_rels/.rels'", "names no workbook (officeDocument relationship): is this an xlsx file?");
        var rels = XlsxRelationships.Read(package, workbookPart);
        var sharedStringsPart = rels.FirstOfType("/sharedStrings");
        var sharedStrings = sharedStringsPart is null ? [] : ReadSharedStrings(package, sharedStringsPart);
        var budget = new CellBudget(fileName);
        var sheets = new List<Worksheet>();
        var parts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, relId) in ReadSheetList(package, workbookPart))
        {
            var target = rels.Find(relId)
                ?? throw SpreadsheetErrors.At(fileName, SpreadsheetErrors.Sheet(name), $"names relationship '{relId}', which part '{workbookPart}' does not declare");
            if (!target.Type.EndsWith("/worksheet", StringComparison.Ordinal))
            {
                continue; // a chart, macro or dialog sheet: no cells
            }

            if (!parts.Add(target.Target))
            {
                throw SpreadsheetErrors.At(fileName, SpreadsheetErrors.Sheet(name), $"names part '{target.Target}', which another sheet already names: refused rather than read twice");
            }

            sheets.Add(ReadSheet(package, target.Target, new SheetBuilder(fileName, name, budget), sharedStrings));
        }

        return new Workbook(fileName, sheets);
    }

    private static List<(string Name, string RelId)> ReadSheetList(XlsxPackage package, string part)
    {
        var list = new List<(string, string)>();
        try
        {
            using var r = package.ReadXml(part);
            while (XlsxXml.Next(r))
            {
                if (r.NodeType != XmlNodeType.Element || r.LocalName != "sheet")
                {
                    continue;
                }

                var name = r.GetAttribute("name");
                var id = XlsxXml.AttributeByLocalName(r, "id", namespaced: true);
                if (name is null || id is null)
                {
                    throw SpreadsheetErrors.At(package.FileName, $"part '{part}', sheet {list.Count + 1}", "has no name or no r:id");
                }

                if (list.Count >= SpreadsheetLimits.MaxSheets)
                {
                    throw SpreadsheetErrors.At(package.FileName, $"part '{part}'", string.Create(CultureInfo.InvariantCulture, $"declares more than {SpreadsheetLimits.MaxSheets:N0} sheets"));
                }

                list.Add((name, id));
            }
        }
        catch (XmlException e)
        {
            throw package.BadXml(part, e);
        }

        return list;
    }

    private static List<string> ReadSharedStrings(XlsxPackage package, string part)
    {
        var strings = new List<string>();
        try
        {
            using var r = package.ReadXml(part);
            while (XlsxXml.Next(r))
            {
                if (r.NodeType != XmlNodeType.Element || r.LocalName != "si")
                {
                    continue;
                }

                var where = string.Create(CultureInfo.InvariantCulture, $"part '{part}', shared string {strings.Count}");
                if (strings.Count >= SpreadsheetLimits.MaxSharedStrings)
                {
                    throw SpreadsheetErrors.At(package.FileName, where, string.Create(CultureInfo.InvariantCulture, $"is beyond the {SpreadsheetLimits.MaxSharedStrings:N0} shared strings a workbook may hold"));
                }

                strings.Add(XlsxXml.RichText(r) ?? throw TooLong(package.FileName, where));
            }
        }
        catch (XmlException e)
        {
            throw package.BadXml(part, e);
        }

        return strings;
    }

    private static Worksheet ReadSheet(XlsxPackage package, string part, SheetBuilder sheet, List<string> sharedStrings)
    {
        try
        {
            using var r = package.ReadXml(part);
            var row = 0;
            var nextColumn = 0;
            while (XlsxXml.Next(r))
            {
                if (r.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (r.LocalName == "row")
                {
                    row = RowNumber(package.FileName, sheet.Name, r.GetAttribute("r"), row);
                    nextColumn = 0;
                }
                else if (r.LocalName == "c")
                {
                    nextColumn = ReadCell(package.FileName, r, sheet, row, nextColumn, sharedStrings) + 1;
                }
            }
        }
        catch (XmlException e)
        {
            throw package.BadXml(part, e);
        }

        return sheet.Build();
    }

    // Rows come in increasing order (ECMA-376 18.3.1.73); r may be left out, meaning the next row.
    private static int RowNumber(string fileName, string sheet, string? text, int previous)
    {
        if (text is null)
        {
            return previous < SpreadsheetLimits.MaxRows
                ? previous + 1
                : throw SpreadsheetErrors.At(fileName, SpreadsheetErrors.Sheet(sheet), "has a row beyond the last row a sheet may have");
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > SpreadsheetLimits.MaxRows)
        {
            throw SpreadsheetErrors.At(fileName, SpreadsheetErrors.Sheet(sheet), string.Create(CultureInfo.InvariantCulture, $"has a row number that is not between 1 and {SpreadsheetLimits.MaxRows:N0}"), value: text);
        }

        if (n <= previous)
        {
            throw SpreadsheetErrors.At(fileName, string.Create(CultureInfo.InvariantCulture, $"sheet '{sheet}', row {n}"), string.Create(CultureInfo.InvariantCulture, $"comes after row {previous}: rows must be in increasing order"), n);
        }

        return n;
    }

    /// <returns>The cell's 0-based column.</returns>
    private static int ReadCell(string fileName, XmlReader r, SheetBuilder sheet, int row, int nextColumn, List<string> sharedStrings)
    {
        var reference = r.GetAttribute("r");
        var type = r.GetAttribute("t") ?? "n";
        int column;
        if (reference is null)
        {
            column = nextColumn;
        }
        else if (!CellReference.TryParse(reference, out column, out var refRow) || refRow != row)
        {
            throw SpreadsheetErrors.At(fileName, string.Create(CultureInfo.InvariantCulture, $"sheet '{sheet.Name}', row {row}"), "is not a cell reference in this row", row, reference);
        }

        if (row == 0 || column >= SpreadsheetLimits.MaxColumns)
        {
            throw SpreadsheetErrors.At(fileName, SpreadsheetErrors.Sheet(sheet.Name), "has a cell outside any row or beyond the last column", row, reference);
        }

        var where = new CellPlace(sheet.Name, column, row);
        string? value = null;
        string? inline = null;
        if (!r.IsEmptyElement)
        {
            var depth = r.Depth;
            while (XlsxXml.Next(r) && !(r.NodeType == XmlNodeType.EndElement && r.Depth == depth))
            {
                if (r.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                switch (r.LocalName)
                {
                    case "v":
                        value = XlsxXml.TextContent(r) ?? throw TooLong(fileName, where);
                        break;
                    case "is":
                        inline = XlsxXml.RichText(r) ?? throw TooLong(fileName, where);
                        break;
                    default:
                        // A formula (f) or an extension: its text is not the cell's value.
                        _ = XlsxXml.TextContent(r, int.MaxValue);
                        break;
                }
            }
        }

        var text = type switch
        {
            "s" => SharedString(fileName, where, row, value, sharedStrings),
            "inlineStr" => inline ?? value ?? string.Empty,
            "str" or "e" or "d" => value ?? string.Empty,
            "b" => value switch
            {
                null => string.Empty,
                "1" or "true" => CellText.Boolean(true),
                "0" or "false" => CellText.Boolean(false),
                _ => throw SpreadsheetErrors.At(fileName, where.ToString(), "is a boolean cell whose value is neither 0 nor 1", row, value),
            },
            "n" => value is null ? string.Empty : Number(fileName, where, row, value),
            _ => throw SpreadsheetErrors.At(fileName, where.ToString(), "is a cell type xlsx does not define (expected s, str, inlineStr, n, b, e or d)", row, type),
        };
        if (text.Length > 0)
        {
            sheet.Add(row, column, text);
        }

        return column;
    }

    private static string SharedString(string fileName, CellPlace where, int row, string? index, List<string> sharedStrings)
    {
        if (index is null)
        {
            return string.Empty;
        }

        return int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < sharedStrings.Count
            ? sharedStrings[i]
            : throw SpreadsheetErrors.At(fileName, where.ToString(), string.Create(CultureInfo.InvariantCulture,
                $"is not a shared-string index: the workbook's shared-string table holds {sharedStrings.Count:N0} strings (0 to {sharedStrings.Count - 1})"), row, index);
    }

    private static string Number(string fileName, CellPlace where, int row, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && CellText.Number(d) is { } text
            ? text
            : throw SpreadsheetErrors.At(fileName, where.ToString(), "is not a finite number, though the cell is numeric", row, value);

    private static TradeDataException TooLong(string fileName, CellPlace where) => TooLong(fileName, where.ToString());

    private static TradeDataException TooLong(string fileName, string where) =>
        SpreadsheetErrors.At(fileName, where, string.Create(CultureInfo.InvariantCulture, $"holds text longer than the {SpreadsheetLimits.MaxCellChars:N0} characters a cell may hold"));

    // A cell's place, put into words only when a message needs it.
    private readonly record struct CellPlace(string Sheet, int Column, int Row)
    {
        public override string ToString() => SpreadsheetErrors.Cell(Sheet, Column, Row);
    }
}
