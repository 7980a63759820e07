using System.Globalization;

namespace TradeBalance.Data.Internal.Spreadsheets;

/// <summary>The cells left for one workbook (<see cref="SpreadsheetLimits.MaxCells"/>), shared by its sheets.</summary>
internal sealed class CellBudget(string fileName, long limit = SpreadsheetLimits.MaxCells)
{
    private long _used;

    /// <summary>Takes cells from the budget, or refuses the file when it would run out.</summary>
    /// <param name="count">The cells to take.</param>
    /// <param name="where">The place being read, for the message.</param>
    public void Take(long count, string where)
    {
        _used += count;
        if (_used > limit)
        {
            throw SpreadsheetErrors.At(fileName, where, string.Create(CultureInfo.InvariantCulture,
                $"makes the workbook exceed {limit:N0} cells (counting the empty cells that fill each row's gaps): refused as too large for a correlation table"));
        }
    }
}
