using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace TradeBalance.Data;

/// <summary>
/// How a reader turned a file into values: rows read, rows kept, rows skipped by each rule, the
/// adjustments made to kept rows, and the units and selection rules applied.
/// </summary>
/// <remarks>
/// <para>Invariant: <see cref="RowsRead"/> = <see cref="RowsKept"/> + <see cref="RowsSkipped"/>, and
/// <see cref="RowsSkipped"/> is the sum of <see cref="Skipped"/>. No reader drops a row without a
/// rule here; bad rows are not skipped at all but raise <see cref="TradeDataException"/>.</para>
/// <para>Rows are data records (the header and leading <c>#</c> comment lines are not rows). JSON
/// readers do not produce a report.</para>
/// <para>Example rule names: <c>aggregate partner World (0)</c>, <c>flow X (not an import)</c>;
/// adjustments: <c>k had 5 digits: leading zero restored</c>; units: <c>BACI v × 1000 → USD (FOB)</c>.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ReadReport
{
    /// <summary>Creates a report.</summary>
    /// <param name="fileName">The file as the caller named it.</param>
    /// <param name="format">The layout read.</param>
    /// <param name="rowsRead">Data rows read.</param>
    /// <param name="rowsKept">Rows that contributed to the value.</param>
    /// <param name="skipped">Rows skipped, by rule.</param>
    /// <param name="adjustments">Kept rows changed by a rule (padded codes, merged areas), by rule; may be null.</param>
    /// <param name="units">Units and selection rules applied; may be null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="fileName"/> or <paramref name="skipped"/> is null.</exception>
    /// <exception cref="ArgumentException">A count is negative, or read ≠ kept + skipped.</exception>
    public ReadReport(string fileName, TradeFileFormat format, long rowsRead, long rowsKept, IReadOnlyDictionary<string, long> skipped, IReadOnlyDictionary<string, long>? adjustments = null, IEnumerable<string>? units = null)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(skipped);
        Skipped = skipped.ToImmutableSortedDictionary(StringComparer.Ordinal);
        Adjustments = (adjustments ?? ImmutableDictionary<string, long>.Empty).ToImmutableSortedDictionary(StringComparer.Ordinal);
        Units = [.. units ?? []];
        if (rowsRead < 0 || rowsKept < 0 || Skipped.Values.Any(v => v < 0) || Adjustments.Values.Any(v => v < 0))
        {
            throw new ArgumentException("Row counts cannot be negative.", nameof(rowsRead));
        }

        var skippedTotal = Skipped.Values.Sum();
        if (rowsRead != rowsKept + skippedTotal)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Rows read ({rowsRead}) must equal rows kept ({rowsKept}) plus rows skipped ({skippedTotal})."), nameof(rowsRead));
        }

        FileName = fileName;
        Format = format;
        RowsRead = rowsRead;
        RowsKept = rowsKept;
        RowsSkipped = skippedTotal;
    }

    /// <summary>Gets the file as the caller named it.</summary>
    public string FileName { get; }

    /// <summary>Gets the layout read.</summary>
    public TradeFileFormat Format { get; }

    /// <summary>Gets the number of data rows read.</summary>
    public long RowsRead { get; }

    /// <summary>Gets the number of rows that contributed to the value.</summary>
    public long RowsKept { get; }

    /// <summary>Gets the number of rows skipped by a rule (the sum of <see cref="Skipped"/>).</summary>
    public long RowsSkipped { get; }

    /// <summary>Gets the rows skipped, by rule, ordered by rule.</summary>
    public ImmutableSortedDictionary<string, long> Skipped { get; }

    /// <summary>Gets the kept rows a rule changed (for example a restored leading zero), by rule.</summary>
    public ImmutableSortedDictionary<string, long> Adjustments { get; }

    /// <summary>Gets the units and selection rules applied, for example <c>BACI v × 1000 → USD (FOB)</c>.</summary>
    public ImmutableArray<string> Units { get; }

    /// <summary>Returns a multi-line, culture-invariant summary.</summary>
    /// <returns>The summary.</returns>
    public override string ToString()
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        // The file name on one line, whatever it holds (a name may contain a line break or a control character).
        sb.Append(ci, $"{Internal.Printable.Escape(FileName)} ({Format}): {RowsRead} rows read, {RowsKept} kept, {RowsSkipped} skipped");
        foreach (var (rule, n) in Skipped)
        {
            sb.AppendLine().Append(ci, $"  skipped {n}: {rule}");
        }

        foreach (var (rule, n) in Adjustments)
        {
            sb.AppendLine().Append(ci, $"  adjusted {n}: {rule}");
        }

        foreach (var u in Units)
        {
            sb.AppendLine().Append("  ").Append(u);
        }

        return sb.ToString();
    }
}
