using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using TradeBalance.Data;
using Xunit;

namespace TradeBalance.Cli.Tests;

/// <summary>
/// Class: inputs that cannot be rewound. Every file option of every command reads standard input for <c>-</c> and a
/// FIFO (what <c>--flows &lt;(cat f.csv)</c> passes) exactly as it reads the file, plain or gzip: each input is read once.
/// </summary>
public sealed class PipeInputTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Command, option, embedded file it takes, extra arguments.</summary>
    public static TheoryData<string, string, string, string> Options() => new()
    {
        { "project", "--flows", "flows.csv", "--format csv --draws 0" },
        { "project", "--tariffs", "tariffs.csv", "--format csv --draws 0" },
        { "project", "--scenario", "scenario.json", "--format csv --draws 0" },
        { "project", "--rates", "exchange-rates.csv", "--draws 0" },
        { "project", "--tariffs", "tariffs.csv", "--model gsim --format csv --draws 0" },
        { "project", "--flows", "flows.csv", "--years 2026..2028" },
        { "compare", "--flows", "flows.csv", string.Empty },
        { "compare", "--tariffs", "tariffs.csv", string.Empty },
        { "compare", "--scenario", "scenario.json", string.Empty },
        { "sensitivity", "--flows", "flows.csv", "--draws 20" },
        { "sensitivity", "--tariffs", "tariffs.csv", "--draws 20" },
        { "sensitivity", "--scenario", "scenario.json", "--draws 20" },
        { "balance", "--flows", "flows.csv", string.Empty },
        { "balance", "--rates", "exchange-rates.csv", string.Empty },
    };

    [Theory]
    [MemberData(nameof(Options))]
    public void Standard_input_reads_like_the_file(string command, string option, string file, string extra)
    {
        var path = Embedded(file);
        var expected = Run(command, option, path, extra, stdin: null);
        Assert.Equal(0, expected.ExitCode);
        var piped = Run(command, option, "-", extra, new PipeStream(File.ReadAllBytes(path)));
        Assert.Equal(string.Empty, piped.Err);
        Assert.Equal(expected.Out.Replace(path, Inputs.StandardInputName, StringComparison.Ordinal), piped.Out);
    }

    [Theory]
    [MemberData(nameof(Options))]
    public void Gzip_on_standard_input_reads_like_the_file(string command, string option, string file, string extra)
    {
        var path = Embedded(file);
        var expected = Run(command, option, path, extra, stdin: null);
        var piped = Run(command, option, "-", extra, new PipeStream(Gzip(File.ReadAllBytes(path))));
        Assert.Equal(string.Empty, piped.Err);
        Assert.Equal(expected.Out.Replace(path, Inputs.StandardInputName, StringComparison.Ordinal), piped.Out);
    }

    [Theory]
    [MemberData(nameof(Options))]
    public async Task A_fifo_reads_like_the_file(string command, string option, string file, string extra)
    {
        var path = Embedded(file);
        var expected = Run(command, option, path, extra, stdin: null);
        var fifo = _dir.File("input.fifo");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
        }

        // A FIFO can be opened and read once: a second open (detect, then read) would wait for a writer forever.
        var writer = Task.Run(() => File.WriteAllBytes(fifo, File.ReadAllBytes(path)), TestContext.Current.CancellationToken);
        var run = Task.Run(() => Run(command, option, fifo, extra, stdin: null), TestContext.Current.CancellationToken);
        var first = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken));
        Assert.True(first == run, "the run waited for a second writer: the FIFO was opened twice");
        await writer.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        var result = await run;
        Assert.Equal(string.Empty, result.Err);
        Assert.Equal(expected.Out.Replace(path, fifo, StringComparison.Ordinal), result.Out);
    }

    [Fact]
    public void Two_inputs_from_standard_input_are_a_usage_error()
    {
        var run = Run("project", "--flows", "-", "--tariffs -", new PipeStream([]));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--flows and --tariffs: only one input can be read from standard input", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tool_reads_flows_from_its_standard_input_as_a_process()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "TradeBalance.Cli.dll");
        var info = new ProcessStartInfo("dotnet", [dll, "project", "--flows", "-", "--format", "csv"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.StandardInput.BaseStream.WriteAsync(File.ReadAllBytes(Embedded("flows.csv")), TestContext.Current.CancellationToken);
        process.StandardInput.Close();
        Assert.True(process.WaitForExit(120_000), "the tool did not finish within 2 minutes");
        Assert.Equal(string.Empty, await stderr);
        Assert.Equal(0, process.ExitCode);
        Assert.Equal(CliRun.Of("project", "--format", "csv").Out, await stdout);
    }

    private static CliRun Run(string command, string option, string path, string extra, Stream? stdin)
    {
        string[] args = [command, option, path, .. extra.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr, stdin);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    private string Embedded(string name)
    {
        var path = _dir.File(name);
        if (!File.Exists(path))
        {
            File.WriteAllText(path, KenyaChina.ReadText(name), new UTF8Encoding(false));
        }

        return path;
    }

    private static byte[] Gzip(byte[] content)
    {
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true))
        {
            gz.Write(content);
        }

        return ms.ToArray();
    }

    /// <summary>Standard input as a pipe gives it: read once, no length, no seeking, short reads.</summary>
    private sealed class PipeStream(byte[] content) : Stream
    {
        private int _at;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = Math.Min(Math.Min(buffer.Length, 4096), content.Length - _at);
            content.AsSpan(_at, n).CopyTo(buffer);
            _at += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
