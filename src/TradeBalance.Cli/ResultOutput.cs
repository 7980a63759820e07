using System.CommandLine;
using System.Text;
using System.Text.Json;
using TradeBalance.Data;

namespace TradeBalance.Cli;

/// <summary>
/// <c>--format</c> and <c>--output</c>, the same for every command: a result leaves the tool as the human
/// table, CSV, JSON or Parquet. The result is one <see cref="OutputTable"/> (columns and typed rows) that
/// the CSV and Parquet writers and the JSON rows read, plus a JSON summary the command writes.
/// </summary>
internal static class ResultOutput
{
    /// <summary>The formats, as <c>--format</c> takes them.</summary>
    public static readonly string[] Formats = ["table", "csv", "json", "parquet"];

    /// <summary>The extensions <c>--output</c> takes, each naming its format.</summary>
    private static readonly string[] Extensions = [".csv", ".json", ".parquet"];

    public static Option<string> FormatOption() =>
        new Option<string>("--format")
        {
            Description = "What to print: table, csv, json or parquet (binary: refused on a terminal; pipe it or use --output FILE.parquet).",
            DefaultValueFactory = _ => "table",
            HelpName = "table|csv|json|parquet",
        }.OneOf("a format", Formats);

    public static Option<string?> OutputOption() =>
        new("--output") { Description = "Also write the result to FILE: .csv, .json or .parquet (the format by its extension; with --format parquet and a .parquet FILE, only the file is written).", HelpName = "FILE" };

    /// <summary><c>--raw-text</c>: CSV text cells as they are, without the single quote that keeps a spreadsheet from running
    /// formula-leading text (<see cref="CsvWriteOptions.RawText"/>).</summary>
    public static Option<bool> RawTextOption() =>
        new("--raw-text") { Description = "Write CSV text cells exactly as they are. By default a text cell starting with =, +, -, @, a tab or a carriage return gets a leading ' so that a spreadsheet shows it instead of running it as a formula; numbers are never changed." };

