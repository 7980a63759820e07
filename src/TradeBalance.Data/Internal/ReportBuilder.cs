namespace TradeBalance.Data.Internal;

/// <summary>Counts rows while a reader runs and freezes into a <see cref="ReadReport"/>.</summary>
internal sealed class ReportBuilder(string fileName, TradeFileFormat format)
{
    private readonly Dictionary<string, long> _skipped = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _adjusted = new(StringComparer.Ordinal);
    private readonly List<string> _units = [];

    public TradeFileFormat Format { get; set; } = format;

    public long Read { get; set; }

    public long Kept { get; set; }

    public void Skip(string rule, long count = 1) => _skipped[rule] = _skipped.GetValueOrDefault(rule) + count;

    public void Adjust(string rule, long count = 1) => _adjusted[rule] = _adjusted.GetValueOrDefault(rule) + count;

    public void Unit(string text)
    {
        if (!_units.Contains(text))
        {
            _units.Add(text);
        }
    }

    public ReadReport Build() => new(fileName, Format, Read, Kept, _skipped, _adjusted, _units);
}
