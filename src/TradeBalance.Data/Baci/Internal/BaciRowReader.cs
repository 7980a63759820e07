using System.Text;

namespace TradeBalance.Data.Internal.Baci;

/// <summary>
/// <see cref="BaciReader.Read(string, BaciReadOptions?)"/>'s reader: a BACI file row by row through
/// <see cref="CsvInput"/> under <see cref="BaciRules"/>, straight into domain flows (filters applied, ROW flows merged).
/// Memory grows only with the flows kept.
/// </summary>
internal static class BaciRowReader
{
    /// <summary>Reads BACI content that is already decompressed (the bytes <see cref="TradeFile.ReadFlows(Stream, string, ComtradeReadOptions?, BaciReadOptions?)"/> holds).</summary>
    public static ReadResult<TradeDataSet> ReadDecompressed(Stream content, string fileName, BaciReadOptions options)
    {
        using var text = Input.Text(content, options.Encoding ?? Encoding.UTF8);
        using var csv = CsvInput.Open(text, fileName, TradeFileFormat.Baci);
        return Read(csv, options);
    }

    public static ReadResult<TradeDataSet> Read(RecordInput csv, BaciReadOptions options)
    {
        var f = BaciRules.FindFields(csv);
        var flows = new FlowAccumulator(csv, options.Importers, options.Exporters, options.Products, BaciRules.Source(options, csv.FileName));
        // A file repeats some thousands of products over millions of rows: one HsCode per product, not per row.
        var hsCodes = new Dictionary<int, HsCode>();
        while (csv.Read())
        {
            if (!BaciRules.ReadKey(csv, f, options.CountryCodes, out var k))
            {
                continue;
            }

            if (k.Exporter.Equals(k.Importer))
            {
                // Skipped unread: an intra-national row's v is not checked here (the columns, which keep it, check it).
                csv.Report.Skip(BaciRules.SelfFlowRule);
                continue;
            }

            var value = BaciRules.ReadValue(csv, f);
            var tonnes = BaciRules.ReadTonnes(csv, f);
            if (!hsCodes.TryGetValue(k.Product, out var hs))
            {
                hsCodes[k.Product] = hs = BaciRules.Hs(k.Product);
            }

            if (!flows.Passes(k.Exporter, k.Importer, hs))
            {
                continue;
            }

            flows.Add(k.Exporter, k.Importer, hs, k.Year, value, tonnes is { } kt ? BaciRules.Thousand(csv, f.Q, kt) : null);
        }

        BaciRules.AddUnits(csv.Report, options);
        return flows.Build();
    }
}
