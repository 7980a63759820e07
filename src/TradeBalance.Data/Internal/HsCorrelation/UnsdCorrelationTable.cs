namespace TradeBalance.Data.Internal.HsCorrelation;

/// <summary>
/// One UN Statistics Division correlation and conversion table between two HS revisions, as published:
/// the links of its correlation sheet and the rows of its conversion sheet, codes normalised to 6 digits.
/// </summary>
internal sealed class UnsdCorrelationTable
{
    /// <summary>Creates a table; the lists are copied.</summary>
    public UnsdCorrelationTable(string fileName, int newerYear, int olderYear, IEnumerable<UnsdCorrelationRow> correlations,
        IEnumerable<UnsdConversionRow> conversions, IEnumerable<UnsdUnlinkedCode> unlinkedOlderCodes)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(newerYear, olderYear);
        FileName = fileName;
        NewerYear = newerYear;
        OlderYear = olderYear;
        Correlations = [.. correlations];
        Conversions = [.. conversions];
        UnlinkedOlderCodes = [.. unlinkedOlderCodes];
    }

    /// <summary>Gets the file as the caller named it.</summary>
    public string FileName { get; }

    /// <summary>Gets the newer revision's year, for example 2022.</summary>
    public int NewerYear { get; }

    /// <summary>Gets the older revision's year, for example 2017.</summary>
    public int OlderYear { get; }

    /// <summary>Gets the correlation links in file order.</summary>
    public IReadOnlyList<UnsdCorrelationRow> Correlations { get; }

    /// <summary>Gets the conversion rows in file order.</summary>
    public IReadOnlyList<UnsdConversionRow> Conversions { get; }

    /// <summary>
    /// Gets the older subheadings a correlation sheet lists with no newer counterpart (written <c>n/a</c>
    /// in the newer column and as the relationship): kept so that no row of the file is lost.
    /// </summary>
    public IReadOnlyList<UnsdUnlinkedCode> UnlinkedOlderCodes { get; }
}
