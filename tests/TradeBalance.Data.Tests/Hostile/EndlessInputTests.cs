using System.Text;
using TradeBalance.Data.Internal;
using Xunit;

namespace TradeBalance.Data.Tests.Hostile;

/// <summary>
/// Class: unbounded memory before the first line. Every reader, fed input that never ends a line (NUL bytes as
/// <c>/dev/zero</c> gives, text, an open quote, a header then an endless field, the same as gzip), refuses it
/// with a <see cref="TradeDataException"/> after reading a bounded number of bytes, and within a memory cap.
/// </summary>
public sealed class EndlessInputTests
{
    /// <summary>Bytes a reader may take from an endless input before it refuses it (the documented line limit is 1 MiB characters; BACI's whole-file path allows 4 bytes a character).</summary>
    private const long MaxBytesRead = 64L << 20;

    /// <summary>Bytes a reader may allocate on the way, on the reading thread (where the input is buffered; other tests run beside it).</summary>
    private const long MaxAllocated = 512L << 20;

    private static readonly (string Name, Func<Stream, object> Read)[] StreamReaders =
    [
        ("FlowsCsv.Read", s => FlowsCsv.Read(s, "endless.csv").Value),
        ("TariffsCsv.Read", s => TariffsCsv.Read(s, "endless.csv").Value),
        ("TariffsCsv.ReadAll", s => TariffsCsv.ReadAll(s, "endless.csv").Value),
        ("ExchangeRatesCsv.Read", s => ExchangeRatesCsv.Read(s, "endless.csv").Value),
        ("ComtradeReader.Read", s => ComtradeReader.Read(s, "endless.csv").Value),
        ("BaciReader.Read", s => BaciReader.Read(s, "endless.csv").Value),
        ("BaciReader.ReadColumns", s => BaciReader.ReadColumns(s, "endless.csv").Value),
        ("BaciCountryCodes.Read", s => BaciCountryCodes.Read(s, "endless.csv").Value),
        ("WitsTariffReader.ReadAll", s => WitsTariffReader.ReadAll(s, "endless.csv").Value),
        ("BilateralTotalsCsv.Read", s => BilateralTotalsCsv.Read(s, "endless.csv").Value),
        ("ProjectionCsv.Read", s => ProjectionCsv.Read(s, "endless.csv").Value),
        ("ScenarioJson.Read", s => ScenarioJson.Read(s, "endless.json")),
        ("TradeFile.ReadFlows", s => TradeFile.ReadFlows(s, "endless.csv").Value),
        ("TradeFile.ReadTariffs", s => TradeFile.ReadTariffs(s, "endless.csv").Value),
        ("TradeFile.ReadAllTariffs", s => TradeFile.ReadAllTariffs(s, "endless.csv").Value),
        ("TradeFile.Detect", s => TradeFile.Detect(s, "endless.csv")),
    ];

    /// <summary>What comes first (may be empty), then the byte pattern repeated for ever.</summary>
    private static readonly (string Name, string Head, string Repeat)[] Kinds =
    [
        ("NUL bytes", string.Empty, "\0"),
        ("text without a line break", string.Empty, "abcdefgh"),
        ("commas", string.Empty, ","),
        ("an open quote", "\"", "ab\ncd\n"),
        ("flows header, then an endless value", "year,exporter,importer,hs,value_usd\n2024,KEN,CHN,0902,", "1"),
        ("BACI header, then an endless value", "t,i,j,k,v,q\n2022,404,156,090240,", "9"),
        ("tariffs header, then an endless quoted source", "importer,exporter,hs,rate_percent,valid_from,valid_to,source,regime\nCHN,*,0902,15,,,\"", "x"),
    ];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var reader in StreamReaders)
        {
            foreach (var kind in Kinds)
            {
                data.Add(reader.Name, kind.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Endless_input_is_refused_after_a_bounded_read(string reader, string kind)
    {
        var read = StreamReaders.Single(r => r.Name == reader).Read;
        var (_, head, repeat) = Kinds.Single(k => k.Name == kind);
        foreach (var gzip in new[] { false, true })
        {
            var endless = new EndlessStream(Encoding.UTF8.GetBytes(head), Encoding.UTF8.GetBytes(repeat), gzip, MaxBytesRead);
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                var value = read(endless);

                // Only detection may answer: it reads no further than the header.
                Assert.True(value is TradeFileFormat, $"{reader}, {kind}{(gzip ? ", gzip" : string.Empty)}: read without an error");
            }
            catch (TradeDataException e)
            {
                Assert.StartsWith("endless.", e.Message, StringComparison.Ordinal);
            }
            catch (EndlessStream.ReadTooFarException)
            {
                Assert.Fail($"{reader}, {kind}{(gzip ? ", gzip" : string.Empty)}: read more than {MaxBytesRead >> 20} MB without refusing the input");
            }

            var used = GC.GetAllocatedBytesForCurrentThread() - allocated;
            Assert.True(used < MaxAllocated, $"{reader}, {kind}{(gzip ? ", gzip" : string.Empty)}: allocated {used >> 20} MB");
        }
    }

    /// <summary>A head, then a pattern for ever (optionally as a gzip stream); throws when read past a limit.</summary>
    private sealed class EndlessStream : ReadOnlyStream
    {
        private readonly byte[] _head;
        private readonly byte[] _block;
        private readonly long _limit;
        private readonly Queue<byte> _compressed = new();
        private readonly System.IO.Compression.GZipStream? _gzip;
        private readonly MemoryStream _sink = new();
        private long _produced;
        private long _read;

        public EndlessStream(byte[] head, byte[] repeat, bool gzip, long limit)
        {
            _head = head;
            _block = [.. Enumerable.Repeat(repeat, Math.Max(1, 8192 / repeat.Length)).SelectMany(b => b)];
            _limit = limit;
            if (gzip)
            {
                _gzip = new System.IO.Compression.GZipStream(_sink, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true);
            }
        }

        public override int Read(Span<byte> buffer)
        {
            if (buffer.IsEmpty)
            {
                return 0;
            }

            if (_read > _limit)
            {
                throw new ReadTooFarException();
            }

            int n;
            if (_gzip is null)
            {
                n = Plain(buffer);
            }
            else
            {
                while (_compressed.Count < buffer.Length)
                {
                    var chunk = new byte[8192];
                    var m = Plain(chunk);
                    _gzip.Write(chunk, 0, m);
                    _gzip.Flush();
                    foreach (var b in _sink.GetBuffer().AsSpan(0, (int)_sink.Length))
                    {
                        _compressed.Enqueue(b);
                    }

                    _sink.SetLength(0);
                }

                n = buffer.Length;
                for (var i = 0; i < n; i++)
                {
                    buffer[i] = _compressed.Dequeue();
                }
            }

            _read += n;
            return n;
        }

        private int Plain(Span<byte> buffer)
        {
            var n = 0;
            while (n < buffer.Length)
            {
                if (_produced < _head.Length)
                {
                    var m = Math.Min(buffer.Length - n, _head.Length - (int)_produced);
                    _head.AsSpan((int)_produced, m).CopyTo(buffer[n..]);
                    n += m;
                    _produced += m;
                    continue;
                }

                var at = (int)((_produced - _head.Length) % _block.Length);
                var k = Math.Min(buffer.Length - n, _block.Length - at);
                _block.AsSpan(at, k).CopyTo(buffer[n..]);
                n += k;
                _produced += k;
            }

            return n;
        }

        /// <summary>The reader went past the limit: it would buffer without end.</summary>
        public sealed class ReadTooFarException : Exception
        {
        }
    }
}
