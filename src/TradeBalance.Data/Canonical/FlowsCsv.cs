using TradeBalance.Data.Internal;

namespace TradeBalance.Data;

/// <summary>
/// Reads and writes the canonical <c>flows.csv</c>: <c>year, exporter, importer, hs, value_usd</c>
/// (required), <c>quantity_kg, source</c> (optional), one row per flow, values in current USD.
/// </summary>
/// <remarks>
/// <para>Reading: columns are matched by name (case-insensitive, any order; unknown columns are
/// ignored); leading <c>#</c> lines are comments; UTF-8 with or without BOM; <c>.gz</c> input is
/// decompressed. Countries are ISO 3166-1 alpha-3 (alpha-2 and numeric / UN M49 also accepted, plus
/// the trade-statistics aliases such as 842 for USA, and <c>ROW</c>). Fields are trimmed.</para>
/// <para>Bad input raises <see cref="TradeDataException"/> with file, line, column and value: an
/// unknown country, a bad HS code, a negative or non-numeric value, a year outside 1900–2200, the
/// same country as exporter and importer, a missing required column, a wrong field count, or a
/// duplicate flow (same exporter, importer, HS code and year; the message names the first line).</para>
/// <para>Writing produces exactly the columns above, in that order, with invariant-culture plain
/// decimals and alpha-3 codes, so that <see cref="Write(TradeDataSet, TextWriter)"/> then
/// <see cref="Read(TextReader, string)"/> gives an equal data set (sources are compared trimmed).</para>
/// </remarks>
/// <threadsafety>Stateless; safe to use from many threads.</threadsafety>
public static class FlowsCsv
{
    /// <summary>The column names, in the order the writer writes them.</summary>
    public static readonly IReadOnlyList<string> Columns = ["year", "exporter", "importer", "hs", "value_usd", "quantity_kg", "source"];

    /// <summary>Reads a flows file (gzip-compressed when it ends in <c>.gz</c> or starts with the gzip magic bytes).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The flows (USD) and the report.</returns>
    /// <exception cref="TradeDataException">The file holds a bad value; the message says where.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ReadResult<TradeDataSet> Read(string path) => CsvEntry.FromPath(path, TradeFileFormat.Flows, null, ReadCore);

    /// <summary>Reads flows from a stream, which stays open.</summary>
    /// <param name="stream">The content (gzip detected by magic bytes).</param>
    /// <param name="fileName">The name to use in messages and reports.</param>
    /// <returns>The flows and the report.</returns>
    /// <exception cref="TradeDataException">The content holds a bad value.</exception>
    public static ReadResult<TradeDataSet> Read(Stream stream, string fileName) => CsvEntry.FromStream(stream, fileName, TradeFileFormat.Flows, null, ReadCore);

    /// <summary>Reads flows from text, which stays open.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="fileName">The name to use in messages and reports.</param>
    /// <returns>The flows and the report.</returns>
    /// <exception cref="TradeDataException">The text holds a bad value.</exception>
    public static ReadResult<TradeDataSet> Read(TextReader reader, string fileName) => CsvEntry.FromText(reader, fileName, TradeFileFormat.Flows, ReadCore);

    /// <summary>Writes flows in the canonical layout.</summary>
    /// <param name="data">The flows; their currency must be USD.</param>
    /// <param name="writer">Where to write; not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The data set is not in USD (the column is <c>value_usd</c>).</exception>
    public static void Write(TradeDataSet data, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(writer);
        if (!data.Currency.Equals(Currency.Usd))
        {
            throw new ArgumentException($"flows.csv holds USD values; this data set is in {data.Currency.Code}. Convert it first.", nameof(data));
        }

        if (data.Revision is { } revision)
        {
            writer.Write(CsvInput.RevisionCommentKey + " " + revision + "\n");
        }

        var o = new CsvOutput(writer);
        o.Row([.. Columns]);
        foreach (var f in data.Flows)
        {
            o.Row(CsvOutput.Number(f.Year), f.Exporter.Alpha3, f.Importer.Alpha3, f.Hs.ToString(), CsvOutput.Number(f.Value.Amount), CsvOutput.Number(f.QuantityKg), f.Source);
        }
    }

