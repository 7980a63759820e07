using System.Globalization;
using System.Text;
using TradeBalance.Testing;
using Xunit;

namespace TradeBalance.Data.Tests;

/// <summary>
/// The embedded Kenya–China flows checked against a second source or a consistency rule, figure by figure
/// (crosschecks.csv): published totals, supplier values and volumes, unit values at least the origin's own FOB
/// price, the published ranking, exporters' totals in their own currency, and labelled carry-overs. The same
/// rules run on the flows as they stood before the independent audit and must catch the rows it found wrong.
/// </summary>
public class KenyaChinaCrossCheckTests
{
    private const string Folder = "src/TradeBalance.Data/Resources/KenyaChina/";

    /// <summary>One row of crosschecks.csv.</summary>
    public sealed record Check(string Kind, string Importer, string Exporter, string Hs, int Year, decimal Low, decimal High, decimal? PeriodKg, string Source)
    {
        public override string ToString() => $"{Kind} {Importer}<-{Exporter} {Hs} {Year}";
    }

    /// <summary>A flow as the file holds it: value, volume, and the source text.</summary>
    private sealed record Row(int Year, string Exporter, string Importer, string Hs, decimal Value, decimal? Kg, string Source);

    [Fact]
    public void Every_cross_check_holds_on_the_embedded_flows()
    {
        var failures = Failures(Rows(File.ReadAllText(RepoFiles.Path(Folder + "flows.csv"))));
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void The_rules_catch_every_row_the_independent_audit_found_wrong()
    {
        var before = Rows(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "kenya-china-flows-before-audit.csv")));
        var failed = Failures(before).Select(f => f[..f.IndexOf(':', StringComparison.Ordinal)]).ToHashSet();

