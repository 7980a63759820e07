using Xunit;
using static TradeBalance.Tests.Revisions.HsFixtures;

namespace TradeBalance.Tests.Revisions;

public class HsConcordanceTests
{
    private static HsRelationship? RelationshipOf(HsConcordance c, string from, string to) =>
        c.Links.Single(l => l.From == C(from) && l.To == C(to)).Relationship;

    [Fact]
    public void Relationships_are_computed_from_the_links_structure()
    {
        Assert.Equal(HsRelationship.OneToMany, RelationshipOf(Split, "851712", "851713"));
        Assert.Equal(HsRelationship.OneToMany, RelationshipOf(Split, "851712", "851714"));
        Assert.Equal(HsRelationship.OneToOne, RelationshipOf(Split, "090240", "090240"));
        Assert.Equal(HsRelationship.ManyToOne, RelationshipOf(Split, "090111", "090110"));

        // Judged at each link's two ends, as the UN's tables do: in a group that splits and merges, only the links whose
        // source is split and whose target merges are n:n; 851712 → 851713 is a split's branch (1:n) beside them.
        Assert.Equal(HsRelationship.OneToMany, RelationshipOf(ManyToMany, "851712", "851713"));
        Assert.Equal(HsRelationship.ManyToMany, RelationshipOf(ManyToMany, "851712", "852411"));
        Assert.Equal(HsRelationship.ManyToMany, RelationshipOf(ManyToMany, "852990", "852412"));
        Assert.Equal(HsRelationship.OneToMany, RelationshipOf(ManyToMany, "852990", "852990"));
        Assert.Equal("851712 → 851713 (1:n)", ManyToMany.Links[0].ToString());
        Assert.Equal("851712 → 852411 (n:n)", ManyToMany.Links[2].ToString());
    }

    [Fact]
    public void Lookups_give_targets_and_sources_in_code_order()
    {
        Assert.Equal([C("851713"), C("851714"), C("852411"), C("852412")], ManyToMany.TargetsOf(C("851712")));
        Assert.Equal([C("851712"), C("852990")], ManyToMany.SourcesOf(C("852411")));
        Assert.Empty(ManyToMany.TargetsOf(C("090240")));
        Assert.Empty(ManyToMany.SourcesOf(C("851712"))); // an HS2017 code, not an HS2022 one
        var e = Assert.Throws<ArgumentException>(() => ManyToMany.TargetsOf(C("8517")));
        Assert.Contains("'8517' has 4 digits", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Declared_relationships_that_disagree_with_the_structure_are_listed()
    {
        var c = new HsConcordance(HsRevision.Hs2022, HsRevision.Hs2017, [
            L("851713", "851712", HsLink.ParseRelationship("n:1")),
            L("851714", "851712", HsLink.ParseRelationship("1:1")), // wrong: two HS2022 codes merge into 851712
            L("090240", "090240", HsLink.ParseRelationship("1:1")),
            L("090110", "090111"), // declares nothing
        ]);
        var wrong = Assert.Single(c.Disagreements());
        Assert.Equal(C("851714"), wrong.From);
        Assert.Equal(HsRelationship.OneToOne, wrong.Declared);
        Assert.Equal(HsRelationship.ManyToOne, wrong.Relationship);
    }

    [Theory]
    [InlineData("1:1", HsRelationship.OneToOne)]
    [InlineData("1:n", HsRelationship.OneToMany)]
    [InlineData("1 : N", HsRelationship.OneToMany)]
    [InlineData("n:1", HsRelationship.ManyToOne)]
    [InlineData("m:n", HsRelationship.ManyToMany)]
    [InlineData("ManyToMany", HsRelationship.ManyToMany)]
    public void Relationship_text_of_correlation_tables_is_read(string text, HsRelationship expected) =>
        Assert.Equal(expected, HsLink.ParseRelationship(text));

    [Fact]
    public void Unknown_relationship_text_is_refused_by_name()
    {
        var e = Assert.Throws<FormatException>(() => HsLink.ParseRelationship("2:1"));
        Assert.Equal("'2:1' is not an HS relationship: expected 1:1, 1:n, n:1 or n:n.", e.Message);
    }

    [Fact]
    public void Invalid_concordances_are_refused_with_the_codes_named()
    {
        var same = Assert.Throws<ArgumentException>(() => new HsConcordance(HsRevision.Hs2022, HsRevision.Hs2022, [L("851713", "851713")]));
        Assert.Contains("both are HS2022", same.Message, StringComparison.Ordinal);

        var twice = Assert.Throws<ArgumentException>(() => new HsConcordance(HsRevision.Hs2017, HsRevision.Hs2022, [L("851712", "851713"), L("851712", "851713", HsRelationship.OneToMany)]));
        Assert.Contains("links 851712 to 851713 twice", twice.Message, StringComparison.Ordinal);

        var empty = Assert.Throws<ArgumentException>(() => new HsConcordance(HsRevision.Hs2017, HsRevision.Hs2022, []));
        Assert.Contains("has no links", empty.Message, StringComparison.Ordinal);

        var heading = Assert.Throws<ArgumentException>(() => L("8517", "851713"));
        Assert.Contains("'8517' has 4 digits", heading.Message, StringComparison.Ordinal);
        var national = Assert.Throws<ArgumentException>(() => L("851712", "85171300"));
        Assert.Contains("'85171300' has 8 digits", national.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inverse_swaps_the_sides_and_the_declared_direction()
    {
        var c = new HsConcordance(HsRevision.Hs2017, HsRevision.Hs2022, [L("851712", "851713", HsRelationship.OneToMany), L("851712", "851714", HsRelationship.OneToMany)]);
        var inverse = c.Inverse();
        Assert.Equal(HsRevision.Hs2022, inverse.From);
        Assert.Equal(HsRevision.Hs2017, inverse.To);
        Assert.Equal([C("851712")], inverse.TargetsOf(C("851714")));
        Assert.All(inverse.Links, l => Assert.Equal(HsRelationship.ManyToOne, l.Declared));
        Assert.All(inverse.Links, l => Assert.Equal(HsRelationship.ManyToOne, l.Relationship));
        Assert.Empty(inverse.Disagreements());
        Assert.Equal(c, inverse.Inverse());
        Assert.NotEqual(c, inverse);
        Assert.Equal("HS2017 → HS2022 (2 links)", c.ToString());
    }
}
