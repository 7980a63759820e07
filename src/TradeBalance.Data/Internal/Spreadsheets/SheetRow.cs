namespace TradeBalance.Data.Internal.Spreadsheets;

/// <summary>One row of a sheet as text: cell <c>i</c> is column <c>i</c> (A = 0), gaps are empty strings.</summary>
internal sealed class SheetRow
{
    private readonly string[] _cells;

    /// <summary>Creates a row; the cells are copied.</summary>
    /// <param name="number">The 1-based row number the spreadsheet shows.</param>
    /// <param name="cells">The cells from column A on; an empty cell is an empty string, never null.</param>
    public SheetRow(int number, IEnumerable<string> cells)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentNullException.ThrowIfNull(cells);
        string[] copy = [.. cells];
        if (Array.Exists(copy, c => c is null))
        {
            throw new ArgumentException("a cell is null: an empty cell is an empty string", nameof(cells));
        }

        Number = number;
        _cells = copy;
    }

    /// <summary>Gets the 1-based row number, as the spreadsheet shows it (for messages).</summary>
    public int Number { get; }

    /// <summary>Gets the cells from column A to the last one written.</summary>
    public IReadOnlyList<string> Cells => _cells;

    /// <summary>Gets the text of a 0-based column, empty beyond the last cell.</summary>
    public string this[int column] => column >= 0 && column < _cells.Length ? _cells[column] : string.Empty;

    /// <summary>Gets whether every cell is empty or white space.</summary>
    public bool IsBlank => Array.TrueForAll(_cells, string.IsNullOrWhiteSpace);

    /// <summary>The cell reference of a 0-based column in this row, for example <c>C7</c>.</summary>
    public string Reference(int column) => CellReference.Format(column, Number);
}
