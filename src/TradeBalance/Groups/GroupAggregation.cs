using System.Collections.Immutable;

namespace TradeBalance;

/// <summary>What <see cref="TradeDataSet.AggregateImporters"/> did: the new data and what it folded.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class GroupAggregation
{
    internal GroupAggregation(TradeDataSet data, CountryGroup group, ImmutableSortedSet<Country> members, int memberFlows, int intraGroupFlows)
    {
        Data = data;
        Group = group;
        Members = members;
        MemberFlows = memberFlows;
        IntraGroupFlows = intraGroupFlows;
    }

    /// <summary>Gets the data with the members' imports as the group's.</summary>
    public TradeDataSet Data { get; }

    /// <summary>Gets the group.</summary>
    public CountryGroup Group { get; }

    /// <summary>Gets the members whose imports were folded.</summary>
    public ImmutableSortedSet<Country> Members { get; }

    /// <summary>Gets how many flows from non-members into members were added up.</summary>
    public int MemberFlows { get; }

    /// <summary>Gets how many flows between members were left out, as trade inside the group.</summary>
    public int IntraGroupFlows { get; }

    /// <summary>Returns a one-line summary, for example <c>EUN: 1,204 flows into 27 members folded; 310 between members left out</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Group.Code}: {MemberFlows:N0} flows into {Members.Count} members folded; {IntraGroupFlows:N0} between members left out");
}
