using System.Globalization;
using System.Text;
using System.Text.Json;
using DuckDB.NET.Data;
using Parquet;
using Sylvan.Data.Csv;
using TradeBalance.Data;
using Xunit;

namespace TradeBalance.Cli.Tests;

/// <summary>
/// <c>--format csv|json|parquet</c> and <c>--output</c> for every command. The Parquet files are read back
/// by an independent reader (DuckDB) and by Parquet.Net, and checked against the CSV of the same run:
/// column names, types, row counts and every value.
/// </summary>
public class OutputFormatTests
{
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    /// <summary>A scenario name with everything that breaks a naive writer: quotes, commas, a line break, ESC, a bidi override, a leading '#'.</summary>
    private const string HostileName = "#1 \"Tea\", coffee\nand 50%\u001b[2J \u202Eevil";

    /// <summary>Each command's arguments, and the columns its table has, in order.</summary>
    public static readonly TheoryData<string, string[], string> Commands = new()
    {
        { "project", ["project"], "importer,exporter,hs,baseline_usd,tariff_before_percent,tariff_after_percent,trade_creation_usd,trade_diversion_usd,projected_usd,baseline_share,projected_share,eta,sigma,eps,elasticity_sources,scenario" },
        { "project gsim", ["project", "--model", "gsim"], "importer,exporter,hs,baseline_usd,tariff_before_percent,tariff_after_percent,trade_creation_usd,trade_diversion_usd,projected_usd,baseline_share,projected_share,eta,sigma,eps,elasticity_sources,scenario" },
        { "project --years", ["project", "--years", "2026..2028"], "year,stage,importer,exporter,hs,baseline_usd,tariff_before_percent,tariff_after_percent,trade_creation_usd,trade_diversion_usd,projected_usd,baseline_share,projected_share,eta,sigma,eps,elasticity_sources,scenario" },
        { "compare", ["compare"], "importer,exporter,hs,baseline_usd,baseline_share,smart_projected_usd,smart_projected_share,armington_projected_usd,armington_projected_share,gsim_projected_usd,gsim_projected_share,scenario" },
        { "balance", ["balance"], "year,country,partner,exports_usd,imports_usd,balance_usd,exports_to_imports,local_currency,local_per_usd,exports_local,imports_local,balance_local" },
        { "sensitivity", ["sensitivity", "--draws", "40"], "importer,exporter,hs,baseline_usd,projected_p5_usd,projected_p50_usd,projected_p95_usd,share_p5,share_p50,share_p95,scenario" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Parquet_read_by_DuckDB_has_the_csv_columns_types_rows_and_values(string name, string[] args, string header)
    {
        _ = name;
        using var dir = new TempDir();
        var parquet = dir.File("out.parquet");
        var run = CliRun.Of([.. args, "--format", "csv", "--output", parquet]);
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.StartsWith(header + "\n", run.Out, StringComparison.Ordinal);
        var csv = ReadCsv(run.Out);
        Assert.NotEmpty(csv.Rows);

        var (columns, types, rows) = ReadWithDuckDb(parquet);
        Assert.Equal(header.Split(','), columns);
        Assert.Equal(csv.Rows.Count, rows.Count);
        for (var c = 0; c < columns.Length; c++)
        {
            Assert.Equal(ExpectedDuckDbType(columns[c]), types[c]);
        }

        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                AssertSameValue(columns[c], csv.Rows[r][c], rows[r][c], r);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Parquet_read_by_Parquet_Net_has_the_csv_columns_and_row_count(string name, string[] args, string header)
    {
        _ = name;
        using var dir = new TempDir();
        var parquet = dir.File("out.parquet");
        var run = CliRun.Of([.. args, "--format", "csv", "--output", parquet]);
        Assert.True(run.ExitCode == 0, run.Err);
        var csv = ReadCsv(run.Out);

        await using var file = File.OpenRead(parquet);
        await using var reader = await ParquetReader.CreateAsync(file, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(header.Split(','), reader.Schema.DataFields.Select(f => f.Name));
        Assert.Equal(csv.Rows.Count, reader.RowGroups.Sum(g => g.RowCount));
        Assert.True(reader.CustomMetadata.ContainsKey("tradebalance.table"));
        Assert.Equal("USD", reader.CustomMetadata.GetValueOrDefault("tradebalance.unit.baseline_usd", "USD"));
        using var group = reader.OpenRowGroupReader(0);
        var hs = reader.Schema.DataFields.FirstOrDefault(f => f.Name == "hs");
        if (hs is not null)
        {
            var codes = new string?[group.RowCount];
            await group.ReadAsync(hs, codes.AsMemory(), cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(csv.Rows.Select(r => r[Array.IndexOf(csv.Header, "hs")]), codes);
            Assert.Contains("080440", codes); // the leading zero is kept
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Json_carries_the_rows_and_the_summary(string name, string[] args, string header)
    {
        _ = name;
        var csv = CliRun.Of([.. args, "--format", "csv"]);
        var json = CliRun.Of([.. args, "--format", "json"]);
        Assert.True(json.ExitCode == 0, json.Err);
        using var doc = JsonDocument.Parse(json.Out);
        var root = doc.RootElement;
        Assert.Equal(ReadCsv(csv.Out).Rows.Count, root.GetProperty("rows").GetArrayLength());
        if (args is ["project"] or ["project", "--model", _])
        {
            // project keeps the library's fields (camelCase rows) and adds the summary.
            Assert.Equal(["scenario", "model", "referenceYear", "currency", "parameters", "rows", "markets", "notes", "sources", "summary"], root.EnumerateObject().Select(p => p.Name));
            var kenya = root.GetProperty("summary").GetProperty("beneficiaries")[0];
            Assert.Equal("KEN", kenya.GetProperty("exporter").GetString());
            Assert.True(kenya.GetProperty("projectedUsd").GetDecimal() > kenya.GetProperty("baselineUsd").GetDecimal());
            Assert.True(kenya.GetProperty("balance").GetProperty("before").GetProperty("balanceLocal").GetDecimal() < 0m);
            Assert.Equal(JsonValueKind.Number, kenya.GetProperty("localPerUsd").ValueKind);
            Assert.Equal("KES", kenya.GetProperty("localCurrency").GetString());
        }
        else
        {
            Assert.Equal(header.Split(','), root.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
            Assert.Equal(header.Split(','), root.GetProperty("rows")[0].EnumerateObject().Select(p => p.Name));
        }
    }

    [Fact]
    public void Project_json_summary_has_the_bands_the_table_shows()
    {
        var json = CliRun.Of("project", "--format", "json");
        using var doc = JsonDocument.Parse(json.Out);
        var summary = doc.RootElement.GetProperty("summary");
        Assert.Equal(200, summary.GetProperty("monteCarlo").GetProperty("draws").GetInt32());
        var band = summary.GetProperty("beneficiaries")[0].GetProperty("bands").GetProperty("projectedUsd");
        Assert.True(band.GetProperty("p5").GetDecimal() <= band.GetProperty("p50").GetDecimal());
        Assert.True(band.GetProperty("p50").GetDecimal() <= band.GetProperty("p95").GetDecimal());

        var none = CliRun.Of("project", "--format", "json", "--draws", "0");
        using var noBands = JsonDocument.Parse(none.Out);
        Assert.Equal(JsonValueKind.Null, noBands.RootElement.GetProperty("summary").GetProperty("monteCarlo").ValueKind);
        Assert.Equal(JsonValueKind.Null, noBands.RootElement.GetProperty("summary").GetProperty("beneficiaries")[0].GetProperty("bands").ValueKind);
    }

    [Fact]
    public void Project_csv_keeps_the_projection_csv_columns_and_reads_back()
    {
        var run = CliRun.Of("project", "--format", "csv");
        var rows = ProjectionCsv.Read(new StringReader(run.Out), "stdout").Value;
        Assert.Equal(ReadCsv(run.Out).Rows.Count, rows.Length);
        Assert.StartsWith(string.Join(",", ProjectionCsv.Columns) + ",eta,sigma,eps,elasticity_sources,scenario\n", run.Out, StringComparison.Ordinal);

        // Each row says which elasticities its market used and where they came from: tea's σ is the middle of
        // Broda & Weinstein's and ProTEE's estimates, ProTEE's read at the lines Kenya ships.
        var table = ReadCsv(run.Out);
        var tea = table.Rows.First(r => r[Array.IndexOf(table.Header, "hs")] == "0902");
        Assert.Equal("3.634634389", tea[Array.IndexOf(table.Header, "sigma")]);
        Assert.Equal(string.Empty, tea[Array.IndexOf(table.Header, "eps")]);
        Assert.Equal(
            "η: default; σ: middle of 1.82665–5.442619: Broda & Weinstein (2006), CHN HS3 090 = 1.82665; CEPII ProTEE 0.1, Fontagné, Guimbard & Orefice (2022), "
            + "HS6 090230, elasticity -8.672789 × 1% + HS6 090240, elasticity -5.409991 × 99% = 5.442619; traded lines 0902: 090240 99%, 090230 1%; ε: default",
            tea[Array.IndexOf(table.Header, "elasticity_sources")]);
    }

    [Theory]
    [InlineData("project")]
    [InlineData("compare")]
    [InlineData("sensitivity")]
    [InlineData("project --years")]
    public void A_hostile_scenario_name_is_quoted_in_csv_escaped_in_json_and_kept_in_parquet(string command)
    {
        using var dir = new TempDir();
        var scenario = dir.File("s.json");
        File.WriteAllText(scenario, "{\"name\":" + JsonSerializer.Serialize(HostileName) + ",\"importer\":\"CHN\",\"beneficiaries\":[\"KEN\"],\"hs\":[\"0902\",\"0901\",\"080440\"],\"newRatePercent\":0,\"effective\":\"2026-05-01\",\"referenceYear\":2024,\"stages\":2}");
        string[] args = command switch
        {
            "project --years" => ["project", "--years", "2026..2027"],
            "sensitivity" => ["sensitivity", "--draws", "20"],
            _ => [command],
        };

        var csv = CliRun.Of([.. args, "--scenario", scenario, "--format", "csv", "--output", dir.File("o.parquet")]);
        Assert.True(csv.ExitCode == 0, csv.Err);
        Assert.Contains("\"#1 \"\"Tea\"\", coffee\nand 50%\u001b[2J \u202Eevil\"\n", csv.Out, StringComparison.Ordinal);
        var table = ReadCsv(csv.Out);
        Assert.All(table.Rows, r => Assert.Equal(HostileName, r[^1]));

        var json = CliRun.Of([.. args, "--scenario", scenario, "--format", "json"]);
        Assert.True(json.ExitCode == 0, json.Err);
        Assert.DoesNotContain('\u001b', json.Out);
        Assert.DoesNotContain('\u202E', json.Out);
        using var doc = JsonDocument.Parse(json.Out);
        var name = doc.RootElement.GetProperty("scenario");
        Assert.Equal(HostileName, name.ValueKind == JsonValueKind.Object ? name.GetProperty("name").GetString() : name.GetString());

        var (_, _, rows) = ReadWithDuckDb(dir.File("o.parquet"));
        Assert.All(rows, r => Assert.Equal(HostileName, r[^1]));
    }

    /// <summary>A formula-leading scenario name reaches a spreadsheet as text: a quote in front in CSV (printed and saved),
    /// unchanged in JSON and Parquet, and exactly as given with <c>--raw-text</c>.</summary>
    [Theory]
    [InlineData("project")]
    [InlineData("compare")]
    [InlineData("sensitivity")]
    public void A_formula_leading_scenario_name_is_neutralised_in_csv_unless_raw_text(string command)
    {
        const string Formula = "=HYPERLINK(\"http://example.invalid\",\"click\")";
        using var dir = new TempDir();
        var scenario = dir.File("s.json");
        File.WriteAllText(scenario, "{\"name\":" + JsonSerializer.Serialize(Formula) + ",\"importer\":\"CHN\",\"beneficiaries\":[\"KEN\"],\"hs\":[\"0902\"],\"newRatePercent\":0,\"effective\":\"2026-05-01\",\"referenceYear\":2024}");
        string[] args = command == "sensitivity" ? ["sensitivity", "--draws", "20"] : [command];

        var safe = CliRun.Of([.. args, "--scenario", scenario, "--format", "csv", "--output", dir.File("o.csv")]);
        Assert.True(safe.ExitCode == 0, safe.Err);
        Assert.All(ReadCsv(safe.Out).Rows, r => Assert.Equal("'" + Formula, r[^1]));
        Assert.Equal(safe.Out, File.ReadAllText(dir.File("o.csv")));

        var raw = CliRun.Of([.. args, "--scenario", scenario, "--format", "csv", "--raw-text"]);
        Assert.True(raw.ExitCode == 0, raw.Err);
        Assert.All(ReadCsv(raw.Out).Rows, r => Assert.Equal(Formula, r[^1]));

        var parquet = CliRun.Of([.. args, "--scenario", scenario, "--format", "csv", "--output", dir.File("o.parquet")]);
        Assert.True(parquet.ExitCode == 0, parquet.Err);
        var (_, _, rows) = ReadWithDuckDb(dir.File("o.parquet"));
        Assert.All(rows, r => Assert.Equal(Formula, r[^1]));
    }

    [Fact]
    public void Balance_with_no_trade_says_so_and_exits_3_in_every_format()
    {
        foreach (var format in new[] { "table", "csv", "json", "parquet" })
        {
            using var dir = new TempDir();
            var run = CliRun.Of("balance", "--country", "KEN", "--partner", "FRA", "--format", format, "--output", dir.File("b.parquet"));
            Assert.Equal(3, run.ExitCode);
            Assert.Equal(string.Empty, run.Out);
            Assert.Contains("no trade between KEN and FRA", run.Err, StringComparison.Ordinal);
            Assert.False(File.Exists(dir.File("b.parquet")));
        }
    }

    [Fact]
    public void A_ratio_with_no_imports_is_n_a_in_the_table_and_empty_or_null_in_the_data()
    {
        using var dir = new TempDir();
        var flows = dir.File("flows.csv");
        File.WriteAllText(flows, "year,exporter,importer,hs,value_usd\n2024,KEN,CHN,0902,5\n");
        var table = CliRun.Of("balance", "--flows", flows);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("n/a", table.Out, StringComparison.Ordinal);

        var csv = CliRun.Of("balance", "--flows", flows, "--format", "csv", "--output", dir.File("b.parquet"));
        var row = ReadCsv(csv.Out).Rows.Single();
        Assert.Equal(string.Empty, row[6]); // exports_to_imports
        Assert.DoesNotContain("NaN", csv.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", csv.Out, StringComparison.Ordinal);
        Assert.Null(ReadWithDuckDb(dir.File("b.parquet")).Rows.Single()[6]);
        using var json = JsonDocument.Parse(CliRun.Of("balance", "--flows", flows, "--format", "json").Out);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("rows")[0].GetProperty("exports_to_imports").ValueKind);
    }

    [Fact]
    public void Parquet_is_refused_on_a_terminal_with_a_usage_error_before_anything_is_read()
    {
        ResultOutput.TerminalOverride = true;
        try
        {
            var run = CliRun.Of("balance", "--format", "parquet", "--flows", "/nonexistent/flows.csv");
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("--format parquet: Parquet is binary and standard output is a terminal", run.Err, StringComparison.Ordinal);
            Assert.Equal(string.Empty, run.Out);

            // To a file it is fine, on a terminal too.
            using var dir = new TempDir();
            var saved = CliRun.Of("balance", "--format", "parquet", "--output", dir.File("b.parquet"));
            Assert.Equal(0, saved.ExitCode);
            Assert.Equal(string.Empty, saved.Out);
            Assert.Single(ReadWithDuckDb(dir.File("b.parquet")).Rows);
        }
        finally
        {
            ResultOutput.TerminalOverride = null;
        }
    }

    [Fact]
    public void Parquet_on_standard_output_that_is_not_a_terminal_is_the_same_file_as_output_writes()
    {
        using var dir = new TempDir();
        var bytes = new MemoryStream();
        var stdout = new StreamWriter(bytes, new UTF8Encoding(false)) { AutoFlush = false };
        var code = CliApp.Run(["sensitivity", "--draws", "30", "--format", "parquet"], stdout, new StringWriter());
        stdout.Flush();
        Assert.Equal(0, code);
        File.WriteAllBytes(dir.File("piped.parquet"), bytes.ToArray());
        Assert.Equal("PAR1", Encoding.ASCII.GetString(bytes.ToArray(), 0, 4));

        Assert.Equal(0, CliRun.Of("sensitivity", "--draws", "30", "--format", "parquet", "--output", dir.File("saved.parquet")).ExitCode);
        Assert.Equal(ReadWithDuckDb(dir.File("saved.parquet")).Rows, ReadWithDuckDb(dir.File("piped.parquet")).Rows);
    }

    [Fact]
    public async Task Parquet_through_a_pipe_of_the_real_process_reads_back()
    {
        using var dir = new TempDir();
        var dll = Path.Combine(AppContext.BaseDirectory, "TradeBalance.Cli.dll");
        var info = new System.Diagnostics.ProcessStartInfo("dotnet", [dll, "balance", "--format", "parquet"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = System.Diagnostics.Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using (var file = File.Create(dir.File("piped.parquet")))
        {
            await process.StandardOutput.BaseStream.CopyToAsync(file, TestContext.Current.CancellationToken);
        }

        Assert.True(process.WaitForExit(120_000));
        Assert.Equal(0, process.ExitCode);
        Assert.Equal(string.Empty, await stderr);
        var (columns, _, rows) = ReadWithDuckDb(dir.File("piped.parquet"));
        Assert.Equal("year", columns[0]);
        Assert.Equal(2024, rows.Single()[0]);
    }

    [Fact]
    public void Every_format_of_output_writes_the_same_rows()
    {
        using var dir = new TempDir();
        Assert.Equal(0, CliRun.Of("compare", "--output", dir.File("c.csv")).ExitCode);
        Assert.Equal(0, CliRun.Of("compare", "--output", dir.File("c.json")).ExitCode);
        Assert.Equal(0, CliRun.Of("compare", "--output", dir.File("c.parquet")).ExitCode);
        var csv = ReadCsv(File.ReadAllText(dir.File("c.csv")));
        using var json = JsonDocument.Parse(File.ReadAllText(dir.File("c.json")));
        Assert.Equal(csv.Rows.Count, json.RootElement.GetProperty("rows").GetArrayLength());
        Assert.Equal(csv.Rows.Count, ReadWithDuckDb(dir.File("c.parquet")).Rows.Count);
        Assert.Equal(CliRun.Of("compare", "--format", "csv").Out, File.ReadAllText(dir.File("c.csv")));
    }

    [Fact]
    public void Sensitivity_takes_the_scenarios_draws_when_draws_is_not_given()
    {
        using var dir = new TempDir();
        var scenario = dir.File("s.json");
        File.WriteAllText(scenario, "{\"importer\":\"CHN\",\"beneficiaries\":[\"KEN\"],\"hs\":[\"0902\"],\"newRatePercent\":0,\"effective\":\"2026-05-01\",\"referenceYear\":2024,\"monteCarlo\":{\"draws\":37,\"seed\":5,\"spread\":0.3}}");
        var run = CliRun.Of("sensitivity", "--scenario", scenario, "--format", "json");
        Assert.True(run.ExitCode == 0, run.Err);
        using var doc = JsonDocument.Parse(run.Out);
        var mc = doc.RootElement.GetProperty("summary").GetProperty("monteCarlo");
        Assert.Equal(37, mc.GetProperty("draws").GetInt32());
        Assert.Equal(5, mc.GetProperty("seed").GetInt32());
        Assert.Equal(0.3, mc.GetProperty("spread").GetDouble());
        Assert.Contains("37 draws · seed 5", CliRun.Of("sensitivity", "--scenario", scenario).Out, StringComparison.Ordinal);
        Assert.Contains("12 draws · seed 5", CliRun.Of("sensitivity", "--scenario", scenario, "--draws", "12").Out, StringComparison.Ordinal);

        // The embedded scenario says 200 draws.
        Assert.Contains("200 draws · seed 42", CliRun.Of("sensitivity").Out, StringComparison.Ordinal);
    }

    private static string ExpectedDuckDbType(string column) => column switch
    {
        "year" or "stage" => "INTEGER",
        "importer" or "exporter" or "hs" or "country" or "partner" or "scenario" or "elasticity_sources" or "local_currency" => "VARCHAR",
        _ => "DOUBLE",
    };

    private static void AssertSameValue(string column, string csv, object? parquet, int row)
    {
        if (csv.Length == 0)
        {
            Assert.True(parquet is null, $"row {row}, {column}: empty in CSV, {parquet} in Parquet");
            return;
        }

        switch (parquet)
        {
            case string s:
                Assert.Equal(csv, s);
                break;
            case int i:
                Assert.Equal(int.Parse(csv, Ci), i);
                break;
            case double d:
                var expected = double.Parse(csv, NumberStyles.Float, Ci);
                Assert.True(Math.Abs(expected - d) <= Math.Abs(expected) * 1e-15, $"row {row}, {column}: CSV {csv}, Parquet {d.ToString("R", Ci)}");
                break;
            default:
                Assert.Fail($"row {row}, {column}: CSV '{csv}', Parquet {parquet?.GetType().Name ?? "null"}");
                break;
        }
    }

    internal static (string[] Columns, string[] Types, List<object?[]> Rows) ReadWithDuckDb(string path)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        var source = $"read_parquet('{path.Replace("'", "''", StringComparison.Ordinal)}')";
        var types = new List<string>();
        using (var describe = connection.CreateCommand())
        {
            describe.CommandText = $"DESCRIBE SELECT * FROM {source}";
            using var r = describe.ExecuteReader();
            while (r.Read())
            {
                types.Add(r.GetString(r.GetOrdinal("column_type")));
            }
        }

        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {source}";
        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i))]);
        }

        return (columns, [.. types], rows);
    }

    private static (string[] Header, List<string[]> Rows) ReadCsv(string text)
    {
        using var csv = CsvDataReader.Create(new StringReader(text));
        var header = Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToArray();
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add([.. Enumerable.Range(0, csv.FieldCount).Select(csv.GetString)]);
        }

        return (header, rows);
    }
}
