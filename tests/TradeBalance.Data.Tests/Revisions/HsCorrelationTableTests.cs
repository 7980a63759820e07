using TradeBalance.Data.Tests.Spreadsheets;
using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Data.Tests.Revisions;

/// <summary>
/// The UN's published tables read into concordances (<see cref="HsCorrelationTable"/>), and used as issue 30 asks: a real
/// split between HS2017 and HS2022 converted with trade weights, and a σ found for a code that changed since HS2007.
/// </summary>
public class HsCorrelationTableTests
{
    private static HsCode C(string code) => HsCode.Parse(code);

    private static string Folder
    {
        get
        {
            _ = UnsdTableFiles.PathOf(HsCorrelationTable.FileNames[(2022, 2017)]); // skips, saying why, without the tables
            return UnsdTableFiles.Folder;
        }
    }

    [Theory]
    [MemberData(nameof(UnsdTableFiles.All), MemberType = typeof(UnsdTableFiles))]
    public void Every_published_table_reads_as_a_concordance_from_its_newer_revision_to_its_older(string file, int newer, int older)
    {
        var concordance = HsCorrelationTable.Read(UnsdTableFiles.PathOf(file));

        Assert.Equal(newer, concordance.From.Year);
        Assert.Equal(older, concordance.To.Year);
        Assert.Equal(file, HsCorrelationTable.FileNames[(newer, older)]);
        Assert.InRange(concordance.Links.Length, 5_000, 20_000); // n:n groups multiply links: HS2022 to HS1992 has about 18,900
        Assert.All(concordance.Links, l => Assert.NotNull(l.Declared));

        // Judged at each link's two ends, the published declarations hold but for a handful of rows. The tables
        // published before 2017 (.xls) also call a split's branch n:n when another target of the split merges other
        // codes, and a merge's branch n:n when another source of the merge is split: that convention is recognised,
        // and only the rest counts.
        bool OlderConvention(HsLink l) => file.EndsWith(".xls", StringComparison.Ordinal) && l.Declared == HsRelationship.ManyToMany
            && ((l.Relationship == HsRelationship.OneToMany && concordance.TargetsOf(l.From).Any(t => concordance.SourcesOf(t).Length > 1))
                || (l.Relationship == HsRelationship.ManyToOne && concordance.SourcesOf(l.To).Any(f => concordance.TargetsOf(f).Length > 1)));
        var unexplained = concordance.Disagreements().Where(l => !OlderConvention(l)).ToList();
        Assert.True(unexplained.Count <= 10, $"{unexplained.Count} of {concordance.Links.Length} links disagree with their declared relationship, e.g. {string.Join("; ", unexplained.Take(3))}");
    }

    [Fact]
    public void The_telephone_split_of_2022_is_read_both_ways()
    {
        var forward = HsCorrelationTable.Read(Folder, HsRevision.Hs2017, HsRevision.Hs2022);
        var backward = HsCorrelationTable.Read(Folder, HsRevision.Hs2022, HsRevision.Hs2017);

        Assert.Equal(HsRevision.Hs2017, forward.From);
        Assert.Equal(HsRevision.Hs2022, forward.To);
        Assert.Contains(C("851713"), forward.TargetsOf(C("851712")));
        Assert.Contains(C("851714"), forward.TargetsOf(C("851712")));
        Assert.Equal([C("851712")], backward.TargetsOf(C("851713")));
        Assert.Equal(backward, forward.Inverse());
    }

    [Fact]
    public void Real_split_codes_convert_with_trade_weights_that_sum_to_the_original()
    {
        var concordance = HsCorrelationTable.Read(Folder, HsRevision.Hs2017, HsRevision.Hs2022);
        var targets = concordance.TargetsOf(C("851712"));
        var flows = new TradeDataSet([TradeFlow.Usd(Countries.China, Countries.Kenya, C("851712"), 2021, 120_000_000.03m)], revision: HsRevision.Hs2017);

        // HS2022 trade of the targets decides the split: smartphones three times the other cellular telephones.
        var weights = new TradeDataSet(
            targets.Select((t, i) => TradeFlow.Usd(Countries.China, Countries.UnitedStates, t, 2023, t == C("851713") ? 300m : t == C("851714") ? 100m : 0m + i + 1)),
            revision: HsRevision.Hs2022);
        var (converted, report) = concordance.Convert(flows, weights);

        Assert.Equal(HsRevision.Hs2022, converted.Revision);
        Assert.Equal(120_000_000.03m, converted.Flows.Sum(f => f.Value.Amount));
        Assert.True(converted.Flows.Select(f => f.Hs).ToHashSet().SetEquals(targets.Where(t => weights.Flows.Any(w => w.Hs == t && w.Value.Amount > 0))));
        var entry = report.Entries.Single(e => e.Code == C("851712"));
        Assert.Equal(HsWeighting.TradeData, entry.Rule);
        Assert.Equal(1m, entry.Weights.Sum(w => w.Share));
        var smartphones = converted.Flows.Single(f => f.Hs == C("851713")).Value.Amount;
        var others = converted.Flows.Single(f => f.Hs == C("851714")).Value.Amount;
        Assert.Equal(3m, Math.Round(smartphones / others, 6));
    }

    [Fact]
    public void A_sigma_for_a_code_that_changed_since_2007_is_found_through_the_concordance_and_names_the_original_line()
    {
        var concordance = HsCorrelationTable.Read(Folder, HsRevision.Hs2022, HsRevision.Hs2007);
        var table = ElasticityTables.CepiiProTee;
        Assert.Equal(HsRevision.Hs2007, table.Revision);

        // HS2022 851713 (smartphones) did not exist in HS2007: by its digits the table has nothing; through the UN's
        // table it is HS2007 851712, whose estimate the table has.
        Assert.Null(table.Find(Countries.China, C("851713")));
        Assert.Equal([C("851712")], concordance.TargetsOf(C("851713")));
        var estimate = table.Find(Countries.China, C("851713"), concordance);
        Assert.NotNull(estimate);
        Assert.Equal(table.Find(Countries.China, C("851712"))!.Value, estimate.Value);
        Assert.Contains("851712", estimate.Key, StringComparison.Ordinal);
        Assert.Contains("HS2007", estimate.Key, StringComparison.Ordinal);
        Assert.Contains("851713", estimate.Key, StringComparison.Ordinal);

        var elasticities = Elasticities.SmartDefaults.WithSubstitutionTables(table).WithConcordances(HsRevision.Hs2022, concordance);
        Assert.Equal(estimate.Value, elasticities.For(Countries.China, C("851713")).Substitution);
        Assert.Contains("851712", elasticities.Explain(Countries.China, C("851713")).Substitution, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_the_table_is_refused_naming_the_file_and_how_to_get_it()
    {
        var empty = Directory.CreateTempSubdirectory("hs-tables-").FullName;
        try
        {
            var e = Assert.Throws<FileNotFoundException>(() => HsCorrelationTable.Read(empty, HsRevision.Hs2022, HsRevision.Hs2007));
            Assert.Contains("HS2022toHS2007ConversionAndCorrelationTables.xlsx", e.Message, StringComparison.Ordinal);
            Assert.Contains("tradebalance fetch hs-tables", e.Message, StringComparison.Ordinal);
            Assert.Throws<ArgumentException>(() => HsCorrelationTable.Read(empty, HsRevision.Hs2022, HsRevision.Hs2022));
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }
}
