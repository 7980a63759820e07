using System.Globalization;
using Spectre.Console;
using TradeBalance.Internal;
using TradeBalance.Projections;

namespace TradeBalance.Cli;

/// <summary>Renders a projection as tables and a plain-language summary: the answer to "what happens to Kenya's trade with China".</summary>
internal static class ProjectionReport
{
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    /// <summary>How many market tables, and summary lines per beneficiary, a run shows without <c>--all</c>: about a screenful.</summary>
    public const int Largest = 10;

    public static void Render(IAnsiConsole console, ProjectionResult result, Inputs inputs, MonteCarloBands? bands, bool all = false, bool origins = true)
    {
        console.MarkupLine($"[bold]{Esc(result.Scenario.Name)}[/]");
        // A beneficiary already at the target takes no part in the change: not named here (a note says why).
        var changed = result.Scenario.Beneficiaries.Where(b => result.Rows.Any(r => r.Exporter.Equals(b) && Changes(result.Scenario, r))).ToList();
        var whom = changed.Count > 0 ? string.Join(", ", changed.Select(b => b.Name)) : "no supplier in the data (see the notes)";
        console.MarkupLine($"{result.Model.DisplayName} model · baseline {result.Year} · tariffs change on {result.Scenario.Effective.ToString("uuuu-MM-dd", Ci)} for {Esc(whom)}");
        console.WriteLine();

        // A table per market is for people: past a screenful, show the largest markets and say so.
        List<MarketProjection> markets = all || result.Markets.Length <= Largest
            ? [.. result.Markets]
            : result.Markets.OrderByDescending(m => m.BaselineTotal.Amount).ThenBy(m => m.Market.Hs).Take(Largest).ToList();
        foreach (var market in markets)
        {
            RenderMarket(console, market, result.Scenario);
        }

        if (markets.Count < result.Markets.Length)
        {
            console.MarkupLine(Cut($"Showing the {markets.Count} largest of {result.Markets.Length.ToString("N0", Ci)} markets by baseline imports"));
            console.WriteLine();
        }

        var summary = ProjectionSummary.Of(result, bands?.Result);
        var shown = markets.Select(m => m.Market).ToHashSet();
        var losers = summary.Losers.Where(l => shown.Contains(l.Market)).ToList();
        foreach (var beneficiary in summary.Beneficiaries)
        {
            RenderSummary(console, result, inputs, beneficiary, losers, all);
        }

        if (bands is not null)
        {
            console.MarkupLine($"[grey]Central estimate: the projection at the middle of each elasticity's range, the median of its draws. P5–P95: {bands.Draws} Monte Carlo draws (seed {bands.Seed}) of {Esc(DrawRule(bands.Result.Settings, bands.Result.Scenario.Elasticities))}; the band covers elasticity uncertainty only, not the data's. 'tradebalance sensitivity' shows every figure.[/]");
        }

        RenderNotes(console, result.Notes);
        if (origins)
        {
            RenderOrigins(console, inputs);
        }
    }

    /// <summary>Where each input came from, one grey block each, last.</summary>
    public static void RenderOrigins(IAnsiConsole console, Inputs inputs)
    {
        foreach (var origin in inputs.Origins)
        {
            // A read report runs over several lines (skip rules, units): keep its line breaks.
            console.MarkupLine($"[grey]{Terminal.MarkupLines(origin)}[/]");
        }
    }

    private static void RenderMarket(IAnsiConsole console, MarketProjection market, Scenario scenario)
    {
        var table = new Table { Border = TableBorder.Rounded };
        table.Title = new TableTitle($"{Esc(market.Market.Importer.Name)}: imports of {Esc(ProductLabel(market.Market.Hs))}, {market.Market.Year} — {Esc(market.Elasticities.ToString())}");
        table.AddColumn("Supplier");
        table.AddColumn(new TableColumn("Baseline\nUSD m").RightAligned());
        table.AddColumn(new TableColumn("Tariff").Centered());
        table.AddColumn(new TableColumn("Creation\nUSD m").RightAligned());
        table.AddColumn(new TableColumn("Diversion\nUSD m").RightAligned());
        table.AddColumn(new TableColumn("Projected\nUSD m").RightAligned());
        table.AddColumn(new TableColumn("Share\nbefore → after").RightAligned());
        table.AddColumn(new TableColumn("Change\npoints").RightAligned());
        foreach (var r in market.Rows.OrderByDescending(r => r.Baseline.Amount))
        {
            var star = Changes(scenario, r);
            string Cell(string s) => star ? $"[bold]{s}[/]" : s;
            table.AddRow(
                Cell(Esc($"{r.Exporter.Alpha3} {Short(r.Exporter)}")),
                Cell(Millions(r.Baseline)),
                Cell($"{r.TariffBefore} → {r.TariffAfter}"),
                Cell(r.TradeCreation is { } tc ? Millions(tc) : "—"),
                Cell(r.TradeDiversion is { } td ? Millions(td) : "—"),
                Cell(Millions(r.Projected)),
                Cell($"{Percent(r.BaselineShare)} → {Percent(r.ProjectedShare)}"),
                Cell(r.ShareChangePoints.ToString("+0.00;-0.00;0.00", Ci)));
        }

        table.AddEmptyRow();
        table.AddRow("Total", Millions(market.BaselineTotal), string.Empty, string.Empty, string.Empty, Millions(market.ProjectedTotal), string.Empty, string.Empty);
        // Where each elasticity came from, under the figures: the default, an override with its source, or a table entry.
        var sources = scenario.Elasticities.Explain(market.Market.Importer, market.Market.Hs);
        table.Caption = new TableTitle($"Tariff revenue USD {Millions(market.RevenueBefore)}m → {Millions(market.RevenueAfter)}m · welfare gain USD {Millions(market.Welfare)}m\n{Esc(sources.ToString())}");
        console.Write(table);
        console.WriteLine();
    }

