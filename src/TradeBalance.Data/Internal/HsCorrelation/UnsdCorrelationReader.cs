using System.Globalization;
using TradeBalance.Data.Internal.Spreadsheets;

namespace TradeBalance.Data.Internal.HsCorrelation;

/// <summary>
/// Reads one of the UN Statistics Division's HS correlation and conversion tables (xlsx or xls) as published.
/// Sheets are told apart by their header row, found by its text wherever it is: a correlation sheet's header
/// has a Relationship column, a conversion sheet's does not. What the 21 published tables hold and this
/// reader accepts:
/// <list type="bullet">
/// <item>title rows above the header (<c>Between</c>, <c>From | To</c>, a title sentence), and columns
/// before the codes (the 2012 tables start in column C);</item>
/// <item>an unnamed <c>ex</c>/<c>ex.</c> column between the codes (a partial correspondence mark): not read;</item>
/// <item>relationships written <c>n:1</c>, <c>n to 1</c> or <c>'n:1</c> (a leading apostrophe kept as text);</item>
/// <item>codes stored as numbers, whose leading zero is lost (10121 for 010121);</item>
/// <item>an older code with no newer counterpart, written <c>n/a</c> in the newer column and as the relationship
/// (HS2012 to HS1992): kept in <see cref="UnsdCorrelationTable.UnlinkedOlderCodes"/>;</item>
/// <item>empty rows: skipped.</item>
/// </list>
/// All 21 tables keep correlations and conversions on two sheets (none has the single-sheet layout some
/// older UN tables used); a workbook lacking either kind is refused rather than half read.
/// Anything else (a code that is not 6 digits, another relationship, a link or conversion given twice, a
/// missing sheet) is refused with the file, sheet and row.
/// </summary>
internal static class UnsdCorrelationReader
{
    /// <summary>Reads the table at a path.</summary>
    /// <exception cref="TradeDataException">The file is not a readable workbook, or not a correlation table as published.</exception>
    public static UnsdCorrelationTable Read(string path) => Read(WorkbookReader.Read(path));

    /// <summary>Reads the table from a workbook already read.</summary>
    /// <exception cref="TradeDataException">The workbook is not a correlation table as published.</exception>
    public static UnsdCorrelationTable Read(Workbook workbook)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        var file = workbook.FileName;
        (Worksheet Sheet, UnsdHeader Header)? correlation = null;
        (Worksheet Sheet, UnsdHeader Header)? conversion = null;
        foreach (var sheet in workbook.Sheets)
        {
            var header = sheet.Rows.Select(UnsdHeader.Find).FirstOrDefault(h => h is not null);
            if (header is null)
            {
                continue;
            }

            ref var slot = ref header.IsCorrelation ? ref correlation : ref conversion;
            if (slot is { } first)
            {
                throw SpreadsheetErrors.At(file, SpreadsheetErrors.Sheet(sheet.Name),
                    $"is a second {Kind(header)} sheet (the first is '{first.Sheet.Name}'): which one to read is unclear", header.Row);
            }

            slot = (sheet, header);
        }

        var names = string.Join(", ", workbook.Sheets.Select(s => $"'{s.Name}'"));
        var corr = correlation ?? throw SpreadsheetErrors.At(file, "workbook", $"has no correlation sheet (a header row with two HS revisions and Relationship) among its sheets {names}");
        var conv = conversion ?? throw SpreadsheetErrors.At(file, "workbook", $"has no conversion sheet (a header row with two HS revisions and no Relationship) among its sheets {names}");
        if (corr.Header.NewerYear != conv.Header.NewerYear || corr.Header.OlderYear != conv.Header.OlderYear)
        {
            throw SpreadsheetErrors.At(file, SpreadsheetErrors.Sheet(conv.Sheet.Name), string.Create(CultureInfo.InvariantCulture,
                $"converts HS{conv.Header.NewerYear} to HS{conv.Header.OlderYear} but sheet '{corr.Sheet.Name}' correlates HS{corr.Header.NewerYear} with HS{corr.Header.OlderYear}"), conv.Header.Row);
        }

