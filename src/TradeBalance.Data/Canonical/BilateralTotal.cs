using System.Globalization;

namespace TradeBalance.Data;

/// <summary>
/// One published figure of total goods trade between two countries: exporter → importer, in a
/// year or part of it, in the currency the source used, on a stated reporting basis.
/// </summary>
/// <remarks>
/// <para>Invariants: exporter ≠ importer; the value is not negative; the year lies in 1900–2200;
/// <see cref="Period"/> is <c>full-year</c> or a month range <c>jan-sep</c> (three-letter English
/// month abbreviations, first ≤ last); <see cref="Basis"/> is a non-empty lower-case token such as
/// <c>kenya-reported</c>, <c>china-reported</c>, <c>official-statement</c> or <c>comtrade</c>.</para>
/// <para>Figures on different bases (one side's report against the partner's mirror) disagree and
/// must not be mixed in one balance; see the data set's SOURCES.md.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record BilateralTotal
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>Creates a figure.</summary>
    /// <param name="year">The year.</param>
    /// <param name="exporter">The exporting country.</param>
    /// <param name="importer">The importing country.</param>
    /// <param name="value">The value, in the source's currency.</param>
    /// <param name="period">The part of the year: <c>full-year</c> or <c>mmm-mmm</c>.</param>
    /// <param name="basis">The reporting basis.</param>
    /// <param name="source">Where the figure comes from; may be empty, not null.</param>
    /// <exception cref="ArgumentNullException">A reference argument is null.</exception>
    /// <exception cref="ArgumentException">An invariant is broken; the message names the value.</exception>
    public BilateralTotal(int year, Country exporter, Country importer, Money value, string period, string basis, string source = "")
    {
        ArgumentNullException.ThrowIfNull(exporter);
        ArgumentNullException.ThrowIfNull(importer);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(basis);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1900);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 2200);
        if (exporter.Equals(importer))
        {
            throw new ArgumentException($"A bilateral total needs two different countries; both are {exporter.Alpha3}.", nameof(importer));
        }

        if (value.Amount < 0m)
        {
            throw new ArgumentException($"A trade total cannot be negative; got {value}.", nameof(value));
        }

        if (!TryParsePeriod(period, out var first, out var last))
        {
            throw new ArgumentException($"'{period}' is not a period: expected full-year or a month range such as jan-sep.", nameof(period));
        }

        if (basis.Length == 0 || !basis.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new ArgumentException($"'{basis}' is not a basis: expected a lower-case token such as kenya-reported.", nameof(basis));
        }

        Year = year;
        Exporter = exporter;
        Importer = importer;
        Value = value;
        Period = period;
        Basis = basis;
        Source = source;
        FirstMonth = first;
        LastMonth = last;
    }

    /// <summary>Gets the year.</summary>
    public int Year { get; }

    /// <summary>Gets the exporting country.</summary>
    public Country Exporter { get; }

    /// <summary>Gets the importing country.</summary>
    public Country Importer { get; }

    /// <summary>Gets the value in the source's currency.</summary>
    public Money Value { get; }

    /// <summary>Gets the period as written: <c>full-year</c> or <c>mmm-mmm</c>.</summary>
    public string Period { get; }

    /// <summary>Gets the reporting basis, for example <c>kenya-reported</c>.</summary>
    public string Basis { get; }

    /// <summary>Gets where the figure comes from.</summary>
    public string Source { get; }

    /// <summary>Gets the first month covered, 1–12.</summary>
    public int FirstMonth { get; }

    /// <summary>Gets the last month covered, 1–12.</summary>
    public int LastMonth { get; }

    /// <summary>Gets a value indicating whether the figure covers the whole year.</summary>
    public bool IsFullYear => FirstMonth == 1 && LastMonth == 12;

    /// <summary>Returns a description, for example <c>KEN→CHN 2024 full-year USD 290,000,000.00 (official-statement)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Exporter.Alpha3}→{Importer.Alpha3} {Year.ToString(CultureInfo.InvariantCulture)} {Period} {Value} ({Basis})";

    private static bool TryParsePeriod(string period, out int first, out int last)
    {
        first = 1;
        last = 12;
        if (period == "full-year")
        {
            return true;
        }

        var parts = period.Split('-');
        if (parts.Length != 2)
        {
            return false;
        }

        first = Array.IndexOf(Months, parts[0]) + 1;
        last = Array.IndexOf(Months, parts[1]) + 1;
        return first > 0 && last >= first;
    }
}