    /// <summary>The notes of a projection, one grey line each: every model and command shows them the same way.</summary>
    public static void RenderNotes(IAnsiConsole console, IEnumerable<string> notes)
    {
        foreach (var note in notes)
        {
            console.MarkupLine($"[grey]note: {Esc(note)}[/]");
        }
    }

    /// <summary>True when the row is a beneficiary's in the scenario's market and the change moves its rate.</summary>
    private static bool Changes(Scenario scenario, ProjectionRow r) =>
        r.Importer.Equals(scenario.Importer) && scenario.Changes(r.Exporter, r.Hs) && r.TariffBefore != r.TariffAfter;

    private static string Cut(string what) =>
        $"[grey]{Esc(what)}; --all shows every one, and --format csv or --output FILE.csv writes every flow.[/]";

    private static void RenderSummary(IAnsiConsole console, ProjectionResult result, Inputs inputs, BeneficiarySummary summary, IReadOnlyList<MarketLosers> losers, bool all)
    {
        var (exporter, importer) = (summary.Exporter, summary.Importer);
        console.MarkupLine($"[bold underline]Summary: {Esc(exporter.Name)} → {Esc(importer.Name)}[/]");
        // A group's figures are its members' added: in its own currency (the EU's EUR) or --currency's, else none, and no note about it.
        var local = summary.IsGroup && LocalCurrency.Resolve(inputs.Currency, exporter, result.Year) is null ? new LocalRate(null, null, null, null) : inputs.Local(result, exporter);
        var (before, after) = (summary.Baseline, summary.Projected);
        var growth = summary.Change is { } change ? change.ToString("+0.0%;-0.0%", Ci) : "n/a";
        console.MarkupLine($"• {Esc(exporter.Name)}'s exports of these products to {Esc(importer.Name)}: USD {Millions(before)}m → {Millions(after)}m{BandText(summary.Band)} ({growth}){LocalText(local, before, after)}");
        if (summary.IsGroup)
        {
            var without = summary.MembersWithoutTrade == 0 ? string.Empty : $"; {summary.MembersWithoutTrade.ToString(Ci)} other member{(summary.MembersWithoutTrade == 1 ? " has" : "s have")} no trade in these markets";
            console.MarkupLine($"  Members that trade: {Esc(string.Join(", ", summary.Members.Select(m => m.Alpha3)))}{without}");
        }

        var products = summary.Products;
        List<ProductSummary> lines = all || products.Length <= Largest ? [.. products] : [.. products.Take(Largest)];
        var noOtherDestinations = false;
        foreach (var p in lines)
        {
            var destinations = p.DestinationShareBefore is { } sb && p.DestinationShareAfter is { } sa
                ? $"; {Esc(importer.Name)}'s share of {Esc(exporter.Name)}'s exports {Percent(sb)} → {Percent(sa)}"
                : null;
            noOtherDestinations |= destinations is null && !summary.IsGroup;
            console.MarkupLine($"  – {Esc(CommodityName(p.Hs))}: USD {Millions(p.Baseline)}m → {Millions(p.Projected)}m{BandText(p.Band)}; share of {Esc(importer.Name)}'s imports {Percent(p.ShareBefore)} → {Percent(p.ShareAfter)}{destinations}");
        }

        if (noOtherDestinations)
        {
            // Said once, not on every product: the data hold no other market for the exporter's goods.
            console.MarkupLine($"  {Esc(importer.Name)}'s share of {Esc(exporter.Name)}'s exports: n/a where no other destination is in the data");
        }

        if (lines.Count < products.Length)
        {
            console.MarkupLine(Cut($"  Showing {exporter.Name}'s {lines.Count} largest of {products.Length.ToString("N0", Ci)} products"));
        }

        foreach (var market in losers)
        {
            if (market.Losses.Length > 0)
            {
                console.MarkupLine($"• Losing share in {Esc(CommodityName(market.Market.Hs))}: {Esc(string.Join(", ", market.Losses.Take(3).Select(l => $"{Short(l.Exporter)} {l.Points.ToString("0.00", Ci)} pts")))}");
            }
        }

        var balance = summary.Balance;
        var scope = summary.BalanceCoversAllGoods ? "all goods" : "only the products in the data";
        var whose = summary.IsGroup ? "; the members' added" : string.Empty;
        console.MarkupLine($"• Bilateral balance {result.Year} ({scope}{whose}): balance USD {Millions(balance.Before.Balance)}m → {Millions(balance.After.Balance)}m");
        console.MarkupLine($"  exports USD {Millions(balance.Before.Exports)}m → {Millions(balance.After.Exports)}m, imports USD {Millions(balance.Before.Imports)}m → {Millions(balance.After.Imports)}m; exports cover {Cover(balance.Before)} → {Cover(balance.After)} of imports");
        RenderLocalBalance(console, local, balance, inputs.Rates, result.Year, withImports: false);
        console.WriteLine();
    }

