using System.Diagnostics;
using System.Globalization;
using System.Text;
using TradeBalance.Testing;
using Xunit;

namespace TradeBalance.Cli.Tests;

/// <summary>
/// <c>tradebalance fetch</c> against a local HTTPS server with a test CA: in-process (the CA through the handler hook)
/// and as a child process (the CA through SSL_CERT_FILE), including a kill and resume. No test reaches the internet.
/// </summary>
/// <remarks>One class, so its tests run one at a time: the in-process ones set the process's base-address variable.</remarks>
public sealed class FetchCliTests : IDisposable
{
    private const string Key = "KEYVALUE-5c1d9e77";

    private readonly TempDir _dir = new();

    public FetchCliTests()
    {
        FetchCommand.HandlerForTests = TestCertificates.Instance.Handler;
    }

    public void Dispose()
    {
        FetchCommand.HandlerForTests = null;
        Environment.SetEnvironmentVariable("TRADEBALANCE_COMTRADE_URL", null);
        Environment.SetEnvironmentVariable("TRADEBALANCE_WITS_URL", null);
        Environment.SetEnvironmentVariable("TRADEBALANCE_UNSD_URL", null);
        _dir.Dispose();
    }

    /// <summary>A Comtrade answer: every partner asked (or these) × every product asked, for the year asked.</summary>
    private static FakeResponse Comtrade(FakeRequest r, params int[] partners)
    {
        var reporter = r.Query("reporterCode")!;
        var year = r.Query("period")!;
        var asked = r.Query("partnerCode") is { } p ? p.Split(',') : partners.Select(x => x.ToString(CultureInfo.InvariantCulture)).ToArray();
        var rows = (from partner in asked
                    from cmd in r.Query("cmdCode")!.Split(',')
                    select $$"""{"typeCode":"C","freqCode":"A","refYear":{{year}},"period":"{{year}}","reporterCode":{{reporter}},"flowCode":"M","partnerCode":{{partner}},"partner2Code":0,"classificationCode":"H6","cmdCode":"{{cmd}}","customsCode":"C00","motCode":0,"netWgt":null,"cifvalue":{{1000 + (int.Parse(partner, CultureInfo.InvariantCulture) * 10) + cmd.Length}},"fobvalue":null,"primaryValue":1.0}""").ToList();
        return FakeResponse.Json($$"""{"elapsedTime":"0.01 secs","count":{{rows.Count}},"data":[{{string.Join(',', rows)}}],"error":""}""");
    }