    /// <summary>Writes flows to a file (UTF-8 without BOM; gzip-compressed when the name ends in <c>.gz</c>).</summary>
    /// <param name="data">The flows; their currency must be USD.</param>
    /// <param name="path">The file, replaced if it exists.</param>
    /// <exception cref="ArgumentException">The data set is not in USD.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Write(TradeDataSet data, string path)
    {
        ArgumentNullException.ThrowIfNull(data);
        CsvEntry.ToPath(path, w => Write(data, w));
    }

    /// <summary>Reads canonical flows from records of any container (text, Parquet).</summary>
    internal static ReadResult<TradeDataSet> ReadCore(RecordInput csv)
    {
        var year = csv.Require("year");
        var exporter = csv.Require("exporter");
        var importer = csv.Require("importer");
        var hs = csv.Require("hs");
        var value = csv.Require("value_usd");
        var quantity = csv.Find("quantity_kg");
        var source = csv.Find("source");
        var flows = new List<TradeFlow>();
        var lines = new List<long>();
        while (csv.Read())
        {
            var y = csv.Int(year, 1900, 2200);
            var e = csv.Country(exporter);
            var i = csv.Country(importer);
            if (e.Equals(i))
            {
                throw csv.Error(importer, "is also the exporter; a flow needs two different countries");
            }

            var h = csv.Hs(hs);
            var v = csv.Amount(value, csv.Decimal(value), NumericDomain.MinPositiveFlowValue, NumericDomain.MaxFlowValue, "USD");
            var q = csv.OptionalDecimal(quantity) is { } kg ? csv.Amount(quantity, kg, NumericDomain.MinPositiveQuantityKg, NumericDomain.MaxQuantityKg, "kg") : (decimal?)null;
            flows.Add(new TradeFlow(e, i, h, y, new Money(v, Currency.Usd), q, csv.Label(source)));
            lines.Add(csv.Line);
            csv.Report.Kept++;
        }

        csv.Report.Unit("value_usd: current USD as given (importer-reported CIF by convention)");
        if (quantity >= 0)
        {
            csv.Report.Unit("quantity_kg: kilograms net weight as given");
        }

        TradeDataSet data;
        try
        {
            // The data set finds duplicates as neighbours when it sorts each market; only when it
            // finds one are the lines searched, to name both.
            data = new TradeDataSet(flows);
        }
        catch (ArgumentException) when (FirstDuplicate(flows, lines) is { } duplicate)
        {
            var (f, line, first) = duplicate;
            throw csv.At(line, null, null, FlowAccumulator.DuplicateProblem(f.Exporter, f.Importer, f.Hs, f.Year, csv.Place(first)));
        }
        catch (ArgumentException e) when (e.ParamName == "flows")
        {
            throw FlowsOfFile.Refused(e, csv.FileName);
        }

        return new ReadResult<TradeDataSet>(csv.StatedRevision is { } stated ? data.WithRevision(stated) : data, csv.Report.Build());
    }

    /// <summary>The first flow that repeats an earlier one's exporter, importer, code and year, with its line and the earlier one's.</summary>
    private static (TradeFlow Flow, long Line, long FirstLine)? FirstDuplicate(List<TradeFlow> flows, List<long> lines)
    {
        var seen = new Dictionary<(Country, Country, HsCode, int), long>();
        for (var k = 0; k < flows.Count; k++)
        {
            var f = flows[k];
            if (!seen.TryAdd((f.Exporter, f.Importer, f.Hs, f.Year), lines[k]))
            {
                return (f, lines[k], seen[(f.Exporter, f.Importer, f.Hs, f.Year)]);
            }
        }

        return null;
    }
}
