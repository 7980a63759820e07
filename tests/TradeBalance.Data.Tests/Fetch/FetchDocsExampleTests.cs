using TradeBalance.Data.Fetch;
using TradeBalance.Testing;
using Xunit;

namespace TradeBalance.Data.Tests.Fetch;

/// <summary>docs/fetch.md shows the library code this test runs against the local server.</summary>
public sealed class FetchDocsExampleTests
{
    [Fact]
    public async Task The_library_example_in_fetch_md_runs_and_is_shown_as_run()
    {
        using var server = new FakeHttpsServer(TestCertificates.Instance, r => ComtradeResponses.For(r, [156]));
        using var dir = Fixtures.TempDir();
        var options = new FetchOptions { CacheDirectory = dir.File("cache"), ApiKeyVariable = "TB_TEST_NO_KEY_" + Guid.NewGuid().ToString("N"), BaseUrl = server.BaseUrl };
        using var client = new ComtradeClient(options, TestCertificates.Instance.Handler());
        var printed = new StringWriter();
        var console = Console.Out;
        Console.SetOut(printed);
        try
        {
#pragma warning disable xUnit1051 // The page's code, as a user writes it: no test token.
            // docs:fetch-library-begin
            var query = new ComtradeQuery(Country.FromIso3("KEN"), [Country.FromIso3("CHN")], [2022, 2023],
                new[] { "0901", "0902", "080440" }.Select(HsCode.Parse));
            var result = await client.FetchFlowsAsync(query, p => Console.WriteLine($"{p.Kind} {p.PiecesDone}/{p.PiecesTotal}: {p.Detail}"));
            Console.WriteLine($"{result.Value.Flows.Length} flows; {result.Summary.PiecesFetched} pieces fetched, {result.Summary.PiecesFromCache} from the cache");
            // docs:fetch-library-end
#pragma warning restore xUnit1051
            Console.SetOut(console);
            Assert.Equal(6, result.Value.Flows.Length);
            Assert.Contains("Fetched 1/2: 2022, partners CHN, HS 080440,0901,0902", printed.ToString(), StringComparison.Ordinal);
            Assert.Contains("6 flows; 2 pieces fetched, 0 from the cache", printed.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Console.SetOut(console);
        }

        Assert.Contains(Fixtures.ExampleCode("Fetch/FetchDocsExampleTests", "fetch-library"), Fixtures.DocsPage("fetch.md"), StringComparison.Ordinal);
    }
}
