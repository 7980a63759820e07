using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace TradeBalance.Data.Internal;

// The fields of the current record, typed: text, numbers within their bounds, codes (shared per distinct text), dates;
// every problem a TradeDataException naming the file, the place (line or row), column and value.
internal abstract partial class RecordInput
{
    /// <summary>The field, trimmed; empty for a missing column (ordinal -1).</summary>
    public string Get(int ordinal) => ordinal < 0 ? string.Empty : Span(ordinal).ToString();

    /// <summary>Gets the longest label (a row's <c>source</c>, a group's <c>name</c>) a file may hold, in characters: five times the longest citation in the embedded data (1,815).</summary>
    public const int MaxLabelLength = 10_000;

    /// <summary>
    /// A text kept with each record (a <c>source</c>, a <c>name</c>), trimmed: one string per distinct text in the file,
    /// so a million rows citing one source hold it once. A Parquet dictionary can give every row the same long text from
    /// a few bytes; so a label longer than <see cref="MaxLabelLength"/> characters is refused, and the file costs memory
    /// for its distinct labels, not for its rows.
    /// </summary>
    /// <exception cref="TradeDataException">The label is longer than <see cref="MaxLabelLength"/> characters.</exception>
    public string Label(int ordinal)
    {
        var s = Span(ordinal);
        if (s.IsEmpty)
        {
            return string.Empty;
        }

        if (s.Length > MaxLabelLength)
        {
            throw Error(ordinal, string.Create(CultureInfo.InvariantCulture, $"is {s.Length:N0} characters long; a label (a source or a name) holds at most {MaxLabelLength:N0} (is a column shifted, or a document pasted into a cell?)"));
        }

        var labels = _labels.GetAlternateLookup<ReadOnlySpan<char>>();
        if (labels.TryGetValue(s, out var known))
        {
            return known;
        }

        var text = s.ToString();
        if (_labels.Count < MaxCachedLabels)
        {
            _labels.Add(text, text);
        }

        return text;
    }

    /// <summary>The field as a span, trimmed; empty for a missing column (ordinal -1). Valid until the next <see cref="Read"/>.</summary>
    public ReadOnlySpan<char> Span(int ordinal) => ordinal < 0 ? default : Field(ordinal).Trim();

    public string ColumnName(int ordinal) => _header[ordinal];

    public TradeDataException Error(int ordinal, string problem, Exception? inner = null) =>
        At(Line, _header[ordinal], Get(ordinal), problem, inner);

    public TradeDataException Error(string problem, Exception? inner = null) => At(Line, null, null, problem, inner);

    public string Required(int ordinal)
    {
        var s = Get(ordinal);
        return s.Length > 0 ? s : throw Error(ordinal, "is empty; a value is required");
    }

    /// <summary><see cref="Required"/> without the string: the trimmed field, valid until the next <see cref="Read"/>.</summary>
    public ReadOnlySpan<char> RequiredSpan(int ordinal)
    {
        var s = Span(ordinal);
        return s.Length > 0 ? s : throw Error(ordinal, "is empty; a value is required");
    }

    public int Int(int ordinal, int min, int max)
    {
        var s = Span(ordinal);
        if (s.IsEmpty)
        {
            throw Error(ordinal, "is empty; a value is required");
        }

        if (s.Contains('\0'))
        {
            throw Error(ordinal, "is not a whole number");
        }

        // Accept "2024" and the "2024.0" a spreadsheet may write.
        if (!int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
        {
            if (decimal.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var dv) && dv == decimal.Truncate(dv) && dv >= int.MinValue && dv <= int.MaxValue)
            {
                v = (int)dv;
            }
            else
            {
                throw Error(ordinal, "is not a whole number");
            }
        }

        return v < min || v > max
            ? throw Error(ordinal, string.Create(CultureInfo.InvariantCulture, $"is out of range ({min} to {max})"))
            : v;
    }

