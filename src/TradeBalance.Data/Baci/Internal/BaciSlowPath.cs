using System.Text;

namespace TradeBalance.Data.Internal.Baci;

/// <summary>
/// The columnar reader's slow path: any file the fast path does not take (a bad value, a quote, a comment, a blank
/// line, padding, an exponent, another column order or encoding), read with <see cref="CsvInput"/> row by row in file
/// order under <see cref="BaciRules"/>, as <see cref="BaciReader.Read(string, BaciReadOptions?)"/> reads it: the same
/// files are accepted, and every error is the first bad line's, in the same words.
/// </summary>
/// <remarks>Unlike <c>Read</c>, it keeps intra-national rows (so it reads their <c>v</c>), applies no filter and refuses
/// a repeated (t, i, j, k): the columns hold every row.</remarks>
internal static class BaciSlowPath
{
    public static ReadResult<BaciColumns> Parse(byte[] buffer, int length, string fileName, BaciReadOptions options)
    {
        // A record ends at \n, \r\n or a lone \r (NewlineReader): counting both bytes bounds the rows.
        var capacity = buffer.AsSpan(0, length).Count((byte)'\n') + buffer.AsSpan(0, length).Count((byte)'\r') + 1;
        using var text = Input.Text(new MemoryStream(buffer, 0, length, writable: false), options.Encoding ?? Encoding.UTF8);
        using var csv = CsvInput.Open(text, fileName, TradeFileFormat.Baci);
        var f = BaciRules.FindFields(csv);
        var columns = new BaciColumnArrays(capacity);
        var seen = new Dictionary<long, long>();
        var gapRows = new List<int>();
        var gapOffsets = new List<long>();
        var firstDataLine = csv.HeaderLine + 1;
        long offset = 0;
        var row = 0;
        while (csv.Read())
        {
            if (!BaciRules.ReadKey(csv, f, options.CountryCodes, out var k))
            {
                continue;
            }

            var exactValue = BaciRules.ReadValue(csv, f);
            var value = BaciDecimals.ToDouble(exactValue);
            var tonnes = BaciRules.ReadTonnes(csv, f);
            var exactQuantity = tonnes is { } kt ? BaciRules.Thousand(csv, f.Q, kt) : (decimal?)null;
            var quantity = exactQuantity is { } kg ? BaciDecimals.ToDouble(kg) : double.NaN;
            var scales = BaciDecimals.ScaleOf(exactValue, value) | ((exactQuantity is { } e ? BaciDecimals.ScaleOf(e, quantity) : 0) << 4);
            var key = BaciDuplicates.Key(k.Year, k.ExporterCode, k.ImporterCode, k.Product);
            if (!seen.TryAdd(key, csv.Line))
            {
                throw BaciDuplicates.Error(fileName, csv.Line, seen[key], k.Year, k.ExporterCode, k.ImporterCode, k.Product);
            }

            if (csv.Line - firstDataLine - row != offset)
            {
                // Lines that hold no row (blank, 9999AA, quoted line breaks) before this one: LineOf adds them back.
                offset = csv.Line - firstDataLine - row;
                gapRows.Add(row);
                gapOffsets.Add(offset);
            }

            columns.Set(row++, k.Year, k.ExporterCode, k.ImporterCode, k.Product, value, quantity, (byte)scales);
            csv.Report.Kept++;
        }

        BaciRules.AddUnits(csv.Report, options);
        var report = csv.Report.Build();
        var built = columns.Build(row, fileName, firstDataLine, [.. gapRows], [.. gapOffsets]);
        built.Report = report;
        return new ReadResult<BaciColumns>(built, report);
    }
}
