using System.CommandLine;
using System.Globalization;
using TradeBalance.Data;
using TradeBalance.Data.Fetch;

namespace TradeBalance.Cli;

/// <summary>
/// <c>tradebalance fetch comtrade|wits|hs-tables</c>: downloads inputs into the files the other commands read, through
/// the library's cached clients. Progress goes to standard error, one line per piece, retry or split; the summary to
/// standard output. Nothing here runs unless a fetch command is given.
/// </summary>
internal static class FetchCommand
{
    /// <summary>Gets or sets the handler the clients use instead of their own (tests: a local server's CA); null in production.</summary>
    internal static Func<HttpMessageHandler>? HandlerForTests { get; set; }

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("fetch", "Download inputs: UN Comtrade flows, WITS/TRAINS tariffs, the UNSD HS correlation tables. Completed requests are cached, so an interrupted download resumes and a repeated one makes no request (docs/fetch.md).");
        command.Subcommands.Add(Comtrade(stdout, stderr));
        command.Subcommands.Add(Wits(stdout, stderr));
        command.Subcommands.Add(HsTables(stdout, stderr));
        return command;
    }

    private static Option<string?> CacheOption() => new("--cache") { Description = "The cache folder (default: $XDG_CACHE_HOME/tradebalance, else ~/.cache/tradebalance).", HelpName = "DIR" };

    private static Command Comtrade(TextWriter stdout, TextWriter stderr)
    {
        var reporter = new Option<string>("--reporter") { Description = "The reporting country (ISO code), e.g. KEN.", Required = true, HelpName = "CODE" };
        var partner = new Option<string?>("--partner") { Description = "Partners, comma-separated (ISO codes), e.g. CHN,USA. Default: every partner.", HelpName = "CODES" };
        var years = new Option<string>("--years") { Description = "Years, comma-separated or a range: 2022,2023 or 2020..2023.", Required = true, HelpName = "YEARS" };
        var hs = new Option<string>("--hs") { Description = "HS codes (2, 4 or 6 digits), comma-separated, e.g. 0901,0902,080440.", Required = true, HelpName = "CODES" };
        var flow = new Option<string>("--flow") { Description = "import (the reporter's imports, CIF; default) or export (its exports, FOB, written as mirror flows).", DefaultValueFactory = _ => "import", HelpName = "import|export" }.OneOf("a flow", "import", "export");
        var output = new Option<string>("--output") { Description = "The flows file to write: .csv, .csv.gz or .parquet (read by --flows).", Required = true, HelpName = "FILE" };
        var keyEnv = new Option<string?>("--key-env") { Description = $"The environment variable holding the Comtrade subscription key (default {ComtradeClient.DefaultKeyVariable}; without a key the public preview is used, 500 rows per request).", HelpName = "NAME" };
        var cache = CacheOption();
        var command = new Command("comtrade", "Fetch a reporter's annual HS flows from UN Comtrade into canonical flows (CSV or Parquet).");
        foreach (var o in new Option[] { reporter, partner, years, hs, flow, output, cache, keyEnv })
        {
            command.Options.Add(o);
        }

        command.SetAction(parse =>
        {
            var outputPath = parse.GetValue(output)!;
            ProjectCommand.CheckExtension(outputPath, "--output", ".csv", ".csv.gz", ".parquet");
            OutputPaths.Check([("--output", outputPath)], []);
            var who = Country(parse.GetValue(reporter)!, "--reporter");
            var partners = parse.GetValue(partner) is { } p ? List(p, "--partner").Select(c => Country(c, "--partner")).ToList() : [];
            if (partners.Contains(who))
            {
                throw new UsageException($"--partner: {who.Alpha3} is also the --reporter.");
            }

            var query = Create(() => new ComtradeQuery(who, partners, Years(parse.GetValue(years)!), List(parse.GetValue(hs)!, "--hs").Select(Hs), parse.GetValue(flow) == "export" ? ComtradeFlow.Export : ComtradeFlow.Import));
            var options = Options(parse.GetValue(cache));
            if (parse.GetValue(keyEnv) is { } variable)
            {
                if (string.IsNullOrEmpty(variable) || variable.Contains('=', StringComparison.Ordinal))
                {
                    throw new UsageException($"--key-env: '{variable}' is not an environment variable's name.");
                }

                if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable)))
                {
                    throw new UsageException($"--key-env: the environment variable {variable} is not set (or empty); set it to your Comtrade subscription key, or leave --key-env out to use the public preview.");
                }

                options = options with { ApiKeyVariable = variable };
            }

            using var client = Create(() => new ComtradeClient(options, HandlerForTests?.Invoke()));
            stderr.WriteLine(Terminal.Plain(client.HasKey
                ? $"fetch: UN Comtrade with the key in {options.ApiKeyVariable} (keyed API, up to {client.RowCap:N0} rows per request); cache {client.CacheDirectory}"
                : $"fetch: UN Comtrade public preview, no key in {options.ApiKeyVariable} (up to {client.RowCap:N0} rows per request); cache {client.CacheDirectory}"));
            var result = client.FetchFlowsAsync(query, Progress(stderr)).GetAwaiter().GetResult();
            WriteFlows(result.Value, outputPath);
            var s = result.Summary;
            var revisions = s.Classifications.IsEmpty ? "none (no rows)" : string.Join(", ", s.Classifications.Select(Revision));
            stdout.WriteLine(Terminal.Plain(CliApp.Invariant($"Wrote {result.Value.Flows.Length:N0} flows to {outputPath} ({(query.Flow == ComtradeFlow.Import ? "imports as reported by the importer, CIF" : "exports as reported by the exporter, FOB, as mirror flows")}; HS revision {revisions}).")));
            stdout.WriteLine(Terminal.Plain(CliApp.Invariant($"Rows: {result.Report.RowsRead:N0} read, {result.Report.RowsKept:N0} kept{Skips(result.Report)}.")));
            Summary(stdout, s);
            if (result.Value.Flows.IsEmpty)
            {
                stderr.WriteLine(Terminal.Plain("fetch: warning: the provider returned no flows for this query; the file holds the header only."));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Wits(TextWriter stdout, TextWriter stderr)
    {
        var reporter = new Option<string>("--reporter") { Description = "The importing country whose tariffs to fetch (ISO code), e.g. CHN.", Required = true, HelpName = "CODE" };
        var year = OptionValues.WholeNumber("--year", 1988, 2200);
        year.Description = "The tariff year, e.g. 2024.";
        year.HelpName = "YEAR";
        year.Required = true;
        var output = new Option<string>("--output") { Description = "The tariffs file to write (.csv or .csv.gz; read by --tariffs).", Required = true, HelpName = "FILE" };
        var cache = CacheOption();
        var command = new Command("wits", "Fetch an importer's MFN tariffs for a year (WITS/TRAINS, partner World) into canonical tariffs.csv.");
        foreach (var o in new Option[] { reporter, year, output, cache })
        {
            command.Options.Add(o);
        }

        command.SetAction(parse =>
        {
            var outputPath = parse.GetValue(output)!;
            ProjectCommand.CheckExtension(outputPath, "--output", ".csv", ".csv.gz");
            OutputPaths.Check([("--output", outputPath)], []);
            var importer = Country(parse.GetValue(reporter)!, "--reporter");
            using var client = Create(() => new WitsTariffClient(Options(parse.GetValue(cache)), HandlerForTests?.Invoke()));
            var result = client.FetchTariffsAsync(importer, parse.GetValue(year)!.Value, Progress(stderr)).GetAwaiter().GetResult();
            TariffsCsv.Write(result.Value, outputPath);
            stdout.WriteLine(Terminal.Plain(CliApp.Invariant($"Wrote {result.Value.Lines.Length:N0} tariff lines of {importer.Alpha3} to {outputPath} (HS revision {string.Join(", ", result.Summary.Classifications.Select(Revision))}).")));
            stdout.WriteLine(Terminal.Plain(CliApp.Invariant($"Rows: {result.Report.RowsRead:N0} read, {result.Report.RowsKept:N0} kept{Skips(result.Report)}.")));
            Summary(stdout, result.Summary);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command HsTables(TextWriter stdout, TextWriter stderr)
    {
        var output = new Option<string>("--output") { Description = "The folder to write the workbooks into (it must exist).", Required = true, HelpName = "DIR" };
        var pairs = new Option<string?>("--pair") { Description = "Which tables, comma-separated, e.g. HS2022-HS2017,HS2017-HS2012. Default: all 21 published pairs.", HelpName = "PAIRS" };
        var cache = CacheOption();
        var command = new Command("hs-tables", "Download the UNSD HS correlation and conversion tables (.xlsx/.xls, as published) into a folder.");
        foreach (var o in new Option[] { output, pairs, cache })
        {
            command.Options.Add(o);
        }

        command.SetAction(parse =>
        {
            var folder = parse.GetValue(output)!;
            if (!Directory.Exists(folder))
            {
                throw new UsageException($"--output: the folder '{folder}' does not exist.");
            }

            var wanted = parse.GetValue(pairs) is { } p ? List(p, "--pair") : [];
            foreach (var pair in wanted.Where(w => !HsCorrelationTableClient.Published.Keys.Contains(w, StringComparer.OrdinalIgnoreCase)))
            {
                throw new UsageException($"--pair: '{pair}' is not a published table; use one of {string.Join(", ", HsCorrelationTableClient.Published.Keys.Reverse())}.");
            }

            using var tables = Create(() => new HsCorrelationTableClient(Options(parse.GetValue(cache)), HandlerForTests?.Invoke()));
            var (files, summary) = tables.DownloadAsync(folder, wanted, Progress(stderr)).GetAwaiter().GetResult();
            stdout.WriteLine(Terminal.Plain(CliApp.Invariant($"Wrote {files.Length} HS correlation tables to {folder}:")));
            foreach (var f in files)
            {
                stdout.WriteLine(Terminal.Plain("  " + Path.GetFileName(f)));
            }

            Summary(stdout, summary);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A query or client; what they refuse (an aggregate as partner, a base address that is not https) is a usage error, exit 2.</summary>
    private static T Create<T>(Func<T> create)
    {
        try
        {
            return create();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(CliApp.WithoutParameter(e));
        }
    }

    private static FetchOptions Options(string? cache)
    {
        if (cache is not null && (cache.Length == 0 || cache.Contains('\0', StringComparison.Ordinal)))
        {
            throw new UsageException($"--cache: '{cache}' is not a folder name.");
        }

        if (cache is not null && File.Exists(cache))
        {
            throw new UsageException($"--cache: '{cache}' is a file, not a folder.");
        }

        return FetchOptions.Default with { CacheDirectory = cache };
    }

    /// <summary>One stderr line per event: pieces done/total, cached or fetched, retries with their wait, splits.</summary>
    private static Action<FetchProgress> Progress(TextWriter stderr) => e =>
    {
        var what = e.Kind switch
        {
            FetchProgressKind.Cached => "from cache",
            FetchProgressKind.Fetched => "fetched",
            FetchProgressKind.Split => "split",
            FetchProgressKind.Retry => "retry",
            _ => "corrupt cache",
        };
        stderr.WriteLine(Terminal.Plain(CliApp.Invariant($"fetch: [{e.PiecesDone}/{e.PiecesTotal}] {what}: {e.Detail}")));
    };

    private static void Summary(TextWriter stdout, FetchSummary s)
    {
        stdout.WriteLine(Terminal.Plain(CliApp.Invariant($"Pieces: {s.PiecesFetched} fetched, {s.PiecesFromCache} from the cache; requests: {s.Requests} ({s.Retries} retries, {s.Waited.TotalSeconds:0.0} s waited).")));
        if (s.FirstFetchedAt is { } first && s.LastFetchedAt is { } last)
        {
            var f = first.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            var l = last.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            stdout.WriteLine(Terminal.Plain(f == l ? $"Fetched: {f} UTC." : $"Fetched: {f} to {l} UTC."));
        }

        stdout.WriteLine("Sources (no key):");
        const int shown = 10;
        foreach (var source in s.Sources.Take(shown))
        {
            stdout.WriteLine(Terminal.Plain("  " + source));
        }

        if (s.Sources.Length > shown)
        {
            stdout.WriteLine(CliApp.Invariant($"  … and {s.Sources.Length - shown} more"));
        }
    }

    private static string Skips(ReadReport report) =>
        report.Skipped.IsEmpty ? string.Empty : ", skipped: " + string.Join("; ", report.Skipped.Select(kv => CliApp.Invariant($"{kv.Key} {kv.Value:N0}")));

    /// <summary>Comtrade's classification code in words: H6 = HS 2022.</summary>
    private static string Revision(string code) => code switch
    {
        "H0" => "H0 (HS 1992)",
        "H1" => "H1 (HS 1996)",
        "H2" => "H2 (HS 2002)",
        "H3" => "H3 (HS 2007)",
        "H4" => "H4 (HS 2012)",
        "H5" => "H5 (HS 2017)",
        "H6" => "H6 (HS 2022)",
        _ => code,
    };

    private static void WriteFlows(TradeDataSet data, string path)
    {
        if (path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
        {
            var f = data.Flows;
            var table = new OutputTable("flows",
            [
                OutputColumn.WholeNumber("year", "year", "The year of the flow.", f.Select(x => (int?)x.Year)),
                OutputColumn.Text("exporter", "ISO 3166-1 alpha-3", "The exporting country.", f.Select(x => x.Exporter.Alpha3)),
                OutputColumn.Text("importer", "ISO 3166-1 alpha-3", "The importing country.", f.Select(x => x.Importer.Alpha3)),
                OutputColumn.Text("hs", "HS code", "The product.", f.Select(x => x.Hs.ToString())),
                OutputColumn.ExactNumber("value_usd", "USD", "The value, current US dollars.", f.Select(x => (decimal?)x.Value.Amount)),
                OutputColumn.ExactNumber("quantity_kg", "kg", "Net weight, when reported.", f.Select(x => x.QuantityKg)),
                OutputColumn.Text("source", "text", "Where the figure comes from.", f.Select(x => x.Source)),
            ]);
            OutputTableParquet.Write(table, path);
            return;
        }

        FlowsCsv.Write(data, path);
    }

    private static List<string> List(string text, string option)
    {
        var items = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        return items.Count > 0 ? items : throw new UsageException($"{option}: '{text}' names nothing; give a comma-separated list.");
    }

    private static Country Country(string code, string option) =>
        TradeBalance.Country.TryParse(code.Trim(), out var c) ? c : throw new UsageException($"{option}: '{code}' is not a known ISO 3166-1 country code.");

    private static HsCode Hs(string code) =>
        HsCode.TryParse(code, out var h) && h.Length is >= 2 and <= 6 ? h : throw new UsageException($"--hs: '{code}' is not an HS code of 2, 4 or 6 digits.");

    private static List<int> Years(string text)
    {
        var years = new List<int>();
        foreach (var part in List(text, "--years"))
        {
            var (from, to) = part.Contains("..", StringComparison.Ordinal) ? Projector.ParseYears(part) : (Year(part), Year(part));
            years.AddRange(Enumerable.Range(from, to - from + 1));
        }

        return years.Count <= ComtradeQuery.MaxYears ? years : throw new UsageException($"--years: '{text}' names more than {ComtradeQuery.MaxYears} years.");
    }

    private static int Year(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1962 and <= 2200
            ? y
            : throw new UsageException($"--years: '{text}' is not a year from 1962 to 2200; write them like 2022,2023 or 2020..2023.");
}
