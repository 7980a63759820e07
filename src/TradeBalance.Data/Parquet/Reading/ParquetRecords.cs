using System.Globalization;

namespace TradeBalance.Data.Internal.ParquetReading;

/// <summary>
/// A Parquet file's rows as records for the readers' text rules (<see cref="RecordInput"/>): one row group at a time, each
/// column read whole when a reader first asks for it in that group. Places are rows: <c>row 17 (row group 0, index 16)</c>.
/// </summary>
internal sealed class ParquetRecords : RecordInput
{
    private readonly ParquetSource _source;
    private readonly int _padOrdinal;
    private readonly string? _padRule;
    private readonly ParquetColumn?[] _columns;
    private readonly char[] _padded = new char[64];
    private int _group = -1;
    private int _rows;
    private int _row;

    /// <param name="source">The file.</param>
    /// <param name="format">The layout, for the report.</param>
    /// <param name="padColumn">A code column whose whole-number cells lost their leading zero: an odd digit count gets one
    /// back (counted under <paramref name="padRule"/>); null: none.</param>
    /// <param name="padRule">The report's words for that adjustment.</param>
    public ParquetRecords(ParquetSource source, TradeFileFormat format, string? padColumn = null, string? padRule = null)
        : base(source.FileName, 0, source.Columns, format)
    {
        _source = source;
        _columns = new ParquetColumn?[source.Columns.Length];
        _padOrdinal = padColumn is null ? -1 : Find(padColumn);
        _padRule = padRule;
        Report.Unit("read from Parquet: places are rows (1-based over the file) and row groups with the 0-based index in them");
    }

    public override string PlaceUnit => "row";

    protected override string NotANumber => "is not a finite number";

    public override bool Read()
    {
        while (_row + 1 >= _rows)
        {
            if (_group + 1 >= _source.GroupStarts.Length - 1)
            {
                return false;
            }

            _group++;
            _rows = checked((int)(_source.GroupStarts[_group + 1] - _source.GroupStarts[_group]));
            _row = -1;
            Array.Clear(_columns);
        }

        _row++;
        Line = _source.GroupStarts[_group] + _row + 1;
        Report.Read++;
        return true;
    }

    public override TradeDataException At(long line, string? column, string? value, string problem, Exception? inner = null)
    {
        if (line <= 0)
        {
            return new TradeDataException(FileName, "schema", 0, column, value, problem, inner);
        }

        var starts = _source.GroupStarts;
        var g = Array.BinarySearch(starts, line - 1);
        g = g >= 0 ? g : ~g - 1;
        while (g + 1 < starts.Length - 1 && starts[g + 1] == starts[g])
        {
            g++;
        }

        var where = string.Create(CultureInfo.InvariantCulture, $"row {line} (row group {g}, index {line - 1 - starts[g]})");
        return new TradeDataException(FileName, where, line, column, value, problem, inner);
    }

    protected override ReadOnlySpan<char> Field(int ordinal)
    {
        var column = _columns[ordinal] ??= Load(ordinal);
        var text = column.Text(_row);
        if (ordinal != _padOrdinal || !column.IsInteger || text.Length % 2 == 0 || text.Length >= _padded.Length || text.ContainsAnyExceptInRange('0', '9'))
        {
            return text;
        }

        _padded[0] = '0';
        text.CopyTo(_padded.AsSpan(1));
        Report.Adjust(_padRule!);
        return _padded.AsSpan(0, text.Length + 1);
    }

    private ParquetColumn Load(int ordinal)
    {
        var name = Header[ordinal];
        var field = _source.Fields[ordinal] ?? throw At(0, name, null, "is a nested column (list, map or struct); TradeBalance reads flat columns of text or numbers");
        if (ParquetColumn.Unsupported(field) is { } type)
        {
            throw At(0, name, null, $"holds values of type {type}; TradeBalance reads text or numbers (integer, floating-point or decimal)");
        }

        var first = _source.GroupStarts[_group] + 1;
        var last = _source.GroupStarts[_group + 1];
        try
        {
            using var group = _source.Reader.OpenRowGroupReader(_group);
            return ParquetColumn.Load(group, field, _rows);
        }
        catch (OverflowException e)
        {
            // A DECIMAL wider than .NET's (precision above 28): said in TradeBalance's words, not .NET's.
            var where = string.Create(CultureInfo.InvariantCulture, $"row group {_group} (rows {first} to {last})");
            throw new TradeDataException(FileName, where, first, name, null, "holds a decimal beyond ±79,228,162,514,264,337,593,543,950,335, the largest TradeBalance reads (28 to 29 significant digits); write the column with fewer digits, or as DOUBLE", e);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or TradeDataException))
        {
            // The decoder's own words only when they name no .NET type: "System.Decimal" means nothing to a user.
            var where = string.Create(CultureInfo.InvariantCulture, $"row group {_group} (rows {first} to {last})");
            var said = e.Message.Contains("System.", StringComparison.Ordinal) ? string.Empty : $": {e.Message}";
            throw new TradeDataException(FileName, where, first, name, null, $"cannot be decoded{said} (the file is damaged or uses a type or encoding TradeBalance's Parquet reader does not know)", e);
        }
    }
}
