using TradeBalance.Projections;
using TradeBalance.Tests.Projections;
using Xunit;
using static TradeBalance.Tests.Revisions.HsFixtures;

namespace TradeBalance.Tests.Revisions;

/// <summary>
/// What a projection does when its inputs state HS revisions: flows and a schedule of two revisions are refused with the
/// fix, and σ tables of another revision read without a concordance are said to be so in the result's notes.
/// </summary>
public class RevisionPolicyTests
{
    private static Scenario TeaCut(Elasticities? elasticities = null)
    {
        var scenario = ProjectionFixtures.Scenario(TariffChange.CutPoints(5m), new ElasticityValues(-1.5, 1.5, 99), null, HsCode.Parse("090240"));
        return elasticities is null ? scenario : scenario with { Elasticities = elasticities };
    }

    private static TradeDataSet Tea(HsRevision? revision) => ProjectionFixtures.Market(HsCode.Parse("090240"), 60m, 40m).WithRevision(revision);

    private static TariffSchedule Schedule(HsRevision? revision) =>
        ProjectionFixtures.Schedule(Countries.China, 15m, [HsCode.Parse("090240")]).WithRevision(revision);

    [Fact]
    public void Flows_and_a_schedule_of_two_revisions_are_refused_naming_both_and_the_fix()
    {
        var e = Assert.Throws<ArgumentException>(() => new ProjectionInputs(TeaCut(), Tea(HsRevision.Hs2017), Schedule(HsRevision.Hs2022)));
        Assert.Contains("The flows are in HS2017 and CHN's tariff schedule in HS2022", e.Message, StringComparison.Ordinal);
        Assert.Contains("--hs-tables", e.Message, StringComparison.Ordinal);
        Assert.Contains("HsConcordance.Convert", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2022, 2022)]
    [InlineData(2022, 0)]
    [InlineData(0, 2017)]
    [InlineData(0, 0)]
    public void One_revision_or_an_unstated_one_is_accepted(int flows, int tariffs)
    {
        var inputs = new ProjectionInputs(TeaCut(), Tea(HsRevision.FromYear(flows)), Schedule(HsRevision.FromYear(tariffs)));
        Assert.Equal(HsRevision.FromYear(tariffs), inputs.Schedules.Single().Revision);
    }

    [Fact]
    public void Elasticities_read_for_products_of_another_revision_than_the_flows_are_refused()
    {
        var elasticities = new Elasticities(new ElasticityValues(-1.5, 1.5, 99)).WithConcordances(HsRevision.Hs2017, Split);
        var e = Assert.Throws<ArgumentException>(() => new ProjectionInputs(TeaCut(elasticities), Tea(HsRevision.Hs2022), Schedule(null)));
        Assert.Contains("The flows are in HS2022 but the scenario's elasticities read their tables for products in HS2017", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_of_another_revision_read_without_a_concordance_is_noted_and_with_one_it_is_not()
    {
        var tables = Elasticities.SmartDefaults.WithSubstitutionTables(ElasticityTables.CepiiProTee);
        var note = "σ tables of another HS revision than the products' (HS2022) read by the same codes: cepii-protee-2022 (HS2007)";

        var stated = ProjectionModel.Smart.Project(new ProjectionInputs(TeaCut(tables), Tea(HsRevision.Hs2022), Schedule(HsRevision.Hs2022)));
        Assert.Contains(stated.Notes, n => n.StartsWith(note, StringComparison.Ordinal));

        var unstated = ProjectionModel.Smart.Project(new ProjectionInputs(TeaCut(tables), Tea(null), Schedule(null)));
        Assert.DoesNotContain(unstated.Notes, n => n.StartsWith("σ tables of another HS revision", StringComparison.Ordinal));

        var sameRevision = ProjectionModel.Smart.Project(new ProjectionInputs(TeaCut(tables), Tea(HsRevision.Hs2007), Schedule(null)));
        Assert.DoesNotContain(sameRevision.Notes, n => n.StartsWith("σ tables of another HS revision", StringComparison.Ordinal));

        // 090240 is the same line in HS2022 and HS2007 (a 1:1 link): through the concordance, the note goes and σ stays.
        var teaLink = new HsConcordance(HsRevision.Hs2022, HsRevision.Hs2007, [L("090240", "090240")]);
        var through = ProjectionModel.Smart.Project(new ProjectionInputs(TeaCut(tables.WithConcordances(HsRevision.Hs2022, teaLink)), Tea(HsRevision.Hs2022), Schedule(HsRevision.Hs2022)));
        Assert.DoesNotContain(through.Notes, n => n.StartsWith("σ tables of another HS revision", StringComparison.Ordinal));
        Assert.Equal(stated.Rows.Select(r => r.Projected), through.Rows.Select(r => r.Projected));
    }
}
