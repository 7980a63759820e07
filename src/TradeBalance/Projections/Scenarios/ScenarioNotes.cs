using System.Globalization;
using TradeBalance.Internal;

namespace TradeBalance.Projections;

/// <summary>
/// The one place a scenario is checked against the data it is projected on: everything the scenario
/// names that takes no part in the projection gets a note, so nothing it names drops out silently.
/// Every model (SMART, Armington, GSIM, staged paths, the Monte Carlo's point projection) builds its
/// notes here.
/// </summary>
/// <remarks>
/// Named but not taking part: an HS line with no imports of the scenario's importer in the reference
/// year (or in any year); a beneficiary with no baseline exports in a market; a beneficiary whose rate
/// the change leaves where it is (already at the target); an elasticity override that no market
/// resolves through. An override for a code the scenario does not concern at all is refused earlier,
/// by <see cref="Scenario.Elasticities"/>.
/// </remarks>
internal static class ScenarioNotes
{
    /// <summary>How many markets a grouped note lists before it says how many more.</summary>
    private const int Listed = 10;

    /// <summary>One market of the scenario's importer, its flows and each flow's rate before the change.</summary>
    /// <param name="Market">The market.</param>
    /// <param name="Flows">The flows into it.</param>
    /// <param name="RateBefore">The rate before of flow i.</param>
    internal readonly record struct OwnMarket(MarketKey Market, ReadOnlyMemory<TradeFlow> Flows, Func<int, TariffRate> RateBefore);

    /// <summary>Returns the notes, in a fixed order: lines, beneficiaries without trade, beneficiaries at the target, unused overrides, σ tables read across HS revisions.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="data">The data set.</param>
    /// <param name="year">The reference year used.</param>
    /// <param name="own">The scenario importer's markets in the year, in order.</param>
    /// <param name="resolved">Every market whose elasticities were resolved (GSIM: every importer's).</param>
    /// <param name="elasticities">The elasticities used.</param>
    public static List<string> For(Scenario scenario, TradeDataSet data, int year, IReadOnlyList<OwnMarket> own, IEnumerable<MarketKey> resolved, Elasticities elasticities)
    {
        var notes = new List<string>();
        Lines(scenario, data, year, own, notes);
        var atTarget = new SortedDictionary<Country, List<string>>();
        var beneficiaries = scenario.Beneficiaries.ToHashSet();
        foreach (var m in own)
        {
            var flows = m.Flows.Span;
            foreach (var b in scenario.Beneficiaries)
            {
                var trades = false;
                for (var i = 0; i < flows.Length; i++)
                {
                    if (flows[i].Exporter.Equals(b) && flows[i].Value.Amount > 0m)
                    {
                        trades = true;
                        break;
                    }
                }

                if (!trades)
                {
                    notes.Add($"{b.Alpha3} has no baseline exports in {m.Market}: the model only re-scales existing trade, so it projects none.");
                }
            }

            for (var i = 0; i < flows.Length; i++)
            {
                var f = flows[i];
                if (beneficiaries.Contains(f.Exporter) && scenario.Covers(f.Hs))
                {
                    var before = m.RateBefore(i);
                    if (scenario.Change.Apply(before) == before)
                    {
                        if (!atTarget.TryGetValue(f.Exporter, out var list))
                        {
                            atTarget[f.Exporter] = list = [];
                        }

                        list.Add($"HS {f.Hs} ({before})");
                    }
                }
            }
        }

        foreach (var (b, markets) in atTarget)
        {
            notes.Add($"{b.Alpha3}'s rate is already at the scenario's target on {List(markets)} in {scenario.Importer.Alpha3}'s imports ({scenario.Change} leaves it unchanged): the change does not apply to {b.Alpha3} there, so it is not a beneficiary in those markets; its share moves only with the other suppliers' changes.");
        }

        UnusedOverrides(resolved, elasticities, notes);
        var acrossRevisions = elasticities.ReadByDigits(data.Revision).Select(t => $"{t.Name} ({t.Revision})").ToList();
        if (acrossRevisions.Count > 0)
        {
            notes.Add($"σ tables of another HS revision than the products' ({data.Revision}) read by the same codes: {string.Join(", ", acrossRevisions)}; a code split, merged or renumbered since names another product there. --hs-tables DIR (HsCorrelationTable.Read) reads them through the UN's concordance.");
        }

        return notes;
    }

    /// <summary>A note for each scenario line no market of the importer falls under in the year, saying whether other years have some.</summary>
    private static void Lines(Scenario scenario, TradeDataSet data, int year, IReadOnlyList<OwnMarket> own, List<string> notes)
    {
        var used = new HashSet<HsCode>();
        foreach (var m in own)
        {
            foreach (var line in scenario.LinesOver(m.Market.Hs))
            {
                used.Add(line);
            }
        }

        if (used.Count == scenario.Lines.Length)
        {
            return;
        }

        var otherYears = new Dictionary<HsCode, SortedSet<int>>();
        foreach (var k in data.Markets)
        {
            if (k.Importer.Equals(scenario.Importer) && k.Year != year)
            {
                foreach (var line in scenario.LinesOver(k.Hs))
                {
                    if (!used.Contains(line))
                    {
                        if (!otherYears.TryGetValue(line, out var years))
                        {
                            otherYears[line] = years = [];
                        }

                        years.Add(k.Year);
                    }
                }
            }
        }

        var y = year.ToString(CultureInfo.InvariantCulture);
        foreach (var line in scenario.Lines)
        {
            if (used.Contains(line))
            {
                continue;
            }

            notes.Add(otherYears.TryGetValue(line, out var years)
                ? $"HS {line} is not projected: the data has no {scenario.Importer.Alpha3} imports under it in {y}, the reference year (it has some in {string.Join(", ", years.Select(v => v.ToString(CultureInfo.InvariantCulture)))})."
                : $"HS {line} is not projected: the data has no {scenario.Importer.Alpha3} imports under it in any year.");
        }
    }

    /// <summary>A note for each override that no resolved market is at or under.</summary>
    private static void UnusedOverrides(IEnumerable<MarketKey> resolved, Elasticities elasticities, List<string> notes)
    {
        if (elasticities.Overrides.IsEmpty)
        {
            return;
        }

        // Every market code and every code above it: an override reaches a market exactly when its code is one of these.
        var reached = new HashSet<long>();
        var codes = new SortedSet<HsCode>();
        foreach (var k in resolved)
        {
            codes.Add(k.Hs);
            var key = HsKey.Of(k.Hs);
            for (var length = 2; length <= k.Hs.Length; length += 2)
            {
                reached.Add(HsKey.Prefix(key, length));
            }
        }

        foreach (var hs in elasticities.Overrides.Keys)
        {
            if (!reached.Contains(HsKey.Of(hs)))
            {
                notes.Add($"The elasticity override for HS {hs} is not used: no market projected is at or under it (the markets are {List([.. codes.Select(c => c.ToString())])}).");
            }
        }
    }

    private static string List(List<string> items) =>
        items.Count <= Listed
            ? string.Join(", ", items)
            : string.Join(", ", items.Take(Listed)) + string.Create(CultureInfo.InvariantCulture, $" and {items.Count - Listed} more");
}
