using System.Globalization;

namespace TradeBalance.Data.Internal;

/// <summary>
/// Records read one at a time under a header of column names, whatever the container: a delimited text file
/// (<see cref="CsvInput"/>) or, later, another container. Each field is seen as its
/// text, so every reader applies the same rules, with the same words, to either; only where a problem is
/// (a line of text, a row of a Parquet file) is said differently.
/// </summary>
internal abstract partial class RecordInput : IDisposable
{
    /// <summary>What a field that does not parse as a number is told, for text.</summary>
    private const string NotANumberInText = "is not a number (invariant culture: digits, '.' as the decimal point, no thousands separators)";

    private readonly string[] _header;

    // Codes already parsed in this file, looked up by the field's text without making a string: a
    // file repeats a few hundred countries and some thousands of HS codes over millions of rows, so
    // each row then shares one Country and one HsCode per distinct text. Bounded, so a file of
    // ever-new codes costs no more than parsing each.
    private const int MaxCachedCodes = 1 << 16;
    private readonly Dictionary<string, Country> _countries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HsCode> _hsCodes = new(StringComparer.Ordinal);

    // Labels (sources, names) already read, shared the same way; bounded like the codes.
    private const int MaxCachedLabels = 1 << 12;
    private readonly Dictionary<string, string> _labels = new(StringComparer.Ordinal);

    protected RecordInput(string fileName, long headerLine, string[] header, TradeFileFormat format)
    {
        FileName = fileName;
        HeaderLine = headerLine;
        _header = header;
        Report = new ReportBuilder(fileName, format);
    }

    public string FileName { get; }

    /// <summary>Gets the header's line (text), or 0 (Parquet: the schema).</summary>
    public long HeaderLine { get; }

    public IReadOnlyList<string> Header => _header;

    /// <summary>Gets the current record's line (text) or 1-based row (Parquet).</summary>
    public long Line { get; protected set; }

    /// <summary>Gets the HS revision a leading <c># hs-revision: HS2022</c> comment states (text), or null.</summary>
    public HsRevision? StatedRevision { get; protected set; }

    public ReportBuilder Report { get; }

    /// <summary>Gets what a field that is not a number is told.</summary>
    protected virtual string NotANumber => NotANumberInText;

    /// <summary>Moves to the next record.</summary>
    /// <exception cref="TradeDataException">The record cannot be read.</exception>
    public abstract bool Read();

    /// <summary>Gets what a record's place is called: <c>line</c> (text), <c>row</c> (Parquet).</summary>
    public virtual string PlaceUnit => "line";

    /// <summary>A place in words, for a message that names another record: <c>line 17</c>, <c>row 17</c>.</summary>
    public string Place(long line) => string.Create(CultureInfo.InvariantCulture, $"{PlaceUnit} {line}");

    /// <summary>The error for a problem at a line (text) or row (Parquet); 0 is the header or schema.</summary>
    public virtual TradeDataException At(long line, string? column, string? value, string problem, Exception? inner = null) =>
        new(FileName, line, column, value, problem, inner);

    /// <summary>The field as the file holds it (untrimmed), valid until the next <see cref="Read"/>.</summary>
    protected abstract ReadOnlySpan<char> Field(int ordinal);

    /// <summary>Returns the ordinal of the column with the first of the names (in priority order) that the header has (case-insensitive), or -1.</summary>
    /// <exception cref="TradeDataException">The header has that name twice: the column is ambiguous.</exception>
    public int Find(params ReadOnlySpan<string> names)
    {
        foreach (var n in names)
        {
            var found = -1;
            for (var i = 0; i < _header.Length; i++)
            {
                if (!string.Equals(_header[i], n, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (found >= 0)
                {
                    throw At(HeaderLine, _header[i], null, string.Create(CultureInfo.InvariantCulture, $"appears twice in the header (columns {found + 1} and {i + 1}), so it is ambiguous"));
                }

                found = i;
            }

            if (found >= 0)
            {
                return found;
            }
        }

        return -1;
    }

    /// <summary>Returns the ordinal of a required column.</summary>
    /// <exception cref="TradeDataException">No column has the name or an alias.</exception>
    public int Require(string name, params ReadOnlySpan<string> aliases)
    {
        var o = Find(name);
        if (o < 0 && !aliases.IsEmpty)
        {
            o = Find(aliases);
        }

        return o >= 0
            ? o
            : throw At(HeaderLine, name, null, $"required column is missing (the header has: {string.Join(", ", _header)})");
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
