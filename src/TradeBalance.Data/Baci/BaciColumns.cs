using System.Globalization;
using System.Runtime.InteropServices;
using TradeBalance.Data.Internal;
using TradeBalance.Data.Internal.Baci;

namespace TradeBalance.Data;

/// <summary>
/// A CEPII BACI trade file as columns: one array per field (<c>t, i, j, k, v, q</c>), rows in file
/// order, as <see cref="BaciReader.ReadColumns(string, BaciReadOptions?)"/> read them.
/// </summary>
/// <remarks>
/// <para><b>What a row holds.</b> <see cref="Years"/> is <c>t</c>; <see cref="Exporters"/> and
/// <see cref="Importers"/> are BACI's numeric codes <c>i</c> and <c>j</c> as written in the file (not
/// resolved: 842 stays 842, a nes area stays its code); <see cref="Products"/> is <c>k</c> as a number
/// (<c>090240</c> → 90240; a 5-digit <c>k</c> is the same number, its leading zero restored and counted
/// as an adjustment), see <see cref="ProductAt"/> for the <see cref="HsCode"/>. <see cref="ValuesUsd"/> is
/// <c>v</c> × 1000 (thousands of current USD → USD, FOB) and <see cref="QuantitiesKg"/> is <c>q</c> × 1000
/// (tonnes → kg).</para>
/// <para><b>Exact values.</b> A value is the double nearest to the exact decimal in the file times 1000:
/// <c>12.345</c> gives exactly 12345.0, and <c>0.0001</c> the double nearest to 0.1.</para>
/// <para><b>Missing quantity.</b> A missing <c>q</c> (empty, <c>NA</c>, blank-padded <c>   NA</c>, or no
/// <c>q</c> column) is <see cref="double.NaN"/>, the only NaN a column can hold: test it with
/// <see cref="HasQuantity"/> or <see cref="double.IsNaN(double)"/>. Values are never NaN.</para>
/// <para><b>Invariants.</b> Every row passed the reader's checks: t in 1900–2200; i and j resolve under the
/// options read with (a country, or a nes area that becomes ROW); k has 6 digits; v ≥ 0; q ≥ 0 or NaN; no
/// two rows share (t, i, j, k). Rows with <c>k = 9999AA</c> and blank lines are not here (the report counts
/// them); intra-national rows (i = j) are, and <see cref="ToTradeDataSet"/> skips them.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe: the spans are read-only views of arrays no one
/// else holds.</threadsafety>
public sealed class BaciColumns
{
    private readonly short[] _years;
    private readonly short[] _exporters;
    private readonly short[] _importers;
    private readonly int[] _products;
    private readonly double[] _values;
    private readonly double[] _quantities;
    private readonly byte[] _scales;
    private readonly long _firstDataLine;
    private readonly int[] _gapRows;
    private readonly long[] _gapOffsets;

    internal BaciColumns(short[] years, short[] exporters, short[] importers, int[] products, double[] values, double[] quantities, byte[] scales, int count, string fileName, long firstDataLine, int[] gapRows, long[] gapOffsets)
    {
        _years = years;
        _exporters = exporters;
        _importers = importers;
        _products = products;
        _values = values;
        _quantities = quantities;
        _scales = scales;
        Count = count;
        FileName = fileName;
        _firstDataLine = firstDataLine;
        _gapRows = gapRows;
        _gapOffsets = gapOffsets;
    }

    /// <summary>Gets the number of rows.</summary>
    public int Count { get; }

    /// <summary>Gets the year of each row (<c>t</c>).</summary>
    public ReadOnlySpan<short> Years => _years.AsSpan(0, Count);

    /// <summary>Gets the exporter of each row: BACI's numeric code <c>i</c>, as in the file.</summary>
    public ReadOnlySpan<short> Exporters => _exporters.AsSpan(0, Count);

    /// <summary>Gets the importer of each row: BACI's numeric code <c>j</c>, as in the file.</summary>
    public ReadOnlySpan<short> Importers => _importers.AsSpan(0, Count);

    /// <summary>Gets the product of each row: the 6-digit HS code <c>k</c> as a number (<c>090240</c> → 90240).</summary>
    public ReadOnlySpan<int> Products => _products.AsSpan(0, Count);

