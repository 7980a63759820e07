using System.Globalization;
using TradeBalance.Data.Internal.Spreadsheets.Xls;
using TradeBalance.Data.Internal.Spreadsheets.Xlsx;

namespace TradeBalance.Data.Internal.Spreadsheets;

/// <summary>
/// Opens a spreadsheet by what its first bytes say, not by its name: a zip archive (<c>PK\x03\x04</c>) is
/// read as xlsx, a compound file (<c>D0 CF 11 E0 A1 B1 1A E1</c>) as a BIFF8 xls; anything else is refused.
/// </summary>
internal static class WorkbookReader
{
    private static ReadOnlySpan<byte> ZipMagic => "PK\x03\x04"u8;

    /// <summary>Reads the workbook at a path; the message of any refusal names the file as given.</summary>
    /// <exception cref="TradeDataException">The file is not a workbook these readers accept, or is broken or too large.</exception>
    public static Workbook Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        if (file.Length > SpreadsheetLimits.MaxFileBytes)
        {
            throw SpreadsheetErrors.At(path, "file", string.Create(CultureInfo.InvariantCulture,
                $"is {file.Length:N0} bytes, more than the {SpreadsheetLimits.MaxFileBytes:N0} a spreadsheet may be"));
        }

        var bytes = new byte[file.Length];
        file.ReadExactly(bytes);
        return Read(path, bytes);
    }

    /// <summary>Reads a workbook held in memory.</summary>
    /// <param name="fileName">The name for messages.</param>
    /// <param name="bytes">The file's content.</param>
    /// <exception cref="TradeDataException">The content is not a workbook these readers accept, or is broken or too large.</exception>
    public static Workbook Read(string fileName, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length > SpreadsheetLimits.MaxFileBytes)
        {
            throw SpreadsheetErrors.At(fileName, "file", string.Create(CultureInfo.InvariantCulture,
                $"is {bytes.Length:N0} bytes, more than the {SpreadsheetLimits.MaxFileBytes:N0} a spreadsheet may be"));
        }

        if (bytes.AsSpan().StartsWith(ZipMagic))
        {
            return XlsxReader.Read(fileName, bytes);
        }

        if (bytes.AsSpan().StartsWith(CompoundFile.Magic))
        {
            return XlsReader.Read(fileName, bytes);
        }

        throw SpreadsheetErrors.At(fileName, "file", "is neither an xlsx workbook (a zip archive, starting PK\\x03\\x04) nor an xls workbook (a compound file, starting D0 CF 11 E0): whatever its name, its first bytes say it is not a spreadsheet");
    }
}
