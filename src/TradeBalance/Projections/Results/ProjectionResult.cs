using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using TradeBalance.Internal;

namespace TradeBalance.Projections;

/// <summary>
/// The outcome of projecting a <see cref="Projections.Scenario"/>: one row per market × supplier
/// (enumerable, so it reads like a table in a notebook), per-market totals, revenue and welfare,
/// and, on request, bilateral balances and destination shares before and after.
/// </summary>
/// <remarks>
/// <para>Money values are full-precision <see cref="Money"/> in the data set's currency (USD),
/// converted once from the numeric core's doubles; <see cref="ToString"/> rounds them for display.</para>
/// <para>Balances and destination shares start from the data set's own totals for the reference
/// year and add the projected change of every projected flow between the two countries.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "A result that enumerates its rows; 'ProjectionResult' is the domain name.")]
[TypeFormatterSource(typeof(NotebookFormatters), PreferredMimeTypes = new[] { NotebookFormatters.Html, NotebookFormatters.Plain })]
public sealed class ProjectionResult : IReadOnlyList<ProjectionRow>
{
    // Look-ups built on first use, so asking for every market or every supplier's destinations stays
    // linear in the result: markets by importer and code; each exporter's rows sorted by code.
    private readonly Lazy<Dictionary<(Country Importer, HsCode Hs), MarketProjection>> _marketsByCode;
    private readonly Lazy<Dictionary<HsCode, MarketProjection>> _firstMarketByCode;
    private readonly Lazy<ByCode<Country, ProjectionRow>> _rowsByExporter;

    internal ProjectionResult(Scenario scenario, ProjectionModel model, int year, TradeDataSet data, IEnumerable<MarketProjection> markets, IEnumerable<string> notes)
    {
        Scenario = scenario;
        Model = model;
        Year = year;
        Data = data;
        Markets = [.. markets];
        Rows = [.. Markets.SelectMany(m => m.Rows)];
        Notes = [.. notes];
        _marketsByCode = new(() => Markets.GroupBy(m => (m.Market.Importer, m.Market.Hs)).ToDictionary(g => g.Key, g => g.First()));
        _firstMarketByCode = new(() => Markets.GroupBy(m => m.Market.Hs).ToDictionary(g => g.Key, g => g.First()));
        _rowsByExporter = new(() => new(Rows, r => r.Exporter, r => r.Hs));
    }

    /// <summary>Gets the scenario projected.</summary>
    public Scenario Scenario { get; }

    /// <summary>Gets the model used.</summary>
    public ProjectionModel Model { get; }

    /// <summary>Gets the reference year of the baseline flows.</summary>
    public int Year { get; }

    /// <summary>Gets the baseline data.</summary>
    public TradeDataSet Data { get; }

    /// <summary>Gets the projected markets, in the data set's order.</summary>
    public ImmutableArray<MarketProjection> Markets { get; }

    /// <summary>Gets every market × supplier row.</summary>
    public ImmutableArray<ProjectionRow> Rows { get; }

    /// <summary>Gets remarks about the projection, for example a beneficiary with no baseline trade.</summary>
    public ImmutableArray<string> Notes { get; }

    /// <summary>Gets the number of rows.</summary>
    public int Count => Rows.Length;

    /// <summary>Gets a row by index.</summary>
    /// <param name="index">The index.</param>
    /// <returns>The row.</returns>
    public ProjectionRow this[int index] => Rows[index];

    /// <summary>Returns the market for an HS code.</summary>
    /// <param name="hs">The market's code.</param>
    /// <returns>The market.</returns>
    /// <exception cref="KeyNotFoundException">The projection has no market for that code.</exception>
    public MarketProjection Market(HsCode hs) =>
        (hs is not null && _firstMarketByCode.Value.TryGetValue(hs, out var market) ? market : null)
        ?? throw new KeyNotFoundException($"The projection has no market for HS {hs}; it has {string.Join(", ", Markets.Select(m => m.Market.Hs))}.");

    /// <summary>Returns the market of an importer and HS code (GSIM projects several importers per code).</summary>
    /// <param name="importer">The importer.</param>
    /// <param name="hs">The market's code.</param>
    /// <returns>The market.</returns>
    /// <exception cref="KeyNotFoundException">The projection has no such market.</exception>
    public MarketProjection Market(Country importer, HsCode hs) =>
        (importer is not null && hs is not null && _marketsByCode.Value.TryGetValue((importer, hs), out var market) ? market : null)
        ?? throw new KeyNotFoundException($"The projection has no market for {importer?.Alpha3} HS {hs}.");

    /// <summary>Returns a country's balance with a partner before and after, in the data set's currency.</summary>
    /// <param name="country">The country.</param>
    /// <param name="partner">The partner.</param>
    /// <returns>The balance before and after.</returns>
    public BalanceProjection Balance(Country country, Country partner)
    {
        var before = Data.BilateralBalance(country, partner, Year);
        var exportChange = Sum(RowsOf(country, HsCode.Total).ToArray().Where(r => r.Importer.Equals(partner)).Select(r => r.Change));
        var importChange = Sum(RowsOf(partner, HsCode.Total).ToArray().Where(r => r.Importer.Equals(country)).Select(r => r.Change));
        return new BalanceProjection(before, before with { Exports = before.Exports + exportChange, Imports = before.Imports + importChange });
    }

