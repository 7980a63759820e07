using TradeBalance.Projections;
using TradeBalance.Testing;
using Xunit;

namespace TradeBalance.Data.Tests;

/// <summary>
/// The built-in backtest cases load from their sourced files, their figures agree with the published shares and
/// totals they cite, every score's central estimate lies inside its band, and case files are read with their
/// errors named.
/// </summary>
public class BacktestCasesTests
{
    private static readonly HsCode Wine = HsCode.Parse("2204");

    [Fact]
    public void The_built_in_cases_load_with_their_years_and_dated_tariffs()
    {
        Assert.Equal(["chafta-wine", "korea-chile-wine"], BacktestCases.All.Select(c => c.Name));
        var chafta = BacktestCases.ChinaAustraliaWine;
        Assert.Equal(2015, chafta.BaselineYear);
        Assert.Equal([2018, 2019], chafta.OutcomeYears);
        Assert.Equal(Countries.China, chafta.Scenario.Importer);
        Assert.Equal(TariffRate.FromPercent(11.2m), chafta.Tariffs.RateFor(Country.Parse("AUS"), Wine, new NodaTime.LocalDate(2015, 12, 20)).Rate);
        Assert.Equal(TariffRate.FromPercent(14m), chafta.Tariffs.RateFor(Country.Parse("AUS"), Wine, new NodaTime.LocalDate(2015, 12, 19)).Rate);
        Assert.Equal(TariffRate.Zero, chafta.Tariffs.RateFor(Country.Parse("CHL"), Wine, new NodaTime.LocalDate(2015, 1, 1)).Rate);
        Assert.Same(chafta, BacktestCases.Find(" CHAFTA-wine "));
        var e = Assert.Throws<ArgumentException>(() => BacktestCases.Find("nafta"));
        Assert.Contains("chafta-wine, korea-chile-wine", e.Message, StringComparison.Ordinal);

        var korea = BacktestCases.KoreaChileWine;
        Assert.Equal(2003, korea.BaselineYear);
        Assert.Equal([2005, 2006], korea.OutcomeYears);
        Assert.Equal(TariffRate.FromPercent(12.5m), korea.Tariffs.RateFor(Country.Parse("CHL"), Wine, new NodaTime.LocalDate(2004, 4, 1)).Rate);
    }

    [Theory]
    [InlineData("chafta-wine", "CHN", 2015, 2_031_670_743)] // China customs: USD 2,031,670,743 (bulk + bottled sum exactly)
    [InlineData("chafta-wine", "CHN", 2019, 2_433_710_000)] // CAWS: USD 2,433.71m
    [InlineData("korea-chile-wine", "KOR", 2003, 45_780_000)] // Korea Customs Service: USD 45.78m
    [InlineData("korea-chile-wine", "KOR", 2005, 67_655_000)] // aT/KATI: USD 67.655m
    [InlineData("korea-chile-wine", "KOR", 2006, 88_607_000)] // aT/KATI: USD 88.607m
    public void Each_year_sums_to_its_published_total(string name, string importer, int year, long total)
    {
        var market = new MarketKey(Country.Parse(importer), Wine, year);
        Assert.Equal(total, BacktestCases.Find(name).Flows.FlowsInto(market).Sum(f => f.Value.Amount));
    }

    [Theory]
    [InlineData("chafta-wine", "CHN", "AUS", 2019, 0.3554)] // CAWS 2019: Australia 35.54 %
    [InlineData("chafta-wine", "CHN", "CHL", 2019, 0.1421)] // CAWS 2019: Chile 14.21 %
    [InlineData("korea-chile-wine", "KOR", "CHL", 2006, 0.173)] // Economy Chosun: Chile 17.3 % in 2006
    [InlineData("korea-chile-wine", "KOR", "CHL", 2003, 0.062)] // Doosan via Hankyung: Chile 6.2 % in 2003
    public void Shares_agree_with_the_published_shares(string name, string importer, string supplier, int year, double published)
    {
        var flows = BacktestCases.Find(name).Flows.FlowsInto(new MarketKey(Country.Parse(importer), Wine, year));
        var share = (double)(flows.Single(f => f.Exporter == Country.Parse(supplier)).Value.Amount / flows.Sum(f => f.Value.Amount));
        Assert.True(Math.Abs(share - published) < 0.004, $"{supplier} {year}: {share:P2} against the published {published:P2}");
    }