        // Kenya's tea below Kenya's own FOB price; China's coffee 42 % short of customs' total; Brazil below even its FOB proxy;
        // Kenya's avocados carried over from 2023 at Peru's price (4x the year's volume and value); Kenya's coffee at a spot rate.
        Assert.Contains("unit_value CHN<-KEN 0902 2024", failed);
        Assert.Contains("total CHN<-* 0901 2024", failed);
        Assert.Contains("value CHN<-BRA 0901 2024", failed);
        Assert.Contains("value CHN<-KEN 080440 2024", failed);
        Assert.Contains("quantity CHN<-KEN 080440 2024", failed);
        Assert.Contains("unit_value CHN<-KEN 080440 2024", failed);
        Assert.Contains("exporter_kes *<-KEN 0901 2024", failed);
    }

    [Fact]
    public void Every_headline_figure_has_a_check_or_says_it_is_derived_or_assumed()
    {
        // The figures a headline depends on: China's imports of the three products, and Kenya's exports of them elsewhere.
        var checks = Checks();
        var rows = Rows(File.ReadAllText(RepoFiles.Path(Folder + "flows.csv")))
            .Where(r => r.Hs is "0902" or "0901" or "080440")
            .ToList();
        Assert.NotEmpty(rows);
        foreach (var r in rows)
        {
            var named = checks.Any(c => c.Hs == r.Hs && c.Year == r.Year && (c.Exporter == r.Exporter || (c.Exporter == "*" && c.Importer == r.Importer)));
            var labelled = r.Source.Contains("DERIVED", StringComparison.Ordinal) || r.Source.Contains("ASSUMPTION", StringComparison.Ordinal);
            Assert.True(named || labelled, $"{r.Exporter}->{r.Importer} {r.Hs} {r.Year} has neither a cross-check nor a DERIVED/ASSUMPTION label");
        }

        // Each check names where its figure comes from, and SOURCES.md lists the checks with their differences.
        Assert.All(checks, c => Assert.False(string.IsNullOrWhiteSpace(c.Source), $"{c} has no source"));
        var sources = File.ReadAllText(RepoFiles.Path(Folder + "SOURCES.md"));
        Assert.Contains("## 9. Cross-checks", sources, StringComparison.Ordinal);
    }

    [Fact]
    public void A_year_carried_over_is_labelled_in_the_row_itself()
    {
        var rows = Rows(File.ReadAllText(RepoFiles.Path(Folder + "flows.csv")));
        var carried = Checks().Where(c => c.Kind == "carried").ToList();
        Assert.NotEmpty(carried);
        foreach (var c in carried)
        {
            var row = rows.Single(r => r.Exporter == c.Exporter && r.Importer == c.Importer && r.Hs == c.Hs && r.Year == c.Year);
            Assert.Contains($"ASSUMPTION: {c.Year} volume = {(int)c.Low} volume", row.Source, StringComparison.Ordinal);
        }
    }

    /// <summary>Every check that fails on the rows, as "kind importer&lt;-exporter hs year: why".</summary>
    private static List<string> Failures(IReadOnlyList<Row> rows)
    {
        var kes = KenyaChina.ExchangeRates.Find(Currency.Usd, Currency.Kes, new NodaTime.LocalDate(2024, 1, 1), ExchangeRateRule.AnnualAverage).Rate;
        var failures = new List<string>();
        foreach (var c in Checks())
        {
            string? problem = c.Kind switch
            {
                "total" => Within(rows.Where(r => Market(r, c)).Sum(r => r.Value), c, "the suppliers sum to"),
                "total_kg" => Within(rows.Where(r => Market(r, c)).Sum(r => r.Kg ?? 0m), c, "the suppliers' kg sum to"),
                "value" => Within(Flow(rows, c)?.Value, c, "the value is"),
                "quantity" => Within(Flow(rows, c)?.Kg, c, "the kg are"),
                "unit_value" => Flow(rows, c) is { Kg: > 0m } f ? Within(Math.Round(f.Value / f.Kg.Value, 4), c, "USD/kg is") : "no volume to take a unit value of",
                "exporter_kes" => Within(Math.Round(Exports(rows, c) * kes.Rate), c, "the exports in KES are"),
                "exporter_usd" => Within(Exports(rows, c), c, "the exports in USD are"),
                "carried" => Flow(rows, c) is { } f && f.Source.Contains("ASSUMPTION", StringComparison.Ordinal) && f.Source.Contains(((int)c.Low).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    ? null : $"holds {(int)c.Low}'s figure without saying so",
                "rank" => Rank(rows, c),
                _ => $"unknown check '{c.Kind}'",
            };
            if (problem is not null)
            {
                failures.Add($"{c}: {problem}");
            }
        }

        return failures;
    }

    private static bool Market(Row r, Check c) => r.Importer == c.Importer && r.Hs == c.Hs && r.Year == c.Year;

    private static Row? Flow(IReadOnlyList<Row> rows, Check c) =>
        rows.SingleOrDefault(r => Market(r, c) && r.Exporter == c.Exporter);

    private static decimal Exports(IReadOnlyList<Row> rows, Check c) =>
        rows.Where(r => r.Exporter == c.Exporter && r.Hs == c.Hs && r.Year == c.Year).Sum(r => r.Value);

    private static string? Within(decimal? value, Check c, string what) =>
        value is null ? "no such flow"
        : value >= c.Low && value <= c.High ? null
        : string.Create(CultureInfo.InvariantCulture, $"{what} {value:N4}, outside [{c.Low:N4}, {c.High:N4}] ({c.Source})");

    // The published order over a period, on each flow's unit value times its volume in that period.
    private static string? Rank(IReadOnlyList<Row> rows, Check c)
    {
        var ranked = Checks().Where(o => o.Kind == "rank" && o.Importer == c.Importer && o.Hs == c.Hs && o.Year == c.Year).ToList();
        decimal PeriodValue(Check o) => Flow(rows, o) is { Kg: > 0m } f ? f.Value / f.Kg.Value * o.PeriodKg!.Value : 0m;
        var position = 1 + ranked.Count(o => PeriodValue(o) > PeriodValue(c));
        return position == (int)c.Low ? null : $"ranks {position} by value over the period, published {(int)c.Low}";
    }

    private static List<Check> Checks() =>
        [.. Records(File.ReadAllText(RepoFiles.Path(Folder + "crosschecks.csv"))).Select(f => new Check(
            f[0], f[1], f[2], f[3], int.Parse(f[4], CultureInfo.InvariantCulture),
            decimal.Parse(f[5], CultureInfo.InvariantCulture), decimal.Parse(f[6], CultureInfo.InvariantCulture),
            f[7].Length == 0 ? null : decimal.Parse(f[7], CultureInfo.InvariantCulture), f[8]))];

    private static List<Row> Rows(string text) =>
        [.. Records(text).Select(f => new Row(
            int.Parse(f[0], CultureInfo.InvariantCulture), f[1], f[2], f[3], decimal.Parse(f[4], CultureInfo.InvariantCulture),
            f[5].Length == 0 ? null : decimal.Parse(f[5], CultureInfo.InvariantCulture), f[6]))];

    /// <summary>The records of a CSV file with # comments and a header: fields split on commas outside double quotes.</summary>
    private static IEnumerable<List<string>> Records(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !l.StartsWith('#')).Skip(1);
        foreach (var line in lines)
        {
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < line.Length; i++)
            {
                var ch = line[i];
                if (quoted && ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = !quoted;
                }
                else if (ch == ',' && !quoted)
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else
                {
                    field.Append(ch);
                }
            }

            fields.Add(field.ToString());
            yield return fields;
        }
    }
}
