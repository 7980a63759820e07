using System.Globalization;
using System.Runtime.InteropServices;
using Parquet;
using Parquet.Schema;

namespace TradeBalance.Data.Internal.Baci;

/// <summary>
/// One year's BACI CSV, streamed row by row under <see cref="BaciRules"/> (as <see cref="BaciReader.Read(Stream, string, BaciReadOptions?)"/>
/// reads it), into a Parquet file of canonical flows written a row group at a time: memory holds one row group, the
/// ROW flows being summed, and nothing else that grows with the rows.
/// </summary>
/// <remarks>
/// <para>The flows are the ones <c>BaciReader.Read</c> gives with the release's country codes: intra-national rows and
/// <c>9999AA</c> skipped, nes areas summed into one ROW flow per market, two codes of one country meeting on one flow
/// refused. Only rows with a code that shares its country with another code (nes areas, which all become ROW) can meet
/// another row, so only they are held until the end of the year; every other row is written as it is read.</para>
/// <para>A repeated (t, i, j, k) is refused, as the columnar reader refuses it: BACI's files are sorted by (t, i, j, k),
/// which is checked in passing; a file that is not is read a second time with a set of the keys seen.</para>
/// </remarks>
internal sealed class BaciYearConverter
{
    /// <summary>The canonical flow columns, as <see cref="FlowsCsv"/> reads them (and TradeFile recognises them).</summary>
    public static readonly DataField YearField = new DataField<int>("year"), ValueField = new DataField<double>("value_usd"), QuantityField = new DataField<double?>("quantity_kg");

    /// <summary>The text columns: never null.</summary>
    public static readonly DataField ExporterField = new DataField<string>("exporter", nullable: false), ImporterField = new DataField<string>("importer", nullable: false),
        HsField = new DataField<string>("hs", nullable: false), SourceField = new DataField<string>("source", nullable: false);

    /// <summary>Each value's and quantity's count of decimals as BACI wrote it (<see cref="BaciDecimals.ScaleOf"/>; 15: not
    /// recoverable), so that <see cref="BaciParquetReader"/> gives back BaciReader's decimal digit for digit; readers of
    /// canonical flows ignore them.</summary>
    public static readonly DataField ValueDecimalsField = new DataField<byte>("value_decimals"), QuantityDecimalsField = new DataField<byte>("quantity_decimals");

    private static readonly ParquetSchema Schema = new(YearField, ExporterField, ImporterField, HsField, ValueField, QuantityField, SourceField, ValueDecimalsField, QuantityDecimalsField);

    private readonly int _groupRows;
    private readonly int[] _years;
    private readonly string[] _exporters;
    private readonly string[] _importers;
    private readonly string[] _hs;
    private readonly double[] _values;
    private readonly double?[] _quantities;
    private readonly string[] _sources;
    private readonly byte[] _valueDecimals;
    private readonly byte[] _quantityDecimals;
    private int _buffered;

    private BaciYearConverter(int groupRows)
    {
        _groupRows = groupRows;
        _years = new int[groupRows];
        _exporters = new string[groupRows];
        _importers = new string[groupRows];
        _hs = new string[groupRows];
        _values = new double[groupRows];
        _quantities = new double?[groupRows];
        _sources = new string[groupRows];
        _valueDecimals = new byte[groupRows];
        _quantityDecimals = new byte[groupRows];
    }

    /// <summary>What one year's conversion read and wrote.</summary>
    public sealed record Outcome(long RowsRead, long Rows, ReadReport Report);

    /// <summary>The file is not in (t, i, j, k) order: the caller reads it again with a set of keys.</summary>
    public sealed class UnsortedException : Exception;

    /// <summary>Converts one year's CSV (a zip entry's stream, read once) into a Parquet file written to <paramref name="output"/>.</summary>
    /// <param name="csvEntry">The decompressed CSV.</param>
    /// <param name="fileName">The name messages use (the zip and the entry).</param>
    /// <param name="source">Each flow's source label.</param>
    /// <param name="year">The year the file's name gives: every row's t must be it.</param>
    /// <param name="codes">The release's country codes.</param>
    /// <param name="output">Where the Parquet goes.</param>
    /// <param name="metadata">The file's key-value metadata.</param>
    /// <param name="groupRows">Rows per row group.</param>
    /// <param name="keys">Null: check the order in passing and throw <see cref="UnsortedException"/> at the first row out of
    /// order; else the keys seen (an unsorted file's second reading).</param>
    /// <param name="progress">Told every million rows read.</param>
    public static Outcome Convert(Stream csvEntry, string fileName, string source, int year, BaciCountryCodes codes, Stream output, IReadOnlyDictionary<string, string> metadata, int groupRows, HashSet<long>? keys, Action<long>? progress)
    {
        var converter = new BaciYearConverter(groupRows);
        return converter.Run(csvEntry, fileName, source, year, codes, output, metadata, keys, progress).GetAwaiter().GetResult();
    }

