namespace TradeBalance.Data.Internal.Spreadsheets;

/// <summary>A workbook read as text: its worksheets in workbook (tab) order.</summary>
/// <remarks>Chart sheets, macro sheets and dialog sheets hold no cells and are left out.</remarks>
internal sealed class Workbook
{
    /// <summary>Creates a workbook.</summary>
    /// <param name="fileName">The file as the caller named it, for messages.</param>
    /// <param name="sheets">The worksheets in workbook order.</param>
    public Workbook(string fileName, IEnumerable<Worksheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(sheets);
        Worksheet[] copy = [.. sheets];
        foreach (var s in copy)
        {
            ArgumentNullException.ThrowIfNull(s, nameof(sheets));
        }

        FileName = fileName;
        Sheets = copy;
    }

    /// <summary>Gets the file as the caller named it.</summary>
    public string FileName { get; }

    /// <summary>Gets the worksheets in workbook order.</summary>
    public IReadOnlyList<Worksheet> Sheets { get; }
}
