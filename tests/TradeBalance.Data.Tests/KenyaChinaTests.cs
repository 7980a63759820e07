using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Data.Tests;

public class KenyaChinaTests
{
    [Fact]
    public void Every_embedded_file_is_listed_and_opens()
    {
        Assert.Equal(["SOURCES.md", "bilateral-totals.csv", "exchange-rates.csv", "flows.csv", "scenario.json", "tariffs.csv"], KenyaChina.FileNames);
        foreach (var name in KenyaChina.FileNames)
        {
            using var s = KenyaChina.OpenFile(name);
            Assert.True(s.ReadByte() >= 0);
        }
    }

    [Fact]
    public void Unknown_file_names_the_files_there_are()
    {
        var e = Assert.Throws<ArgumentException>(() => KenyaChina.OpenFile("nope.csv"));
        Assert.Contains("flows.csv", e.Message);
    }

    [Fact]
    public void Flows_load_as_China_imports_in_USD()
    {
        var flows = KenyaChina.Flows;
        Assert.NotEmpty(flows.Flows);
        Assert.Equal(Currency.Usd, flows.Currency);
        Assert.Contains(2024, flows.Years);
        Assert.Contains(flows.Flows, f => f.Exporter.Equals(Countries.Kenya) && f.Importer.Equals(Countries.China) && f.Hs.Equals(HsCode.Parse("0902")));
    }

    [Fact]
    public void Tariffs_are_China_and_give_Kenya_tea_15_percent_before_the_cut()
    {
        var t = KenyaChina.Tariffs;
        Assert.Equal(Countries.China, t.Importer);
        Assert.Equal(15m, t.RateFor(Countries.Kenya, HsCode.Parse("0902"), new NodaTime.LocalDate(2026, 4, 30)).Rate.Percent);
        Assert.Equal(0m, t.RateFor(Countries.Kenya, HsCode.Parse("0902"), new NodaTime.LocalDate(2026, 5, 1)).Rate.Percent);
    }

    [Fact]
    public void Exchange_rates_and_bilateral_totals_load()
    {
        var r = KenyaChina.ExchangeRates.Find(Currency.Usd, Currency.Kes, new NodaTime.LocalDate(2024, 6, 1), ExchangeRateRule.AnnualAverage);
        Assert.Equal(134.82m, r.Rate.Rate);
        Assert.Contains(KenyaChina.BilateralTotals, b => b.Year == 2024 && b.Basis == "official-statement" && b.Exporter.Equals(Countries.Kenya));
    }

    [Fact]
    public void Scenario_loads_with_its_sources()
    {
        var s = KenyaChina.Scenario;
        Assert.Equal(Countries.China, s.Importer);
        Assert.Equal([Countries.Kenya], s.Beneficiaries);
        Assert.Equal(TariffChangeKind.NewRate, s.Change.Kind);
        Assert.Equal(new NodaTime.LocalDate(2026, 5, 1), s.Effective);
        Assert.Equal(1.83, s.Elasticities.For(HsCode.Parse("0902")).Substitution);
        Assert.NotEmpty(s.Sources);
        Assert.NotEmpty(s.Description);
    }

    [Fact]
    public void Projecting_the_default_scenario_raises_Kenyan_tea_and_keeps_shares_summing_to_one()
    {
        var result = SmartModel.Project(KenyaChina.Scenario, KenyaChina.Flows, KenyaChina.Tariffs);
        var tea = result.Market(HsCode.Parse("0902"));
        var kenya = tea.Rows.Single(r => r.Exporter.Equals(Countries.Kenya));
        Assert.True(kenya.Projected > kenya.Baseline, $"projected {kenya.Projected} should exceed baseline {kenya.Baseline}");
        foreach (var m in result.Markets)
        {
            Assert.Equal(1d, m.Rows.Sum(r => r.BaselineShare), 9);
            Assert.Equal(1d, m.Rows.Sum(r => r.ProjectedShare), 9);
        }
    }
}
