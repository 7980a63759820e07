using System.Diagnostics;
using System.Globalization;
using System.Text;
using TradeBalance.Data.Fetch;
using TradeBalance.Testing;
using Xunit;

namespace TradeBalance.Data.Tests.Fetch;

/// <summary>The Comtrade client against a local HTTPS server that behaves as the API is documented to: caps, 429, 5xx, cuts, bad bodies, refusals.</summary>
public sealed class ComtradeClientTests : IDisposable
{
    private static readonly Country Kenya = Country.FromIso3("KEN");
    private static readonly Country China = Country.FromIso3("CHN");
    private static readonly Country Usa = Country.FromIso3("USA");

    private readonly string _cache = Path.Combine(Path.GetTempPath(), "tradebalance-fetch-" + Guid.NewGuid().ToString("N"));

    // A variable of this test's own: the machine's COMTRADE_API_KEY, if any, never enters a test.
    private readonly string _keyVariable = "TB_TEST_KEY_" + Guid.NewGuid().ToString("N");

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(_keyVariable, null);
        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
    }

    private FetchOptions Options(FakeHttpsServer server) => new()
    {
        CacheDirectory = _cache,
        ApiKeyVariable = _keyVariable,
        BaseDelay = TimeSpan.FromMilliseconds(5),
        MaxDelay = TimeSpan.FromMilliseconds(20),
        MaxAttempts = 4,
        BaseUrl = server.BaseUrl,
    };

    private static ComtradeQuery Query(params string[] hs) => new(Kenya, [China], [2022], hs.Select(HsCode.Parse));

    private async Task<FetchResult<TradeDataSet>> Fetch(FakeHttpsServer server, ComtradeQuery query, FetchOptions? options = null, List<FetchProgress>? events = null)
    {
        using var client = new ComtradeClient(options ?? Options(server), TestCertificates.Instance.Handler());
        return await client.FetchFlowsAsync(query, events is null ? null : events.Add, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_recorded_response_becomes_the_flows_the_Comtrade_reader_makes_of_it()
    {
        var recorded = File.ReadAllText(Fixtures.Path("fetch/comtrade-ken-imports-2022.json"));
        using var server = new FakeHttpsServer(TestCertificates.Instance, _ => FakeResponse.Json(recorded));
        var result = await Fetch(server, new ComtradeQuery(Kenya, [], [2022], [HsCode.Parse("0901"), HsCode.Parse("0902")]));

        var request = Assert.Single(server.Requests);
        Assert.Equal("/public/v1/preview/C/A/HS", request.Path);
        Assert.Equal("404", request.Query("reporterCode"));
        Assert.Equal("2022", request.Query("period"));
        Assert.Equal("0901,0902", request.Query("cmdCode"));
        Assert.Equal("M", request.Query("flowCode"));
        Assert.Null(request.Query("partnerCode"));
        Assert.Equal("500", request.Query("maxRecords"));
        Assert.False(request.Headers.ContainsKey("Ocp-Apim-Subscription-Key"));

        // cifvalue when present, else primaryValue; World skipped; 842 is the USA; netWgt in kg.
        var flows = result.Value.Flows.OrderBy(f => f.Exporter.Alpha3).ThenBy(f => f.Hs.Digits).ToList();
        Assert.Equal(3, flows.Count);
        Assert.Equal((China, Kenya, "0901", 15432.5m, (decimal?)1200m), (flows[0].Exporter, flows[0].Importer, flows[0].Hs.Digits, flows[0].Value.Amount, flows[0].QuantityKg));
        Assert.Equal((China, "0902", 98000m, (decimal?)null), (flows[1].Exporter, flows[1].Hs.Digits, flows[1].Value.Amount, flows[1].QuantityKg));
        Assert.Equal((Usa, "0902", 7300m, (decimal?)410.5m), (flows[2].Exporter, flows[2].Hs.Digits, flows[2].Value.Amount, flows[2].QuantityKg));
        Assert.All(flows, f => Assert.Equal(2022, f.Year));
        Assert.Equal(1, result.Report.Skipped["aggregate partner World (0)"]);
        Assert.Equal(["H6"], result.Summary.Classifications);
        Assert.Equal((1, 0, 1), (result.Summary.PiecesFetched, result.Summary.PiecesFromCache, result.Summary.Requests));
        Assert.StartsWith(server.BaseUrl.AbsoluteUri + "public/v1/preview/C/A/HS?reporterCode=404&period=2022", Assert.Single(result.Summary.Sources), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repeated_fetch_makes_no_request_and_gives_the_same_flows()
    {
        using var server = new FakeHttpsServer(TestCertificates.Instance, r => ComtradeResponses.For(r, [156]));
        var query = new ComtradeQuery(Kenya, [China, Usa], [2021, 2022], new[] { "0901", "0902", "080440" }.Select(HsCode.Parse));
        var first = await Fetch(server, query);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(2 * 2 * 3, first.Value.Flows.Length);

        var second = await Fetch(server, query);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal((0, 2, 0), (second.Summary.PiecesFetched, second.Summary.PiecesFromCache, second.Summary.Requests));
        Assert.Equal(first.Value.Flows, second.Value.Flows);
        var tea = second.Value.Flows.Single(f => f.Exporter.Equals(Usa) && f.Hs.Digits == "0902" && f.Year == 2021);
        Assert.Equal(ComtradeResponses.Value(842, "0902", 2021), tea.Value.Amount);
    }

    [Fact]
    public async Task A_response_of_exactly_the_row_cap_is_split_and_asked_again_until_every_row_is_in()
    {
        // 2 partners × 3 products = 6 rows; a cap of 4 cuts the first answer, as the API does.
        using var server = new FakeHttpsServer(TestCertificates.Instance, r => ComtradeResponses.For(r, [156, 842], cap: 4));
        var events = new List<FetchProgress>();
        var query = new ComtradeQuery(Kenya, [China, Usa], [2022], new[] { "0901", "0902", "080440" }.Select(HsCode.Parse));
        var result = await Fetch(server, query, Options(server) with { RowCap = 4 }, events);

        Assert.Equal(6, result.Value.Flows.Length);
        foreach (var f in result.Value.Flows)
        {
            Assert.Equal(ComtradeResponses.Value(int.Parse(Country.FromIso3(f.Exporter.Alpha3).Equals(Usa) ? "842" : "156", CultureInfo.InvariantCulture), f.Hs.Digits, 2022), f.Value.Amount);
        }

        // The whole request, then each partner alone (3 rows each, under the cap).
        var partners = server.Requests.Select(r => r.Query("partnerCode")).ToList();
        Assert.Equal(["156,842", "156", "842"], partners);
        Assert.Contains(events, e => e.Kind == FetchProgressKind.Split);

        // The capped answer is cached too, so a repeat makes no request at all.
        var again = await Fetch(server, query, Options(server) with { RowCap = 4 });
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(6, again.Value.Flows.Length);
    }

    [Fact]
    public async Task One_partner_and_product_that_alone_reaches_the_cap_is_an_error_not_lost_rows()
    {
        using var server = new FakeHttpsServer(TestCertificates.Instance, r => ComtradeResponses.For(r, [156], cap: 1));
        var e = await Assert.ThrowsAsync<TradeDataException>(() => Fetch(server, Query("0902"), Options(server) with { RowCap = 1 }));
        Assert.Contains("the row cap", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_with_Retry_After_is_waited_out_then_asked_again()
    {
        var calls = 0;
        using var server = new FakeHttpsServer(TestCertificates.Instance, r => Interlocked.Increment(ref calls) == 1
            ? new FakeResponse(429, ComtradeResponses.Utf8("{\"statusCode\":429,\"message\":\"Rate limit is exceeded. Try again in 1 seconds.\"}")) { Headers = { ["Retry-After"] = "1" } }
            : ComtradeResponses.For(r, [156]));
        var events = new List<FetchProgress>();
        var clock = Stopwatch.StartNew();
        var result = await Fetch(server, Query("0902"), events: events);
        clock.Stop();

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.95), $"waited only {clock.Elapsed}");
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal((2, 1, TimeSpan.FromSeconds(1)), (result.Summary.Requests, result.Summary.Retries, result.Summary.Waited));
        var retry = Assert.Single(events, e => e.Kind == FetchProgressKind.Retry);
        Assert.Contains("HTTP 429", retry.Detail, StringComparison.Ordinal);
        Assert.Contains("Retry-After", retry.Detail, StringComparison.Ordinal);
        Assert.Single(result.Value.Flows);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_allowed_stops_at_once_and_says_how_long_was_asked()
    {
        using var server = new FakeHttpsServer(TestCertificates.Instance, _ => new FakeResponse(429, []) { Headers = { ["Retry-After"] = "86400" } });
        var e = await Assert.ThrowsAsync<FetchException>(() => Fetch(server, Query("0902")));
        Assert.Single(server.Requests);
        Assert.Equal(429, e.StatusCode);
        Assert.Contains("asks to wait 86,400 s (Retry-After), more than the 600 s allowed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_errors_are_retried_with_backoff_and_the_attempts_are_bounded()
    {
        var calls = 0;
        using var server = new FakeHttpsServer(TestCertificates.Instance, r => Interlocked.Increment(ref calls) <= 2 ? FakeResponse.Json("{\"message\":\"busy\"}", 500) : ComtradeResponses.For(r, [156]));
        var result = await Fetch(server, Query("0902"));
        Assert.Equal((3, 2), (result.Summary.Requests, result.Summary.Retries));
        Assert.Single(result.Value.Flows);

        using var down = new FakeHttpsServer(TestCertificates.Instance, _ => FakeResponse.Json("{}", 503));
        var e = await Assert.ThrowsAsync<FetchException>(() => Fetch(down, Query("0901")));
        Assert.Equal(4, down.Requests.Count);
        Assert.Equal(503, e.StatusCode);
        Assert.Contains("gave up after 4 attempts", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_cut_mid_body_is_retried_and_nothing_half_is_cached()
    {
        var calls = 0;
        using var server = new FakeHttpsServer(TestCertificates.Instance, r =>
        {
            var full = ComtradeResponses.For(r, [156]);
            return Interlocked.Increment(ref calls) == 1 ? full with { CutAfter = full.Body.Length / 2 } : full;
        });
        var events = new List<FetchProgress>();
        var result = await Fetch(server, Query("0902"), events: events);
        Assert.Equal(2, server.Requests.Count);
        Assert.Contains(events, e => e.Kind == FetchProgressKind.Retry && e.Detail.Contains("cut", StringComparison.Ordinal));
        Assert.Single(result.Value.Flows);
        Assert.Single(Directory.GetFiles(_cache, "*.piece", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(_cache, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_malformed_body_is_retried_then_refused_and_never_cached()
    {
        using var server = new FakeHttpsServer(TestCertificates.Instance, _ => FakeResponse.Json("{\"elapsedTime\":\"0.1 secs\",\"count\":2,\"data\":[{\"reporterCode\":404}]"));
        var e = await Assert.ThrowsAsync<FetchException>(() => Fetch(server, Query("0902")));
        Assert.Equal(4, server.Requests.Count);
        Assert.Contains("not valid JSON", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_cache) && Directory.GetFiles(_cache, "*.piece", SearchOption.AllDirectories).Length > 0);

        // Valid JSON whose count does not match its rows is refused the same way.
        using var short1 = new FakeHttpsServer(TestCertificates.Instance, _ => FakeResponse.Json(ComtradeResponses.Body([ComtradeResponses.Row(404, 156, "0902", 2022, 5m)]).Replace("\"count\":1", "\"count\":2", StringComparison.Ordinal)));
        var e2 = await Assert.ThrowsAsync<FetchException>(() => Fetch(short1, Query("0902")));
        Assert.Contains("says count 2 but holds 1 rows", e2.Message, StringComparison.Ordinal);

        // Rows that answer another question (another reporter, year or flow) are refused too, not taken as data.
        using var other = new FakeHttpsServer(TestCertificates.Instance, _ => FakeResponse.Json(ComtradeResponses.Body([ComtradeResponses.Row(842, 156, "0902", 2022, 5m)])));
        var e3 = await Assert.ThrowsAsync<FetchException>(() => Fetch(other, Query("0902")));
        Assert.Contains("row 0 is for reporter 842, not 404 as asked", e3.Message, StringComparison.Ordinal);
        using var year = new FakeHttpsServer(TestCertificates.Instance, _ => FakeResponse.Json(ComtradeResponses.Body([ComtradeResponses.Row(404, 156, "0902", 2019, 5m)])));
        var e4 = await Assert.ThrowsAsync<FetchException>(() => Fetch(year, Query("0902")));
        Assert.Contains("row 0 is for year 2019, not 2022 as asked", e4.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.Exists(_cache) ? Directory.GetFiles(_cache, "*.piece", SearchOption.AllDirectories) : []);
    }

    [Fact]
    public async Task A_body_over_the_size_cap_is_refused_without_reading_it_all_and_not_retried()
    {
        var big = ComtradeResponses.Body(Enumerable.Range(0, 40).Select(i => ComtradeResponses.Row(404, 156, "0902", 2022, i + 1)).ToList());
        using var server = new FakeHttpsServer(TestCertificates.Instance, _ => FakeResponse.Json(big));
        var e = await Assert.ThrowsAsync<FetchException>(() => Fetch(server, Query("0902"), Options(server) with { MaxResponseBytes = 4096 }));
        Assert.Single(server.Requests);
        Assert.Contains("larger than 4,096 bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_401_is_not_retried_and_says_the_status_and_the_providers_message_without_the_key()
    {
        const string key = "s3cret-key-7f1e";
        Environment.SetEnvironmentVariable(_keyVariable, key);

        // A hostile provider echoes the key and sends control characters: both must not reach the message.
        using var server = new FakeHttpsServer(TestCertificates.Instance, r => FakeResponse.Json($"{{\"statusCode\":401,\"message\":\"Access denied due to invalid subscription key {r.Headers["Ocp-Apim-Subscription-Key"]}.\\u001b[31m Make sure to provide a valid key.\"}}", 401));
        var e = await Assert.ThrowsAsync<FetchException>(() => Fetch(server, Query("0902")));

        var request = Assert.Single(server.Requests);
        Assert.Equal("/data/v1/get/C/A/HS", request.Path);
        Assert.Equal(key, request.Headers["Ocp-Apim-Subscription-Key"]);
        Assert.Equal("100000", request.Query("maxRecords"));
        Assert.DoesNotContain(key, request.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(401, e.StatusCode);
        Assert.Contains("HTTP 401", e.Message, StringComparison.Ordinal);
        Assert.Contains("Access denied due to invalid subscription key [key redacted]", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(key, e.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', e.Message);
    }

    [Fact]
    public async Task With_a_key_the_key_goes_in_the_header_only_and_never_into_the_cache()
    {
        const string key = "k-93ab8c0d2e";
        Environment.SetEnvironmentVariable(_keyVariable, key);
        using var server = new FakeHttpsServer(TestCertificates.Instance, r => ComtradeResponses.For(r, [156]));
        var events = new List<FetchProgress>();
        var result = await Fetch(server, Query("0901", "0902"), events: events);
        Assert.Equal(2, result.Value.Flows.Length);
        Assert.All(Directory.GetFiles(_cache, "*", SearchOption.AllDirectories), f => Assert.DoesNotContain(key, File.ReadAllText(f), StringComparison.Ordinal));
        Assert.All(result.Summary.Sources, s => Assert.DoesNotContain(key, s, StringComparison.Ordinal));
        Assert.All(events, e => Assert.DoesNotContain(key, e.Detail, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_corrupt_cached_piece_is_detected_by_its_hash_and_fetched_again()
    {
        using var server = new FakeHttpsServer(TestCertificates.Instance, r => ComtradeResponses.For(r, [156]));
        await Fetch(server, Query("0902"));
        var piece = Assert.Single(Directory.GetFiles(_cache, "*.piece", SearchOption.AllDirectories));

        // Same length, one digit changed in the body: only the hash can tell.
        var text = File.ReadAllText(piece);
        var at = text.LastIndexOf("\"primaryValue\":", StringComparison.Ordinal) + "\"primaryValue\":".Length;
        File.WriteAllText(piece, string.Concat(text.AsSpan(0, at), text[at] == '9' ? "8" : "9", text.AsSpan(at + 1)));
        var events = new List<FetchProgress>();
        var result = await Fetch(server, Query("0902"), events: events);
        Assert.Equal(2, server.Requests.Count);
        Assert.Contains(events, e => e.Kind == FetchProgressKind.Corrupt && e.Detail.Contains("SHA-256", StringComparison.Ordinal));
        Assert.Equal(ComtradeResponses.Value(156, "0902", 2022), Assert.Single(result.Value.Flows).Value.Amount);

        // A piece cut short (a header promising more body than there is) is refetched too.
        File.WriteAllBytes(piece, File.ReadAllBytes(piece)[..^10]);
        await Fetch(server, Query("0902"));
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Piece_files_are_named_by_the_request_and_hold_it_with_the_fetch_time()
    {
        using var server = new FakeHttpsServer(TestCertificates.Instance, r => ComtradeResponses.For(r, [156]));
        var result = await Fetch(server, Query("0902"));
        var piece = Assert.Single(Directory.GetFiles(_cache, "*.piece", SearchOption.AllDirectories));
        var url = Assert.Single(result.Summary.Sources);
        var canonical = $"tradebalance-fetch-piece/1\ncomtrade\nGET\n{url}";
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        Assert.Equal(Path.Combine(_cache, "comtrade", expected + ".piece"), piece);
        var header = File.ReadLines(piece).First();
        Assert.Contains($"\"url\":\"{url}\"", header.Replace("\\u0026", "&", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("\"cmdCode\":\"0902\"", header, StringComparison.Ordinal);
        Assert.Contains("\"fetchedAt\":\"" + DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), header, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exports_are_written_as_mirror_flows_and_World_partners_are_counted_not_lost()
    {
        using var server = new FakeHttpsServer(TestCertificates.Instance, r => FakeResponse.Json(ComtradeResponses.Body(
            [ComtradeResponses.Row(404, 156, "0902", 2022, 500m, flow: "X"), ComtradeResponses.Row(404, 0, "0902", 2022, 900m, flow: "X")])));
        var result = await Fetch(server, new ComtradeQuery(Kenya, [], [2022], [HsCode.Parse("0902")], ComtradeFlow.Export));
        Assert.Equal("X", Assert.Single(server.Requests).Query("flowCode"));
        var flow = Assert.Single(result.Value.Flows);
        Assert.Equal((Kenya, China, 500m), (flow.Exporter, flow.Importer, flow.Value.Amount));
        Assert.Equal(2, result.Report.RowsRead);
        Assert.Equal(1, result.Report.RowsSkipped);
    }

    [Fact]
    public void A_base_address_that_is_not_https_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new ComtradeClient(new FetchOptions { BaseUrl = new Uri("http://localhost:1/"), CacheDirectory = _cache }));
        Assert.Contains("not https", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Temporary_files_left_by_a_killed_writer_are_never_read_and_old_ones_are_removed()
    {
        using var server = new FakeHttpsServer(TestCertificates.Instance, r => ComtradeResponses.For(r, [156]));
        var folder = Path.Combine(_cache, "comtrade");
        Directory.CreateDirectory(folder);
        var old = Path.Combine(folder, ".0123456789abcdef-00000000000000aa.tmp");
        var fresh = Path.Combine(folder, ".0123456789abcdef-00000000000000bb.tmp");
        File.WriteAllText(old, "half a piece");
        File.WriteAllText(fresh, "a piece being written");
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddHours(-2));

        var result = await Fetch(server, Query("0902"));
        Assert.Single(result.Value.Flows);
        Assert.False(File.Exists(old));
        Assert.True(File.Exists(fresh));
    }
}
