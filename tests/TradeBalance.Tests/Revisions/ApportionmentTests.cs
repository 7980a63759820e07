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
}