    /// <summary>Gets the value of each row in USD: <c>v</c> × 1000, the double nearest to the exact product.</summary>
    public ReadOnlySpan<double> ValuesUsd => _values.AsSpan(0, Count);

    /// <summary>Gets the quantity of each row in kg: <c>q</c> × 1000; <see cref="double.NaN"/> marks a missing <c>q</c>.</summary>
    public ReadOnlySpan<double> QuantitiesKg => _quantities.AsSpan(0, Count);

    /// <summary>Gets the file as the caller named it.</summary>
    internal string FileName { get; }

    /// <summary>Gets the read's report (set once, before the columns are handed out).</summary>
    internal ReadReport Report { get; set; } = null!;

    /// <summary>Returns the product of a row as an HS code (<c>090240</c>).</summary>
    /// <param name="row">The row, 0 to <see cref="Count"/> − 1.</param>
    /// <returns>The 6-digit code.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The row is outside the columns.</exception>
    public HsCode ProductAt(int row)
    {
        CheckRow(row);
        return BaciRules.Hs(_products[row]);
    }

    /// <summary>Returns true when the row has a quantity (its <c>q</c> was not empty or <c>NA</c>).</summary>
    /// <param name="row">The row, 0 to <see cref="Count"/> − 1.</param>
    /// <returns>False when <see cref="QuantitiesKg"/> holds NaN for the row.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The row is outside the columns.</exception>
    public bool HasQuantity(int row)
    {
        CheckRow(row);
        return !double.IsNaN(_quantities[row]);
    }

    /// <summary>Returns the 1-based line of the file the row was read from (as <see cref="TradeDataException.Line"/> counts).</summary>
    /// <param name="row">The row, 0 to <see cref="Count"/> − 1.</param>
    /// <returns>The line.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The row is outside the columns.</exception>
    public long LineOf(int row)
    {
        CheckRow(row);
        var at = Array.BinarySearch(_gapRows, row);
        if (at < 0)
        {
            at = ~at - 1; // the last gap before the row
        }
        else
        {
            while (at + 1 < _gapRows.Length && _gapRows[at + 1] == row)
            {
                at++; // several skipped lines before the same row: the last one counts
            }
        }

        return _firstDataLine + row + (at >= 0 ? _gapOffsets[at] : 0);
    }

    /// <summary>
    /// Builds the domain flows of the rows that pass the options' filters, exactly as
    /// <see cref="BaciReader.Read(string, BaciReadOptions?)"/> with the same options builds them from the same file.
    /// </summary>
    /// <param name="options">Options; null = <see cref="BaciReadOptions.Default"/>. Uses <see cref="BaciReadOptions.Importers"/>,
    /// <see cref="BaciReadOptions.Exporters"/>, <see cref="BaciReadOptions.Products"/>, <see cref="BaciReadOptions.CountryCodes"/>
    /// and <see cref="BaciReadOptions.Source"/>; pass the options the columns were read with, plus filters.</param>
    /// <returns>The flows, and a report equal to the one <c>BaciReader.Read</c> gives: the read's counts plus the rows
    /// skipped here (intra-national, outside a filter) and the ROW flows merged.</returns>
    /// <remarks>Codes resolve through the options' country-code file, else as ISO numeric codes plus the trade aliases;
    /// nes areas become ROW and are summed per market; an intra-national row (i and j the same country) is skipped and
    /// counted. Each value and quantity is the <see cref="decimal"/> <c>Read</c> gives, digit for digit and with the
    /// same trailing zeros (<c>12.50</c> gives 12500.00), when it is written with at most 15 significant digits and
    /// 14 decimals, as every BACI value is; a longer one becomes a decimal through its double (15 significant digits).
    /// Only the rows kept allocate.</remarks>
    /// <exception cref="TradeDataException">A code does not resolve under these options, or two rows become the same
    /// flow (two codes for one country); the message names the line.</exception>
    public ReadResult<TradeDataSet> ToTradeDataSet(BaciReadOptions? options = null) => Build(options ?? BaciReadOptions.Default, exactOnly: false)!;

    /// <summary>
    /// <see cref="ToTradeDataSet"/>, or null when a kept row's value or quantity is not the decimal <c>BaciReader.Read</c>
    /// gives (more than 15 significant digits or 14 decimals written): then only <c>Read</c> gives its flows.
    /// </summary>
    internal ReadResult<TradeDataSet>? ToTradeDataSetExact(BaciReadOptions options) => Build(options, exactOnly: true);

