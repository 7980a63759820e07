using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Xml.Linq;
using TradeBalance.Data;
using TradeBalance.Projections;
using TradeBalance.Testing;
using Xunit;

namespace TradeBalance.Tests.Projections;

/// <summary>
/// The HTML and Markdown renderings of results (ToHtml, ToMarkdown) and the notebook formatters
/// .NET Interactive finds by convention: well-formed, escaped, culture-invariant, and showing the
/// result's own figures.
/// </summary>
public class ResultRenderingTests
{
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    /// <summary>Markup, Markdown and Jupyter's math delimiters, every hostile character, a lone surrogate and an astral character.</summary>
    private static readonly string Hostile =
        "<script>alert('x')</script> & \"quoted\" | pipe | *bold* _u_ `code` [link](http://example.invalid) $x$ # \\ "
        + new string(HostileText.Characters) + "\uD800 end \U0001F375";

    private static ProjectionResult KenyaChinaResult() =>
        ProjectionModel.Smart.Project(new ProjectionInputs(KenyaChina.Scenario, KenyaChina.Flows, KenyaChina.Tariffs));

    private static Scenario Named(string name)
    {
        var s = KenyaChina.Scenario;
        return new Scenario(name, s.Importer, s.Beneficiaries, s.Lines, s.Change, s.Effective)
        {
            Elasticities = s.Elasticities,
            ReferenceYear = s.ReferenceYear,
        };
    }

    private static XElement Parse(string html) => XElement.Parse(html, LoadOptions.None);

    private static List<List<string>> Cells(XElement table) =>
        [.. table.Descendants("tr").Select(tr => tr.Elements().Where(e => e.Name == "td" || e.Name == "th").Select(e => e.Value).ToList())];

    [Fact]
    public void Projection_html_has_a_table_per_market_with_the_results_figures()
    {
        var result = KenyaChinaResult();
        var html = Parse(result.ToHtml());

        var tables = html.Elements("table").ToList();
        Assert.Equal(result.Markets.Length + 1, tables.Count); // a table per market, then Kenya's summary
        Assert.Equal("Product", Cells(tables[^1])[0][0]);
        for (var i = 0; i < result.Markets.Length; i++)
        {
            var market = result.Markets[i];
            var rows = Cells(tables[i]);
            Assert.Equal("Supplier", rows[0][0]);
            Assert.Equal(market.Rows.Count + 2, rows.Count); // header, suppliers, total
            foreach (var (r, cells) in market.Rows.Zip(rows.Skip(1)))
            {
                Assert.Equal($"{r.Exporter.Alpha3} {r.Exporter.Name}", cells[0]);
                Assert.Equal(r.Baseline.Amount.ToString("#,##0", Ci), cells[1]);
                Assert.Equal(r.TariffBefore.ToString(), cells[2]);
                Assert.Equal(r.TariffAfter.ToString(), cells[3]);
                Assert.Equal(r.Projected.Amount.ToString("#,##0", Ci), cells[6]);
                Assert.Equal((r.BaselineShare * 100).ToString("0.00", Ci) + "%", cells[7]);
                Assert.Equal((r.ProjectedShare * 100).ToString("0.00", Ci) + "%", cells[8]);
                Assert.Equal(r.ShareChangePoints.ToString("+0.00;-0.00;0.00", Ci), cells[9]);
            }

            Assert.Equal(["Total", market.BaselineTotal.Amount.ToString("#,##0", Ci)], rows[^1].Take(2));
            Assert.Equal(market.ProjectedTotal.Amount.ToString("#,##0", Ci), rows[^1][6]);
        }

        // Kenya's tea row: the figure a reader looks for first, in the table of China's tea imports.
        var tea = result.Market(Commodities.Tea.Code);
        var kenya = tea.Rows.Single(r => r.Exporter.Equals(Countries.Kenya));
        Assert.Contains(tables[result.Markets.IndexOf(tea)].Descendants("tr"), tr => tr.Elements().First().Value.StartsWith("KEN", StringComparison.Ordinal)
            && tr.Elements().ElementAt(6).Value == kenya.Projected.Amount.ToString("#,##0", Ci));
    }

    [Fact]
    public void Projection_markdown_has_the_same_figures_as_the_html()
    {
        var result = KenyaChinaResult();
        var markdown = result.ToMarkdown();
        var html = Parse(result.ToHtml());
        foreach (var cell in html.Descendants("td").Select(e => e.Value).Where(v => v.Length > 0 && char.IsDigit(v[^1])))
        {
            Assert.Contains(cell, markdown, StringComparison.Ordinal);
        }

        // A table per market, each row with one pipe more than it has cells.
        var tableLines = markdown.Split('\n').Where(l => l.StartsWith('|')).ToList();
        var summary = ProjectionSummary.Of(result).Beneficiaries.Single();
        Assert.Equal(result.Markets.Sum(m => 3 + m.Rows.Count) + 3 + summary.Products.Length, tableLines.Count); // header, rule, rows, total; the summary last
        var marketLines = tableLines.Count - (3 + summary.Products.Length);
        Assert.All(tableLines.Take(marketLines), l => Assert.Equal(11, UnescapedPipes(l)));
        Assert.All(tableLines.Skip(marketLines), l => Assert.Equal(6, UnescapedPipes(l)));
    }

