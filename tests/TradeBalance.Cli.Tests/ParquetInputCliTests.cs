using TradeBalance.Data;
using Xunit;

namespace TradeBalance.Cli.Tests;

/// <summary>
/// <c>--flows</c> takes a Parquet file as the command line's users give it: a path, standard input, or
/// a damaged file, which is bad data (exit 3) named in one line, never a stack trace or a wrong answer.
/// </summary>
public sealed class ParquetInputCliTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>The embedded flows as canonical columns in a Parquet file (values as DOUBLE, codes as text).</summary>
    private string EmbeddedFlowsAsParquet()
    {
        var flows = KenyaChina.Flows.Flows;
        var table = new OutputTable("flows",
        [
            OutputColumn.WholeNumber("year", "calendar year", "year", flows.Select(f => (int?)f.Year)),
            OutputColumn.Text("exporter", "ISO 3166-1 alpha-3", "exporter", flows.Select(f => f.Exporter.Alpha3)),
            OutputColumn.Text("importer", "ISO 3166-1 alpha-3", "importer", flows.Select(f => f.Importer.Alpha3)),
            OutputColumn.Text("hs", "HS code", "product", flows.Select(f => f.Hs.ToString())),
            OutputColumn.FloatingPoint("value_usd", "USD", "value", flows.Select(f => (double?)f.Value.Amount)),
        ]);
        var path = _dir.File("flows.parquet");
        OutputTableParquet.Write(table, path);
        return path;
    }

    [Fact]
    public void Flows_from_Parquet_give_the_same_projection_as_the_embedded_CSV()
    {
        var expected = CliRun.Of("project", "--format", "csv");
        var run = CliRun.Of("project", "--flows", EmbeddedFlowsAsParquet(), "--format", "csv");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(expected.Out, run.Out);
    }

    [Fact]
    public void Flows_from_Parquet_on_standard_input_give_the_same_projection()
    {
        var path = EmbeddedFlowsAsParquet();
        var expected = CliRun.Of("project", "--flows", path, "--format", "csv");
        using var stdin = new MemoryStream(File.ReadAllBytes(path));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(["project", "--flows", "-", "--format", "csv"], stdout, stderr, stdin);
        Assert.True(code == 0, stderr.ToString());
        Assert.Equal(expected.Out, stdout.ToString());
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.99)]
    public void A_Parquet_file_cut_short_is_bad_data_named_in_one_line(double keep)
    {
        var whole = File.ReadAllBytes(EmbeddedFlowsAsParquet());
        var cut = _dir.File("cut.parquet");
        File.WriteAllBytes(cut, whole[..(int)(whole.Length * keep)]);

        var run = CliRun.Of("project", "--flows", cut);

        Assert.Equal(3, run.ExitCode);
        Assert.Empty(run.Out);
        var message = run.Err.TrimEnd('\n');
        Assert.DoesNotContain('\n', message);
        Assert.StartsWith("tradebalance: ", message, StringComparison.Ordinal);
        Assert.Contains("cut.parquet", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", message, StringComparison.Ordinal);
    }
}
