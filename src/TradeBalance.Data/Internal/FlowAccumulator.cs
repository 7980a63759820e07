using System.Runtime.InteropServices;

namespace TradeBalance.Data.Internal;

/// <summary>
/// Collects flows from an external file: applies the caller's filters, merges every ROW flow of a
/// market into one (nes areas map to ROW, so several rows can land there), and rejects any other
/// duplicate with both line numbers.
/// </summary>
internal sealed class FlowAccumulator(CsvInput csv, IReadOnlySet<Country>? importers, IReadOnlySet<Country>? exporters, IReadOnlyList<HsCode>? products, string source)
{
    private readonly Dictionary<(Country Exporter, Country Importer, HsCode Hs, int Year), int> _index = new(FlowKeyComparer.Instance);
    private readonly List<TradeFlow> _flows = [];
    private readonly List<long> _lines = [];

    /// <summary>Returns false (and counts the row as skipped) when a filter excludes it.</summary>
    public bool Passes(Country exporter, Country importer, HsCode hs)
    {
        if (importers is not null && !importers.Contains(importer))
        {
            csv.Report.Skip("outside the importer filter");
            return false;
        }

        if (exporters is not null && !exporters.Contains(exporter))
        {
            csv.Report.Skip("outside the exporter filter");
            return false;
        }

        if (products is not null && !products.Any(p => p.Contains(hs)))
        {
            csv.Report.Skip("outside the product filter");
            return false;
        }

        return true;
    }

    public void Add(Country exporter, Country importer, HsCode hs, int year, decimal valueUsd, decimal? quantityKg)
    {
        ref var at = ref CollectionsMarshal.GetValueRefOrAddDefault(_index, (exporter, importer, hs, year), out var exists);
        if (exists)
        {
            var e = _flows[at];
            var line = _lines[at];
            if (!exporter.Equals(Countries.RestOfWorld))
            {
                throw csv.Error($"duplicate flow {exporter.Alpha3}→{importer.Alpha3} HS {hs} {year}: line {line} has the same exporter, importer, HS code and year");
            }

            try
            {
                _flows[at] = new TradeFlow(e.Exporter, e.Importer, e.Hs, e.Year, new Money(e.Value.Amount + valueUsd, Currency.Usd), e.QuantityKg is null || quantityKg is null ? null : e.QuantityKg + quantityKg, source);
            }
            catch (Exception ex) when (ex is OverflowException or ArgumentOutOfRangeException)
            {
                throw csv.Error($"ROW flows {importer.Alpha3} HS {hs} {year} (this line and line {line}) sum to more than the largest value of a flow (1E+15 USD, or 1E+15 kg; docs/numeric-domain.md)", ex);
            }

            csv.Report.Adjust("rows merged into one ROW flow per market (summed)");
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

    public ReadResult<TradeDataSet> Build() => new(new TradeDataSet(_flows), csv.Report.Build());
}
