using System.Text;
using TradeBalance.Data.Fetch;
using TradeBalance.Testing;
using Xunit;

namespace TradeBalance.Data.Tests.Fetch;

/// <summary>The WITS tariff client and the UNSD HS-table download against a local HTTPS server.</summary>
public sealed class WitsAndHsTablesTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "tradebalance-fetch-" + Guid.NewGuid().ToString("N"));

    public WitsAndHsTablesTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private FetchOptions Options(FakeHttpsServer server) => new()
    {
        CacheDirectory = Path.Combine(_dir, "cache"),
        BaseDelay = TimeSpan.FromMilliseconds(5),
        MaxDelay = TimeSpan.FromMilliseconds(20),
        MaxAttempts = 3,
        BaseUrl = server.BaseUrl,
    };

    [Fact]
    public async Task WITS_tariffs_become_the_importers_MFN_schedule_read_as_a_WITS_download_is()
    {
        var xml = File.ReadAllBytes(Fixtures.Path("fetch/wits-chn-2024.xml"));
        using var server = new FakeHttpsServer(TestCertificates.Instance, _ => new FakeResponse(200, xml) { Headers = { ["Content-Type"] = "application/xml" } });
        using var client = new WitsTariffClient(Options(server), TestCertificates.Instance.Handler());
        var result = await client.FetchTariffsAsync(Countries.China, 2024, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("/API/V1/SDMX/V21/datasource/TRN/reporter/156/partner/000/product/all/year/2024/datatype/reported", Assert.Single(server.Requests).PathAndQuery);
        var schedule = result.Value;
        Assert.Equal(Countries.China, schedule.Importer);
        Assert.Equal(4, schedule.Lines.Length);
        var avocado = schedule.Lines.Single(l => l.Hs.Digits == "080440");
        Assert.Equal(7.5m, avocado.Rate.Percent);
        Assert.Equal(TariffRegime.Mfn, avocado.Regime);
        Assert.Equal(["H6"], result.Summary.Classifications);

        // Written as tariffs.csv and read back: the same lines.
        var path = Path.Combine(_dir, "tariffs.csv");
        TariffsCsv.Write(schedule, path);
        Assert.Equal(schedule.Lines, TariffsCsv.Read(path).Value.Lines);

        // Cached: a second fetch makes no request.
        using var again = new WitsTariffClient(Options(server), TestCertificates.Instance.Handler());
        var second = await again.FetchTariffsAsync(Countries.China, 2024, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Single(server.Requests);
        Assert.Equal(1, second.Summary.PiecesFromCache);
    }

    [Fact]
    public async Task A_WITS_error_document_is_a_FetchException_with_the_providers_message()
    {
        var error = "<?xml version=\"1.0\"?><wits:error xmlns:wits=\"http://wits.worldbank.org\"><wits:message>NoRecordsFound\u202E</wits:message></wits:error>";
        using var server = new FakeHttpsServer(TestCertificates.Instance, _ => new FakeResponse(200, Encoding.UTF8.GetBytes(error)));
        using var client = new WitsTariffClient(Options(server), TestCertificates.Instance.Handler());
        var e = await Assert.ThrowsAsync<FetchException>(() => client.FetchTariffsAsync(Countries.Kenya, 1999, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("no tariff data for KEN in 1999: \"NoRecordsFound", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', e.Message);
        Assert.Contains("\\u202E", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_WITS_body_with_a_DTD_is_refused_as_hostile()
    {
        const string bomb = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><x>&b;</x>";
        using var server = new FakeHttpsServer(TestCertificates.Instance, _ => new FakeResponse(200, Encoding.UTF8.GetBytes(bomb)));
        using var client = new WitsTariffClient(Options(server), TestCertificates.Instance.Handler());
        var e = await Assert.ThrowsAsync<FetchException>(() => client.FetchTariffsAsync(Countries.China, 2024, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("not well-formed XML", e.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task HS_tables_are_saved_as_published_under_their_own_names_and_a_non_workbook_is_refused()
    {
        // A zip header and some bytes stand for an .xlsx; an OLE2 header for an .xls.
        byte[] xlsx = [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5];
        byte[] xls = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 9, 9];
        using var server = new FakeHttpsServer(TestCertificates.Instance, r => r.Path.EndsWith(".xlsx", StringComparison.Ordinal) ? new FakeResponse(200, xlsx) : r.Path.EndsWith(".xls", StringComparison.Ordinal) ? new FakeResponse(200, xls) : new FakeResponse(404, []));
        using var tables = new HsCorrelationTableClient(Options(server), TestCertificates.Instance.Handler());
        var (files, summary) = await tables.DownloadAsync(_dir, ["hs2022-hs2017", "HS2012-HS2007"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["/unsd/classifications/Econ/tables/HS2022toHS2017ConversionAndCorrelationTables.xlsx", "/unsd/classifications/Econ/tables/HS%202012%20to%20HS%202007%20Correlation%20and%20conversion%20tables.xls"], server.Requests.Select(r => r.Path));
        Assert.Equal(xlsx, File.ReadAllBytes(Path.Combine(_dir, "HS2022toHS2017ConversionAndCorrelationTables.xlsx")));
        Assert.Equal(xls, File.ReadAllBytes(Path.Combine(_dir, "HS 2012 to HS 2007 Correlation and conversion tables.xls")));
        Assert.Equal(2, files.Length);
        Assert.Equal(2, summary.PiecesFetched);
        Assert.Equal(21, HsCorrelationTableClient.Published.Count);

        using var html = new FakeHttpsServer(TestCertificates.Instance, _ => new FakeResponse(200, Encoding.UTF8.GetBytes("<html>maintenance</html>")));
        using var bad = new HsCorrelationTableClient(Options(html) with { CacheDirectory = Path.Combine(_dir, "cache2") }, TestCertificates.Instance.Handler());
        var e = await Assert.ThrowsAsync<FetchException>(() => bad.DownloadAsync(_dir, ["HS2017-HS2012"], cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("is not a workbook", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "HS2017toHS2012ConversionAndCorrelationTables.xlsx")));
        await Assert.ThrowsAsync<ArgumentException>(() => bad.DownloadAsync(_dir, ["HS2017-HS2022"], cancellationToken: TestContext.Current.CancellationToken));
    }
}
