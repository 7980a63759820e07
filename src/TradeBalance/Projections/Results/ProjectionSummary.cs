using System.Collections.Immutable;
using TradeBalance.Internal;

namespace TradeBalance.Projections;

/// <summary>
/// The answer of a projection in figures, computed once for every way it is shown (the command line's summary, its
/// JSON, a notebook's HTML and Markdown): for each beneficiary its exports to the importer before and after, with
/// their P5–P95 band where bands were drawn, per product; who loses share in each market; each importer's tariff
/// revenue and welfare; and the beneficiary's bilateral balance with the importer.
/// </summary>
/// <remarks>
/// <para>A beneficiary given as a group (<c>AUN</c>, <c>LDC</c>) is summarised as one total over its members, with the
/// members that trade listed and the others counted, not one summary per member. A group's total has no band: the
/// draws give each exporter's band, and a band of a sum is not the sum of the bands.</para>
/// <para>The central estimate is the projection (at the middle of each elasticity's range), and its band comes
/// from the draws of the same distribution, so the estimate lies inside it (docs/models.md, "Monte Carlo").</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
[TypeFormatterSource(typeof(NotebookFormatters), PreferredMimeTypes = new[] { NotebookFormatters.Html, NotebookFormatters.Plain })]
public sealed class ProjectionSummary
{
    private ProjectionSummary(ProjectionResult result, MonteCarloResult? bands, ImmutableArray<BeneficiarySummary> beneficiaries, ImmutableArray<MarketLosers> losers, ImmutableArray<ImporterTotals> importers)
    {
        Result = result;
        Bands = bands;
        Beneficiaries = beneficiaries;
        Losers = losers;
        Importers = importers;
    }

    /// <summary>Gets the projection summarised.</summary>
    public ProjectionResult Result { get; }

    /// <summary>Gets the Monte Carlo run the bands come from, or null when none was drawn.</summary>
    public MonteCarloResult? Bands { get; }

    /// <summary>Gets one summary per beneficiary as the scenario gives them (a group as one), in the scenario's order.</summary>
    public ImmutableArray<BeneficiarySummary> Beneficiaries { get; }

    /// <summary>Gets, per market of the scenario's importer, the suppliers that lose share, largest loss first.</summary>
    public ImmutableArray<MarketLosers> Losers { get; }

    /// <summary>Gets each importer's tariff revenue before and after and its welfare change over the projection's markets.</summary>
    public ImmutableArray<ImporterTotals> Importers { get; }

    /// <summary>Summarises a projection, with the bands of a Monte Carlo run of it where given.</summary>
    /// <param name="result">The projection (a Monte Carlo run's <see cref="MonteCarloResult.Point"/> when bands are given).</param>
    /// <param name="bands">The Monte Carlo run, or null for no bands.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    /// <exception cref="ArgumentException">The bands are of another projection.</exception>
    public static ProjectionSummary Of(ProjectionResult result, MonteCarloResult? bands = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (bands is not null && !ReferenceEquals(bands.Point, result))
        {
            throw new ArgumentException("The bands are of another projection: give the Monte Carlo run's Point as the result.", nameof(bands));
        }

        var scenario = result.Scenario;
        var importer = scenario.Importer;
        var beneficiaries = scenario.BeneficiariesAsGiven
            .Select(given => Beneficiary(result, bands, given, CountryGroups.TryGet(given, out var g) && g.Kind != CountryGroupKind.Economy
                ? [.. scenario.Beneficiaries.Where(b => g.MembersOn(scenario.Effective).Contains(b))]
                : [given]))
            .ToImmutableArray();
        var losers = result.Markets
            .Where(m => m.Market.Importer.Equals(importer))
            .Select(m => new MarketLosers(m.Market, [.. m.Rows.Where(r => r.ShareChangePoints < 0).OrderBy(r => r.ShareChangePoints).ThenBy(r => r.Exporter).Select(r => new ShareLoss(r.Exporter, r.ShareChangePoints))]))
            .ToImmutableArray();
        var currency = result.Data.Currency;
        var importers = result.Markets
            .GroupBy(m => m.Market.Importer)
            .OrderBy(g => g.Key)
            .Select(g => new ImporterTotals(
                g.Key,
                new Money(g.Sum(m => m.RevenueBefore.Amount), currency),
                new Money(g.Sum(m => m.RevenueAfter.Amount), currency),
                new Money(g.Sum(m => m.Welfare.Amount), currency)))
            .ToImmutableArray();
        return new ProjectionSummary(result, bands, beneficiaries, losers, importers);
    }

