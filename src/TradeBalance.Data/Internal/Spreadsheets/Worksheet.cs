namespace TradeBalance.Data.Internal.Spreadsheets;

/// <summary>One worksheet: its name as the workbook gives it and its non-empty rows in row order.</summary>
internal sealed class Worksheet
{
    /// <summary>Creates a sheet; rows must be in strictly increasing row order.</summary>
    public Worksheet(string name, IEnumerable<SheetRow> rows)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(rows);
        SheetRow[] copy = [.. rows];
        for (var i = 0; i < copy.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(copy[i], nameof(rows));
            if (i > 0 && copy[i].Number <= copy[i - 1].Number)
            {
                throw new ArgumentException($"row {copy[i].Number} follows row {copy[i - 1].Number}: rows must be in increasing order", nameof(rows));
            }
        }

        Name = name;
        Rows = copy;
    }

    /// <summary>Gets the sheet's name (its tab).</summary>
    public string Name { get; }

    /// <summary>Gets the rows that hold at least one cell, in increasing row number.</summary>
    public IReadOnlyList<SheetRow> Rows { get; }
}