    /// <summary>The format of an <c>--output</c> file, by its extension.</summary>
    public static OutputFormat FormatOf(string path) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? OutputFormat.Json
        : path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) ? OutputFormat.Parquet
        : OutputFormat.Csv;

    /// <summary>
    /// Parses and checks <c>--format</c> and <c>--output</c> once, before any file is read (a usage error is exit 2):
    /// the format (the option allows only <see cref="Formats"/>), the extension, and that Parquet is not about to be
    /// printed on a terminal.
    /// </summary>
    public static OutputRequest Request(string format, string? output, TextWriter stdout, bool rawText = false)
    {
        var printed = format switch
        {
            "table" => OutputFormat.Table,
            "csv" => OutputFormat.Csv,
            "json" => OutputFormat.Json,
            "parquet" => OutputFormat.Parquet,
            _ => throw new UsageException($"--format: '{format}' is not a format ({string.Join(", ", Formats)})."),
        };
        ProjectCommand.CheckExtension(output, "--output", Extensions);
        var request = new OutputRequest(printed, output) { Csv = rawText ? new CsvWriteOptions { RawText = true } : CsvWriteOptions.Default };
        if (printed == OutputFormat.Parquet && !request.ParquetToFileOnly && IsTerminal(stdout))
        {
            throw new UsageException("--format parquet: Parquet is binary and standard output is a terminal; write it to a file with --output FILE.parquet, or pipe it (… --format parquet > out.parquet).");
        }

        return request;
    }

    /// <summary>
    /// Prints the result in the request's format (<paramref name="renderTable"/> for the table) and
    /// writes its <c>--output</c> file, if any, in its extension's format. <paramref name="json"/> writes
    /// the whole JSON document; <paramref name="tabulate"/> makes the rows for CSV and Parquet.
    /// </summary>
    public static void Write(TextWriter stdout, OutputRequest request, Func<OutputTable> tabulate, Action<Utf8JsonWriter> json, Action renderTable)
    {
        var output = request.Path;
        // The rows are tabulated only for a format that carries them, and once.
        var lazy = new Lazy<OutputTable>(() => Steps.Time("tabulate the result", tabulate), LazyThreadSafetyMode.None);
        if (request.ParquetToFileOnly && output is not null)
        {
            Steps.Time("write " + output, () => OutputTableParquet.Write(lazy.Value, output));
            return;
        }

        switch (request.Printed)
        {
            case OutputFormat.Csv when request.Saved == OutputFormat.Csv && output is not null:
                // Printed and saved: format the rows once, into the file (replaced only when complete), then copy it.
                Steps.Time("write " + output + " and copy it to standard output", () =>
                {
                    OutputTableCsv.Write(lazy.Value, output, request.Csv);
                    using var saved = File.OpenText(output);
                    var buffer = new char[1 << 16];
                    int n;
                    while ((n = saved.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        stdout.Write(buffer, 0, n);
                    }
                });
                return;
            case OutputFormat.Csv:
                Steps.Time("write CSV to standard output", () => OutputTableCsv.Write(lazy.Value, stdout, request.Csv));
                break;
            case OutputFormat.Json:
                Steps.Time("write JSON to standard output", () =>
                {
                    if (stdout is StreamWriter { BaseStream: var stream })
                    {
                        // UTF-8 already: streamed straight to the process's output, a block at a time.
                        stdout.Flush();
                        WriteJson(stream, json);
                        stream.Flush();
                    }
                    else
                    {
                        using var buffer = new MemoryStream();
                        WriteJson(buffer, json);
                        stdout.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
                    }
                });
                break;
            case OutputFormat.Parquet:
                Steps.Time("write Parquet to standard output", () => WriteBinary(stdout, s => OutputTableParquet.Write(lazy.Value, s)));
                break;
            default:
                renderTable();
                break;
        }

        if (output is null)
        {
            return;
        }

        switch (request.Saved)
        {
            case OutputFormat.Json:
                Steps.Time("write " + output, () => OutputPaths.Replace(output, s => WriteJson(s, json)));
                break;
            case OutputFormat.Parquet:
                Steps.Time("write " + output, () => OutputTableParquet.Write(lazy.Value, output));
                break;
            default:
                Steps.Time("write " + output, () => OutputTableCsv.Write(lazy.Value, output, request.Csv));
                break;
        }
    }

    /// <summary>
    /// Writes the JSON a command writes, indented UTF-8 ending in a line break, to a stream as it is made: the
    /// library's row writers pass each 64 KB block on, so memory does not grow with the rows (a 1M-row document was
    /// built whole, then copied).
    /// </summary>
    public static void WriteJson(Stream stream, Action<Utf8JsonWriter> write)
    {
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            write(w);
        }

        stream.WriteByte((byte)'\n');
    }

    /// <summary>Writes an amount, or null.</summary>
    public static void Number(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <summary>Writes a number, or null when there is none or it is not finite (a ratio with no denominator).</summary>
    public static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <summary>True when the writer is the process's standard output and that is a terminal.</summary>
    internal static bool IsTerminal(TextWriter writer) =>
        (TerminalOverride ?? ((ReferenceEquals(writer, System.Console.Out) || ReferenceEquals(writer, CliApp.ProcessStdout)) && !System.Console.IsOutputRedirected));

    /// <summary>Gets or sets, for tests on this thread, whether standard output counts as a terminal (null: ask the console).</summary>
    [ThreadStatic]
    internal static bool? TerminalOverride;

    /// <summary>Writes bytes to standard output: the stream under the tool's text writer, after what the writer holds.</summary>
    private static void WriteBinary(TextWriter stdout, Action<Stream> write)
    {
        if (stdout is not StreamWriter { BaseStream: var stream })
        {
            throw new UsageException("--format parquet: this standard output takes text only; use --output FILE.parquet.");
        }

        stdout.Flush();
        write(stream);
        stream.Flush();
    }
}
