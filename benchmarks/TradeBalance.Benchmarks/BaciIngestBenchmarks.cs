using System.Globalization;
using BenchmarkDotNet.Attributes;
using TradeBalance.Data;
using TradeBalance.Synthetic;

namespace TradeBalance.Benchmarks;

/// <summary>
/// Ingesting a BACI trade file of 1,000,000 rows (<see cref="SyntheticBaci"/>, written once to a temp
/// folder): <see cref="BaciReader.Read(string, BaciReadOptions?)"/> (validated rows, USD, domain
/// <see cref="TradeDataSet"/>) and <see cref="BaciReader.ReadColumns(string, BaciReadOptions?)"/> (the same checks, into
/// columns; also followed by the domain flows of one importer) against reading the raw bytes (the baseline:
/// <see cref="File.ReadAllBytes(string)"/>, a new array per read, as a caller reads a file once), the same bytes into a
/// buffer allocated once (the page-cache copy alone, the floor under any reader), and a plain <see cref="File.ReadLines(string)"/> + <see cref="string.Split(char, StringSplitOptions)"/> parse
/// into a list of structs, with no checks.
/// </summary>
[MemoryDiagnoser]
public class BaciIngestBenchmarks
{
    private string _folder = null!;
    private string _path = null!;
    private byte[] _buffer = null!;

    [ParamsSource(nameof(RowCounts))]
    public int Rows { get; set; }

    public static IEnumerable<int> RowCounts => Sizes.Pick([1_000_000], [20_000]);

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("tradebalance-bench-").FullName;
        _path = Path.Combine(_folder, "BACI_HS17_Y2022_V202401b.csv");
        SyntheticBaci.Write(_path, Rows);
        _buffer = new byte[new FileInfo(_path).Length];
        var read = BaciReader.Read(_path);
        if (read.Value.Flows.Length != Rows || BaciReader.ReadColumns(_path).Value.Count != Rows)
        {
            throw new InvalidOperationException($"BaciReader kept {read.Value.Flows.Length} of {Rows} rows.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, true);

    [Benchmark(Baseline = true, Description = "raw bytes (File.ReadAllBytes)")]
    public int RawBytes() => File.ReadAllBytes(_path).Length;

    [Benchmark(Description = "raw bytes into a reused buffer (page-cache floor)")]
    public int RawBytesReused() => ReadInto(_path, _buffer);

    [Benchmark(Description = "File.ReadLines + string.Split")]
    public int ReadLinesSplit() => PlainParse(_path).Count;

    [Benchmark(Description = "BaciReader.Read → TradeDataSet")]
    public int BaciReaderRead() => BaciReader.Read(_path).Value.Flows.Length;

    [Benchmark(Description = "BaciReader.ReadColumns")]
    public int ReadColumns() => BaciReader.ReadColumns(_path).Value.Count;

    [Benchmark(Description = "ReadColumns + ToTradeDataSet(China importer filter)")]
    public int ReadColumnsChina() => BaciReader.ReadColumns(_path).Value.ToTradeDataSet(ChinaOnly).Value.Flows.Length;

    /// <summary>
    /// Reads the whole file into a buffer allocated once: the page-cache copy alone, with no fresh
    /// memory to fault in (<see cref="File.ReadAllBytes(string)"/> allocates a new array every call).
    /// </summary>
    public static int ReadInto(string path, byte[] buffer)
    {
        using var handle = File.OpenHandle(path);
        var length = 0;
        int n;
        while (length < buffer.Length && (n = RandomAccess.Read(handle, buffer.AsSpan(length), length)) > 0)
        {
            length += n;
        }

        return length;
    }

    private static readonly BaciReadOptions ChinaOnly = new() { Importers = new HashSet<Country> { Countries.China } };

    public readonly record struct Row(int Year, int Exporter, int Importer, string Product, double Value, double? Quantity);

    /// <summary>The parse a first script would write: split every line, no checks beyond the number formats.</summary>
    public static List<Row> PlainParse(string path)
    {
        var rows = new List<Row>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split(',');
            var q = f[5].Trim();
            rows.Add(new Row(
                int.Parse(f[0], CultureInfo.InvariantCulture),
                int.Parse(f[1], CultureInfo.InvariantCulture),
                int.Parse(f[2], CultureInfo.InvariantCulture),
                f[3],
                double.Parse(f[4], CultureInfo.InvariantCulture),
                q == "NA" ? null : double.Parse(q, CultureInfo.InvariantCulture)));
        }

        return rows;
    }
}
