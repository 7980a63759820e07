using System.Globalization;
using System.Runtime.InteropServices;

namespace TradeBalance.Data.Internal;

/// <summary>
/// Collects flows from an external file: applies the caller's filters, merges every ROW flow of a
/// market into one (nes areas map to ROW, so several rows can land there), and rejects any other
/// duplicate with both line numbers.
/// </summary>
/// <remarks>The rules' words and the merge are shared (static) with <see cref="BaciColumns.ToTradeDataSet"/>, which
/// applies the same rules to columns without a <see cref="CsvInput"/>.</remarks>
internal sealed class FlowAccumulator(RecordInput csv, IReadOnlySet<Country>? importers, IReadOnlySet<Country>? exporters, IReadOnlyList<HsCode>? products, string source)
{
    public const string OutsideImporters = "outside the importer filter";

    public const string OutsideExporters = "outside the exporter filter";

    public const string OutsideProducts = "outside the product filter";

    public const string MergedRule = "rows merged into one ROW flow per market (summed)";

    private readonly Dictionary<(Country Exporter, Country Importer, HsCode Hs, int Year), int> _index = new(FlowKeyComparer.Instance);
    private readonly List<TradeFlow> _flows = [];
    private readonly List<long> _lines = [];

    /// <summary>Whether a product filter (null: none) passes the code: it lies under one of the filter's codes.</summary>
    public static bool InProducts(IReadOnlyList<HsCode>? products, HsCode hs) => products is null || products.Any(p => p.Contains(hs));

    /// <summary>Only ROW flows merge (several nes areas become ROW); any other repeat is this error.</summary>
    public static string DuplicateProblem(Country exporter, Country importer, HsCode hs, int year, long firstLine) =>
        DuplicateProblem(exporter, importer, hs, year, string.Create(CultureInfo.InvariantCulture, $"line {firstLine}"));

    /// <summary><see cref="DuplicateProblem(Country, Country, HsCode, int, long)"/> with the first record's place in words (<c>row 17</c>).</summary>
    public static string DuplicateProblem(Country exporter, Country importer, HsCode hs, int year, string first) =>
        $"duplicate flow {exporter.Alpha3}→{importer.Alpha3} HS {hs} {year}: {first} has the same exporter, importer, HS code and year";

    public static string MergeTooLargeProblem(Country importer, HsCode hs, int year, long firstLine) =>
        MergeTooLargeProblem(importer, hs, year, "line", string.Create(CultureInfo.InvariantCulture, $"line {firstLine}"));

    /// <summary><see cref="MergeTooLargeProblem(Country, HsCode, int, long)"/> with the unit (<c>row</c>) and the first record's place in words.</summary>
    public static string MergeTooLargeProblem(Country importer, HsCode hs, int year, string unit, string first) =>
        $"ROW flows {importer.Alpha3} HS {hs} {year} (this {unit} and {first}) sum to more than the largest value of a flow (1E+15 USD, or 1E+15 kg; docs/numeric-domain.md)";

    /// <summary>A ROW flow with another row's value and quantity added (the quantity unknown when either is).</summary>
    /// <exception cref="OverflowException">The sum does not fit a decimal.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The sum is outside a flow's domain.</exception>
    public static TradeFlow Merge(TradeFlow e, decimal valueUsd, decimal? quantityKg, string source) =>
        new(e.Exporter, e.Importer, e.Hs, e.Year, new Money(e.Value.Amount + valueUsd, Currency.Usd), e.QuantityKg is null || quantityKg is null ? null : e.QuantityKg + quantityKg, source);

    /// <summary>Returns false (and counts the row as skipped) when a filter excludes it.</summary>
    public bool Passes(Country exporter, Country importer, HsCode hs)
    {
        if (importers is not null && !importers.Contains(importer))
        {
            csv.Report.Skip(OutsideImporters);
            return false;
        }

        if (exporters is not null && !exporters.Contains(exporter))
        {
            csv.Report.Skip(OutsideExporters);
            return false;
        }

        if (!InProducts(products, hs))
        {
            csv.Report.Skip(OutsideProducts);
            return false;
        }

        return true;
    }

    public void Add(Country exporter, Country importer, HsCode hs, int year, decimal valueUsd, decimal? quantityKg)
    {
        ref var at = ref CollectionsMarshal.GetValueRefOrAddDefault(_index, (exporter, importer, hs, year), out var exists);
        if (exists)
        {
            var line = _lines[at];
            if (!exporter.Equals(Countries.RestOfWorld))
            {
                throw csv.Error(DuplicateProblem(exporter, importer, hs, year, csv.Place(line)));
            }

            try
            {
                _flows[at] = Merge(_flows[at], valueUsd, quantityKg, source);
            }
            catch (Exception ex) when (ex is OverflowException or ArgumentOutOfRangeException)
            {
                throw csv.Error(MergeTooLargeProblem(importer, hs, year, csv.PlaceUnit, csv.Place(line)), ex);
            }

            csv.Report.Adjust(MergedRule);
        }
        else
        {
            // The flow itself, not a record to make one from at the end: a million rows made two million objects.
            at = _flows.Count;
            _flows.Add(new TradeFlow(exporter, importer, hs, year, new Money(valueUsd, Currency.Usd), quantityKg, source));
            _lines.Add(csv.Line);
        }

        csv.Report.Kept++;
    }

    public ReadResult<TradeDataSet> Build() => new(FlowsOfFile.DataSet(_flows, csv.FileName), csv.Report.Build());
}
