using System.Collections.Immutable;
using NodaTime;
using NodaTime.Text;

namespace TradeBalance;

// Folding a group's members into the group: the union as one importer.
public sealed partial class TradeDataSet
{
    /// <summary>
    /// Why the flows count a member's trade twice, or null: a group (not a single economy) and one of its members both
    /// supply one importer with one HS code in one year (<c>EUN→CHN</c> and <c>DEU→CHN</c>), as nested HS levels would.
    /// Membership is taken over the flow's year. One pass over the flows, and nothing more when no flow comes from a group.
    /// </summary>
    private static string? MemberCountedTwice(ImmutableArray<TradeFlow> flows)
    {
        Dictionary<(Country Importer, HsCode Hs, int Year), List<CountryGroup>>? groupMarkets = null;
        foreach (var f in flows)
        {
            if (f.Exporter.IsAggregate && CountryGroups.TryGet(f.Exporter, out var g) && g.Kind != CountryGroupKind.Economy)
            {
                groupMarkets ??= [];
                var key = (f.Importer, f.Hs, f.Year);
                if (!groupMarkets.TryGetValue(key, out var list))
                {
                    groupMarkets[key] = list = [];
                }

                list.Add(g);
            }
        }

        if (groupMarkets is null)
        {
            return null;
        }

        foreach (var f in flows)
        {
            if (groupMarkets.TryGetValue((f.Importer, f.Hs, f.Year), out var groups))
            {
                var (first, last) = (new LocalDate(f.Year, 1, 1), new LocalDate(f.Year, 12, 31));
                foreach (var g in groups)
                {
                    if (g.Memberships.Any(m => m.Member.Equals(f.Exporter) && (m.Joined is not { } j || j <= last) && (m.Left is not { } l || first <= l)))
                    {
                        return $"{g.Code} and its member {f.Exporter.Alpha3} both supply {f.Importer.Alpha3} with HS {f.Hs} in {f.Year}; {f.Exporter.Alpha3}'s trade would be counted twice. Keep the group's flow or its members', not both.";
                    }
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Returns the data with the imports of a group's members added up into the group as one importer:
    /// a union's imports, as its common external tariff sees them.
    /// </summary>
    /// <param name="group">The group, for example <c>CountryGroups.EuropeanUnion</c>.</param>
    /// <param name="date">The day whose members count (a scenario's effective date: the union as it will be).</param>
    /// <returns>The new data and what was folded.</returns>
    /// <remarks>
    /// <para>Every flow into a member (on <paramref name="date"/>) from a non-member becomes part of one
    /// flow from that exporter into <see cref="CountryGroup.Economy"/> per HS code and year; values add
    /// up, and quantities too when every part has one. Flows between members are trade inside the group,
    /// not imports of it, and are left out (their count is in the result). Every other flow is kept as
    /// it is, members' exports to non-members included.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="group"/> is null.</exception>
    /// <exception cref="ArgumentException">The group has no members on the date, or the data already hold a flow into the group for a key the members' flows add up to; the message names it.</exception>
    public GroupAggregation AggregateImporters(CountryGroup group, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(group);
        var members = group.MembersOn(date);
        if (members.IsEmpty)
        {
            throw new ArgumentException($"{group} has no members on {LocalDatePattern.Iso.Format(date)}.", nameof(group));
        }

        var kept = new List<TradeFlow>(Flows.Length);
        var sums = new Dictionary<(Country Exporter, HsCode Hs, int Year), (decimal Value, decimal? Kg, bool AllKg, int Parts)>();
        var order = new List<(Country, HsCode, int)>();
        int memberFlows = 0, inside = 0;
        foreach (var f in Flows)
        {
            if (!members.Contains(f.Importer))
            {
                kept.Add(f);
                continue;
            }

            if (members.Contains(f.Exporter))
            {
                inside++;
                continue;
            }

            memberFlows++;
            var key = (f.Exporter, f.Hs, f.Year);
            if (sums.TryGetValue(key, out var s))
            {
                sums[key] = (s.Value + f.Value.Amount, s.AllKg && f.QuantityKg is { } q ? s.Kg + q : null, s.AllKg && f.QuantityKg is not null, s.Parts + 1);
            }
            else
            {
                sums[key] = (f.Value.Amount, f.QuantityKg, f.QuantityKg is not null, 1);
                order.Add(key);
            }
        }

        var existing = kept.Where(f => f.Importer.Equals(group.Economy)).Select(f => (f.Exporter, f.Hs, f.Year)).ToHashSet();
        foreach (var key in order)
        {
            if (existing.Contains(key))
            {
                throw new ArgumentException($"The data already hold a flow {key.Item1.Alpha3}→{group.Code} HS {key.Item2} {key.Item3}; folding the members' flows into it would count it twice.", nameof(group));
            }

            var (value, kg, allKg, parts) = sums[key];
            var source = parts == 1 ? $"1 member flow into {group.Code}" : $"sum of {parts} member flows into {group.Code}";
            kept.Add(new TradeFlow(key.Item1, group.Economy, key.Item2, key.Item3, new Money(value, Currency), allKg ? kg : null, source));
        }

        return new GroupAggregation(new TradeDataSet(kept, Currency, Revision), group, members, memberFlows, inside);
    }
}
