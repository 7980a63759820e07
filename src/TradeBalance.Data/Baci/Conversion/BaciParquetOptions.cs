using System.Globalization;

namespace TradeBalance.Data;

/// <summary>Options for <see cref="BaciParquet.Convert(string, string, BaciParquetOptions?)"/>.</summary>
/// <threadsafety>This type is immutable and thread-safe (given a thread-safe <see cref="Progress"/>).</threadsafety>
public sealed record BaciParquetOptions
{
    /// <summary>The fewest rows a row group may be given.</summary>
    public const int MinRowGroupRows = 1_000;

    /// <summary>The most rows a row group may be given (each column of a row group is held in memory while it is written and read).</summary>
    public const int MaxRowGroupRows = 4_000_000;

    private readonly int? _firstYear;
    private readonly int? _lastYear;
    private readonly int _rowGroupRows = 100_000;

    /// <summary>Gets the default options: every year of the release, row groups of 100,000 rows, no progress.</summary>
    public static BaciParquetOptions Default { get; } = new();

    /// <summary>Gets the first year converted (1900–2200); null = the release's first.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1900–2200.</exception>
    public int? FirstYear
    {
        get => _firstYear;
        init => _firstYear = Year(value, nameof(FirstYear));
    }

    /// <summary>Gets the last year converted (1900–2200); null = the release's last.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1900–2200.</exception>
    public int? LastYear
    {
        get => _lastYear;
        init => _lastYear = Year(value, nameof(LastYear));
    }

    /// <summary>Gets the rows written per row group, <see cref="MinRowGroupRows"/> to <see cref="MaxRowGroupRows"/>: the
    /// conversion holds one row group (about 60 bytes a row) at a time.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is outside the bounds.</exception>
    public int RowGroupRows
    {
        get => _rowGroupRows;
        init => _rowGroupRows = value is >= MinRowGroupRows and <= MaxRowGroupRows
            ? value
            : throw new ArgumentOutOfRangeException(nameof(RowGroupRows), value, string.Create(CultureInfo.InvariantCulture, $"Rows per row group must be {MinRowGroupRows:N0} to {MaxRowGroupRows:N0}; got {value:N0}."));
    }

    /// <summary>Gets where progress lines go (<c>2022: 3,000,000 rows read</c>); null = nowhere.</summary>
    public IProgress<string>? Progress { get; init; }

    private static int? Year(int? value, string name) => value is null or (>= 1900 and <= 2200)
        ? value
        : throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"A BACI year must be in 1900–2200; got {value}."));
}
