using System.Collections.Immutable;
using System.Globalization;

namespace TradeBalance;

/// <summary>
/// What a conversion between HS revisions did: for each converted code its counterparts, their weights and the
/// rule that gave them, notes on what was folded or kept, and the totals before and after.
/// </summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class HsConversionReport
{
    internal HsConversionReport(HsRevision from, HsRevision to, bool tariffs, IEnumerable<HsConversionEntry> entries, IEnumerable<string> notes, int countBefore, int countAfter, Money? valueBefore, Money? valueAfter)
    {
        From = from;
        To = to;
        IsTariffSchedule = tariffs;
        Entries = [.. entries.OrderBy(e => e.Code)];
        Notes = [.. notes];
        CountBefore = countBefore;
        CountAfter = countAfter;
        ValueBefore = valueBefore;
        ValueAfter = valueAfter;
    }

    /// <summary>Gets the revision converted from.</summary>
    public HsRevision From { get; }

    /// <summary>Gets the revision converted to.</summary>
    public HsRevision To { get; }

    /// <summary>Gets a value indicating whether a tariff schedule was converted (otherwise trade flows).</summary>
    public bool IsTariffSchedule { get; }

    /// <summary>Gets one entry per converted 6-digit code, in code order (see <see cref="HsConversionEntry"/> for which side it is on).</summary>
    public ImmutableArray<HsConversionEntry> Entries { get; }

    /// <summary>Gets notes on what was not a plain code-for-code conversion: national lines folded, headings kept, sources without a line.</summary>
    public ImmutableArray<string> Notes { get; }

    /// <summary>Gets the number of flows or tariff lines before.</summary>
    public int CountBefore { get; }

    /// <summary>Gets the number of flows or tariff lines after.</summary>
    public int CountAfter { get; }

    /// <summary>Gets the total value of the flows before; null for a tariff schedule.</summary>
    public Money? ValueBefore { get; }

    /// <summary>Gets the total value of the flows after (equal to <see cref="ValueBefore"/>); null for a tariff schedule.</summary>
    public Money? ValueAfter { get; }

    /// <summary>
    /// Returns one line for a terminal, for example
    /// <c>HS2017 → HS2022: 120 flows into 118; 2 codes split (1 by trade data, 1 in equal shares), 1 code merged; USD 1,000.00 before and after</c>,
    /// or for a schedule <c>HS2022 → HS2017: 40 tariff lines into 38; 2 codes take the mean of several sources' rates (2 by trade data)</c>.
    /// </summary>
    /// <returns>The summary.</returns>
    public string Summary()
    {
        var several = Entries.Where(e => e.Weights.Length > 1).ToList();
        var rules = string.Join(", ", several.GroupBy(e => e.Rule).OrderBy(g => g.Key).Select(g => $"{N(g.Count())} {RuleText(g.Key)}"));
        if (IsTariffSchedule)
        {
            return $"{From} → {To}: {Count(CountBefore, "tariff line")} into {N(CountAfter)}; {Count(several.Count, "code")} {(several.Count == 1 ? "takes" : "take")} the mean of several sources' rates{(several.Count == 0 ? string.Empty : $" ({rules})")}";
        }

        var merged = Entries.SelectMany(e => e.Weights).GroupBy(w => w.Code).Count(g => g.Count() > 1);
        var value = ValueBefore == ValueAfter ? $"{ValueBefore} before and after" : $"{ValueBefore} before, {ValueAfter} after";
        return $"{From} → {To}: {Count(CountBefore, "flow")} into {N(CountAfter)}; {Count(several.Count, "code")} split{(several.Count == 0 ? string.Empty : $" ({rules})")}, {Count(merged, "code")} merged; {value}";
    }

    /// <summary>Returns <see cref="Summary"/>.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() => Summary();

    internal static string RuleText(HsWeighting rule) => rule switch
    {
        HsWeighting.Whole => "whole",
        HsWeighting.TradeData => "by trade data",
        HsWeighting.User => "by user weights",
        _ => "in equal shares",
    };

    internal static string Percent(decimal share) => (share * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Count(int n, string noun) => $"{N(n)} {noun}{(n == 1 ? string.Empty : "s")}";
}
