using System.Globalization;

namespace TradeBalance.Data.Internal.Spreadsheets;

/// <summary>The cells left for one workbook (<see cref="SpreadsheetLimits.MaxCells"/>), shared by its sheets.</summary>
internal sealed class CellBudget(string fileName, long limit = SpreadsheetLimits.MaxCells)
{
    private long _used;

    /// <summary>Takes cells from the budget, or refuses the file when it would run out.</summary>
    /// <param name="count">The cells to take.</param>
    /// <param name="sheet">The sheet being read, for the message.</param>
    /// <param name="column">The 0-based column of the cell being read.</param>
    /// <param name="row">The 1-based row of the cell being read.</param>
    public void Take(long count, string sheet, int column, int row)
    {
        _used += count;
        if (_used > limit)
        {
            // The place is put into words only here: formatting it for every cell read cost more than the cells.
            throw SpreadsheetErrors.At(fileName, SpreadsheetErrors.Cell(sheet, column, row), string.Create(CultureInfo.InvariantCulture,
                $"makes the workbook exceed {limit:N0} cells (counting the empty cells that fill each row's gaps): refused as too large for a correlation table"), row);
        }
    }
}
