namespace TradeBalance.Data.Internal.Spreadsheets;

/// <summary>Collects one sheet's cells in any order and builds its rows, refusing a cell written twice.</summary>
internal sealed class SheetBuilder(string fileName, string sheetName, CellBudget budget)
{
    private readonly List<(int Row, int Column, int Index, string Text)> _cells = [];

    /// <summary>Gets the sheet's name.</summary>
    public string Name => sheetName;

    /// <summary>Adds a cell: a 0-based column in a 1-based row.</summary>
    public void Add(int row, int column, string text)
    {
        budget.Take(1, sheetName, column, row);
        _cells.Add((row, column, _cells.Count, text));
    }

    /// <summary>Builds the sheet: rows in order, each filled with empty strings up to its last cell.</summary>
    public Worksheet Build()
    {
        // Ordered by place, then by arrival: of two cells at one place, the message names the later one written.
        var sorted = _cells;
        sorted.Sort((a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : a.Column != b.Column ? a.Column.CompareTo(b.Column) : a.Index.CompareTo(b.Index));
        var rows = new List<SheetRow>();
        var start = 0;
        while (start < sorted.Count)
        {
            var row = sorted[start].Row;
            var end = start;
            while (end < sorted.Count && sorted[end].Row == row)
            {
                end++;
            }

            var width = sorted[end - 1].Column + 1;
            budget.Take(width - (end - start), sheetName, width - 1, row);
            var cells = new string[width];
            Array.Fill(cells, string.Empty);
            for (var i = start; i < end; i++)
            {
                if (i > start && sorted[i].Column == sorted[i - 1].Column)
                {
                    throw SpreadsheetErrors.At(fileName, SpreadsheetErrors.Cell(sheetName, sorted[i].Column, row), "is written twice", row);
                }

                cells[sorted[i].Column] = sorted[i].Text;
            }

            rows.Add(new SheetRow(row, cells));
            start = end;
        }

        return new Worksheet(sheetName, rows);
    }
}