    private ReadResult<TradeDataSet>? Build(BaciReadOptions options, bool exactOnly)
    {
        var report = new ReportBuilder(Report.FileName, TradeFileFormat.Baci) { Read = Report.RowsRead };
        foreach (var (rule, n) in Report.Skipped)
        {
            report.Skip(rule, n);
        }

        foreach (var (rule, n) in Report.Adjustments)
        {
            report.Adjust(rule, n);
        }

        var source = BaciRules.Source(options, FileName);
        // Per code: the country and a small id (equal countries, equal ids) and whether each filter passes it;
        // skips are counted locally and reported once, so a row outside the filters costs a few array reads.
        var countries = new Country?[BaciRules.CodeCount];
        var ids = new int[BaciRules.CodeCount];
        var idOf = new Dictionary<Country, int>();
        var importerPasses = new sbyte[BaciRules.CodeCount];
        var exporterPasses = new sbyte[BaciRules.CodeCount];
        var hs = new Dictionary<int, (HsCode Code, bool Passes)>();
        // A kept flow by (t, exporter id, importer id, k): where it is in flows (firstRows: the row it came from). Rows
        // differ in (t, i, j, k), so two become one flow only through a country with several codes (nes areas, which
        // become ROW, or two codes for one country): only rows with such a code need the index.
        var index = new Dictionary<long, int>();
        var shared = SharedCodes(options.CountryCodes);
        var flows = new List<TradeFlow>();
        var firstRows = new List<int>();
        long selfFlows = 0, outsideImporters = 0, outsideExporters = 0, outsideProducts = 0, merged = 0;
        for (var row = 0; row < Count; row++)
        {
            var ei = _exporters[row];
            var ij = _importers[row];
            if (ids[ei] == 0)
            {
                ids[ei] = Id(idOf, countries[ei] = Resolve(ei, row, BaciRules.ExporterColumn, options.CountryCodes));
            }

            if (ids[ij] == 0)
            {
                ids[ij] = Id(idOf, countries[ij] = Resolve(ij, row, BaciRules.ImporterColumn, options.CountryCodes));
            }

            if (ids[ei] == ids[ij])
            {
                selfFlows++;
                continue;
            }

            var exporter = countries[ei]!;
            var importer = countries[ij]!;
            if (options.Importers is { } importers && !Passes(importerPasses, ij, importer, importers))
            {
                outsideImporters++;
                continue;
            }

            if (options.Exporters is { } exporters && !Passes(exporterPasses, ei, exporter, exporters))
            {
                outsideExporters++;
                continue;
            }

            var k = _products[row];
            if (!hs.TryGetValue(k, out var product))
            {
                var code = BaciRules.Hs(k);
                product = (code, FlowAccumulator.InProducts(options.Products, code));
                hs[k] = product;
            }

            if (!product.Passes)
            {
                outsideProducts++;
                continue;
            }

            int year = _years[row];
            var scales = _scales[row];
            var value = Decimal(_values[row], scales & 0xF);
            decimal? quantity = double.IsNaN(_quantities[row]) ? null : Decimal(_quantities[row], scales >> 4);
            if (exactOnly && (value is null || (!double.IsNaN(_quantities[row]) && quantity is null)))
            {
                return null;
            }

            var amount = value ?? ToDecimal(_values[row]);
            quantity ??= double.IsNaN(_quantities[row]) ? null : ToDecimal(_quantities[row]);
            if (shared is not null && !shared[ei] && !shared[ij])
            {
                flows.Add(new TradeFlow(exporter, importer, product.Code, year, new Money(amount, Currency.Usd), quantity, source));
                firstRows.Add(row);
                report.Kept++;
                continue;
            }

            ref var at = ref CollectionsMarshal.GetValueRefOrAddDefault(index, ((long)(year - 1900) << 50) | ((long)ids[ei] << 35) | ((long)ids[ij] << 20) | (uint)k, out var exists);
            if (exists)
            {
                var line = LineOf(firstRows[at]);
                if (!exporter.Equals(Countries.RestOfWorld))
                {
                    throw new TradeDataException(Report.FileName, LineOf(row), null, null, FlowAccumulator.DuplicateProblem(exporter, importer, product.Code, year, line));
                }

                try
                {
                    flows[at] = FlowAccumulator.Merge(flows[at], amount, quantity, source);
                }
                catch (Exception ex) when (ex is OverflowException or ArgumentOutOfRangeException)
                {
                    throw new TradeDataException(Report.FileName, LineOf(row), null, null, FlowAccumulator.MergeTooLargeProblem(importer, product.Code, year, line), ex);
                }

                merged++;
            }
            else
            {
                at = flows.Count;
                flows.Add(new TradeFlow(exporter, importer, product.Code, year, new Money(amount, Currency.Usd), quantity, source));
                firstRows.Add(row);
            }

            report.Kept++;
        }

        AddCount(report.Skip, BaciRules.SelfFlowRule, selfFlows);
        AddCount(report.Skip, FlowAccumulator.OutsideImporters, outsideImporters);
        AddCount(report.Skip, FlowAccumulator.OutsideExporters, outsideExporters);
        AddCount(report.Skip, FlowAccumulator.OutsideProducts, outsideProducts);
        AddCount(report.Adjust, FlowAccumulator.MergedRule, merged);
        foreach (var u in Report.Units)
        {
            report.Unit(u);
        }

        BaciRules.AddUnits(report, options);
        return new ReadResult<TradeDataSet>(FlowsOfFile.DataSet(flows, FileName), report.Build());
    }

