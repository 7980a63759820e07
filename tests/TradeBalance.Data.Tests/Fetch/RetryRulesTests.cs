using System.Net.Http.Headers;
using TradeBalance.Data.Fetch;
using TradeBalance.Data.Fetch.Internal;
using TradeBalance.Testing;
using Xunit;

namespace TradeBalance.Data.Tests.Fetch;

/// <summary>The waiting rules: Retry-After in both forms, full-jitter back-off, and failures with no HTTP answer at all.</summary>
public sealed class RetryRulesTests : IDisposable
{
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "tradebalance-fetch-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
    }

    [Fact]
    public void Retry_After_reads_seconds_and_an_HTTP_date_and_never_gives_a_negative_wait()
    {
        var now = new DateTimeOffset(2026, 12, 8, 1, 0, 0, TimeSpan.Zero);
        using var seconds = new HttpResponseMessage();
        seconds.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
        Assert.Equal(TimeSpan.FromSeconds(7), RetryAfter.Of(seconds.Headers, now));

        using var date = new HttpResponseMessage();
        date.Headers.TryAddWithoutValidation("Retry-After", "Tue, 08 Dec 2026 01:00:42 GMT");
        Assert.Equal(TimeSpan.FromSeconds(42), RetryAfter.Of(date.Headers, now));

        using var past = new HttpResponseMessage();
        past.Headers.TryAddWithoutValidation("Retry-After", "Tue, 08 Dec 2026 00:59:00 GMT");
        Assert.Equal(TimeSpan.Zero, RetryAfter.Of(past.Headers, now));

        using var none = new HttpResponseMessage();
        Assert.Null(RetryAfter.Of(none.Headers, now));
        using var junk = new HttpResponseMessage();
        junk.Headers.TryAddWithoutValidation("Retry-After", "soon");
        Assert.Null(RetryAfter.Of(junk.Headers, now));
    }

    [Fact]
    public void Backoff_is_full_jitter_under_a_ceiling_that_doubles_up_to_the_cap()
    {
        var random = new Random(1);
        var baseDelay = TimeSpan.FromSeconds(1);
        var cap = TimeSpan.FromSeconds(60);
        for (var attempt = 1; attempt <= 12; attempt++)
        {
            var ceiling = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, attempt - 1)));
            var waits = Enumerable.Range(0, 400).Select(_ => Backoff.Delay(attempt, baseDelay, cap, random)).ToList();
            Assert.All(waits, w => Assert.InRange(w, TimeSpan.Zero, ceiling));

            // Full jitter: the waits spread over the whole range, not bunched near the ceiling.
            Assert.True(waits.Min() < ceiling * 0.1 && waits.Max() > ceiling * 0.9, $"attempt {attempt}: {waits.Min()}..{waits.Max()}");
        }
    }

    [Fact]
    public async Task A_refused_connection_and_a_server_that_never_answers_are_retried_then_reported()
    {
        // Port 1: privileged, so no test's listener can take it (a port freed by the test could be, under load).
        const int port = 1;
        var options = new FetchOptions { CacheDirectory = _cache, ApiKeyVariable = "TB_NO_KEY_" + Guid.NewGuid().ToString("N"), MaxAttempts = 2, BaseDelay = TimeSpan.Zero, Timeout = TimeSpan.FromSeconds(2) };
        var query = new ComtradeQuery(Countries.Kenya, [Countries.China], [2022], [HsCode.Parse("0902")]);
        using (var refused = new ComtradeClient(options with { BaseUrl = new Uri($"https://localhost:{port}/") }, TestCertificates.Instance.Handler()))
        {
            var e = await Assert.ThrowsAsync<FetchException>(() => refused.FetchFlowsAsync(query, cancellationToken: TestContext.Current.CancellationToken));
            Assert.Contains("the connection failed", e.Message, StringComparison.Ordinal);
            Assert.Contains("gave up after 2 attempts", e.Message, StringComparison.Ordinal);
            Assert.Equal(0, e.StatusCode);
        }

        var never = new TaskCompletionSource();
        using var silent = new FakeHttpsServer(TestCertificates.Instance, _ => FakeResponse.Json("{}") with { Hold = never.Task });
        using var client = new ComtradeClient(options with { BaseUrl = silent.BaseUrl }, TestCertificates.Instance.Handler());
        var timeout = await Assert.ThrowsAsync<FetchException>(() => client.FetchFlowsAsync(query, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("no complete response within", timeout.Message, StringComparison.Ordinal);
        Assert.Equal(2, silent.Requests.Count);
    }

    [Fact]
    public void Options_refuse_values_outside_their_range()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FetchOptions { MaxAttempts = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new FetchOptions { MaxResponseBytes = 10 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new FetchOptions { RowCap = 0 });
        Assert.Throws<ArgumentException>(() => new FetchOptions { ApiKeyVariable = "A=B" });
        Assert.Throws<ArgumentException>(() => new FetchOptions { CacheDirectory = string.Empty });
        Assert.Throws<ArgumentException>(() => new ComtradeQuery(Countries.Kenya, [Countries.Kenya], [2022], [HsCode.Parse("0902")]));
        Assert.Throws<ArgumentException>(() => new ComtradeQuery(Countries.Kenya, [], [], [HsCode.Parse("0902")]));
        Assert.Contains("ROW is an aggregate", Assert.Throws<ArgumentException>(() => new ComtradeQuery(Countries.Kenya, [Countries.RestOfWorld], [2022], [HsCode.Parse("0902")])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new ComtradeQuery(Countries.Kenya, [], [2022], [HsCode.Parse("09021000")]));
        Assert.Equal(
            new ComtradeQuery(Countries.Kenya, [Countries.China, Countries.China], [2023, 2022], [HsCode.Parse("0902"), HsCode.Parse("0901")]),
            new ComtradeQuery(Countries.Kenya, [Countries.China], [2022, 2023], [HsCode.Parse("0901"), HsCode.Parse("0902")]));
    }
}
