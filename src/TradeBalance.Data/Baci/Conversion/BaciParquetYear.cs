using System.Globalization;

namespace TradeBalance.Data;

/// <summary>One year of a BACI conversion (<see cref="BaciParquetManifest.Years"/>): its Parquet file and what went into it.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record BaciParquetYear
{
    /// <summary>Creates a year's record, checking it.</summary>
    /// <param name="year">The year, 1900–2200.</param>
    /// <param name="sourceFile">The CSV in the release it was converted from (<c>BACI_HS17_Y2022_V202501.csv</c>).</param>
    /// <param name="rowsRead">The CSV's data rows.</param>
    /// <param name="rows">The flows written (fewer than the rows read: intra-national and <c>9999AA</c> rows are skipped,
    /// nes areas summed into ROW).</param>
    /// <param name="bytes">The Parquet file's size.</param>
    /// <exception cref="ArgumentOutOfRangeException">A year outside 1900–2200, a negative count or size, or more flows than rows read.</exception>
    /// <exception cref="ArgumentException">The source file name is empty.</exception>
    public BaciParquetYear(int year, string sourceFile, long rowsRead, long rows, long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1900);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 2200);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceFile);
        ArgumentOutOfRangeException.ThrowIfNegative(rowsRead);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rows, rowsRead);
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        Year = year;
        SourceFile = sourceFile;
        RowsRead = rowsRead;
        Rows = rows;
        Bytes = bytes;
    }

    /// <summary>Gets the year.</summary>
    public int Year { get; }

    /// <summary>Gets the Parquet file's name in the conversion's folder: <c>year=2022.parquet</c>.</summary>
    public string FileName => FileNameOf(Year);

    /// <summary>Gets the CSV in the release the year was converted from.</summary>
    public string SourceFile { get; }

    /// <summary>Gets the CSV's data rows.</summary>
    public long RowsRead { get; }

    /// <summary>Gets the flows in the Parquet file.</summary>
    public long Rows { get; }

    /// <summary>Gets the Parquet file's size in bytes.</summary>
    public long Bytes { get; }

    /// <summary>The file name of a year's Parquet: <c>year=2022.parquet</c>.</summary>
    internal static string FileNameOf(int year) => string.Create(CultureInfo.InvariantCulture, $"year={year}.parquet");
}