    private async Task<Outcome> Run(Stream csvEntry, string fileName, string source, int year, BaciCountryCodes codes, Stream output, IReadOnlyDictionary<string, string> metadata, HashSet<long>? keys, Action<long>? progress)
    {
        using var text = Input.Text(csvEntry, null);
        using var csv = CsvInput.Open(text, fileName, TradeFileFormat.Baci);
        var f = BaciRules.FindFields(csv);
        var shared = SharedCodes(codes);
        var hsText = new Dictionary<int, (HsCode Code, string Text)>();
        var pending = new Dictionary<(Country Exporter, Country Importer, HsCode Hs), (TradeFlow Flow, string Hs, long Line)>(FlowKeyComparer3.Instance);
        var selfFlows = 0L;
        var merged = 0L;
        var previous = -1L;
        long rows = 0;
        var writer = await ParquetWriter.CreateAsync(Schema, output, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy }).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            writer.CustomMetadata = metadata.ToDictionary(StringComparer.Ordinal);
            while (csv.Read())
            {
                if (csv.Report.Read % 1_000_000 == 0)
                {
                    progress?.Invoke(csv.Report.Read);
                }

                if (!BaciRules.ReadKey(csv, f, codes, out var k))
                {
                    continue;
                }

                if (k.Year != year)
                {
                    throw csv.Error(f.T, string.Create(CultureInfo.InvariantCulture, $"is not the year the file's name gives ({year}); a BACI release holds one year per file"));
                }

                var key = BaciDuplicates.Key(k.Year, k.ExporterCode, k.ImporterCode, k.Product);
                if (keys is null)
                {
                    if (key <= previous)
                    {
                        throw new UnsortedException();
                    }

                    previous = key;
                }
                else if (!keys.Add(key))
                {
                    throw csv.Error($"repeats (t, i, j, k) = ({k.Year}, {k.ExporterCode}, {k.ImporterCode}, {k.Product:D6}) of an earlier line");
                }

                if (k.Exporter.Equals(k.Importer))
                {
                    selfFlows++;
                    continue;
                }

                var value = BaciRules.ReadValue(csv, f);
                var tonnes = BaciRules.ReadTonnes(csv, f);
                decimal? quantity = tonnes is { } kt ? BaciRules.Thousand(csv, f.Q, kt) : null;
                ref var hs = ref CollectionsMarshal.GetValueRefOrAddDefault(hsText, k.Product, out var known);
                if (!known)
                {
                    var code = BaciRules.Hs(k.Product);
                    hs = (code, code.ToString());
                }

                csv.Report.Kept++;
                if (!shared[k.ExporterCode] && !shared[k.ImporterCode])
                {
                    await Add(writer, year, k.Exporter.Alpha3, k.Importer.Alpha3, hs.Text, value, quantity, source).ConfigureAwait(false);
                    rows++;
                    continue;
                }

                // A code that shares its country (ROW above all): held until the year ends, summed with the rows it meets.
                ref var at = ref CollectionsMarshal.GetValueRefOrAddDefault(pending, (k.Exporter, k.Importer, hs.Code), out var exists);
                if (!exists)
                {
                    at = (new TradeFlow(k.Exporter, k.Importer, hs.Code, year, new Money(value, Currency.Usd), quantity, source), hs.Text, csv.Line);
                    continue;
                }

                if (!k.Exporter.Equals(Countries.RestOfWorld))
                {
                    throw csv.Error(FlowAccumulator.DuplicateProblem(k.Exporter, k.Importer, hs.Code, year, csv.Place(at.Line)));
                }

                try
                {
                    at.Flow = FlowAccumulator.Merge(at.Flow, value, quantity, source);
                }
                catch (Exception ex) when (ex is OverflowException or ArgumentOutOfRangeException)
                {
                    throw csv.Error(FlowAccumulator.MergeTooLargeProblem(k.Importer, hs.Code, year, csv.PlaceUnit, csv.Place(at.Line)), ex);
                }

                merged++;
            }

