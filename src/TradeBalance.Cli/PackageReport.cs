using System.Globalization;
using Spectre.Console;
using TradeBalance.Projections;

namespace TradeBalance.Cli;

/// <summary>Renders a scenario package: each part as <c>project</c> shows a scenario, then the one balance both sides move.</summary>
internal static class PackageReport
{
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    public static void Render(IAnsiConsole console, PackageResult result, Inputs inputs, IReadOnlyList<Inputs> partInputs, IReadOnlyList<MonteCarloBands?> bands, bool all)
    {
        var package = result.Package;
        var (country, partner) = (package.Country, package.Partner);
        console.MarkupLine($"[bold]{Esc(package.Name)}[/]");
        console.MarkupLine($"{package.Parts.Length} parts projected on one {result.Year} baseline; their changes to {Esc(country.Name)}–{Esc(partner.Name)} trade are added at the end.");
        console.WriteLine();
        for (var i = 0; i < result.Parts.Length; i++)
        {
            console.MarkupLine($"[bold]Part {i + 1} of {result.Parts.Length}[/]");
            ProjectionReport.Render(console, result.Parts[i], partInputs[i], bands[i], all, origins: false);
        }

        console.MarkupLine($"[bold underline]Both sides of the balance: {Esc(country.Name)} with {Esc(partner.Name)}, {result.Year}[/]");
        foreach (var (part, x, m) in result.Contributions(country, partner))
        {
            console.MarkupLine($"• {Esc(part.Scenario.Name)}: {Esc(country.Name)}'s exports {Signed(x)}m, imports {Signed(m)}m (USD)");
        }

        var b = result.Balance(country, partner);
        var allGoods = result.Parts[0].Data.HasTotals(country, result.Year);
        console.MarkupLine($"• Exports USD {ProjectionReport.Millions(b.Before.Exports)}m → {ProjectionReport.Millions(b.After.Exports)}m; imports USD {ProjectionReport.Millions(b.Before.Imports)}m → {ProjectionReport.Millions(b.After.Imports)}m ({(allGoods ? "all goods" : "only the products in the data")})");
        console.MarkupLine($"• Balance USD {ProjectionReport.Millions(b.Before.Balance)}m → {ProjectionReport.Millions(b.After.Balance)}m (change {Signed(b.Change)}m); exports cover {ProjectionReport.Cover(b.Before)} → {ProjectionReport.Cover(b.After)} of imports");
        var local = LocalCurrency.Find(inputs.Currency, country, result.Parts[0].Data.Currency, result.Year, inputs.Rates, inputs.RatesName);
        ProjectionReport.RenderLocalBalance(console, local, b, inputs.Rates, result.Year, withImports: true);
        console.MarkupLine("[grey]The parts are projected one by one and their changes added (exact for SMART and Armington, whose markets are separate); the P5–P95 bands above are each part's, and the package's balance is a sum of point projections, with no joint band.[/]");
        console.WriteLine();
        ProjectionReport.RenderOrigins(console, inputs);
    }

    private static string Signed(Money m) => TradeBalance.Internal.NumberText.SignedMillions(m.Amount);

    private static string Esc(string s) => Terminal.Markup(s);
}