    public decimal Decimal(int ordinal, bool allowNegative = false)
    {
        var s = Span(ordinal);
        return s.IsEmpty ? throw Error(ordinal, "is empty; a value is required") : ParseDecimal(ordinal, s, allowNegative);
    }

    /// <summary>A decimal, or null when the field is empty or one of the missing tokens (case-insensitive).</summary>
    public decimal? OptionalDecimal(int ordinal, bool allowNegative = false, params ReadOnlySpan<string> missing)
    {
        var s = Span(ordinal);
        if (s.IsEmpty)
        {
            return null;
        }

        foreach (var m in missing)
        {
            if (s.Equals(m, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }

        return ParseDecimal(ordinal, s, allowNegative);
    }

    public decimal ParseDecimal(int ordinal, ReadOnlySpan<char> s, bool allowNegative)
    {
        // .NET's number parsers skip trailing NUL characters: "1\0" would read as 1.
        if (s.Contains('\0') || !decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var v))
        {
            throw Error(ordinal, NotANumber);
        }

        if (v == 0m && NumberText.Underflows(s))
        {
            throw Error(ordinal, NumberText.Underflow);
        }

        return !allowNegative && v < 0m ? throw Error(ordinal, "is negative") : v;
    }

    /// <summary>
    /// A trade value or quantity within <see cref="NumericDomain"/>: 0, or <paramref name="minPositive"/> to
    /// <paramref name="max"/>; otherwise a data error naming the field, its text and the bounds.
    /// </summary>
    public decimal Amount(int ordinal, decimal value, decimal minPositive, decimal max, string unit, string? scaling = null) =>
        value == 0m || (value >= minPositive && value <= max)
            ? value
            : throw Error(ordinal, NumberText.OutsideAmount(minPositive, max, unit, scaling));

    /// <summary>A number within [min, max] (tariff rates, exchange rates); otherwise a data error naming the field, its text and the bounds.</summary>
    public decimal InRange(int ordinal, decimal value, decimal min, decimal max, string unit) =>
        value >= min && value <= max
            ? value
            : throw Error(ordinal, NumberText.OutsideRange(min, max, unit));

    public double Double(int ordinal)
    {
        var s = Span(ordinal);
        if (s.IsEmpty)
        {
            throw Error(ordinal, "is empty; a value is required");
        }

        return !s.Contains('\0') && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : throw Error(ordinal, "is not a finite number (invariant culture)");
    }

    public Country Country(int ordinal)
    {
        if (ordinal >= 0 && _countries.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(Span(ordinal), out var known))
        {
            return known;
        }

        var s = Required(ordinal);
        var c = TradeCodes.TryCountry(s, out var parsed)
            ? parsed
            : throw Error(ordinal, "is not a known country code (ISO 3166-1 alpha-3, alpha-2 or numeric / UN M49, or ROW)");
        if (_countries.Count < MaxCachedCodes)
        {
            _countries[s] = c;
        }

        return c;
    }

    public HsCode Hs(int ordinal)
    {
        if (ordinal >= 0 && _hsCodes.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(Span(ordinal), out var known))
        {
            return known;
        }

        var s = Required(ordinal);
        var h = HsCode.TryParse(s, out var parsed) ? parsed : throw Error(ordinal, InputErrors.HsProblem(s));
        if (_hsCodes.Count < MaxCachedCodes)
        {
            _hsCodes[s] = h;
        }

        return h;
    }

    public LocalDate? OptionalDate(int ordinal)
    {
        var s = Get(ordinal);
        if (s.Length == 0)
        {
            return null;
        }

        var r = LocalDatePattern.Iso.Parse(s);
        return r.Success ? r.Value : throw Error(ordinal, "is not an ISO date (yyyy-MM-dd)");
    }

    public LocalDate Date(int ordinal) =>
        OptionalDate(ordinal) ?? throw Error(ordinal, "is empty; a date (yyyy-MM-dd) is required");
}
