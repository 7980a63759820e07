using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Data.Tests;

public class KenyaChinaTests
{
    [Fact]
    public void Every_embedded_file_is_listed_and_opens()
    {
        Assert.Equal(["SOURCES.md", "bilateral-totals.csv", "crosschecks.csv", "exchange-rates.csv", "flows.csv", "package-reciprocal.json", "scenario.json", "tariffs.csv"], KenyaChina.FileNames);
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
    public void Tea_market_is_China_customs_2024_release()
    {
        // China customs, Jan-Dec 2024: 54,200 t worth USD 158m; Kenya 9,383 t at Kenya's own FOB price, 2.27 USD/kg (SOURCES.md, tea).
        var tea = KenyaChina.Flows.Flows.Where(f => f.Importer.Equals(Countries.China) && f.Hs.Equals(HsCode.Parse("0902")) && f.Year == 2024).ToList();
        Assert.Equal(158_000_000m, tea.Sum(f => f.Value.Amount));
        Assert.Equal(54_200_000m, tea.Sum(f => f.QuantityKg ?? 0m));
        var kenya = tea.Single(f => f.Exporter.Equals(Countries.Kenya));
        Assert.Equal(9_383_000m, kenya.QuantityKg);
        Assert.Equal(21_299_000m, kenya.Value.Amount);
    }

    [Fact]
    public void Balance_uses_the_default_basis_KNBS_annualised()
    {
        // The flows' TOTAL rows are the DEFAULT rows of bilateral-totals.csv: KNBS Jan-Sep 2024 x 12/9 at 134.82 KES per USD.
        var balance = KenyaChina.Flows.BilateralBalance(Countries.Kenya, Countries.China, 2024);
        Assert.Equal(190_872_000m, balance.Exports.Amount);
        Assert.Equal(4_223_310_000m, balance.Imports.Amount);
        var defaults = KenyaChina.BilateralTotals.Where(b => b.Year == 2024 && b.Source.StartsWith("DEFAULT", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, defaults.Count);
        Assert.All(defaults, d => Assert.Equal("kenya-reported", d.Basis));
        Assert.Equal(balance.Exports, defaults.Single(d => d.Exporter.Equals(Countries.Kenya)).Value);
        Assert.Equal(balance.Imports, defaults.Single(d => d.Exporter.Equals(Countries.China)).Value);
    }

    [Fact]
    public void Every_row_has_a_source_that_stands_alone()
    {
        var sources = KenyaChina.Flows.Flows.Select(f => f.Source)
            .Concat(KenyaChina.TariffSchedules.SelectMany(s => s.Lines).Select(l => l.Source))
            .Concat(KenyaChina.ExchangeRates.Rates.Select(r => r.Source))
            .Concat(KenyaChina.BilateralTotals.Select(b => b.Source))
            .Concat(KenyaChina.Scenario.Sources.Values)
            .ToList();
        Assert.All(sources, s => Assert.False(string.IsNullOrWhiteSpace(s)));
        foreach (var name in KenyaChina.FileNames)
        {
            var text = KenyaChina.ReadText(name);
            // Split so that this test file does not itself read as a pointer.
            foreach (var pointer in new[] { "§", "research note", ".." + "/shared", "DESIGN" + ".md", "MODELS" + ".md" })
            {
                Assert.False(text.Contains(pointer, StringComparison.OrdinalIgnoreCase), $"{name} refers to '{pointer}'");
            }
        }
    }

    [Fact]
    public void Scenario_loads_with_its_sources()
    {
        var s = KenyaChina.Scenario;
        Assert.Equal(Countries.China, s.Importer);
        Assert.Equal([Countries.Kenya], s.Beneficiaries);
        Assert.Equal(TariffChangeKind.NewRate, s.Change.Kind);
        Assert.Equal(new NodaTime.LocalDate(2026, 5, 1), s.Effective);
        // σ between Broda & Weinstein (China, HS3 090 and 080) and CEPII ProTEE at the lines Kenya ships: the point is the
        // middle, and the band draws across the range. ProTEE's avocado line is imputed, so avocados take Broda & Weinstein's.
        Assert.Equal([ElasticityTables.BrodaWeinstein2006, ElasticityTables.CepiiProTee], s.Elasticities.SubstitutionTables);
        var teaSigma = (0.99 * 5.4099908) + (0.01 * 8.6727886);
        Assert.Equal((1.82665 + teaSigma) / 2, s.Elasticities.For(Countries.China, HsCode.Parse("0902")).Substitution, 12);
        Assert.Equal((1.82665, teaSigma), s.Elasticities.SubstitutionRange(Countries.China, HsCode.Parse("0902")));
        Assert.Equal((1.82665 + 5.9517212) / 2, s.Elasticities.For(Countries.China, HsCode.Parse("0901")).Substitution, 12);
        Assert.Equal(3.24099, s.Elasticities.For(Countries.China, HsCode.Parse("080440")).Substitution);
        Assert.NotEmpty(s.Sources);
        Assert.NotEmpty(s.Description);
    }

    [Fact]
    public void Projecting_the_default_scenario_raises_Kenyan_tea_and_keeps_shares_summing_to_one()
    {
        var result = ProjectionModel.Smart.Project(new ProjectionInputs(KenyaChina.Scenario, KenyaChina.Flows, KenyaChina.Tariffs));
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
