using TradeBalance.Data;
using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Tests.Projections;

/// <summary>
/// One summary of a projection, computed once: its figures add up from the rows, a group is one total over its members
/// (members without trade counted, not listed), bands come from the same Monte Carlo run, and the HTML shows the
/// summary's own figures.
/// </summary>
public class ProjectionSummaryTests
{
    private static ProjectionInputs KenyaInputs => new(KenyaChina.Scenario, KenyaChina.Flows, KenyaChina.Tariffs);

    [Fact]
    public void Kenya_figures_add_up_from_the_rows_and_the_balance_is_the_results()
    {
        var result = ProjectionModel.Smart.Project(KenyaInputs);
        var summary = ProjectionSummary.Of(result);
        var kenya = Assert.Single(summary.Beneficiaries);
        var rows = result.Rows.Where(r => r.Exporter == Countries.Kenya && r.Importer == Countries.China).ToList();

        Assert.Equal((Countries.Kenya, Countries.China, false), (kenya.Exporter, kenya.Importer, kenya.IsGroup));
        Assert.Equal(rows.Sum(r => r.Baseline.Amount), kenya.Baseline.Amount);
        Assert.Equal(rows.Sum(r => r.Projected.Amount), kenya.Projected.Amount);
        Assert.Equal(kenya.Products.Sum(p => p.Projected.Amount), kenya.Projected.Amount);
        Assert.Equal(result.Balance(Countries.Kenya, Countries.China), kenya.Balance);
        Assert.True(kenya.BalanceCoversAllGoods, "the embedded data hold Kenya's TOTAL trade with China");
        Assert.Equal(["0902", "0901", "080440"], kenya.Products.Select(p => p.Hs.ToString()));
        Assert.True(kenya.Products.Zip(kenya.Products.Skip(1)).All(p => p.First.Baseline.Amount >= p.Second.Baseline.Amount), "largest first");
        Assert.All(kenya.Products, p => Assert.NotNull(p.DestinationShareBefore));
        Assert.Null(kenya.Band);
        Assert.Equal((double)((kenya.Projected.Amount - kenya.Baseline.Amount) / kenya.Baseline.Amount), kenya.Change);

        // Two summaries of equal projections are equal, figure by figure.
        var again = ProjectionSummary.Of(ProjectionModel.Smart.Project(KenyaInputs));
        Assert.Equal(kenya, again.Beneficiaries[0]);
        Assert.Equal(kenya.GetHashCode(), again.Beneficiaries[0].GetHashCode());
        Assert.Equal(summary.Losers, again.Losers);
        Assert.NotEqual(kenya, kenya with { Products = kenya.Products.RemoveAt(0) });
    }

    [Fact]
    public void Losers_are_the_suppliers_whose_share_falls_largest_loss_first_and_importer_totals_add_the_markets()
    {
        var result = ProjectionModel.Smart.Project(KenyaInputs);
        var summary = ProjectionSummary.Of(result);
        foreach (var market in summary.Losers)
        {
            var expected = result.Markets.Single(m => m.Market == market.Market).Rows.Where(r => r.ShareChangePoints < 0).Select(r => r.Exporter).ToHashSet();
            Assert.Equal(expected, market.Losses.Select(l => l.Exporter).ToHashSet());
            Assert.All(market.Losses, l => Assert.True(l.Points < 0));
            Assert.True(market.Losses.Zip(market.Losses.Skip(1)).All(p => p.First.Points <= p.Second.Points));
            Assert.DoesNotContain(market.Losses, l => l.Exporter == Countries.Kenya);
        }

        var china = Assert.Single(summary.Importers);
        Assert.Equal(result.Markets.Sum(m => m.RevenueAfter.Amount), china.RevenueAfter.Amount);
        Assert.Equal(result.Markets.Sum(m => m.Welfare.Amount), china.Welfare.Amount);
        Assert.True(china.RevenueAfter.Amount < china.RevenueBefore.Amount, "a cut to zero lowers revenue");
    }

