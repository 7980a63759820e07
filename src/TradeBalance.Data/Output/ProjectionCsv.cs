using System.Collections.Immutable;
using TradeBalance.Data.Internal;
using TradeBalance.Projections;

namespace TradeBalance.Data;

/// <summary>
/// Writes a projection as CSV, one row per market × supplier, and reads such a file back:
/// <c>importer, exporter, hs, baseline_usd, tariff_before_percent, tariff_after_percent,
/// trade_creation_usd, trade_diversion_usd, projected_usd, baseline_share, projected_share</c>.
/// </summary>
/// <remarks>
/// <para>Money columns are USD as invariant plain decimals; tariffs are percent; shares are fractions
/// of the importer's imports of that HS code, written in round-trip ("R") form. Creation and
/// diversion are empty where the model does not define them (GSIM).</para>
/// <para>Reading checks every value (countries, HS codes, numbers; baseline and projected not
/// negative; tariffs not negative; shares in [0, 1]) and rejects a repeated market × supplier;
/// writing rows then reading them gives equal rows.</para>
/// </remarks>
/// <threadsafety>Stateless; safe to use from many threads.</threadsafety>
public static class ProjectionCsv
{
    /// <summary>The column names, in order (docs/data-formats.md, Projection output).</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["importer", "exporter", "hs", "baseline_usd", "tariff_before_percent", "tariff_after_percent", "trade_creation_usd", "trade_diversion_usd", "projected_usd", "baseline_share", "projected_share"];

    /// <summary>Writes a projection's rows.</summary>
    /// <param name="result">The projection; its data must be in USD.</param>
    /// <param name="writer">Where to write; not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The projection is not in USD.</exception>
    public static void Write(ProjectionResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        Write(result.Rows.Select(ProjectionOutputRow.From), writer);
    }

    /// <summary>Writes output rows.</summary>
    /// <param name="rows">The rows.</param>
    /// <param name="writer">Where to write; not closed.</param>
    /// <exception cref="ArgumentNullException">An argument or row is null.</exception>
    public static void Write(IEnumerable<ProjectionOutputRow> rows, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(writer);
        var o = new CsvOutput(writer);
        o.Row([.. Columns]);
        foreach (var r in rows)
        {
            ArgumentNullException.ThrowIfNull(r, nameof(rows));
            // Field by field into the writer (codes never need quoting): a row per flow costs no strings.
            o.Plain(r.Importer.Alpha3);
            o.Comma();
            o.Plain(r.Exporter.Alpha3);
            o.Comma();
            o.Plain(r.Hs.ToString());
            o.Comma();
            o.Write(r.BaselineUsd);
            o.Comma();
            o.Write(r.TariffBefore.Percent);
            o.Comma();
            o.Write(r.TariffAfter.Percent);
            o.Comma();
            o.Write(r.TradeCreationUsd);
            o.Comma();
            o.Write(r.TradeDiversionUsd);
            o.Comma();
            o.Write(r.ProjectedUsd);
            o.Comma();
            o.Write(r.BaselineShare);
            o.Comma();
            o.Write(r.ProjectedShare);
            o.EndRow();
        }
    }

    /// <summary>Writes a projection to a file (UTF-8 without BOM; gzip when the name ends in <c>.gz</c>).</summary>
    /// <param name="result">The projection.</param>
    /// <param name="path">The file, replaced if it exists.</param>
    /// <exception cref="ArgumentException">The projection is not in USD.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Write(ProjectionResult result, string path)
    {
        ArgumentNullException.ThrowIfNull(result);
        CsvEntry.ToPath(path, w => Write(result, w));
    }

    /// <summary>Reads a projection output file (gzip detected).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The rows, in file order, and the report.</returns>
    /// <exception cref="TradeDataException">A bad value.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ReadResult<ImmutableArray<ProjectionOutputRow>> Read(string path) => CsvEntry.FromPath(path, TradeFileFormat.ProjectionOutput, null, ReadCore);

    /// <summary>Reads projection output from a stream, which stays open.</summary>
    /// <param name="stream">The content.</param>
    /// <param name="fileName">The name to use in messages.</param>
    /// <returns>The rows and the report.</returns>
    /// <exception cref="TradeDataException">A bad value.</exception>
    public static ReadResult<ImmutableArray<ProjectionOutputRow>> Read(Stream stream, string fileName) => CsvEntry.FromStream(stream, fileName, TradeFileFormat.ProjectionOutput, null, ReadCore);

    /// <summary>Reads projection output from text, which stays open.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="fileName">The name to use in messages.</param>
    /// <returns>The rows and the report.</returns>
    /// <exception cref="TradeDataException">A bad value.</exception>
    public static ReadResult<ImmutableArray<ProjectionOutputRow>> Read(TextReader reader, string fileName) => CsvEntry.FromText(reader, fileName, TradeFileFormat.ProjectionOutput, ReadCore);

    private static ReadResult<ImmutableArray<ProjectionOutputRow>> ReadCore(CsvInput csv)
    {
        var o = Columns.Select(c => csv.Require(c)).ToArray();
        var rows = ImmutableArray.CreateBuilder<ProjectionOutputRow>();
        var seen = new Dictionary<(Country, Country, HsCode), long>();
        while (csv.Read())
        {
            var importer = csv.Country(o[0]);
            var exporter = csv.Country(o[1]);
            var hs = csv.Hs(o[2]);
            if (!seen.TryAdd((importer, exporter, hs), csv.Line))
            {
                throw csv.Error($"repeats market {importer.Alpha3} {hs} supplier {exporter.Alpha3} of line {seen[(importer, exporter, hs)]}");
            }

            rows.Add(new ProjectionOutputRow(
                importer,
                exporter,
                hs,
                csv.Decimal(o[3]),
                new TariffRate(csv.InRange(o[4], csv.Decimal(o[4]), 0m, NumericDomain.MaxTariffPercent, "percent")),
                new TariffRate(csv.InRange(o[5], csv.Decimal(o[5]), 0m, NumericDomain.MaxTariffPercent, "percent")),
                csv.OptionalDecimal(o[6], allowNegative: true),
                csv.OptionalDecimal(o[7], allowNegative: true),
                csv.Decimal(o[8]),
                Share(csv, o[9]),
                Share(csv, o[10])));
            csv.Report.Kept++;
        }

        csv.Report.Unit("*_usd: current USD; tariffs: percent; shares: fractions of the market");
        return new ReadResult<ImmutableArray<ProjectionOutputRow>>(rows.ToImmutable(), csv.Report.Build());
    }

    private static double Share(CsvInput csv, int ordinal)
    {
        var v = csv.Double(ordinal);
        return v is >= 0d and <= 1d ? v : throw csv.Error(ordinal, "is not a share: expected a fraction from 0 to 1");
    }
}
