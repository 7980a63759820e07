using Xunit;
using static TradeBalance.Tests.Revisions.HsFixtures;

namespace TradeBalance.Tests.Revisions;

public class FlowConversionTests
{
    private static readonly Country Usa = Countries.UnitedStates;
    private static readonly Country China = Countries.China;
    private static readonly Country Kenya = Countries.Kenya;

    private static decimal ValueAt(TradeDataSet ds, Country exporter, Country importer, string code, int year = 2021) =>
        ds.FlowsInto(new MarketKey(importer, C(code), year)).Single(f => f.Exporter.Equals(exporter)).Value.Amount;

    /// <summary>HS2022 trade that weights the 8517.12 split 3 : 1 (smartphones : other cellular telephones).</summary>
    private static TradeDataSet PhonesIn2022 => new(
        [Flow(China, Usa, "851713", 300m, 2023), Flow(VietNam, Usa, "851713", 600m, 2023), Flow(China, Kenya, "851714", 300m, 2023)],
        revision: HsRevision.Hs2022);

    private static Country VietNam => Countries.VietNam;

    [Fact]
    public void A_split_shares_the_value_by_trade_weights_and_keeps_it_to_the_cent()
    {
        var flows = new TradeDataSet([Flow(Usa, China, "851712", 1_000_000.01m), Flow(Kenya, China, "090240", 20m)], revision: HsRevision.Hs2017);

        var (converted, report) = Split.Convert(flows, PhonesIn2022);

        // 900 : 300 of HS2022 trade: 75 % and 25 %; the odd cent goes to the larger remainder (750,000.0075).
        Assert.Equal(750_000.01m, ValueAt(converted, Usa, China, "851713"));
        Assert.Equal(250_000.00m, ValueAt(converted, Usa, China, "851714"));
        Assert.Equal(20m, ValueAt(converted, Kenya, China, "090240"));
        Assert.Equal(1_000_020.01m, converted.Flows.Sum(f => f.Value.Amount));
        Assert.Equal(HsRevision.Hs2022, converted.Revision);

        var split = report.Entries.Single(e => e.Code == C("851712"));
        Assert.Equal(HsWeighting.TradeData, split.Rule);
        Assert.Equal([new HsWeight(C("851713"), 0.75m), new HsWeight(C("851714"), 0.25m)], split.Weights);
        Assert.Equal(new HsConversionEntry(C("851712"), HsWeighting.TradeData, [new HsWeight(C("851713"), 0.75m), new HsWeight(C("851714"), 0.25m)]), split);
        Assert.Equal(HsWeighting.Whole, report.Entries.Single(e => e.Code == C("090240")).Rule);
        Assert.Equal(report.ValueBefore, report.ValueAfter);
        Assert.Equal("HS2017 → HS2022: 2 flows into 3; 1 code split (1 by trade data), 0 codes merged; USD 1,000,020.01 before and after", report.Summary());
        Assert.Contains("[75% of HS2017 851712]", converted.FlowsInto(new MarketKey(China, C("851713"), 2021))[0].Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_weights_a_split_is_equal_and_the_report_says_so()
    {
        var flows = new TradeDataSet([new TradeFlow(Usa, China, C("851712"), 2021, new Money(100.01m, Currency.Usd), 7m)]);

        var (converted, report) = Split.Convert(flows);

        Assert.Equal(50.01m, ValueAt(converted, Usa, China, "851713")); // the tie goes to the first target
        Assert.Equal(50.00m, ValueAt(converted, Usa, China, "851714"));
        Assert.Equal([3.5m, 3.5m], converted.Flows.Select(f => f.QuantityKg!.Value));
        var entry = Assert.Single(report.Entries);
        Assert.Equal(HsWeighting.Equal, entry.Rule);
        Assert.Equal("851712: 851713 50%, 851714 50% (in equal shares)", entry.ToString());
        Assert.Contains("1 code split (1 in equal shares)", report.Summary(), StringComparison.Ordinal);
    }

    [Fact]
    public void User_weights_come_before_trade_data()
    {
        var flows = new TradeDataSet([Flow(Usa, China, "851712", 100m)]);
        var user = new Dictionary<HsCode, decimal> { [C("851713")] = 1m, [C("851714")] = 4m };

        var (converted, report) = Split.Convert(flows, PhonesIn2022, user);

        Assert.Equal(20m, ValueAt(converted, Usa, China, "851713"));
        Assert.Equal(80m, ValueAt(converted, Usa, China, "851714"));
        Assert.Equal(HsWeighting.User, report.Entries.Single().Rule);
        Assert.Throws<ArgumentException>(() => Split.Convert(flows, null, new Dictionary<HsCode, decimal> { [C("851713")] = -1m }));
    }

    [Fact]
    public void Merged_codes_are_summed_and_quantities_kept_only_when_all_are_known()
    {
        var flows = new TradeDataSet([
            new TradeFlow(Kenya, China, C("090111"), 2021, new Money(100m, Currency.Usd), 10m),
            new TradeFlow(Kenya, China, C("090112"), 2021, new Money(50.5m, Currency.Usd), 5m),
            new TradeFlow(Usa, China, C("090111"), 2021, new Money(7m, Currency.Usd), 1m),
            new TradeFlow(Usa, China, C("090112"), 2021, new Money(3m, Currency.Usd)),
        ]);

        var (converted, report) = Split.Convert(flows);

        var kenya = converted.FlowsInto(new MarketKey(China, C("090110"), 2021)).Single(f => f.Exporter.Equals(Kenya));
        Assert.Equal(150.5m, kenya.Value.Amount);
        Assert.Equal(15m, kenya.QuantityKg);
        var usa = converted.FlowsInto(new MarketKey(China, C("090110"), 2021)).Single(f => f.Exporter.Equals(Usa));
        Assert.Equal(10m, usa.Value.Amount);
        Assert.Null(usa.QuantityKg);
        Assert.Equal(2, converted.Flows.Length);
        Assert.All(report.Entries, e => Assert.Equal(HsWeighting.Whole, e.Rule));
        Assert.Contains("0 codes split, 1 code merged", report.Summary(), StringComparison.Ordinal);
    }

    [Fact]
    public void Many_to_many_splits_then_sums()
    {
        var flows = new TradeDataSet([Flow(Usa, China, "851712", 100m), Flow(Usa, China, "852990", 60m)]);

        var (converted, report) = ManyToMany.Convert(flows);

        // 851712 in four equal parts, 852990 in three: the display modules get a part of each.
        Assert.Equal(25m, ValueAt(converted, Usa, China, "851713"));
        Assert.Equal(25m, ValueAt(converted, Usa, China, "851714"));
        Assert.Equal(45m, ValueAt(converted, Usa, China, "852411"));
        Assert.Equal(45m, ValueAt(converted, Usa, China, "852412"));
        Assert.Equal(20m, ValueAt(converted, Usa, China, "852990"));
        Assert.Equal(160m, converted.Flows.Sum(f => f.Value.Amount));
        Assert.Contains("2 codes split (2 in equal shares), 2 codes merged", report.Summary(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_heading_converts_only_when_nothing_moves_in_or_out_of_it()
    {
        var heading = new TradeDataSet([Flow(Usa, China, "8517", 90m), Flow(Usa, China, "TOTAL", 900m)]);

        // 8517.12's parts stay in 8517: the heading is the same goods in both revisions.
        var (kept, report) = Split.Convert(heading);
        Assert.Equal(90m, ValueAt(kept, Usa, China, "8517"));
        Assert.Equal(900m, ValueAt(kept, Usa, China, "TOTAL"));
        Assert.Contains("1 headings or chapters kept as they are", Assert.Single(report.Notes), StringComparison.Ordinal);

        // Part of 8517.12 leaves for heading 8524: the heading's value cannot be placed.
        var e = Assert.Throws<ArgumentException>(() => ManyToMany.Convert(heading));
        Assert.StartsWith("HS 8517 (HS2017) cannot be converted to HS2022 as a whole heading", e.Message, StringComparison.Ordinal);
        Assert.Contains("Give the data at 6 digits", e.Message, StringComparison.Ordinal);

        // The concordance lists nothing in chapter 84: the chapter's goods have no known counterpart.
        var chapter = Assert.Throws<ArgumentException>(() => Split.Convert(new TradeDataSet([Flow(Usa, China, "84", 1m)])));
        Assert.Contains("as a whole chapter", chapter.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_national_line_converts_as_its_subheading_unless_the_subheading_is_there_too()
    {
        var national = new TradeDataSet([Flow(Usa, China, "85171200", 40m), Flow(Usa, China, "85171290", 60m)]);
        var (converted, report) = Split.Convert(national);
        Assert.Equal(50m, ValueAt(converted, Usa, China, "851713"));
        Assert.Equal(50m, ValueAt(converted, Usa, China, "851714"));
        Assert.Contains("2 national lines converted as their subheadings", Assert.Single(report.Notes), StringComparison.Ordinal);

        var both = new TradeDataSet([Flow(Usa, China, "85171200", 40m), Flow(Usa, China, "851712", 100m)]);
        var e = Assert.Throws<ArgumentException>(() => Split.Convert(both));
        Assert.Contains("both the national line 85171200 and its subheading 851712 for USA→CHN 2021", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Codes_outside_the_concordance_and_other_revisions_are_refused()
    {
        var unlisted = Assert.Throws<ArgumentException>(() => Split.Convert(new TradeDataSet([Flow(Usa, China, "090300", 1m)])));
        Assert.StartsWith("HS 090300 is not listed in the concordance HS2017 → HS2022", unlisted.Message, StringComparison.Ordinal);
        Assert.Contains("add the link 090300 → 090300", unlisted.Message, StringComparison.Ordinal);

        var stated = Assert.Throws<ArgumentException>(() => Split.Convert(new TradeDataSet([Flow(Usa, China, "851712", 1m)], revision: HsRevision.Hs2012)));
        Assert.StartsWith("The flows are in HS2012", stated.Message, StringComparison.Ordinal);

        var weights = Assert.Throws<ArgumentException>(() => Split.Convert(new TradeDataSet([Flow(Usa, China, "851712", 1m)]), new TradeDataSet([], revision: HsRevision.Hs2017)));
        Assert.Contains("must be in HS2022", weights.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_revision_is_carried_and_can_be_stated()
    {
        var ds = new TradeDataSet([Flow(Usa, China, "851712", 1m)]);
        Assert.Null(ds.Revision);
        var stated = ds.WithRevision(HsRevision.Hs2017);
        Assert.Equal(HsRevision.Hs2017, stated.Revision);
        Assert.Equal(ds.Flows, stated.Flows);
        Assert.Equal(1m, stated.Total(Usa, China, HsCode.Total, 2021).Amount);
        Assert.Same(stated, stated.WithRevision(HsRevision.Hs2017));
    }
}