    /// <summary>
    /// Returns the summary as an HTML fragment: a table per beneficiary (its products, the P5–P95 band where drawn),
    /// its balance under it, then who loses share and each importer's tariff revenue and welfare. Amounts are in
    /// whole units of the data's currency, balances in minor units; every name is HTML-encoded.
    /// </summary>
    /// <returns>The HTML.</returns>
    public string ToHtml() => ResultDocuments.Of(this).ToHtml();

    /// <summary>Returns the summary as Markdown: the same tables as <see cref="ToHtml"/>, with every name Markdown-escaped.</summary>
    /// <returns>The Markdown.</returns>
    public string ToMarkdown() => ResultDocuments.Of(this).ToMarkdown();

    private static BeneficiarySummary Beneficiary(ProjectionResult result, MonteCarloResult? bands, Country given, IReadOnlyList<Country> members)
    {
        var importer = result.Scenario.Importer;
        var currency = result.Data.Currency;
        var rows = result.Rows.Where(r => r.Importer.Equals(importer) && members.Contains(r.Exporter)).ToList();
        var trading = rows.Select(r => r.Exporter).Distinct().Order().ToImmutableArray();
        var single = members.Count == 1 && members[0].Equals(given);
        // The beneficiary's bands by product, in one pass: a search per product is quadratic on a BACI year.
        var bandsByHs = single && bands is not null
            ? bands.Rows.Where(b => b.Importer.Equals(importer) && b.Exporter.Equals(given)).GroupBy(b => b.Hs).ToDictionary(g => g.Key, g => g.First().Projected)
            : null;
        var products = rows
            .GroupBy(r => r.Hs)
            .OrderByDescending(g => g.Sum(r => r.Baseline.Amount))
            .ThenBy(g => g.Key)
            .Select(g =>
            {
                var baseline = new Money(g.Sum(r => r.Baseline.Amount), currency);
                var projected = new Money(g.Sum(r => r.Projected.Amount), currency);
                var band = bandsByHs is not null && bandsByHs.TryGetValue(g.Key, out var found) ? found : (PercentileBand<Money>?)null;
                var destinations = single ? result.DestinationShares(given, g.Key) : [];
                var toImporter = destinations.Length >= 2 ? destinations.FirstOrDefault(d => d.Destination.Equals(importer)) : null;
                return new ProductSummary(g.Key, baseline, projected, band, g.Sum(r => r.BaselineShare), g.Sum(r => r.ProjectedShare), toImporter?.ShareBefore, toImporter?.ShareAfter);
            })
            .ToImmutableArray();
        var before = new Money(rows.Sum(r => r.Baseline.Amount), currency);
        var after = new Money(rows.Sum(r => r.Projected.Amount), currency);
        // A group's total has a band when the draws summed its members' exports (bands drawn for the group).
        var total = bands?.Exports.FirstOrDefault(e => e.Exporter.Equals(given) && e.Importer.Equals(importer))?.Projected;
        var balance = single ? result.Balance(given, importer) : GroupBalance(result, given, trading, importer);
        var allGoods = members.Any(m => result.Data.HasTotals(m, result.Year));
        return new BeneficiarySummary(given, importer, trading, members.Count - trading.Length, before, after, total, products, balance, allGoods);
    }

    /// <summary>A group's balance with the importer: its trading members' balances added.</summary>
    private static BalanceProjection GroupBalance(ProjectionResult result, Country group, IReadOnlyList<Country> members, Country importer)
    {
        var currency = result.Data.Currency;
        var zero = new BilateralBalance(group, importer, result.Year, new Money(0m, currency), new Money(0m, currency));
        var (before, after) = (zero, zero);
        foreach (var m in members)
        {
            var b = result.Balance(m, importer);
            before = before with { Exports = before.Exports + b.Before.Exports, Imports = before.Imports + b.Before.Imports };
            after = after with { Exports = after.Exports + b.After.Exports, Imports = after.Imports + b.After.Imports };
        }

        return new BalanceProjection(before, after);
    }
}
