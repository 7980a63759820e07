using System.Globalization;
using TradeBalance.Internal;

namespace TradeBalance.Projections;

/// <summary>
/// Lays out the results users display (<see cref="ProjectionResult"/>, <see cref="BalanceProjection"/>,
/// <see cref="MonteCarloResult"/>, <see cref="ProjectionPath"/>) as a <see cref="ResultDocument"/>:
/// the columns of the command line's tables, amounts in the data set's currency rounded to whole
/// units (balances to minor units), shares in percent, all culture-invariant.
/// </summary>
internal static class ResultDocuments
{
    /// <summary>How many markets a notebook shows of a projection before it shows the largest only: about a screenful of tables.</summary>
    public const int NotebookMarkets = 20;

    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    public static ResultDocument Of(ProjectionResult result, int? maxMarkets = null)
    {
        var currency = result.Data.Currency.Code;
        var doc = new ResultDocument(result.Scenario.Name, $"{result.Model.DisplayName} model · baseline {result.Year.ToString(Ci)} · {currency}");
        var markets = Largest(result.Markets, maxMarkets);
        foreach (var m in markets)
        {
            var table = new ResultTable(
                $"{CountryName(m.Market.Importer)}: imports of {ProductName(m.Market.Hs)}, {m.Market.Year.ToString(Ci)} — {m.Elasticities}",
                ("Supplier", false),
                ($"Baseline {currency}", true),
                ("Tariff before", true),
                ("Tariff after", true),
                ($"Creation {currency}", true),
                ($"Diversion {currency}", true),
                ($"Projected {currency}", true),
                ("Share before", true),
                ("Share after", true),
                ("Change pp", true));
            foreach (var r in m.Rows)
            {
                table.Add(
                    CountryName(r.Exporter),
                    Whole(r.Baseline),
                    r.TariffBefore.ToString(),
                    r.TariffAfter.ToString(),
                    r.TradeCreation is { } tc ? Whole(tc) : "—",
                    r.TradeDiversion is { } td ? Whole(td) : "—",
                    Whole(r.Projected),
                    Percent(r.BaselineShare),
                    Percent(r.ProjectedShare),
                    Points(r.ShareChangePoints));
            }

            table.Total = ["Total", Whole(m.BaselineTotal), string.Empty, string.Empty, string.Empty, string.Empty, Whole(m.ProjectedTotal), string.Empty, string.Empty, string.Empty];
            table.Footnote = $"Tariff revenue {currency} {Whole(m.RevenueBefore)} → {Whole(m.RevenueAfter)} · welfare {currency} {Whole(m.Welfare)}";
            doc.Tables.Add(table);
        }

        if (markets.Count < result.Markets.Length)
        {
            doc.Lines.Add($"Showing the {markets.Count.ToString(Ci)} largest of {result.Markets.Length.ToString("N0", Ci)} markets by baseline imports; ToHtml() and ToMarkdown() show every one.");
        }

        AddSummary(doc, ProjectionSummary.Of(result));
        doc.Lines.AddRange(result.Notes.Select(n => "note: " + n));
        return doc;
    }

    public static ResultDocument Of(BalanceProjection balance)
    {
        var (before, after) = (balance.Before, balance.After);
        var currency = before.Balance.Currency.Code;
        var doc = new ResultDocument(
            $"{before.Country.Name}–{before.Partner.Name} trade balance, {before.Year.ToString(Ci)}",
            $"{before.Country.Name}'s exports to and imports from {before.Partner.Name}, before and after; {currency}");
        var table = new ResultTable(
            $"{before.Country.Alpha3}–{before.Partner.Alpha3} {before.Year.ToString(Ci)}, {currency}",
            (string.Empty, false),
            ("Before", true),
            ("After", true),
            ("Change", true));
        table.Add("Exports", Minor(before.Exports), Minor(after.Exports), Minor(after.Exports - before.Exports));
        table.Add("Imports", Minor(before.Imports), Minor(after.Imports), Minor(after.Imports - before.Imports));
        table.Add("Balance", Minor(before.Balance), Minor(after.Balance), Minor(balance.Change));
        table.Add("Exports / imports", Ratio(before), Ratio(after), string.Empty);
        doc.Tables.Add(table);
        return doc;

        static string Ratio(BilateralBalance b) => b.ExportImportRatio is { } r ? r.ToString("0.0000", Ci) : "—";
    }

