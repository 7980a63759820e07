using System.Buffers.Binary;
using System.Globalization;
using TradeBalance.Data.Tests.Fuzz;
using Xunit;

namespace TradeBalance.Data.Tests.Hostile;

/// <summary>
/// Hostile Parquet, as a class: a file cut at every byte, every byte of the footer and a sample of the data altered, the
/// trailer's length and magic wrong, metadata that points outside the file or claims absurd sizes. Each is read to the
/// end or refused with a <see cref="TradeDataException"/> naming the file, never another exception, and no read
/// allocates more than a bound far below what the claims would cost.
/// </summary>
public sealed class HostileParquetTests
{
    private const string Name = "flows.parquet";

    /// <summary>Bytes one read of these small files may allocate, whatever the file claims.</summary>
    private const long AllocationBound = 256L << 20;

    /// <summary>A valid canonical flows file: 300 rows in three row groups, text and numeric columns, one nullable.</summary>
    internal static byte[] ValidFile() => ParquetSeeds.Flows(dictionary: true);

    /// <summary>Reads the bytes as the CLI does: either the flows, or a TradeDataException naming the file; and within the bound.</summary>
    internal static string Outcome(byte[] bytes)
    {
        var read = Task.Run(() => OutcomeOnThisThread(bytes));
        Assert.True(read.Wait(TimeSpan.FromSeconds(10)), $"a read of {bytes.Length} bytes did not finish in 10 s");
        return read.Result;
    }

    private static string OutcomeOnThisThread(byte[] bytes)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        string outcome;
        try
        {
            outcome = TradeFile.ReadFlows(new MemoryStream(bytes, writable: false), Name).Value.Flows.Length.ToString(CultureInfo.InvariantCulture) + " flows";
        }
        catch (TradeDataException e)
        {
            Assert.Equal(Name, e.FileName);
            Assert.StartsWith(Name + ":", e.Message, StringComparison.Ordinal);
            outcome = e.Message;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < AllocationBound, $"{allocated:N0} bytes allocated for: {outcome}");
        return outcome;
    }

    [Fact]
    public void The_valid_file_reads()
    {
        Assert.Equal("300 flows", Outcome(ValidFile()));
    }

    [Fact]
    public void Cut_at_every_byte_is_refused_by_name()
    {
        var file = ValidFile();
        for (var cut = 0; cut < file.Length; cut++)
        {
            var outcome = Outcome(file[..cut]);
            Assert.True(outcome.StartsWith(Name + ":", StringComparison.Ordinal), $"cut at {cut} of {file.Length}: {outcome}");
        }
    }

    [Fact]
    public void Every_byte_of_the_footer_altered_is_read_or_refused_by_name()
    {
        var file = ValidFile();
        var footer = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(file.Length - 8));
        foreach (var value in new byte[] { 0x00, 0xFF, 0x7F, 0x15 })
        {
            for (var at = file.Length - 8 - footer; at < file.Length; at++)
            {
                var bad = (byte[])file.Clone();
                bad[at] = value;
                Outcome(bad);
            }
        }
    }

    [Fact]
    public void A_sample_of_data_bytes_altered_is_read_or_refused_by_name()
    {
        var file = ValidFile();
        var footer = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(file.Length - 8));
        var rng = new Random(20261207);
        for (var n = 0; n < 2_000; n++)
        {
            var bad = (byte[])file.Clone();
            bad[4 + rng.Next(file.Length - 12 - footer)] = (byte)rng.Next(256);
            Outcome(bad);
        }
    }

    [Theory]
    [InlineData("magic", "does not end with PAR1")]
    [InlineData("encrypted", "is encrypted Parquet")]
    [InlineData("length-huge", "does not fit in the file")]
    [InlineData("length-negative", "does not fit in the file")]
    [InlineData("length-zero", "does not fit in the file")]
    [InlineData("only-magic", "has only 4 bytes")]
    [InlineData("text", "does not end with PAR1")]
    public void A_bad_trailer_is_named(string kind, string fragment)
    {
        var file = ValidFile();
        var bad = kind switch
        {
            "magic" => [.. file[..^4], .. "PAR2"u8],
            "encrypted" => [.. file[..^4], .. "PARE"u8],
            "length-huge" => Length(file, int.MaxValue),
            "length-negative" => Length(file, -5),
            "length-zero" => Length(file, 0),
            "only-magic" => "PAR1"u8.ToArray(),
            "text" => "PAR1year,exporter,importer,hs,value_usd\n2023,KEN,CHN,0902,5\n"u8.ToArray(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var outcome = Outcome(bad);
        Assert.Contains(fragment, outcome, StringComparison.Ordinal);
    }

    [Fact]
    public void A_footer_that_names_columns_past_the_file_is_named()
    {
        // Cut the data out from under the footer: keep the leading magic, drop half the data, keep the footer and trailer.
        var file = ValidFile();
        var footer = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(file.Length - 8));
        var dataEnd = file.Length - 8 - footer;
        var bad = file[..4].Concat(file[4..(dataEnd / 2)]).Concat(file[dataEnd..]).ToArray();
        var outcome = Outcome(bad);
        Assert.Contains("lies outside the file's data", outcome, StringComparison.Ordinal);
    }

    private static byte[] Length(byte[] file, int length)
    {
        var bad = (byte[])file.Clone();
        BinaryPrimitives.WriteInt32LittleEndian(bad.AsSpan(bad.Length - 8), length);
        return bad;
    }
}
