using System.Globalization;
using System.Xml.Linq;
using TradeBalance.Testing;
using Xunit;

namespace TradeBalance.Cli.Tests;

/// <summary>The tool's own SVG charts: well-formed XML, the expected labels and series, escaped text, the same bytes in every culture, and safe writes.</summary>
public sealed class SvgChartTests : IDisposable
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Shares_chart_has_two_bars_per_supplier_the_suppliers_the_commodities_and_the_legend()
    {
        var path = _dir.File("shares.svg");
        var run = CliRun.Of("project", "--chart", path, "--draws", "0", "--format", "csv");
        Assert.Equal(0, run.ExitCode);
        var svg = XDocument.Load(path);
        var rows = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;

        Assert.Equal(2 * rows, Elements(svg, "rect", "bar").Count);
        Assert.Equal(rows, Texts(svg, "x-tick").Count);
        Assert.Contains("KEN", Texts(svg, "x-tick"));
        Assert.Equal(["Avocados", "Coffee", "Tea"], Texts(svg, "x-group"));
        Assert.Equal(["before", "after"], Texts(svg, "legend"));
        Assert.Equal("Share of the importer's imports (%)", Assert.Single(Texts(svg, "y-label")));
        Assert.StartsWith("China: zero tariff on Kenyan tea, coffee and avocados: supplier shares before and after", Assert.Single(Texts(svg, "title")), StringComparison.Ordinal);
    }

    [Fact]
    public void Path_chart_has_one_line_per_product_and_a_tick_per_year()
    {
        var scenario = _dir.File("staged.json");
        File.WriteAllText(scenario, """{ "importer": "CHN", "beneficiaries": ["KEN"], "hs": ["0902", "0901", "080440"], "newRatePercent": 0, "effective": "2026-05-01", "stages": 3 }""");
        var path = _dir.File("path.svg");
        Assert.Equal(0, CliRun.Of("project", "--scenario", scenario, "--years", "2025..2030", "--chart", path).ExitCode);
        var svg = XDocument.Load(path);

        Assert.Equal(3, Elements(svg, "polyline", "line").Count);
        Assert.Equal(["KEN Avocados", "KEN Coffee", "KEN Tea"], Texts(svg, "legend").Order(StringComparer.Ordinal));
        Assert.Equal(["2025", "2026", "2027", "2028", "2029", "2030"], Texts(svg, "x-tick"));
        Assert.Equal("Year", Assert.Single(Texts(svg, "x-label")));
    }

    [Fact]
    public void Fan_chart_has_a_band_and_three_markers_per_product()
    {
        var path = _dir.File("fan.svg");
        Assert.Equal(0, CliRun.Of("sensitivity", "--draws", "50", "--seed", "3", "--chart", path).ExitCode);
        var svg = XDocument.Load(path);

        Assert.Equal(3, Elements(svg, "rect", "bar").Count);
        Assert.Equal(9, svg.Descendants().Count(e => (string?)e.Attribute("class") == "marker"));
        Assert.Equal(["baseline", "point projection", "P50", "P5–P95"], Texts(svg, "legend"));
        Assert.Equal(["KEN Avocados", "KEN Coffee", "KEN Tea"], Texts(svg, "x-tick"));
    }

    [Fact]
    public void A_hostile_scenario_name_is_text_in_the_svg_not_markup()
    {
        var scenario = _dir.File("s.json");
        // The JSON escapes give the name a closing tag, a script element, an entity, ESC, a bidi override and U+FFFF (not an XML character).
        File.WriteAllText(scenario, """{"name":"</text><script>alert(1)</script> &amp; \u001b[2J \u202Eaet \uffff","importer":"CHN","beneficiaries":["KEN"],"hs":["0902"],"newRatePercent":0,"effective":"2026-05-01"}""");
        var path = _dir.File("shares.svg");
        Assert.Equal(0, CliRun.Of("project", "--scenario", scenario, "--draws", "0", "--chart", path).ExitCode);

        var svg = XDocument.Load(path);
        Assert.Empty(svg.Descendants(Svg + "script"));
        var title = Assert.Single(Texts(svg, "title"));
        Assert.StartsWith("</text><script>alert(1)</script> &amp; \\x1B[2J \\u202Eaet \\uFFFF: supplier shares", title, StringComparison.Ordinal);
        Assert.Equal(title, svg.Root!.Element(Svg + "title")!.Value);
    }

    [Fact]
    public void Every_hostile_character_in_any_label_still_gives_well_formed_svg()
    {
        foreach (var c in HostileText.Characters.Concat(['<', '>', '&', '"', '\'', '\uFFFE', '\uFFFF', '\uD800']))
        {
            var text = $"a{c}b";
            var chart = new Chart(text, text, text, 900, 520, 0, 1, [new AxisTick(0.5, text)], [new AxisGroup(0, 1, text)], [new BarMark(0.5, 0.4, 0, 1, "#000000")], [new LegendItem(text, "#000000")]);
            var svg = XDocument.Parse(SvgChart.Render(chart));
            var texts = svg.Descendants(Svg + "text").Where(t => t.Value.StartsWith('a')).ToList();
            Assert.Equal(6, texts.Count);
            foreach (var t in texts)
            {
                // Markup characters come back as themselves; the rest as a visible escape.
                Assert.True(c is '<' or '>' or '&' or '"' or '\'' ? t.Value == text : !t.Value.Contains(c, StringComparison.Ordinal) && t.Value.Length > 3, $"U+{(int)c:X4}: {t.Value}");
            }
        }
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    [InlineData("fr-FR")]
    public void The_svg_is_the_same_in_every_culture(string culture)
    {
        var chart = new Chart("t", "x", "y", 900.5, 520, -0.25, 2.75, [new AxisTick(0, "a")], [], [new BarMark(0, 0.4, 0.125, 1234.5678, "#000000"), new LineMark([(0, 0.5), (1, 2.25)], "#111111"), new PointMark(2, 1.5, MarkerShape.OpenDiamond, 12, "#222222")], [new LegendItem("l", "#000000", Line: true)]);
        var invariant = Under(CultureInfo.InvariantCulture, () => SvgChart.Render(chart));
        var local = Under(new CultureInfo(culture), () => SvgChart.Render(chart));

        Assert.Equal(invariant, local);
        Assert.Matches(@"=""\d+\.\d+""", local);
        Assert.DoesNotContain("٫", local, StringComparison.Ordinal);
        Assert.Contains(">1400<", local, StringComparison.Ordinal);
        Assert.Equal("0.5", Under(new CultureInfo(culture), () => NiceScale.Covering(0, 3.4).Label(0.5)));
    }

    [Theory]
    [InlineData(0, 75.8, 0, 80, 10)]
    [InlineData(0, 27.3, 0, 30, 5)]
    [InlineData(0, 0.034, 0, 0.035, 0.005)]
    [InlineData(0, 0, 0, 1, 0.1)]
    public void Nice_scale_ends_on_round_numbers(double min, double max, double lo, double hi, double step)
    {
        var scale = NiceScale.Covering(min, max);
        Assert.Equal(lo, scale.Min, 9);
        Assert.Equal(hi, scale.Max, 9);
        Assert.Equal(step, scale.Step, 9);
        Assert.Equal(lo, scale.Ticks[0], 9);
        Assert.Equal(hi, scale.Ticks[^1], 9);
    }

    [Fact]
    public void A_failed_write_leaves_no_temporary_file()
    {
        // The target is a folder, so moving the finished file over it fails.
        var target = _dir.File("chart.svg");
        Directory.CreateDirectory(target);

        Assert.ThrowsAny<Exception>(() => ChartFile.Write(target, "<svg/>"));

        Assert.Equal([target], Directory.GetFileSystemEntries(_dir.Path));
    }

    [Fact]
    public void A_write_replaces_the_old_chart_and_leaves_only_it()
    {
        var target = _dir.File("chart.svg");
        File.WriteAllText(target, "old");
        ChartFile.Write(target, "<svg/>");
        Assert.Equal("<svg/>", File.ReadAllText(target));
        Assert.Equal([target], Directory.GetFileSystemEntries(_dir.Path));
    }

    [Theory]
    [InlineData("x.png", "charts are written as SVG only")]
    [InlineData("x.PNG", "rsvg-convert -o 'x.PNG' 'x.svg'")]
    [InlineData("x.gif", "must end in .svg")]
    [InlineData("x", "must end in .svg")]
    public void Only_svg_is_accepted(string path, string message) =>
        Assert.Contains(message, Assert.Throws<UsageException>(() => ChartFile.Check(path)).Message, StringComparison.Ordinal);

    private static List<XElement> Elements(XDocument svg, string name, string cssClass) =>
        [.. svg.Descendants(Svg + name).Where(e => (string?)e.Attribute("class") == cssClass)];

    private static List<string> Texts(XDocument svg, string cssClass) => [.. Elements(svg, "text", cssClass).Select(e => e.Value)];

    private static T Under<T>(CultureInfo culture, Func<T> action)
    {
        var (current, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (current, ui);
        }
    }
}