    [Fact]
    public void Hostile_names_are_escaped_in_html_and_the_html_stays_well_formed()
    {
        var result = ProjectionModel.Smart.Project(new ProjectionInputs(Named(Hostile), KenyaChina.Flows, KenyaChina.Tariffs));
        var text = result.ToHtml();

        var html = Parse(text); // throws on a control character, a stray '<' or '&'
        Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["div"], [html.Name.LocalName]);
        Assert.DoesNotContain(html.Descendants(), e => e.Name.LocalName is not ("p" or "strong" or "br" or "table" or "caption" or "thead" or "tbody" or "tfoot" or "tr" or "th" or "td"));
        foreach (var c in HostileText.Characters.Where(c => c != '\n')) // the fragment's own line breaks
        {
            Assert.DoesNotContain(c, text);
        }

        Assert.DoesNotContain('\uD800', text);
        Assert.Contains("\U0001F375", text, StringComparison.Ordinal); // a valid astral character is kept
        var title = html.Element("p")!.Element("strong")!.Value;
        Assert.StartsWith("<script>alert('x')</script> & \"quoted\" | pipe", title, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_names_are_escaped_in_markdown()
    {
        var result = ProjectionModel.Smart.Project(new ProjectionInputs(Named(Hostile), KenyaChina.Flows, KenyaChina.Tariffs));
        var text = result.ToMarkdown();

        // Every character Markdown or a notebook reads as markup stands behind a backslash.
        var title = text.Split('\n').Single(l => l.Contains("alert", StringComparison.Ordinal));
        Assert.StartsWith("**", title, StringComparison.Ordinal);
        Assert.EndsWith("**", title, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?<!\\)[<>\[\]()|$`*_&]", title[2..^2].Replace("\\\\", string.Empty, StringComparison.Ordinal));
        Assert.Contains("\\<script\\>", text, StringComparison.Ordinal);
        Assert.Contains("\\$x\\$", text, StringComparison.Ordinal);
        Assert.Contains("\\| pipe \\|", text, StringComparison.Ordinal);
        foreach (var c in HostileText.Characters.Where(c => c != '\n'))
        {
            Assert.DoesNotContain(c, text);
        }
    }

    [Fact]
    public void Renderings_do_not_depend_on_the_current_culture()
    {
        var result = KenyaChinaResult();
        var balance = result.Balance(Countries.Kenya, Countries.China, KenyaChina.ExchangeRates, Currency.Kes);
        string[] Render() => [result.ToHtml(), result.ToMarkdown(), balance.ToHtml(), balance.ToMarkdown()];

        var saved = CultureInfo.CurrentCulture;
        string[] invariant, german;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            invariant = Render();
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            german = Render();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }

        Assert.Equal(invariant, german);
        Assert.Contains(",", invariant[0], StringComparison.Ordinal); // thousands separators, the invariant way
    }

    [Fact]
    public void Balance_html_shows_exports_imports_and_balance_in_minor_units()
    {
        var balance = KenyaChinaResult().Balance(Countries.Kenya, Countries.China, KenyaChina.ExchangeRates, Currency.Kes);
        var rows = Cells(Parse(balance.ToHtml()).Element("table")!);

        Assert.Equal(["", "Before", "After", "Change"], rows[0]);
        Assert.Equal(["Exports", balance.Before.Exports.Round().Amount.ToString("#,##0.00", Ci), balance.After.Exports.Round().Amount.ToString("#,##0.00", Ci), (balance.After.Exports - balance.Before.Exports).Round().Amount.ToString("#,##0.00", Ci)], rows[1]);
        Assert.Equal(["Balance", balance.Before.Balance.Round().Amount.ToString("#,##0.00", Ci), balance.After.Balance.Round().Amount.ToString("#,##0.00", Ci), balance.Change.Round().Amount.ToString("#,##0.00", Ci)], rows[3]);
        Assert.Contains("KES", balance.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sensitivity_html_shows_the_percentile_bands()
    {
        var bands = ProjectionModel.Smart.MonteCarlo(new ProjectionInputs(KenyaChina.Scenario, KenyaChina.Flows, KenyaChina.Tariffs), new MonteCarloSettings(50, 7, 0.5), cancellationToken: TestContext.Current.CancellationToken);
        var tables = Parse(bands.ToHtml()).Elements("table").ToList();

        Assert.Equal(4, tables.Count); // exports, markets, suppliers, then Kenya's summary with its bands
        Assert.Equal(["Product", "Baseline USD", "Projected USD", "P5", "P95", "Share of China's imports before", "after"], Cells(tables[3])[0]);
        var kenya = bands.ExportsOf(Countries.Kenya);
        Assert.Contains(Cells(tables[0]), r => r.SequenceEqual([$"KEN {Countries.Kenya.Name}", Whole(kenya.Baseline), Whole(kenya.Projected.P5), Whole(kenya.Projected.P50), Whole(kenya.Projected.P95)]));
        Assert.Equal(bands.Markets.Length + 1, Cells(tables[1]).Count);
        Assert.Equal(bands.Rows.Length + 1, Cells(tables[2]).Count);
        Assert.Contains("|", bands.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void Path_html_has_a_row_per_year()
    {
        var path = ProjectionModel.Smart.ProjectStages(new ProjectionInputs(KenyaChina.Scenario, KenyaChina.Flows, KenyaChina.Tariffs), 2025, 2027);
        var tables = Parse(path.ToHtml()).Elements("table").ToList();

        Assert.Equal(path.Scenario.Beneficiaries.Count, tables.Count);
        var rows = Cells(tables[0]);
        Assert.Equal(path.Count + 1, rows.Count);
        Assert.Equal(["2025", "2026", "2027"], rows.Skip(1).Select(r => r[0]));
        var beneficiary = path.Scenario.Beneficiaries.First();
        var last = path.Points[^1].Result;
        Assert.Equal(Whole(last.Balance(beneficiary, path.Scenario.Importer).After.Balance), rows[^1][^1]);
        Assert.Contains("2027", path.ToMarkdown(), StringComparison.Ordinal);
    }

    /// <summary>
    /// .NET Interactive's convention, followed step by step: an attribute named
    /// TypeFormatterSourceAttribute with a FormatterSourceType, whose CreateTypeFormatters() returns
    /// objects with Type, MimeType and bool Format(object, TextWriter).
    /// </summary>
    [Theory]
    [InlineData(typeof(ProjectionResult))]
    [InlineData(typeof(BalanceProjection))]
    [InlineData(typeof(MonteCarloResult))]
    [InlineData(typeof(ProjectionPath))]
    [InlineData(typeof(ProjectionSummary))]
    public void Results_carry_the_notebook_formatter_convention(Type type)
    {
        var attribute = Assert.Single(type.GetCustomAttributes(true), a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
        var preferred = (string[])attribute.GetType().GetProperty("PreferredMimeTypes")!.GetValue(attribute)!;
        Assert.Equal(["text/html", "text/plain"], preferred);

        var source = Activator.CreateInstance(sourceType)!;
        var formatters = (IEnumerable)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(source, null)!;
        var mine = formatters.Cast<object>().Where(f => (Type)f.GetType().GetProperty("Type")!.GetValue(f)! == type).ToList();
        Assert.Equal(["text/html", "text/plain"], mine.Select(f => (string)f.GetType().GetProperty("MimeType")!.GetValue(f)!));
        var format = mine[0].GetType().GetMethod("Format", [typeof(object), typeof(TextWriter)])!;
        Assert.Equal(typeof(bool), format.ReturnType);
        Assert.False((bool)format.Invoke(mine[0], ["not a result", TextWriter.Null])!);
    }

    [Fact]
    public void The_notebook_shows_a_projection_as_its_html_table()
    {
        var result = KenyaChinaResult();
        var attribute = typeof(ProjectionResult).GetCustomAttributes(true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var source = Activator.CreateInstance((Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!)!;
        var html = ((IEnumerable)source.GetType().GetMethod("CreateTypeFormatters")!.Invoke(source, null)!).Cast<object>()
            .Where(f => (Type)f.GetType().GetProperty("Type")!.GetValue(f)! == typeof(ProjectionResult) && (string)f.GetType().GetProperty("MimeType")!.GetValue(f)! == "text/html")
            .Select(f =>
            {
                using var writer = new StringWriter(Ci);
                Assert.True((bool)f.GetType().GetMethod("Format", BindingFlags.Public | BindingFlags.Instance)!.Invoke(f, [result, writer])!);
                return writer.ToString();
            }).Single();

        Assert.Equal(result.ToHtml(), html);
        Assert.True(html.Length < 20_000, $"{html.Length} characters"); // a table, not a tree of objects
    }

    [Fact]
    public void A_notebook_shows_the_largest_markets_of_a_large_projection()
    {
        var doc = ResultDocuments.Of(KenyaChinaResult(), maxMarkets: 2);
        Assert.Equal(3, doc.Tables.Count); // the 2 largest markets and the summary
        Assert.Contains(doc.Lines, l => l.StartsWith("Showing the 2 largest of 3 markets", StringComparison.Ordinal));
    }

    private static string Whole(Money m) => m.Amount.ToString("#,##0", Ci);

    private static int UnescapedPipes(string line)
    {
        var count = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\')
            {
                i++;
            }
            else if (line[i] == '|')
            {
                count++;
            }
        }

        return count;
    }
}
