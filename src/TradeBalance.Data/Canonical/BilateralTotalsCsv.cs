using System.Collections.Immutable;
using TradeBalance.Data.Internal;

namespace TradeBalance.Data;

/// <summary>
/// Reads and writes <c>bilateral-totals.csv</c>: <c>year, exporter, importer, value, currency,
/// period, basis</c> (required) and <c>source</c> (optional): published totals of goods trade
/// between two countries (<see cref="BilateralTotal"/>).
/// </summary>
/// <remarks>
/// <para>Bad input raises <see cref="TradeDataException"/> (unknown country or currency, negative
/// or non-numeric value, bad period or basis, exporter = importer). Several figures may share year,
/// countries, period and basis (sources disagree; they are published figures, not flows to add up).
/// Rows keep the file's order; writing then reading gives an equal list.</para>
/// </remarks>
/// <threadsafety>Stateless; safe to use from many threads.</threadsafety>
public static class BilateralTotalsCsv
{
    /// <summary>The column names, in the order the writer writes them.</summary>
    public static readonly IReadOnlyList<string> Columns = ["year", "exporter", "importer", "value", "currency", "period", "basis", "source"];

    /// <summary>Reads a file (gzip detected).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The figures, in file order, and the report.</returns>
    /// <exception cref="TradeDataException">A bad value.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ReadResult<ImmutableArray<BilateralTotal>> Read(string path) => CsvEntry.FromPath(path, TradeFileFormat.BilateralTotals, null, ReadCore);

    /// <summary>Reads from a stream, which stays open.</summary>
    /// <param name="stream">The content.</param>
    /// <param name="fileName">The name to use in messages.</param>
    /// <returns>The figures and the report.</returns>
    /// <exception cref="TradeDataException">A bad value.</exception>
    public static ReadResult<ImmutableArray<BilateralTotal>> Read(Stream stream, string fileName) => CsvEntry.FromStream(stream, fileName, TradeFileFormat.BilateralTotals, null, ReadCore);

    /// <summary>Reads from text, which stays open.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="fileName">The name to use in messages.</param>
    /// <returns>The figures and the report.</returns>
    /// <exception cref="TradeDataException">A bad value.</exception>
    public static ReadResult<ImmutableArray<BilateralTotal>> Read(TextReader reader, string fileName) => CsvEntry.FromText(reader, fileName, TradeFileFormat.BilateralTotals, ReadCore);

    /// <summary>Writes figures.</summary>
    /// <param name="totals">The figures.</param>
    /// <param name="writer">Where to write; not closed.</param>
    /// <exception cref="ArgumentNullException">An argument or element is null.</exception>
    public static void Write(IEnumerable<BilateralTotal> totals, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentNullException.ThrowIfNull(writer);
        var o = new CsvOutput(writer);
        o.Row([.. Columns]);
        foreach (var t in totals)
        {
            ArgumentNullException.ThrowIfNull(t, nameof(totals));
            o.Row(CsvOutput.Number(t.Year), t.Exporter.Alpha3, t.Importer.Alpha3, CsvOutput.Number(t.Value.Amount), t.Value.Currency.Code, t.Period, t.Basis, t.Source);
        }
    }

    /// <summary>Writes figures to a file (UTF-8 without BOM; gzip when the name ends in <c>.gz</c>).</summary>
    /// <param name="totals">The figures.</param>
    /// <param name="path">The file, replaced if it exists.</param>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Write(IEnumerable<BilateralTotal> totals, string path)
    {
        ArgumentNullException.ThrowIfNull(totals);
        CsvEntry.ToPath(path, w => Write(totals, w));
    }

    private static ReadResult<ImmutableArray<BilateralTotal>> ReadCore(CsvInput csv)
    {
        var year = csv.Require("year");
        var exporter = csv.Require("exporter");
        var importer = csv.Require("importer");
        var value = csv.Require("value");
        var currency = csv.Require("currency");
        var period = csv.Require("period");
        var basis = csv.Require("basis");
        var source = csv.Find("source");
        var list = ImmutableArray.CreateBuilder<BilateralTotal>();
        while (csv.Read())
        {
            var y = csv.Int(year, 1900, 2200);
            var e = csv.Country(exporter);
            var i = csv.Country(importer);
            if (e.Equals(i))
            {
                throw csv.Error(importer, "is also the exporter; a total needs two different countries");
            }

            var v = csv.Decimal(value);
            Currency c;
            try
            {
                c = Currency.FromCode(csv.Required(currency));
            }
            catch (ArgumentException ex)
            {
                throw csv.Error(currency, "is not an ISO 4217 currency code", ex);
            }

            var p = csv.Required(period);
            var b = csv.Required(basis);
            BilateralTotal total;
            try
            {
                total = new BilateralTotal(y, e, i, new Money(v, c), p, b, csv.Label(source));
            }
            catch (ArgumentException ex)
            {
                throw ex.ParamName == "period"
                    ? csv.Error(period, "is not a period: expected full-year or a month range such as jan-sep", ex)
                    : csv.Error(basis, "is not a basis: expected a lower-case token such as kenya-reported", ex);
            }

            list.Add(total);
            csv.Report.Kept++;
        }

        csv.Report.Unit("value: units of the row's currency, current prices");
        return new ReadResult<ImmutableArray<BilateralTotal>>(list.ToImmutable(), csv.Report.Build());
    }
}
