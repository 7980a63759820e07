namespace TradeBalance.Data.Internal.Spreadsheets;

/// <summary>
/// Bounds on what a spreadsheet may make the readers hold, so that a hostile or broken file is refused
/// before it costs more than a few hundred megabytes. The UN's largest correlation table is under 1 MB on
/// disk, about 3.5 MB once its biggest part is inflated, and about 60,000 cells: the caps leave room for
/// tables 15 to 20 times larger, and bound the memory a hostile file can claim to a few hundred megabytes.
/// </summary>
internal static class SpreadsheetLimits
{
    /// <summary>The largest file read (the whole file is held in memory: CFB sectors are addressed at random).</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>The most bytes one xlsx part (zip entry) may inflate to: stops zip bombs whatever the entry declares.</summary>
    public const long MaxPartBytes = 64L * 1024 * 1024;

    /// <summary>
    /// The most bytes all the parts an xlsx reader inflates may add up to: with a cap per part only, a
    /// thousand sheets (each its own zip bomb, or all naming one part) would cost a thousand parts' time.
    /// </summary>
    public const long MaxInflatedBytes = 4 * MaxPartBytes;

    /// <summary>The most bytes one CFB stream (the xls Workbook stream, the directory, the mini stream) may hold.</summary>
    public const long MaxStreamBytes = MaxFileBytes;

    /// <summary>
    /// The most cells one workbook may have, counting the empty cells a row's gaps are filled with: each is a
    /// reference in memory, so this bounds the row arrays a far-away cell reference (XFD1048576) would need.
    /// A cell read costs about 100 bytes until the sheet is built, so a million of them stay near 100 MB.
    /// </summary>
    public const long MaxCells = 1_000_000;

    /// <summary>The most strings a shared-string table may hold (each costs an entry whether used or not).</summary>
    public const int MaxSharedStrings = 2_000_000;

    /// <summary>The longest text a cell may hold: Excel's own limit.</summary>
    public const int MaxCellChars = 32_767;

    /// <summary>The most sheets a workbook may declare.</summary>
    public const int MaxSheets = 1_024;

    /// <summary>The most columns a sheet may have (xlsx: XFD); xls allows 256.</summary>
    public const int MaxColumns = 16_384;

    /// <summary>The most rows a sheet may have (xlsx); xls allows 65,536.</summary>
    public const int MaxRows = 1_048_576;
}
