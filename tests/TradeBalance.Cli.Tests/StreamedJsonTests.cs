using System.Globalization;
using System.Text;
using System.Text.Json;
using Xunit;

namespace TradeBalance.Cli.Tests;

/// <summary>
/// JSON output is streamed (hostile input, round three, class 6): the document reaches standard output a block at a
/// time, so memory does not grow with the rows. It used to be built whole in memory and copied (1.38 GB resident for
/// a 168 MB document at 1M synthetic flows; 537 MB streamed).
/// </summary>
public sealed class StreamedJsonTests
{
    [Fact]
    public void A_large_json_document_reaches_standard_output_in_blocks_and_is_the_same_document()
    {
        using var dir = new TempDir();
        var flows = new StringBuilder("year,exporter,importer,hs,value_usd\n");
        for (var k = 1; k <= 3000; k++)
        {
            var hs = (90100 + k).ToString("000000", CultureInfo.InvariantCulture);
            flows.Append(CultureInfo.InvariantCulture, $"2024,KEN,CHN,{hs},{k * 1000}\n2024,LKA,CHN,{hs},{k * 3000}\n2024,IND,CHN,{hs},{k * 2000}\n");
        }

        File.WriteAllText(dir.File("flows.csv"), flows.ToString());
        File.WriteAllText(dir.File("tariffs.csv"), "importer,exporter,hs,rate_percent\nCHN,*,09,15\n");
        File.WriteAllText(dir.File("scenario.json"), """{"name":"many lines","importer":"CHN","beneficiaries":["KEN"],"hs":["09"],"newRatePercent":0,"effective":"2026-05-01"}""");
        string[] args = ["project", "--flows", dir.File("flows.csv"), "--tariffs", dir.File("tariffs.csv"), "--scenario", dir.File("scenario.json"), "--draws", "0", "--format", "json"];

        var recording = new RecordingStream();
        using (var stdout = new StreamWriter(recording, new UTF8Encoding(false), 1 << 16))
        {
            Assert.Equal(0, CliApp.Run(args, stdout, new StringWriter()));
        }

        var streamed = Encoding.UTF8.GetString(recording.ToArray());
        Assert.True(recording.Writes > 20, $"{recording.Writes} writes for {streamed.Length:N0} characters");
        Assert.True(recording.Largest < 256 * 1024, $"one write of {recording.Largest:N0} bytes");
        Assert.Equal(CliRun.Of(args).Out, streamed);
        using var doc = JsonDocument.Parse(streamed);
        Assert.Equal(9000, doc.RootElement.GetProperty("rows").GetArrayLength());
    }

    /// <summary>A stream that keeps what is written and the size of each write.</summary>
    private sealed class RecordingStream : MemoryStream
    {
        public int Writes { get; private set; }

        public int Largest { get; private set; }

        public override void Write(ReadOnlySpan<byte> buffer) => Write(buffer.ToArray(), 0, buffer.Length);

        public override void Write(byte[] buffer, int offset, int count)
        {
            Writes++;
            Largest = Math.Max(Largest, count);
            base.Write(buffer, offset, count);
        }
    }
}
