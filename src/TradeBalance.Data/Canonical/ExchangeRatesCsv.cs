using NodaTime;
using NodaTime.Text;
using TradeBalance.Data.Internal;

namespace TradeBalance.Data;

/// <summary>
/// Reads and writes the canonical <c>exchange-rates.csv</c>: <c>base, quote, as_of, rate, basis</c>
/// (required) and <c>source</c> (optional), one row per dated rate.
/// </summary>
/// <remarks>
/// <para>A row means "1 <c>base</c> buys <c>rate</c> <c>quote</c> as of <c>as_of</c>" (USD,KES,…,134.82
/// = KES 134.82 per US dollar). <c>basis</c> is one of <c>daily</c>, <c>weekly-average</c>,
/// <c>monthly-average</c>, <c>annual-average</c> (case-insensitive); annual averages are dated on
/// any day of their year, by convention 1 January.</para>
/// <para>Bad input raises <see cref="TradeDataException"/>: an unknown currency, base = quote, a rate
/// that is not a positive number, a bad date or basis, or two rows with the same base, quote,
/// basis and date, or two annual averages of one pair for the same year (the message names both lines).</para>
/// <para>Writing gives the columns above in the table's order, so writing then reading gives a
/// table with an equal <see cref="ExchangeRateTable.Rates"/> sequence.</para>
/// </remarks>
/// <threadsafety>Stateless; safe to use from many threads.</threadsafety>
public static class ExchangeRatesCsv
{
    /// <summary>The column names, in the order the writer writes them.</summary>
    public static readonly IReadOnlyList<string> Columns = ["base", "quote", "as_of", "rate", "basis", "source"];

    /// <summary>Reads a rates file (gzip detected).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The table and the report.</returns>
    /// <exception cref="TradeDataException">A bad value; the message says where.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ReadResult<ExchangeRateTable> Read(string path) => CsvEntry.FromPath(path, TradeFileFormat.ExchangeRates, null, ReadCore);

    /// <summary>Reads rates from a stream, which stays open.</summary>
    /// <param name="stream">The content.</param>
    /// <param name="fileName">The name to use in messages.</param>
    /// <returns>The table and the report.</returns>
    /// <exception cref="TradeDataException">A bad value.</exception>
    public static ReadResult<ExchangeRateTable> Read(Stream stream, string fileName) => CsvEntry.FromStream(stream, fileName, TradeFileFormat.ExchangeRates, null, ReadCore);

    /// <summary>Reads rates from text, which stays open.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="fileName">The name to use in messages.</param>
    /// <returns>The table and the report.</returns>
    /// <exception cref="TradeDataException">A bad value.</exception>
    public static ReadResult<ExchangeRateTable> Read(TextReader reader, string fileName) => CsvEntry.FromText(reader, fileName, TradeFileFormat.ExchangeRates, ReadCore);

    /// <summary>Writes a table.</summary>
    /// <param name="table">The rates.</param>
    /// <param name="writer">Where to write; not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(ExchangeRateTable table, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(writer);
        var o = new CsvOutput(writer);
        o.Row([.. Columns]);
        foreach (var r in table.Rates)
        {
            o.Row(r.Base.Code, r.Quote.Code, LocalDatePattern.Iso.Format(r.AsOf), CsvOutput.Number(r.Rate), FormatBasis(r.Basis), r.Source);
        }
    }

    /// <summary>Writes a table to a file (UTF-8 without BOM; gzip when the name ends in <c>.gz</c>).</summary>
    /// <param name="table">The rates.</param>
    /// <param name="path">The file, replaced if it exists.</param>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Write(ExchangeRateTable table, string path)
    {
        ArgumentNullException.ThrowIfNull(table);
        CsvEntry.ToPath(path, w => Write(table, w));
    }

    /// <summary>Returns the file spelling of a basis: <c>daily</c>, <c>weekly-average</c>, <c>monthly-average</c> or <c>annual-average</c>.</summary>
    /// <param name="basis">The basis.</param>
    /// <returns>The spelling.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined basis.</exception>
    public static string FormatBasis(ExchangeRateBasis basis) => basis switch
    {
        ExchangeRateBasis.Daily => "daily",
        ExchangeRateBasis.WeeklyAverage => "weekly-average",
        ExchangeRateBasis.MonthlyAverage => "monthly-average",
        ExchangeRateBasis.AnnualAverage => "annual-average",
        _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, "Unknown exchange-rate basis."),
    };

    private static ReadResult<ExchangeRateTable> ReadCore(CsvInput csv)
    {
        var baseCol = csv.Require("base");
        var quoteCol = csv.Require("quote");
        var asOf = csv.Require("as_of");
        var rate = csv.Require("rate");
        var basis = csv.Require("basis");
        var source = csv.Find("source");
        var rates = new List<ExchangeRate>();
        var seen = new Dictionary<(Currency, Currency, LocalDate, ExchangeRateBasis), long>();
        while (csv.Read())
        {
            var b = Currency(csv, baseCol);
            var q = Currency(csv, quoteCol);
            if (b.Equals(q))
            {
                throw csv.Error(quoteCol, "equals the base currency; a rate needs two currencies");
            }

            var d = csv.Date(asOf);
            var r = csv.Decimal(rate);
            if (r == 0m)
            {
                throw csv.Error(rate, "is zero; a rate must be positive");
            }

            r = csv.InRange(rate, r, NumericDomain.MinExchangeRate, NumericDomain.MaxExchangeRate, "units of quote per unit of base");

            var k = csv.Required(basis).ToUpperInvariant() switch
            {
                "DAILY" => ExchangeRateBasis.Daily,
                "WEEKLY-AVERAGE" => ExchangeRateBasis.WeeklyAverage,
                "MONTHLY-AVERAGE" => ExchangeRateBasis.MonthlyAverage,
                "ANNUAL-AVERAGE" => ExchangeRateBasis.AnnualAverage,
                _ => throw csv.Error(basis, "is not a basis: expected daily, weekly-average, monthly-average or annual-average"),
            };
            // One rate per (base, quote, basis, date); an annual average stands for its whole year.
            var slot = (b, q, k == ExchangeRateBasis.AnnualAverage ? new LocalDate(d.Year, 1, 1) : d, k);
            if (!seen.TryAdd(slot, csv.Line))
            {
                throw csv.Error(asOf, k == ExchangeRateBasis.AnnualAverage
                    ? $"repeats line {seen[slot]}: a second {b.Code}/{q.Code} annual average for {d.Year}"
                    : $"repeats line {seen[slot]}: same base, quote, basis and date");
            }

            rates.Add(new ExchangeRate(b, q, r, d, k, csv.Label(source)));
            csv.Report.Kept++;
        }

        csv.Report.Unit("rate: units of quote per 1 unit of base");
        return new ReadResult<ExchangeRateTable>(new ExchangeRateTable(rates), csv.Report.Build());
    }

    private static Currency Currency(CsvInput csv, int ordinal)
    {
        var s = csv.Required(ordinal);
        try
        {
            return TradeBalance.Currency.FromCode(s);
        }
        catch (ArgumentException e)
        {
            throw csv.Error(ordinal, "is not an ISO 4217 currency code", e);
        }
    }
}