    [Fact]
    public void Fetched_flows_are_read_as_they_are_by_project_in_csv_and_parquet()
    {
        using var server = new FakeHttpsServer(TestCertificates.Instance, r => Comtrade(r, 404, 704, 76));
        Environment.SetEnvironmentVariable("TRADEBALANCE_COMTRADE_URL", server.BaseUrl.AbsoluteUri);
        var cache = _dir.File("cache");
        foreach (var output in new[] { _dir.File("flows.csv"), _dir.File("flows.parquet") })
        {
            var fetch = CliRun.Of("fetch", "comtrade", "--reporter", "CHN", "--years", "2023,2024", "--hs", "0901,0902,080440", "--output", output, "--cache", cache);
            Assert.True(fetch.ExitCode == 0, fetch.Err);
            Assert.Contains("Wrote 18 flows to " + output, fetch.Out, StringComparison.Ordinal);
            Assert.Contains("HS revision H6 (HS 2022)", fetch.Out, StringComparison.Ordinal);
            Assert.Contains("https://localhost:", fetch.Out, StringComparison.Ordinal);

            var project = CliRun.Of("project", "--flows", output, "--draws", "0", "--format", "csv");
            Assert.True(project.ExitCode == 0, project.Err);
            Assert.Contains("KEN", project.Out, StringComparison.Ordinal);
        }

        // The CSV holds exactly what the server sent: Kenya's tea (cifvalue 1000 + 404 × 10 + 4) in 2024.
        var csv = File.ReadAllLines(_dir.File("flows.csv"));
        Assert.Equal("year,exporter,importer,hs,value_usd,quantity_kg,source", csv[0]);
        Assert.Contains(csv, l => l.StartsWith("2024,KEN,CHN,0902,5044,,UN Comtrade API, fetched ", StringComparison.Ordinal) || l.StartsWith("2024,KEN,CHN,0902,5044,,\"UN Comtrade API, fetched ", StringComparison.Ordinal));

        // Two years, once each: the Parquet run read both pieces from the cache.
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public void Progress_goes_to_stderr_and_a_repeated_fetch_makes_no_request()
    {
        using var server = new FakeHttpsServer(TestCertificates.Instance, r => Comtrade(r, 404));
        Environment.SetEnvironmentVariable("TRADEBALANCE_COMTRADE_URL", server.BaseUrl.AbsoluteUri);
        string[] args = ["fetch", "comtrade", "--reporter", "CHN", "--partner", "KEN", "--years", "2022..2024", "--hs", "0902", "--output", _dir.File("f.csv"), "--cache", _dir.File("c")];
        var first = CliRun.Of(args);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("fetch: [1/3] fetched: 2022, partners KEN, HS 0902", first.Err, StringComparison.Ordinal);
        Assert.Contains("Pieces: 3 fetched, 0 from the cache; requests: 3", first.Out, StringComparison.Ordinal);
        var written = File.ReadAllText(_dir.File("f.csv"));
        Assert.Equal(4, written.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        var second = CliRun.Of(args);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(3, server.Requests.Count);
        Assert.Contains("fetch: [3/3] from cache: 2024, partners KEN, HS 0902", second.Err, StringComparison.Ordinal);
        Assert.Contains("Pieces: 0 fetched, 3 from the cache; requests: 0", second.Out, StringComparison.Ordinal);
        Assert.Equal(written, File.ReadAllText(_dir.File("f.csv")));
    }

    [Fact]
    public void Bad_options_are_usage_errors_before_any_request()
    {
        using var server = new FakeHttpsServer(TestCertificates.Instance, r => Comtrade(r, 404));
        Environment.SetEnvironmentVariable("TRADEBALANCE_COMTRADE_URL", server.BaseUrl.AbsoluteUri);
        var badHs = CliRun.Of("fetch", "comtrade", "--reporter", "CHN", "--years", "2024", "--hs", "09x2", "--output", _dir.File("f.csv"), "--cache", _dir.File("c"));
        Assert.Equal(2, badHs.ExitCode);
        Assert.Contains("--hs: '09x2'", badHs.Err, StringComparison.Ordinal);
        var badYear = CliRun.Of("fetch", "comtrade", "--reporter", "CHN", "--years", "24", "--hs", "0902", "--output", _dir.File("f.csv"), "--cache", _dir.File("c"));
        Assert.Equal(2, badYear.ExitCode);
        var badOut = CliRun.Of("fetch", "comtrade", "--reporter", "CHN", "--years", "2024", "--hs", "0902", "--output", _dir.File("f.json"), "--cache", _dir.File("c"));
        Assert.Equal(2, badOut.ExitCode);
        var noKey = CliRun.Of("fetch", "comtrade", "--reporter", "CHN", "--years", "2024", "--hs", "0902", "--output", _dir.File("f.csv"), "--key-env", "TB_SURELY_UNSET_" + Guid.NewGuid().ToString("N"));
        Assert.Equal(2, noKey.ExitCode);
        Assert.Contains("is not set", noKey.Err, StringComparison.Ordinal);
        Assert.Empty(server.Requests);

        Environment.SetEnvironmentVariable("TRADEBALANCE_COMTRADE_URL", "http://localhost:1/");
        var plain = CliRun.Of("fetch", "comtrade", "--reporter", "CHN", "--years", "2024", "--hs", "0902", "--output", _dir.File("f.csv"), "--cache", _dir.File("c"));
        Assert.Equal(2, plain.ExitCode);
        Assert.Contains("TRADEBALANCE_COMTRADE_URL holds 'http://localhost:1/', which is not an https address", plain.Err, StringComparison.Ordinal);

        Environment.SetEnvironmentVariable("TRADEBALANCE_COMTRADE_URL", server.BaseUrl.AbsoluteUri);
        var self = CliRun.Of("fetch", "comtrade", "--reporter", "CHN", "--partner", "KEN,CHN", "--years", "2024", "--hs", "0902", "--output", _dir.File("f.csv"), "--cache", _dir.File("c"));
        Assert.Equal(2, self.ExitCode);
        Assert.Contains("--partner: CHN is also the --reporter", self.Err, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    private static string Dll => Path.Combine(AppContext.BaseDirectory, "TradeBalance.Cli.dll");

    private ProcessStartInfo Child(FakeHttpsServer server, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet", [Dll, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir.Path };
        File.WriteAllText(_dir.File("ca.pem"), TestCertificates.Instance.CaPem);
        info.Environment["SSL_CERT_FILE"] = _dir.File("ca.pem");
        info.Environment["TRADEBALANCE_COMTRADE_URL"] = server.BaseUrl.AbsoluteUri;
        info.Environment["COMTRADE_API_KEY"] = Key;
        return info;
    }

    private static (int Code, string Out, string Err) Run(ProcessStartInfo info)
    {
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), "the tool did not finish within 2 minutes");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void A_killed_download_resumes_asking_only_for_the_missing_pieces_and_the_key_appears_nowhere()
    {
        // Six pieces (one per year); the server holds its answer to the fourth request until the test has killed the tool.
        var hold = new TaskCompletionSource();
        var served = 0;
        using var server = new FakeHttpsServer(TestCertificates.Instance, r => Interlocked.Increment(ref served) == 4 ? Comtrade(r, 404) with { Hold = hold.Task } : Comtrade(r, 404));
        string[] args = ["fetch", "comtrade", "--reporter", "CHN", "--partner", "KEN", "--years", "2019..2024", "--hs", "0901,0902", "--output", _dir.File("flows.csv"), "--cache", _dir.File("cache"), "--verbose"];
        using (var first = Process.Start(Child(server, args))!)
        {
            var clock = Stopwatch.StartNew();
            while (server.Requests.Count < 4 && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                Thread.Sleep(20);
            }

            Assert.Equal(4, server.Requests.Count);
            first.Kill(entireProcessTree: true);
            Assert.True(first.WaitForExit(30_000));
        }

        hold.SetResult();
        Assert.False(File.Exists(_dir.File("flows.csv")));
        Assert.Equal(3, Directory.GetFiles(_dir.File("cache"), "*.piece", SearchOption.AllDirectories).Length);

        var second = Run(Child(server, args));
        Assert.True(second.Code == 0, second.Err);
        Assert.Equal(4 + 3, server.Requests.Count);
        Assert.Equal(["2022", "2023", "2024"], server.Requests.Skip(4).Select(r => r.Query("period")));
        Assert.Contains("Pieces: 3 fetched, 3 from the cache; requests: 3", second.Out, StringComparison.Ordinal);
        Assert.Contains("keyed API", second.Err, StringComparison.Ordinal);
        Assert.All(server.Requests, r => Assert.Equal(Key, r.Headers["Ocp-Apim-Subscription-Key"]));
        Assert.Equal(1 + (6 * 2), File.ReadAllLines(_dir.File("flows.csv")).Length);

        var third = Run(Child(server, args));
        Assert.Equal(0, third.Code);
        Assert.Equal(7, server.Requests.Count);
        Assert.Contains("requests: 0", third.Out, StringComparison.Ordinal);

        // A refusal that echoes the key, under --verbose (the stack trace printed too).
        using var refusing = new FakeHttpsServer(TestCertificates.Instance, r => FakeResponse.Json($"{{\"statusCode\":401,\"message\":\"Access denied: key {r.Headers["Ocp-Apim-Subscription-Key"]} is invalid.\"}}", 401));
        var refused = Run(Child(refusing, [.. args[..^3], "--cache", _dir.File("cache2"), "--verbose"]));
        Assert.Equal(1, refused.Code);
        Assert.Contains("HTTP 401", refused.Err, StringComparison.Ordinal);
        Assert.Contains("Access denied: key [key redacted] is invalid.", refused.Err, StringComparison.Ordinal);

        foreach (var text in new[] { second.Out, second.Err, third.Out, third.Err, refused.Out, refused.Err })
        {
            Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
        }

        foreach (var file in Directory.GetFiles(_dir.Path, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(Key, Encoding.UTF8.GetString(File.ReadAllBytes(file)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Fetched_WITS_tariffs_are_read_as_they_are_by_project_with_fetched_flows()
    {
        const string xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <message:StructureSpecificData xmlns:message="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message">
              <message:DataSet>
                <Series REPORTER="156" PARTNER="000" PRODUCTCODE="0902"><Obs TIME_PERIOD="2024" OBS_VALUE="15" NOMENCODE="H6" TARIFFTYPE="MFN" /></Series>
                <Series REPORTER="156" PARTNER="000" PRODUCTCODE="0901"><Obs TIME_PERIOD="2024" OBS_VALUE="8" NOMENCODE="H6" TARIFFTYPE="MFN" /></Series>
                <Series REPORTER="156" PARTNER="000" PRODUCTCODE="080440"><Obs TIME_PERIOD="2024" OBS_VALUE="7" NOMENCODE="H6" TARIFFTYPE="MFN" /></Series>
              </message:DataSet>
            </message:StructureSpecificData>
            """;
        using var wits = new FakeHttpsServer(TestCertificates.Instance, _ => new FakeResponse(200, Encoding.UTF8.GetBytes(xml)));
        using var comtrade = new FakeHttpsServer(TestCertificates.Instance, r => Comtrade(r, 404, 704, 76));
        Environment.SetEnvironmentVariable("TRADEBALANCE_WITS_URL", wits.BaseUrl.AbsoluteUri);
        Environment.SetEnvironmentVariable("TRADEBALANCE_COMTRADE_URL", comtrade.BaseUrl.AbsoluteUri);
        var tariffs = CliRun.Of("fetch", "wits", "--reporter", "CHN", "--year", "2024", "--output", _dir.File("tariffs.csv"), "--cache", _dir.File("c"));
        Assert.True(tariffs.ExitCode == 0, tariffs.Err);
        Assert.Contains("Wrote 3 tariff lines of CHN", tariffs.Out, StringComparison.Ordinal);
        Assert.Contains("/reporter/156/partner/000/product/all/year/2024/datatype/reported", Assert.Single(wits.Requests).PathAndQuery, StringComparison.Ordinal);

        var flows = CliRun.Of("fetch", "comtrade", "--reporter", "CHN", "--years", "2024", "--hs", "0901,0902,080440", "--output", _dir.File("flows.csv"), "--cache", _dir.File("c"));
        Assert.True(flows.ExitCode == 0, flows.Err);

        var project = CliRun.Of("project", "--flows", _dir.File("flows.csv"), "--tariffs", _dir.File("tariffs.csv"), "--draws", "0", "--format", "csv");
        Assert.True(project.ExitCode == 0, project.Err);
        Assert.Contains("KEN", project.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void HS_tables_are_written_into_the_folder_and_an_unknown_pair_is_a_usage_error()
    {
        using var server = new FakeHttpsServer(TestCertificates.Instance, _ => new FakeResponse(200, [0x50, 0x4B, 0x03, 0x04, 7]));
        Environment.SetEnvironmentVariable("TRADEBALANCE_UNSD_URL", server.BaseUrl.AbsoluteUri);
        Directory.CreateDirectory(_dir.File("tables"));
        var run = CliRun.Of("fetch", "hs-tables", "--output", _dir.File("tables"), "--pair", "HS2022-HS2017", "--cache", _dir.File("c"));
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Contains("HS2022toHS2017ConversionAndCorrelationTables.xlsx", run.Out, StringComparison.Ordinal);
        Assert.Equal([0x50, 0x4B, 0x03, 0x04, 7], File.ReadAllBytes(Path.Combine(_dir.File("tables"), "HS2022toHS2017ConversionAndCorrelationTables.xlsx")));

        var bad = CliRun.Of("fetch", "hs-tables", "--output", _dir.File("tables"), "--pair", "HS2017-HS2022");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--pair: 'HS2017-HS2022' is not a published table", bad.Err, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }
}