        var unlinked = new List<UnsdUnlinkedCode>();
        var correlations = ReadCorrelations(file, corr.Sheet, corr.Header, unlinked);
        var conversions = ReadConversions(file, conv.Sheet, conv.Header);
        return new UnsdCorrelationTable(file, corr.Header.NewerYear, corr.Header.OlderYear, correlations, conversions, unlinked);
    }

    private static List<UnsdCorrelationRow> ReadCorrelations(string file, Worksheet sheet, UnsdHeader header, List<UnsdUnlinkedCode> unlinked)
    {
        var rows = new List<UnsdCorrelationRow>();
        var seen = new Dictionary<(string, string), int>();
        var relColumn = header.RelationshipColumn!.Value;
        foreach (var row in sheet.Rows.Where(r => r.Number > header.Row && !r.IsBlank))
        {
            var relationship = row[relColumn].Trim();
            if (IsNotApplicable(row[header.NewerColumn]) && IsNotApplicable(relationship))
            {
                unlinked.Add(new UnsdUnlinkedCode(Code(file, sheet, row, header.OlderColumn, header.OlderYear), sheet.Name, row.Number));
                continue;
            }

            var newer = Code(file, sheet, row, header.NewerColumn, header.NewerYear);
            var older = Code(file, sheet, row, header.OlderColumn, header.OlderYear);
            var rel = Relationship(relationship) ?? throw SpreadsheetErrors.At(file, SpreadsheetErrors.Cell(sheet.Name, relColumn, row.Number),
                "is not a relationship: expected 1:1, 1:n, n:1 or n:n (also written 'n to 1')", row.Number, row[relColumn]);
            if (!seen.TryAdd((newer, older), row.Number))
            {
                throw SpreadsheetErrors.At(file, string.Create(CultureInfo.InvariantCulture, $"sheet '{sheet.Name}', row {row.Number}"), string.Create(CultureInfo.InvariantCulture,
                    $"links HS{header.NewerYear} {newer} to HS{header.OlderYear} {older} again: row {seen[(newer, older)]} already does"), row.Number);
            }

            rows.Add(new UnsdCorrelationRow(newer, older, rel, sheet.Name, row.Number));
        }

        return rows;
    }

    private static List<UnsdConversionRow> ReadConversions(string file, Worksheet sheet, UnsdHeader header)
    {
        var rows = new List<UnsdConversionRow>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in sheet.Rows.Where(r => r.Number > header.Row && !r.IsBlank))
        {
            var newer = Code(file, sheet, row, header.NewerColumn, header.NewerYear);
            var older = Code(file, sheet, row, header.OlderColumn, header.OlderYear);
            if (!seen.TryAdd(newer, row.Number))
            {
                throw SpreadsheetErrors.At(file, string.Create(CultureInfo.InvariantCulture, $"sheet '{sheet.Name}', row {row.Number}"), string.Create(CultureInfo.InvariantCulture,
                    $"converts HS{header.NewerYear} {newer} again: row {seen[newer]} already does (a conversion table has one row per subheading)"), row.Number);
            }

            rows.Add(new UnsdConversionRow(newer, older, sheet.Name, row.Number));
        }

        return rows;
    }

    /// <summary>
    /// A 6-digit subheading from a cell: a code stored as a number has lost its leading zero (10121 is
    /// 010121, as no subheading of chapters 01 to 09 can be written otherwise), so 5 digits get it back.
    /// </summary>
    internal static string? NormaliseCode(string text)
    {
        var s = text.Trim();
        if (s.Length is < 5 or > 6 || !s.All(char.IsAsciiDigit))
        {
            return null;
        }

        return s.Length == 5 ? "0" + s : s;
    }

    /// <summary>
    /// A relationship in the one spelling this reader gives (<c>1:1</c>, <c>1:n</c>, <c>n:1</c>, <c>n:n</c>),
    /// from the ones the files use: <c>n:1</c>, <c>N:1</c>, <c>n to 1</c>, <c>'n:1</c>, spaces anywhere.
    /// </summary>
    internal static string? Relationship(string text)
    {
        var s = text.Trim().TrimStart('\'').Replace(" to ", ":", StringComparison.OrdinalIgnoreCase).Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        return s is "1:1" or "1:n" or "n:1" or "n:n" ? s : null;
    }

    private static string Code(string file, Worksheet sheet, SheetRow row, int column, int year) =>
        NormaliseCode(row[column]) ?? throw SpreadsheetErrors.At(file, SpreadsheetErrors.Cell(sheet.Name, column, row.Number),
            string.Create(CultureInfo.InvariantCulture, $"is not an HS{year} subheading: expected 6 digits (5 when a leading zero was lost)"), row.Number, row[column]);

    private static bool IsNotApplicable(string text) => text.Trim().Equals("n/a", StringComparison.OrdinalIgnoreCase);

    private static string Kind(UnsdHeader header) => header.IsCorrelation ? "correlation" : "conversion";
}
