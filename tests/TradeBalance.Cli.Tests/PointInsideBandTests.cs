using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using TradeBalance.Testing;
using Xunit;

namespace TradeBalance.Cli.Tests;

/// <summary>
/// A printed estimate and its band come from one rule: wherever the tool prints a figure with a P5–P95 band, on
/// the screen or in JSON, the figure lies inside it. Runs the default answer, the package, the samples, every
/// model and a spread of draws and seeds.
/// </summary>
public class PointInsideBandTests
{
    // "→ 40.77m (P5–P95 36.47–44.74)": the central estimate, then its band, in USD millions.
    private static readonly Regex Banded = new(@"→ ([\d,]+\.\d+)m? \(P5–P95 ([\d,]+\.\d+)–([\d,]+\.\d+)\)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));

    public static TheoryData<string[]> Runs => new()
    {
        { Array.Empty<string>() },
        { ["--scenario", "embedded:reciprocal"] },
        { ["--model", "armington"] },
        { ["--model", "gsim", "--draws", "60"] },
        { ["--draws", "1000", "--seed", "7"] },
        { ["--draws", "100", "--seed", "-3"] },
        { ["--scenario", "samples/data/scenario-kenya-china-protee.json"] },
        { ["--aggregate", "EUN", "--flows", "samples/data/eu-green-tea/flows.csv", "--tariffs", "samples/data/eu-green-tea/tariffs.csv", "--scenario", "samples/data/eu-green-tea/scenario.json"] },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Every_printed_central_estimate_lies_inside_its_printed_band(string[] options)
    {
        var args = options.Select(o => o.StartsWith("samples/", StringComparison.Ordinal) ? RepoFiles.Path(o) : o).ToArray();
        var run = CliRun.Of(["project", .. args]);
        Assert.Equal(0, run.ExitCode);

        var found = 0;
        foreach (Match m in Banded.Matches(run.Out.Replace("\n", " ", StringComparison.Ordinal)))
        {
            var (point, p5, p95) = (Number(m.Groups[1].Value), Number(m.Groups[2].Value), Number(m.Groups[3].Value));
            Assert.True(p5 <= point && point <= p95, $"'{m.Value}': the estimate lies outside its band");
            found++;
        }

        Assert.True(found > 0, "no banded figure was printed");
    }

    [Fact]
    public void The_JSON_summary_keeps_each_beneficiarys_total_and_products_inside_their_bands()
    {
        var run = CliRun.Of("project", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        var checkedBands = 0;
        foreach (var b in doc.RootElement.GetProperty("summary").GetProperty("beneficiaries").EnumerateArray())
        {
            var bands = b.GetProperty("bands");
            Inside(b.GetProperty("projectedUsd").GetDecimal(), bands.GetProperty("projectedUsd"));
            foreach (var product in bands.GetProperty("products").EnumerateArray())
            {
                var hs = product.GetProperty("hs").GetString();
                var row = doc.RootElement.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("hs").GetString() == hs && r.GetProperty("exporter").GetString() == b.GetProperty("exporter").GetString());
                Inside(row.GetProperty("projectedUsd").GetDecimal(), product.GetProperty("projectedUsd"));
            }

            checkedBands++;
        }

        Assert.True(checkedBands > 0);

        static void Inside(decimal point, JsonElement band) =>
            Assert.True(band.GetProperty("p5").GetDecimal() <= point && point <= band.GetProperty("p95").GetDecimal(), $"{point} outside {band}");
    }

    private static decimal Number(string text) => decimal.Parse(text.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
}