            foreach (var (flow, hs, _) in pending.Values.OrderBy(p => p.Line))
            {
                await Add(writer, year, flow.Exporter.Alpha3, flow.Importer.Alpha3, hs, flow.Value.Amount, flow.QuantityKg, source).ConfigureAwait(false);
                rows++;
            }

            await Flush(writer).ConfigureAwait(false);
        }

        if (selfFlows > 0)
        {
            csv.Report.Skip(BaciRules.SelfFlowRule, selfFlows);
        }

        if (merged > 0)
        {
            csv.Report.Adjust(FlowAccumulator.MergedRule, merged);
        }

        BaciRules.AddUnits(csv.Report, new BaciReadOptions { CountryCodes = codes });
        return new Outcome(csv.Report.Read, rows, csv.Report.Build());
    }

    private async Task Add(ParquetWriter writer, int year, string exporter, string importer, string hs, decimal value, decimal? quantity, string source)
    {
        var i = _buffered++;
        _years[i] = year;
        _exporters[i] = exporter;
        _importers[i] = importer;
        _hs[i] = hs;
        _values[i] = BaciDecimals.ToDouble(value);
        _valueDecimals[i] = (byte)BaciDecimals.ScaleOf(value, _values[i]);
        _quantities[i] = quantity is { } q ? BaciDecimals.ToDouble(q) : null;
        _quantityDecimals[i] = quantity is { } kg ? (byte)BaciDecimals.ScaleOf(kg, _quantities[i]!.Value) : (byte)0;
        _sources[i] = source;
        if (_buffered == _groupRows)
        {
            await Flush(writer).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the rows held as one row group (none: nothing, unless the file would have no row group at all).</summary>
    private async Task Flush(ParquetWriter writer)
    {
        var n = _buffered;
        _buffered = 0;
        if (n == 0)
        {
            return;
        }

        using var group = writer.CreateRowGroup();
        await group.WriteAsync<int>(YearField, _years.AsMemory(0, n)).ConfigureAwait(false);
        await group.WriteAsync(ExporterField, new ArraySegment<string>(_exporters, 0, n)).ConfigureAwait(false);
        await group.WriteAsync(ImporterField, new ArraySegment<string>(_importers, 0, n)).ConfigureAwait(false);
        await group.WriteAsync(HsField, new ArraySegment<string>(_hs, 0, n)).ConfigureAwait(false);
        await group.WriteAsync<double>(ValueField, _values.AsMemory(0, n)).ConfigureAwait(false);
        await group.WriteAsync<double>(QuantityField, _quantities.AsMemory(0, n)).ConfigureAwait(false);
        await group.WriteAsync(SourceField, new ArraySegment<string>(_sources, 0, n)).ConfigureAwait(false);
        await group.WriteAsync<byte>(ValueDecimalsField, _valueDecimals.AsMemory(0, n)).ConfigureAwait(false);
        await group.WriteAsync<byte>(QuantityDecimalsField, _quantityDecimals.AsMemory(0, n)).ConfigureAwait(false);
    }

    /// <summary>For each code (0–9999), whether its country is also another code's in the release's file (every nes area is ROW).</summary>
    private static bool[] SharedCodes(BaciCountryCodes codes)
    {
        var codesOf = codes.Countries.Values.CountBy(c => c).ToDictionary();
        var shared = new bool[BaciRules.CodeCount];
        foreach (var (code, country) in codes.Countries)
        {
            if (code is >= 0 and < BaciRules.CodeCount)
            {
                shared[code] = codesOf[country] > 1;
            }
        }

        return shared;
    }

    /// <summary>Flow keys compared as <see cref="FlowKeyComparer"/> compares them, without the year (one year per file).</summary>
    private sealed class FlowKeyComparer3 : IEqualityComparer<(Country Exporter, Country Importer, HsCode Hs)>
    {
        public static readonly FlowKeyComparer3 Instance = new();

        public bool Equals((Country Exporter, Country Importer, HsCode Hs) x, (Country Exporter, Country Importer, HsCode Hs) y) =>
            x.Exporter.Equals(y.Exporter) && x.Importer.Equals(y.Importer) && x.Hs.Equals(y.Hs);

        public int GetHashCode((Country Exporter, Country Importer, HsCode Hs) obj) => HashCode.Combine(obj.Exporter, obj.Importer, obj.Hs);
    }
}