    /// <summary>The decimal <c>BaciReader.Read</c> gives for a value, rebuilt from the double and the scale the parser
    /// stored; null when the scale is <see cref="BaciDecimals.Inexact"/>.</summary>
    private static decimal? Decimal(double value, int scale) => scale < BaciDecimals.Inexact ? BaciDecimals.ExactDecimal(value, scale) : null;

    /// <summary>The decimal of a value (15 significant digits); a value the reader checked fits a decimal, but its
    /// nearest double may lie just above <see cref="decimal.MaxValue"/>, which it then is.</summary>
    private static decimal ToDecimal(double value) => value >= (double)decimal.MaxValue ? decimal.MaxValue : (decimal)value;

    private static void AddCount(Action<string, long> add, string rule, long n)
    {
        if (n > 0)
        {
            add(rule, n);
        }
    }

    private static int Id(Dictionary<Country, int> ids, Country country)
    {
        if (!ids.TryGetValue(country, out var id))
        {
            id = ids.Count + 1;
            ids[country] = id;
        }

        return id;
    }

    private static bool Passes(sbyte[] cache, short code, Country country, IReadOnlySet<Country> set)
    {
        if (cache[code] == 0)
        {
            cache[code] = set.Contains(country) ? (sbyte)1 : (sbyte)-1;
        }

        return cache[code] > 0;
    }

    /// <summary>
    /// For each code (0–9999), whether it names a country another code in the columns also names; null when a code
    /// does not resolve (the main loop then indexes every row and names the first bad one).
    /// </summary>
    private bool[]? SharedCodes(BaciCountryCodes? codes)
    {
        var used = new bool[BaciRules.CodeCount];
        foreach (var code in Exporters)
        {
            used[code] = true;
        }

        foreach (var code in Importers)
        {
            used[code] = true;
        }

        var countryOf = new Country?[BaciRules.CodeCount];
        var codesOf = new Dictionary<Country, int>();
        for (var code = 0; code < used.Length; code++)
        {
            if (!used[code])
            {
                continue;
            }

            if (!BaciRules.TryResolve(code, codes, out var country))
            {
                return null;
            }

            countryOf[code] = country;
            codesOf[country] = codesOf.GetValueOrDefault(country) + 1;
        }

        var shared = new bool[BaciRules.CodeCount];
        for (var code = 0; code < shared.Length; code++)
        {
            shared[code] = countryOf[code] is { } c && codesOf[c] > 1;
        }

        return shared;
    }

    private Country Resolve(short code, int row, string column, BaciCountryCodes? codes) =>
        BaciRules.TryResolve(code, codes, out var country)
            ? country
            : throw new TradeDataException(Report.FileName, LineOf(row), column, code.ToString(CultureInfo.InvariantCulture), BaciRules.CodeProblem(code, codes));

    private void CheckRow(int row)
    {
        if ((uint)row >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(row), row, string.Create(CultureInfo.InvariantCulture, $"Row {row} is outside the {Count} rows."));
        }
    }
}