    [Fact]
    public void Bands_come_from_the_run_and_hold_the_central_estimate()
    {
        var run = ProjectionModel.Smart.MonteCarlo(KenyaInputs, new MonteCarloSettings(200, 42, 0.5), cancellationToken: TestContext.Current.CancellationToken);
        var kenya = Assert.Single(ProjectionSummary.Of(run.Point, run).Beneficiaries);
        var band = Assert.NotNull(kenya.Band);
        Assert.Equal(run.ExportsOf(Countries.Kenya).Projected, band);
        Assert.InRange(kenya.Projected.Amount, band.P5.Amount, band.P95.Amount);
        Assert.All(kenya.Products, p => Assert.InRange(p.Projected.Amount, p.Band!.Value.P5.Amount, p.Band!.Value.P95.Amount));

        var other = ProjectionModel.Smart.Project(KenyaInputs);
        Assert.Throws<ArgumentException>(() => ProjectionSummary.Of(other, run));
        Assert.Throws<ArgumentNullException>(() => ProjectionSummary.Of(null!));
    }

    [Fact]
    public void A_group_beneficiary_is_one_total_over_its_members_with_those_without_trade_counted()
    {
        var (tea, ug, tz, bi, cn) = (HsCode.Parse("0902"), Country.Parse("UGA"), Country.Parse("TZA"), Country.Parse("BDI"), Countries.China);
        var flows = new TradeDataSet(
        [
            TradeFlow.Usd(Countries.Kenya, cn, tea, 2024, 20_000_000m),
            TradeFlow.Usd(ug, cn, tea, 2024, 5_000_000m),
            TradeFlow.Usd(tz, cn, tea, 2024, 3_000_000m),
            TradeFlow.Usd(Country.Parse("LKA"), cn, tea, 2024, 40_000_000m),
            TradeFlow.Usd(cn, ug, HsCode.Parse("85"), 2024, 7_000_000m),
        ]);
        var tariffs = new TariffSchedule(cn, [new TariffLine(TariffRegime.Mfn, tea, TariffRate.FromPercent(15))]);
        var eac = CountryGroups.All.Single(g => g.Code == "EAC");
        var scenario = new Scenario("EAC tea", cn, [Country.Parse("EAC")], [tea], TariffChange.NewRate(TariffRate.Zero), new NodaTime.LocalDate(2026, 5, 1));
        var result = ProjectionModel.Smart.Project(new ProjectionInputs(scenario, flows, tariffs));

        var group = Assert.Single(ProjectionSummary.Of(result).Beneficiaries);
        Assert.True(group.IsGroup);
        Assert.Equal("EAC", group.Exporter.Alpha3);
        Assert.Equal([Countries.Kenya, tz, ug], group.Members.OrderBy(c => c.Alpha3));
        Assert.Equal(eac.MembersOn(scenario.Effective).Count - 3, group.MembersWithoutTrade);
        Assert.DoesNotContain(bi, group.Members);
        Assert.Equal(28_000_000m, group.Baseline.Amount);
        var members = result.Rows.Where(r => group.Members.Contains(r.Exporter)).Sum(r => r.Projected.Amount);
        Assert.Equal(members, group.Projected.Amount);
        Assert.Equal(28_000_000m, group.Balance.Before.Exports.Amount);
        Assert.Equal(7_000_000m, group.Balance.Before.Imports.Amount);
        Assert.Equal(members - 7_000_000m, group.Balance.After.Balance.Amount);
        var product = Assert.Single(group.Products);
        Assert.Equal(28d / 68d, product.ShareBefore, 12);
        Assert.Null(product.DestinationShareBefore);
    }

    [Fact]
    public void The_html_and_markdown_show_the_summarys_own_figures()
    {
        var run = ProjectionModel.Smart.MonteCarlo(KenyaInputs, new MonteCarloSettings(200, 42, 0.5), cancellationToken: TestContext.Current.CancellationToken);
        var summary = ProjectionSummary.Of(run.Point, run);
        var kenya = summary.Beneficiaries[0];
        string Whole(Money m) => m.Amount.ToString("#,##0", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var text in new[] { summary.ToHtml(), summary.ToMarkdown(), run.ToHtml(), run.Point.ToHtml() })
        {
            Assert.Contains("Summary: Kenya → China", text, StringComparison.Ordinal);
            Assert.Contains(Whole(kenya.Projected), text, StringComparison.Ordinal);
            Assert.Contains(Whole(kenya.Products[0].Projected), text, StringComparison.Ordinal);
        }

        Assert.Contains(Whole(kenya.Band!.Value.P5), summary.ToHtml(), StringComparison.Ordinal);
        Assert.Contains(Whole(kenya.Band!.Value.P95), summary.ToMarkdown(), StringComparison.Ordinal);
    }
}
