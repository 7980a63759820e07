using Xunit;
using static TradeBalance.Tests.Revisions.HsFixtures;

namespace TradeBalance.Tests.Revisions;

/// <summary>
/// The documented rules of a split, pinned where a total cannot tell them apart: which part takes a weight's rounding,
/// which the odd cent (largest remainder, then larger weight, then earlier part), which the sliver below a cent.
/// </summary>
public class ApportionmentTests
{
    [Fact]
    public void Normalized_weights_sum_to_one_and_the_largest_value_takes_the_rounding()
    {
        // 1/6 three times rounds up, so the sum is 1 + 1e-28: the largest value (3, the last) gives the excess back.
        var w = Apportionment.Normalize([1m, 1m, 1m, 3m]);
        Assert.Equal(1m, w.Sum());
        Assert.Equal([1m / 6m, 1m / 6m, 1m / 6m], w[..3]);
        Assert.Equal(0.4999999999999999999999999999m, w[3]);

        // Largest first, so the largest is found by its value, not by its place.
        var first = Apportionment.Normalize([3m, 1m, 1m, 1m]);
        Assert.Equal(0.4999999999999999999999999999m, first[0]);
        Assert.Equal(1m / 6m, first[1]);
    }

    [Fact]
    public void On_equal_values_the_earlier_part_takes_the_rounding()
    {
        var w = Apportionment.Normalize([1m, 1m, 1m]);
        Assert.Equal(1m, w.Sum());
        Assert.Equal(0.3333333333333333333333333334m, w[0]);
        Assert.Equal(1m / 3m, w[1]);
        Assert.Equal(1m / 3m, w[2]);
    }

    [Fact]
    public void The_sliver_below_a_cent_goes_to_the_largest_weight_and_on_a_tie_to_the_earlier_part()
    {
        Assert.Equal([2.50m, 7.505m], Apportionment.Split(10.005m, [0.25m, 0.75m], 0.01m));
        Assert.Equal([7.505m, 2.50m], Apportionment.Split(10.005m, [0.75m, 0.25m], 0.01m));
        Assert.Equal([0.505m, 0.50m], Apportionment.Split(1.005m, [0.5m, 0.5m], 0.01m));
        Assert.Equal([0.50m, 0.50m], Apportionment.Split(1.00m, [0.5m, 0.5m], 0.01m));
    }

    [Fact]
    public void The_odd_cent_goes_to_the_largest_remainder_then_the_larger_weight_then_the_earlier_part()
    {
        // 2 cents by 1/4 : 3/4 is 0.5 and 1.5 cents: equal remainders, so the larger weight takes the cent.
        Assert.Equal([0.00m, 0.02m], Apportionment.Split(0.02m, [0.25m, 0.75m], 0.01m));
        // 1 cent by 0.4 : 0.6: the larger remainder (0.6) takes it.
        Assert.Equal([0.00m, 0.01m], Apportionment.Split(0.01m, [0.4m, 0.6m], 0.01m));
        Assert.Equal([0.01m, 0.00m], Apportionment.Split(0.01m, [0.6m, 0.4m], 0.01m));
        // 1 cent in three equal parts: remainders and weights tie, so the earliest part takes it.
        Assert.Equal([0.01m, 0.00m, 0.00m], Apportionment.Split(0.01m, Apportionment.Normalize([1m, 1m, 1m]), 0.01m));
        // 5 cents in three equal parts: 1 cent each and 2 left, to the first two.
        Assert.Equal([0.02m, 0.02m, 0.01m], Apportionment.Split(0.05m, [1m / 3m, 1m / 3m, 1m / 3m], 0.01m));
    }

    [Fact]
    public void Merged_flows_keep_every_distinct_source_once_in_order_and_a_split_names_its_share()
    {
        var flows = new TradeDataSet(
        [
            TradeFlow.Usd(Countries.China, Countries.Kenya, C("851712"), 2021, 100m, "customs"),
            TradeFlow.Usd(Countries.China, Countries.India, C("851712"), 2021, 50m),
        ]);

        var (converted, _) = Split.Convert(flows);

        var sourced = converted.FlowsInto(new MarketKey(Countries.Kenya, C("851713"), 2021)).Single();
        Assert.Equal("customs [50% of HS2017 851712]", sourced.Source);
        var unsourced = converted.FlowsInto(new MarketKey(Countries.India, C("851713"), 2021)).Single();
        Assert.Equal("50% of HS2017 851712", unsourced.Source);
    }