    [Fact]
    public void Every_flow_and_tariff_line_of_a_case_names_its_source()
    {
        foreach (var c in BacktestCases.All)
        {
            Assert.All(c.Flows.Flows, f => Assert.True(f.Source.Length > 40, $"{c.Name}: {f.Exporter} {f.Year} has no source"));
            Assert.All(c.Tariffs.Lines, l => Assert.True(l.Source.Length > 40, $"{c.Name}: {l} has no source"));
            Assert.NotEmpty(c.Scenario.Sources);
        }
    }

    [Fact]
    public void Every_built_in_score_has_its_central_estimate_inside_its_band()
    {
        foreach (var c in BacktestCases.All)
        {
            var result = Backtest.Run(c, cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(c.OutcomeYears.Length * 3 * 3, result.Scores.Length); // years × models × (two tables and their middle)
            foreach (var s in result.Scores)
            {
                var band = s.ProjectedShareBand!.Value;
                Assert.True(band.P5 <= s.ProjectedShare && s.ProjectedShare <= band.P95, $"{s}: band {band.P5:P2}–{band.P95:P2}");
            }
        }
    }

    [Fact]
    public void Chinas_zero_tariff_for_LDCs_of_2024_12_01_is_no_cut_for_Ethiopian_coffee()
    {
        // Ethiopia has paid 0 % on coffee since 2023-03-01 (the 98 % list): a replay of 2024 against an outcome year
        // reports no tariff effect for it. The 2025 flows here are illustrative (Ethiopia doubling, as its H1 2025 did).
        var coffee = HsCode.Parse("0901");
        var ethiopia = Country.Parse("ETH");
        var y2024 = KenyaChina.Flows.Flows.Where(f => f.Importer == Countries.China && f.Hs.Equals(coffee) && f.Year == 2024).ToList();
        var y2025 = y2024.Select(f => new TradeFlow(f.Exporter, f.Importer, f.Hs, 2025, f.Exporter == ethiopia ? f.Value + f.Value : f.Value)).ToList();
        var scenario = new Scenario("China: zero tariff for LDCs from 2024-12-01", Countries.China, [ethiopia], [coffee], TariffChange.NewRate(TariffRate.Zero), new NodaTime.LocalDate(2024, 12, 1))
        {
            ReferenceYear = 2024,
            Elasticities = KenyaChina.Scenario.Elasticities,
        };
        var result = Backtest.Run(new BacktestCase("ldc-coffee", scenario, new TradeDataSet([.. y2024, .. y2025]), KenyaChina.Tariffs, [2025]), new BacktestOptions { Draws = 50 }, TestContext.Current.CancellationToken);
        Assert.All(result.Scores, s =>
        {
            Assert.Equal(TariffRate.Zero, s.TariffBaseline);
            Assert.Equal(TariffRate.Zero, s.TariffOutcome);
            // Only the rivals' cuts move it (Rwanda's coffee went from 8 % to 0 on 2024-12-01): a few thousandths of a point.
            Assert.True(Math.Abs(s.ProjectedChangePoints) < 0.01, $"{s.ProjectedChangePoints} pts");
            Assert.True(s.ActualChangePoints > 5, "the share jumped for other reasons");
            Assert.False(s.InsideBand);
        });
    }

    [Fact]
    public void A_case_file_names_its_flows_and_tariffs_relative_to_itself_and_its_errors_name_the_field()
    {
        var dir = Directory.CreateTempSubdirectory("backtest-");
        try
        {
            foreach (var f in (string[])["case.json", "flows.csv", "tariffs.csv"])
            {
                using var from = BacktestCases.OpenFile($"korea-chile-wine/{f}");
                using var to = File.Create(Path.Combine(dir.FullName, f));
                from.CopyTo(to);
            }

            var path = Path.Combine(dir.FullName, "case.json");
            var read = BacktestCaseJson.Read(path);
            Assert.Equal("korea-chile-wine", read.Name);
            Assert.Equal(BacktestCases.KoreaChileWine.Flows.Flows, read.Flows.Flows);

            // Two flows files (two years, as two BACI years would be) read as one data set.
            var text = File.ReadAllLines(Path.Combine(dir.FullName, "flows.csv"));
            File.WriteAllLines(Path.Combine(dir.FullName, "a.csv"), text.Where(l => !l.StartsWith("2006", StringComparison.Ordinal)));
            File.WriteAllLines(Path.Combine(dir.FullName, "b.csv"), text.Where(l => !l.StartsWith("200", StringComparison.Ordinal) || l.StartsWith("2006", StringComparison.Ordinal)));
            var two = BacktestCaseJson.Read(path, [Path.Combine(dir.FullName, "a.csv"), Path.Combine(dir.FullName, "b.csv")]);
            Assert.Equal(read.Flows.Flows.Length, two.Flows.Flows.Length);

            var json = File.ReadAllText(path);
            File.WriteAllText(path, json.Replace("\"outcomeYears\": [\n    2005,\n    2006\n  ]", "\"outcomeYears\": [2003]", StringComparison.Ordinal));
            var early = Assert.Throws<TradeDataException>(() => BacktestCaseJson.Read(path));
            Assert.Equal("$.outcomeYears", early.Column);
            Assert.Contains("not after the baseline year 2003", early.Message, StringComparison.Ordinal);

            File.WriteAllText(path, json.Replace(",\n  \"tariffs\": \"tariffs.csv\"", string.Empty, StringComparison.Ordinal));
            var missing = Assert.Throws<TradeDataException>(() => BacktestCaseJson.Read(path));
            Assert.Equal("$.tariffs", missing.Column);

            File.WriteAllText(path, json.Replace("\"referenceYear\": 2003,", string.Empty, StringComparison.Ordinal));
            var noBaseline = Assert.Throws<TradeDataException>(() => BacktestCaseJson.Read(path));
            Assert.Contains("referenceYear", noBaseline.Message, StringComparison.Ordinal);

            File.WriteAllText(path, json.Replace("\"name\": \"korea-chile-wine\"", "\"name\": \"k\", \"outcome\": 1", StringComparison.Ordinal));
            var unknown = Assert.Throws<TradeDataException>(() => BacktestCaseJson.Read(path));
            Assert.Contains("unknown field 'outcome'", unknown.Message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>docs/backtests.md shows this code and what it prints.</summary>
    [Fact]
    public void The_docs_example_runs_and_prints_what_the_page_shows()
    {
        var output = new StringWriter();
        var console = Console.Out;
        Console.SetOut(output);
        try
        {
#pragma warning disable xUnit1051 // the page's code, as a user writes it
            // README:backtest-begin
            var result = Backtest.Run(BacktestCases.ChinaAustraliaWine, new BacktestOptions { Models = [ProjectionModel.Smart], Draws = 0 });
            foreach (var s in result.Scores)
            {
                Console.WriteLine(s);
            }

            // README:backtest-end
#pragma warning restore xUnit1051
        }
        finally
        {
            Console.SetOut(console);
        }

        var page = File.ReadAllText(RepoFiles.Path("docs/backtests.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains(RepoFiles.ExampleCode("tests/TradeBalance.Data.Tests/BacktestCasesTests.cs", "backtest").TrimEnd(), page, StringComparison.Ordinal);
        Assert.Contains(output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Trim(), page, StringComparison.Ordinal);
    }
}