    /// <summary>Returns a country's balance with a partner before and after, converted at the annual-average rate of <see cref="Year"/>.</summary>
    /// <param name="country">The country.</param>
    /// <param name="partner">The partner.</param>
    /// <param name="rates">The rate table.</param>
    /// <param name="currency">The currency wanted, for example KES.</param>
    /// <returns>The converted balance before and after.</returns>
    /// <exception cref="KeyNotFoundException">The table has no annual average for that year.</exception>
    public BalanceProjection Balance(Country country, Country partner, ExchangeRateTable rates, Currency currency)
    {
        var b = Balance(country, partner);
        return new BalanceProjection(b.Before.ConvertTo(rates, currency), b.After.ConvertTo(rates, currency));
    }

    /// <summary>Returns an exporter's destination shares within an HS scope before and after, ordered by destination.</summary>
    /// <param name="exporter">The exporter.</param>
    /// <param name="scope">The HS scope; <see cref="HsCode.Total"/> for all goods.</param>
    /// <returns>One entry per destination in the data set; shares sum to 1 when exports are positive.</returns>
    public ImmutableArray<DestinationShareChange> DestinationShares(Country exporter, HsCode scope)
    {
        ArgumentNullException.ThrowIfNull(exporter);
        ArgumentNullException.ThrowIfNull(scope);
        // One pass over the exporter's flows and rows under the scope, grouped by destination.
        var changes = RowsOf(exporter, scope).ToArray().ToLookup(r => r.Importer);
        var parts = Data.ExportsUnder(exporter, scope, Year).ToArray()
            .GroupBy(f => f.Importer)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var before = new Money(TradeDataSet.TopLevelSum([.. g]), Data.Currency);
                var change = Sum(changes[g.Key].Select(r => r.Change));
                return (Destination: g.Key, Before: before, After: before + change);
            }).ToList();
        var totalBefore = parts.Sum(p => p.Before.Amount);
        var totalAfter = parts.Sum(p => p.After.Amount);
        return [.. parts.Select(p => new DestinationShareChange(
            p.Destination,
            p.Before,
            p.After,
            totalBefore == 0m ? 0d : (double)(p.Before.Amount / totalBefore),
            totalAfter == 0m ? 0d : (double)(p.After.Amount / totalAfter)))];
    }

    /// <summary>Returns an enumerator over the rows.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<ProjectionRow> GetEnumerator() => ((IEnumerable<ProjectionRow>)Rows).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Returns a plain-text table per market (USD rounded to whole dollars, shares in percent).</summary>
    /// <returns>The tables.</returns>
    public override string ToString()
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(ci, $"{Scenario.Name} — {Model.DisplayName} model, baseline {Year}").AppendLine();
        foreach (var m in Markets)
        {
            sb.AppendLine();
            sb.Append(ci, $"{m.Market.Importer.Alpha3} imports of HS {m.Market.Hs} ({m.Elasticities})").AppendLine();
            sb.Append(ci, $"{"supplier",-8} {"baseline",14} {"tariff",13} {"creation",12} {"diversion",12} {"projected",14} {"share",16} {"Δ pp",7}").AppendLine();
            foreach (var r in m.Rows)
            {
                sb.Append(ci, $"{r.Exporter.Alpha3,-8} {Usd(r.Baseline),14} {r.TariffBefore + " → " + r.TariffAfter,13} {Usd(r.TradeCreation),12} {Usd(r.TradeDiversion),12} {Usd(r.Projected),14} {Pct(r.BaselineShare) + " → " + Pct(r.ProjectedShare),16} {r.ShareChangePoints.ToString("+0.00;-0.00;0.00", ci),7}").AppendLine();
            }

            sb.Append(ci, $"{"total",-8} {Usd(m.BaselineTotal),14} {string.Empty,13} {string.Empty,12} {string.Empty,12} {Usd(m.ProjectedTotal),14}").AppendLine();
            sb.Append(ci, $"tariff revenue {Usd(m.RevenueBefore)} → {Usd(m.RevenueAfter)}; welfare {Usd(m.Welfare)}").AppendLine();
        }

        foreach (var n in Notes)
        {
            sb.AppendLine().Append("note: ").Append(n);
        }

        return sb.ToString();

        static string Usd(Money? m) => m is null ? "—" : m.Value.Amount.ToString("#,##0", CultureInfo.InvariantCulture);
        static string Pct(double s) => Internal.NumberText.Percent(s);
    }

    /// <summary>Returns the projection as HTML: a compact <c>&lt;table&gt;</c> per market (suppliers, tariffs, creation, diversion, projected values and shares, totals, tariff revenue and welfare) and the notes, culture-invariant, with every name and note HTML-escaped. A .NET Interactive notebook shows this when it displays the value.</summary>
    /// <returns>A well-formed XHTML fragment (one <c>&lt;div&gt;</c>).</returns>
    public string ToHtml() => ResultDocuments.Of(this).ToHtml();

    /// <summary>Returns the projection as Markdown: the same tables as <see cref="ToHtml"/>, with every name and note Markdown-escaped.</summary>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown() => ResultDocuments.Of(this).ToMarkdown();

    /// <summary>An exporter's rows under an HS scope, sorted by code.</summary>
    private ReadOnlySpan<ProjectionRow> RowsOf(Country exporter, HsCode scope) =>
        _rowsByExporter.Value.Under(exporter, scope);

    private Money Sum(IEnumerable<Money> amounts) => Money.Sum(amounts, Data.Currency);
}