    [Theory]
    [InlineData("a", "b", "a; b")]
    [InlineData("b", "a", "b; a")]
    [InlineData("a", "a", "a")]
    [InlineData("", "b", "b")]
    [InlineData("a", "", "a")]
    [InlineData("", "", "")]
    public void A_merge_keeps_each_source_once_in_order_and_drops_empty_ones(string first, string second, string merged)
    {
        var flows = new TradeDataSet(
        [
            TradeFlow.Usd(Countries.Kenya, Countries.China, C("090111"), 2021, 10m, first),
            TradeFlow.Usd(Countries.Kenya, Countries.China, C("090112"), 2021, 5m, second),
        ]);

        var (converted, _) = Split.Convert(flows);

        var flow = converted.FlowsInto(new MarketKey(Countries.China, C("090110"), 2021)).Single();
        Assert.Equal(15m, flow.Value.Amount);
        Assert.Equal(merged, flow.Source);
    }

    [Fact]
    public void A_split_is_in_cents_not_whole_units()
    {
        var weights = new TradeDataSet([TradeFlow.Usd(Countries.China, Countries.UnitedStates, C("851713"), 2023, 300m), TradeFlow.Usd(Countries.China, Countries.UnitedStates, C("851714"), 2023, 100m)]);
        var (converted, _) = Split.Convert(new TradeDataSet([TradeFlow.Usd(Countries.China, Countries.Kenya, C("851712"), 2021, 1.00m)]), weights);
        Assert.Equal([0.75m, 0.25m], converted.Flows.OrderBy(f => f.Hs).Select(f => f.Value.Amount));
    }

    [Fact]
    public void Trade_weights_take_a_subheadings_own_value_and_national_lines_only_where_it_has_none()
    {
        // 851713 has a 6-digit value (300) and a national line elsewhere (999, left out); 851714 has only a national line (100).
        var weights = new TradeDataSet(
        [
            TradeFlow.Usd(Countries.China, Countries.UnitedStates, C("851713"), 2023, 300m),
            TradeFlow.Usd(Countries.China, Countries.India, C("85171300"), 2023, 999m),
            TradeFlow.Usd(Countries.China, Countries.India, C("85171400"), 2023, 100m),
        ]);
        var (_, report) = Split.Convert(new TradeDataSet([TradeFlow.Usd(Countries.China, Countries.Kenya, C("851712"), 2021, 400m)]), weights);
        Assert.Equal([new HsWeight(C("851713"), 0.75m), new HsWeight(C("851714"), 0.25m)], report.Entries.Single(e => e.Code == C("851712")).Weights);
    }

    [Fact]
    public void A_note_names_ten_codes_at_most_then_counts_the_rest()
    {
        static TradeDataSet Lines(int count) => new(Enumerable.Range(10, count).Select(i => TradeFlow.Usd(Countries.Kenya, Countries.China, C("090240" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)), 2021, 1m)));

        var twelve = Assert.Single(Split.Convert(Lines(12)).Report.Notes, n => n.Contains("national lines", StringComparison.Ordinal));
        Assert.Equal("12 national lines converted as their subheadings (their extra digits have no meaning in HS2022): 09024010, 09024011, 09024012, 09024013, 09024014, 09024015, 09024016, 09024017, 09024018, 09024019 and 2 more", twelve);

        var ten = Assert.Single(Split.Convert(Lines(10)).Report.Notes, n => n.Contains("national lines", StringComparison.Ordinal));
        Assert.EndsWith(": 09024010, 09024011, 09024012, 09024013, 09024014, 09024015, 09024016, 09024017, 09024018, 09024019", ten, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("8517", 1)]
    [InlineData("851713", -1)]
    public void A_user_weight_for_a_code_that_is_not_6_digits_or_below_zero_is_refused(string code, int weight)
    {
        var flows = new TradeDataSet([TradeFlow.Usd(Countries.China, Countries.Kenya, C("851712"), 2021, 1m)]);
        var e = Assert.Throws<ArgumentException>(() => Split.Convert(flows, null, new Dictionary<HsCode, decimal> { [C(code)] = weight }));
        Assert.Contains($"A user weight must be for a 6-digit code and not negative; got {code} = {weight}", e.Message, StringComparison.Ordinal);
    }
}
