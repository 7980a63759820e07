using TradeBalance.Projections;
using Xunit;
using static TradeBalance.Tests.Revisions.HsFixtures;

namespace TradeBalance.Tests.Revisions;

public class ElasticityThroughConcordanceTests
{
    private static readonly Country China = Countries.China;

    /// <summary>HS2022 → HS2007, a few links: the smartphone lines came from 8517.12 (unchanged from 2007 to 2017).
    /// 852412's second source is made up, to give a product two table lines.</summary>
    private static HsConcordance To2007 { get; } = new(HsRevision.Hs2022, HsRevision.Hs2007, [
        L("851713", "851712"),
        L("851714", "851712"),
        L("852412", "851712"),
        L("852412", "852560"), // made up
        L("090240", "090240"),
    ]);

    [Fact]
    public void The_tables_state_their_revisions()
    {
        Assert.Equal(HsRevision.Hs2007, ElasticityTables.CepiiProTee.Revision);
        Assert.Equal(HsRevision.Hs1992, ElasticityTables.BrodaWeinstein2006.Revision);
    }

    [Fact]
    public void A_product_whose_code_changed_gets_the_sigma_of_its_old_line_named_with_both_revisions()
    {
        var table = ElasticityTables.CepiiProTee;

        // HS2022 851713 does not exist in HS2007: read as it is, the table has nothing (or, elsewhere, another product).
        Assert.Null(table.Find(China, C("851713")));

        // ProTEE gives 851712 = -8.9039278, so σ = 8.9039278.
        var smartphones = table.Find(China, C("851713"), To2007)!;
        Assert.Equal(8.9039278, smartphones.Value);
        Assert.Equal("HS6 851712 (HS2007) for HS2022 851713, elasticity -8.903928", smartphones.Key);

        // Two table lines: their mean, each named.
        var modules = table.Find(China, C("852412"), To2007)!;
        Assert.Equal((8.9039278 + 8.8572807) / 2, modules.Value, 12);
        Assert.Equal("mean of 2 HS2007 lines for HS2022 852412: HS6 851712, elasticity -8.903928 = 8.903928; HS6 852560, elasticity -8.857281 = 8.857281", modules.Key);

        // Broda & Weinstein by HS3 group of HS1992 is not reached by an HS2022 → HS2007 concordance.
        var e = Assert.Throws<ArgumentException>(() => ElasticityTables.BrodaWeinstein2006.Find(China, C("851713"), To2007));
        Assert.Contains("'broda-weinstein-2006' is in HS1992", e.Message, StringComparison.Ordinal);
        Assert.Contains("use its Inverse()", Assert.Throws<ArgumentException>(() => table.Find(China, C("851712"), To2007.Inverse())).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_source_of_sigma_in_the_output_names_the_original_line()
    {
        var plain = Elasticities.SmartDefaults.WithSubstitutionTables(ElasticityTables.CepiiProTee);
        var through = plain.WithConcordances(HsRevision.Hs2022, To2007.Inverse()); // either direction will do

        Assert.Equal(1.5, plain.For(China, C("851713")).Substitution); // unchanged without a concordance: the default
        Assert.StartsWith("default (cepii-protee-2022 has no estimate for CHN HS 851713)", plain.Explain(China, C("851713")).Substitution, StringComparison.Ordinal);

        Assert.Equal(8.9039278, through.For(China, C("851713")).Substitution);
        Assert.Equal(
            "CEPII ProTEE 0.1, Fontagné, Guimbard & Orefice (2022), HS6 851712 (HS2007) for HS2022 851713, elasticity -8.903928",
            through.Explain(China, C("851713")).Substitution);

        // Carried through the With… methods, and part of equality.
        var overridden = through.With(C("0902"), new ElasticityOverride(null, 2.0, null, "test"));
        Assert.Equal(HsRevision.Hs2022, overridden.ProductRevision);
        Assert.Equal(8.9039278, overridden.For(China, C("851713")).Substitution);
        Assert.NotEqual(plain, through);
        Assert.Equal(through, plain.WithConcordances(HsRevision.Hs2022, To2007.Inverse()));

        // A heading no code moves in or out of is read as it is; one that changed has no estimate through the concordance.
        Assert.Equal(plain.For(China, C("0902")).Substitution, through.For(China, C("0902")).Substitution);
    }

    [Fact]
    public void Concordances_that_do_not_touch_the_products_revision_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => Elasticities.SmartDefaults.WithConcordances(HsRevision.Hs2017, To2007));
        Assert.Contains("does not touch HS2017", e.Message, StringComparison.Ordinal);
        var twice = Assert.Throws<ArgumentException>(() => Elasticities.SmartDefaults.WithConcordances(HsRevision.Hs2022, To2007, To2007.Inverse()));
        Assert.Contains("Two concordances join HS2022 and HS2007", twice.Message, StringComparison.Ordinal);
    }
}