    /// <summary>
    /// "• In KES at 134.82 per USD (2024 annual average): balance … exports …" (and imports, for a package), or the
    /// grey line that says which rate is missing and how to add it.
    /// </summary>
    public static void RenderLocalBalance(IAnsiConsole console, LocalRate local, BalanceProjection balance, ExchangeRateTable? rates, int year, bool withImports)
    {
        if (local is { Shown: true, Currency: { } code, Rate: { } rate })
        {
            var converted = new BalanceProjection(balance.Before.ConvertTo(rates!, code), balance.After.ConvertTo(rates!, code));
            var imports = withImports ? $"; imports {code} {Billions(converted.Before.Imports)}bn → {Billions(converted.After.Imports)}bn" : string.Empty;
            console.MarkupLine($"• In {code} at {rate.Rate.ToString(Ci)} per {rate.Base} ({year} annual average): balance {code} {Billions(converted.Before.Balance)}bn → {Billions(converted.After.Balance)}bn; exports {code} {Billions(converted.Before.Exports)}bn → {Billions(converted.After.Exports)}bn{imports}");
        }
        else if (local.Missing is { } missing)
        {
            console.MarkupLine($"[grey]• {Esc(missing)}[/]");
        }
    }

    /// <summary>" (P5–P95 13.23–16.18)" after a central estimate in USD millions, or nothing without bands.</summary>
    public static string BandText(PercentileBand<Money>? band) =>
        band is { } b ? $" (P5–P95 {Millions(b.P5)}–{Millions(b.P95)})" : string.Empty;

    /// <summary>"; KES 3.98bn → 5.36bn" after the USD figures, or nothing without a rate to another currency.</summary>
    private static string LocalText(LocalRate local, Money before, Money after) =>
        local is { Shown: true, Currency: { } code, Rate: { } rate }
            ? $"; {code} {Billions(rate.Convert(before))}bn → {Billions(rate.Convert(after))}bn"
            : string.Empty;

    /// <summary>"Tea (HS 0902)" for a named product, "HS 010010" for any other (not "HS 010010 (HS 010010)").</summary>
    public static string ProductLabel(HsCode hs) =>
        Commodities.TryFind(hs, out var named) ? $"{named.Name} (HS {hs})" : $"HS {hs}";

    public static string CommodityName(HsCode hs) =>
        Commodities.TryFind(hs, out var named) ? named.Name : $"HS {hs}";

    /// <summary>What the Monte Carlo draws cover, in words: the spread, and σ across published tables where the elasticities name several.</summary>
    public static string DrawRule(MonteCarloSettings settings, Elasticities elasticities)
    {
        var spread = (settings.Spread * 100).ToString("0", Ci);
        return elasticities.SubstitutionTables.Length < 2
            ? $"η, σ, ε uniform within ±{spread}% of their point values"
            : $"σ uniform across the range of {string.Join(" and ", elasticities.SubstitutionTables.Select(t => t.Citation))}, whose middle is the point (within ±{spread}% where only one gives an estimate), η and ε within ±{spread}%";
    }

    private static string Short(Country c)
    {
        var name = c.Name;
        var comma = name.IndexOf(',', StringComparison.Ordinal);
        return comma > 0 ? name[..comma] : name;
    }

    public static string Millions(Money m) => NumberText.Millions(m.Amount);

    public static string Billions(Money m) => NumberText.Billions(m.Amount);

    /// <summary>Exports as a share of imports; "n/a" when there are no imports (a ratio with no denominator).</summary>
    public static string Cover(BilateralBalance balance) => balance.ExportImportRatio is { } ratio ? Percent(ratio) : "n/a";

    private static string Percent(double share) => NumberText.Percent(share);

    public static string Esc(string s) => Terminal.Markup(s);
}