    public static ResultDocument Of(MonteCarloResult bands, int? maxMarkets = null)
    {
        var settings = bands.Settings;
        var currency = bands.Point.Data.Currency.Code;
        var doc = new ResultDocument(
            bands.Scenario.Name,
            $"{bands.Model.DisplayName} model · Monte Carlo, {settings.Draws.ToString("N0", Ci)} draws, seed {settings.Seed.ToString(Ci)}, elasticities within ±{(settings.Spread * 100d).ToString("0.##", Ci)}% · P5, P50, P95 · {currency}");

        var exports = new ResultTable(
            $"Exports to {CountryName(bands.Scenario.Importer)} over the scenario's markets, {currency}",
            ("Exporter", false), ("Baseline", true), ("P5", true), ("P50", true), ("P95", true));
        foreach (var e in bands.Exports)
        {
            exports.Add(CountryName(e.Exporter), Whole(e.Baseline), Whole(e.Projected.P5), Whole(e.Projected.P50), Whole(e.Projected.P95));
        }

        doc.Tables.Add(exports);

        var shown = Largest(bands.Point.Markets, maxMarkets).Select(m => (m.Market.Importer, m.Market.Hs)).ToHashSet();
        var markets = new ResultTable(
            $"Markets, {currency}",
            ("Market", false),
            ("Baseline total", true),
            ("Projected total P5", true), ("P50", true), ("P95", true),
            ("Revenue after P5", true), ("P50", true), ("P95", true),
            ("Welfare P5", true), ("P50", true), ("P95", true));
        foreach (var m in bands.Markets.Where(m => shown.Contains((m.Market.Importer, m.Market.Hs))))
        {
            markets.Add(
                $"{m.Market.Importer.Alpha3} {ProductName(m.Market.Hs)} {m.Market.Year.ToString(Ci)}",
                Whole(m.BaselineTotal),
                Whole(m.ProjectedTotal.P5), Whole(m.ProjectedTotal.P50), Whole(m.ProjectedTotal.P95),
                Whole(m.RevenueAfter.P5), Whole(m.RevenueAfter.P50), Whole(m.RevenueAfter.P95),
                Whole(m.Welfare.P5), Whole(m.Welfare.P50), Whole(m.Welfare.P95));
        }

        doc.Tables.Add(markets);

        var rows = new ResultTable(
            $"Suppliers, {currency}",
            ("Market", false), ("Supplier", false), ("Baseline", true),
            ("Projected P5", true), ("P50", true), ("P95", true),
            ("Share P5", true), ("P50", true), ("P95", true));
        foreach (var r in bands.Rows.Where(r => shown.Contains((r.Importer, r.Hs))))
        {
            rows.Add(
                $"{r.Importer.Alpha3} {ProductName(r.Hs)}",
                CountryName(r.Exporter),
                Whole(r.Baseline),
                Whole(r.Projected.P5), Whole(r.Projected.P50), Whole(r.Projected.P95),
                Percent(r.ProjectedShare.P5), Percent(r.ProjectedShare.P50), Percent(r.ProjectedShare.P95));
        }

        doc.Tables.Add(rows);
        if (shown.Count < bands.Markets.Length)
        {
            doc.Lines.Add($"Showing the {shown.Count.ToString(Ci)} largest of {bands.Markets.Length.ToString("N0", Ci)} markets by baseline imports; ToHtml() and ToMarkdown() show every one.");
        }

        AddSummary(doc, ProjectionSummary.Of(bands.Point, bands));
        doc.Lines.AddRange(bands.Point.Notes.Select(n => "note: " + n));
        return doc;
    }

    public static ResultDocument Of(ProjectionSummary summary)
    {
        var result = summary.Result;
        var doc = new ResultDocument(result.Scenario.Name, $"{result.Model.DisplayName} model · baseline {result.Year.ToString(Ci)} · {result.Data.Currency.Code}");
        AddSummary(doc, summary);
        return doc;
    }

    /// <summary>
    /// The summary as the command line words it, one table per beneficiary (its products, with the P5–P95 band where
    /// drawn), its balance under the table, then who loses share and each importer's revenue and welfare.
    /// </summary>
    private static void AddSummary(ResultDocument doc, ProjectionSummary summary)
    {
        var result = summary.Result;
        var currency = result.Data.Currency.Code;
        var banded = summary.Bands is not null;
        foreach (var b in summary.Beneficiaries)
        {
            List<(string, bool)> columns = [("Product", false), ($"Baseline {currency}", true), ($"Projected {currency}", true)];
            if (banded)
            {
                columns.AddRange([("P5", true), ("P95", true)]);
            }

            columns.AddRange([($"Share of {b.Importer.Name}'s imports before", true), ("after", true)]);
            var table = new ResultTable($"Summary: {b.Exporter.Name} → {b.Importer.Name}", [.. columns]);
            foreach (var p in b.Products)
            {
                List<string> cells = [ProductName(p.Hs), Whole(p.Baseline), Whole(p.Projected)];
                if (banded)
                {
                    cells.AddRange([p.Band is { } band ? Whole(band.P5) : "—", p.Band is { } b95 ? Whole(b95.P95) : "—"]);
                }

                cells.AddRange([Percent(p.ShareBefore), Percent(p.ShareAfter)]);
                table.Add([.. cells]);
            }

            List<string> total = ["Total", Whole(b.Baseline), Whole(b.Projected)];
            if (banded)
            {
                total.AddRange([b.Band is { } band ? Whole(band.P5) : "—", b.Band is { } b95 ? Whole(b95.P95) : "—"]);
            }

            total.AddRange([string.Empty, string.Empty]);
            table.Total = [.. total];
            var (before, after) = (b.Balance.Before, b.Balance.After);
            var scope = b.BalanceCoversAllGoods ? "all goods" : "only the products in the data";
            var members = b.IsGroup
                ? $"Members that trade: {string.Join(", ", b.Members.Select(m => m.Alpha3))}{(b.MembersWithoutTrade == 0 ? string.Empty : $"; {b.MembersWithoutTrade.ToString(Ci)} other(s) without trade in these markets")}; the balance is theirs added. "
                : string.Empty;
            table.Footnote = $"{members}Bilateral balance {result.Year.ToString(Ci)} ({scope}): {currency} {Minor(before.Balance)} → {Minor(after.Balance)}; exports {Minor(before.Exports)} → {Minor(after.Exports)}, imports {Minor(before.Imports)} → {Minor(after.Imports)}";
            doc.Tables.Add(table);
        }

        foreach (var market in summary.Losers.Where(l => l.Losses.Length > 0))
        {
            doc.Lines.Add($"Losing share in {ProductName(market.Market.Hs)}, {market.Market.Importer.Alpha3}: {string.Join(", ", market.Losses.Take(3).Select(l => $"{CountryName(l.Exporter)} {Points(l.Points)} pts"))}");
        }

        foreach (var i in summary.Importers)
        {
            doc.Lines.Add($"{i.Importer.Name}: tariff revenue {currency} {Whole(i.RevenueBefore)} → {Whole(i.RevenueAfter)} · welfare {currency} {Whole(i.Welfare)} ({result.Model.WelfareMeasure})");
        }
    }

    public static ResultDocument Of(ProjectionPath path)
    {
        var scenario = path.Scenario;
        var importer = scenario.Importer;
        var first = path.Points[0].Result;
        var currency = first.Data.Currency.Code;
        var doc = new ResultDocument(
            scenario.Name,
            $"{path.Model.DisplayName} model · {scenario.Stages.ToString(Ci)} stage(s) from {scenario.Effective.ToString("uuuu-MM-dd", Ci)} · rates in force on {path.On.ToString("MM-dd", Ci)} of each year · {currency}");
        var codes = first.Markets.Where(m => m.Market.Importer.Equals(importer)).Select(m => m.Market.Hs).ToList();
        foreach (var beneficiary in scenario.Beneficiaries)
        {
            var columns = new List<(string, bool)> { ("Year", false), ("Stage", true) };
            columns.AddRange(codes.Select(hs => ($"{ProductName(hs)} {currency} (rate)", true)));
            columns.Add(($"Total {currency}", true));
            columns.Add(($"Balance {currency}", true));
            var table = new ResultTable($"{beneficiary.Name}'s exports to {importer.Name} by year", [.. columns]);
            foreach (var point in path.Points)
            {
                var cells = new List<string> { point.Year.ToString(Ci), point.Stage.ToString(Ci) };
                var total = Money.Zero(point.Result.Data.Currency);
                foreach (var hs in codes)
                {
                    var row = point.Result.Rows.FirstOrDefault(r => r.Exporter.Equals(beneficiary) && r.Importer.Equals(importer) && r.Hs.Equals(hs));
                    if (row is null)
                    {
                        cells.Add("—");
                        continue;
                    }

                    total += row.Projected;
                    cells.Add($"{Whole(row.Projected)} ({row.TariffAfter})");
                }

                cells.Add(Whole(total));
                cells.Add(Whole(point.Result.Balance(beneficiary, importer).After.Balance));
                table.Add([.. cells]);
            }

            doc.Tables.Add(table);
        }

        doc.Lines.AddRange(path.Points.SelectMany(p => p.Result.Notes).Distinct().Select(n => "note: " + n));
        return doc;
    }

    /// <summary>The markets in their order, or, past <paramref name="max"/>, the largest by baseline imports in their order.</summary>
    private static List<MarketProjection> Largest(IReadOnlyCollection<MarketProjection> markets, int? max)
    {
        if (max is not { } limit || markets.Count <= limit)
        {
            return [.. markets];
        }

        var keep = markets.OrderByDescending(m => m.BaselineTotal.Amount).ThenBy(m => m.Market.Hs).Take(limit).ToHashSet();
        return [.. markets.Where(keep.Contains)];
    }

    private static string CountryName(Country c) => $"{c.Alpha3} {c.Name}";

    private static string ProductName(HsCode hs) =>
        Commodities.TryFind(hs, out var named) ? $"{named.Name} (HS {hs})" : $"HS {hs}";

    /// <summary>An amount rounded to whole units, with thousands separators.</summary>
    internal static string Whole(Money m) => m.Amount.ToString("#,##0", Ci);

    /// <summary>An amount rounded to the currency's minor units, with thousands separators.</summary>
    internal static string Minor(Money m)
    {
        var minor = m.Currency.MinorUnits;
        return m.Round().Amount.ToString(minor > 0 ? "#,##0." + new string('0', minor) : "#,##0", Ci);
    }

    internal static string Percent(double share) => NumberText.Percent(share);

    internal static string Points(double points) => points.ToString("+0.00;-0.00;0.00", Ci);
}
