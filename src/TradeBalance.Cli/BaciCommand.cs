using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using TradeBalance.Data;

namespace TradeBalance.Cli;

/// <summary><c>tradebalance baci convert</c>: a CEPII BACI release zip converted once into a folder of Parquet files, one per year.</summary>
internal static class BaciCommand
{
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    public static Command Create(TextWriter stdout)
    {
        var zip = new Argument<string>("ZIP") { Description = "The BACI release zip as CEPII publishes it (BACI_HS17_V202501.zip: a CSV per year and country_codes_V*.csv)." };
        var output = new Option<string>("--output") { Description = "The folder to create (it must not exist, or be empty): year=YYYY.parquet per year and manifest.json. Give it to --flows afterwards.", HelpName = "DIR", Required = true };
        var years = new Option<string?>("--years") { Description = "Convert only these years: 2022, or 2021-2022 (also 2021..2022). Default: every year in the zip.", HelpName = "FROM-TO" };
        var convert = new Command("convert", "Convert a BACI release zip to Parquet once (one file per year, with a manifest), so --flows reads it at Parquet speed, one year at a time.");
        convert.Arguments.Add(zip);
        convert.Options.Add(output);
        convert.Options.Add(years);
        convert.SetAction(parse =>
        {
            var zipPath = parse.GetValue(zip)!;
            var outputPath = parse.GetValue(output)!;
            var (first, last) = parse.GetValue(years) is { } range ? ParseYears(range) : ((int?)null, (int?)null);
            CheckPaths(zipPath, outputPath);

            // Progress as the tool shows it elsewhere: on a terminal, or with --timings; never into a file that collects errors.
            var progress = Steps.ProgressWriter;
            var clock = Stopwatch.StartNew();
            var manifest = BaciParquet.Convert(zipPath, outputPath, new BaciParquetOptions
            {
                FirstYear = first,
                LastYear = last,
                Progress = progress is null ? null : new Lines(progress),
            });
            Summarise(stdout, manifest, outputPath, clock.Elapsed);
            return ExitCodes.Ok;
        });

        var baci = new Command("baci", "Work with CEPII BACI releases.");
        baci.Subcommands.Add(convert);
        return baci;
    }

    /// <summary><c>2022</c>, <c>2021-2022</c> or <c>2021..2022</c>, years 1900 to 2200.</summary>
    internal static (int? First, int? Last) ParseYears(string text)
    {
        var parts = text.Contains("..", StringComparison.Ordinal) ? text.Split("..") : text.Split('-');
        if (parts.Length is 1 or 2
            && int.TryParse(parts[0], NumberStyles.None, Ci, out var from)
            && int.TryParse(parts[^1], NumberStyles.None, Ci, out var to)
            && from is >= 1900 and <= 2200 && to is >= 1900 and <= 2200 && to >= from)
        {
            return (from, to);
        }

        throw new UsageException($"--years: '{text}' is not a year or a range of years from 1900 to 2200; write it like 2022 or 2021-2022.");
    }

    /// <summary>Every path problem is a usage error before the zip is read: no zip, an output that is a file or a folder with files in it.</summary>
    private static void CheckPaths(string zipPath, string outputPath)
    {
        foreach (var (option, path) in new[] { ("ZIP", zipPath), ("--output", outputPath) })
        {
            if (path.Length == 0 || path.Contains('\0', StringComparison.Ordinal) || path.Contains('\uFFFD', StringComparison.Ordinal))
            {
                throw new UsageException($"{option}: '{path}' is not a usable file name (empty, or holding a NUL or a byte that is not UTF-8).");
            }
        }

        if (!File.Exists(zipPath))
        {
            throw new UsageException(Directory.Exists(zipPath) ? $"ZIP: '{zipPath}' is a folder; give the release zip." : $"ZIP: file '{zipPath}' does not exist.");
        }

        if (File.Exists(outputPath))
        {
            throw new UsageException($"--output: '{outputPath}' is a file; the conversion writes a new folder. Name one that does not exist.");
        }

        if (Directory.Exists(outputPath) && Directory.EnumerateFileSystemEntries(outputPath).Any())
        {
            throw new UsageException($"--output: '{outputPath}' exists and is not empty; the conversion writes a new folder and never writes into one that holds files. Name one that does not exist, or remove this one.");
        }

        var parent = Path.GetDirectoryName(Path.GetFullPath(outputPath));
        if (parent is null || !Directory.Exists(parent))
        {
            throw new UsageException($"--output: '{outputPath}': the folder '{parent}' that would hold it does not exist.");
        }
    }

    private static void Summarise(TextWriter stdout, BaciParquetManifest m, string outputPath, TimeSpan elapsed)
    {
        stdout.WriteLine(Terminal.Plain(string.Create(Ci, $"Converted {m.SourceName} ({m.HsRevision}, {m.BaciVersion}; {m.SourceBytes:N0} bytes, SHA-256 {m.SourceSha256}) to {outputPath}")));
        stdout.WriteLine(string.Create(Ci, $"{"year",-6} {"rows read",14} {"flows",14} {"bytes",16}  file"));
        foreach (var y in m.Years)
        {
            stdout.WriteLine(string.Create(Ci, $"{y.Year,-6} {y.RowsRead,14:N0} {y.Rows,14:N0} {y.Bytes,16:N0}  {y.FileName}"));
        }

        stdout.WriteLine(string.Create(Ci, $"{"total",-6} {m.TotalRowsRead,14:N0} {m.TotalRows,14:N0} {m.TotalBytes,16:N0}  {m.Years.Count} year(s), {elapsed.TotalSeconds:0.0} s"));
        stdout.WriteLine(Terminal.Plain($"Read it with --flows {outputPath} (a run reads only the year it needs)."));
    }

    /// <summary>Progress lines to standard error, escaped for the terminal.</summary>
    private sealed class Lines(TextWriter writer) : IProgress<string>
    {
        public void Report(string value)
        {
            lock (writer)
            {
                writer.WriteLine("baci convert: " + Terminal.Plain(value));
                writer.Flush();
            }
        }
    }
}
