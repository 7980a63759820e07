using TradeBalance.Data;
using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Cli.Tests;

/// <summary>
/// <c>compare</c> names each model's welfare measure (they are three different quantities), and says
/// when GSIM cannot show its cross-market effect because no exporter's world price can move.
/// </summary>
public sealed class CompareWelfareTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Compare_reports_each_models_welfare_under_its_own_measure()
    {
        var run = CliRun.Of("compare");
        Assert.Equal(0, run.ExitCode);
        var text = Unwrapped(run.Out);

        // The SMART figure is the library's, summed over China's markets and printed in USD millions.
        var smart = ProjectionModel.Smart.Project(new ProjectionInputs(KenyaChina.Scenario, KenyaChina.Flows, KenyaChina.Tariffs));
        var welfare = smart.Markets.Where(m => m.Market.Importer.Equals(Countries.China)).Sum(m => m.Welfare.Amount) / 1_000_000m;
        Assert.Contains(
            FormattableString.Invariant($"China's welfare change, each model's own measure: SMART (dead-weight loss recovered) USD {welfare:0.00}m; Armington (ΔCS + ΔTR) USD "),
            text,
            StringComparison.Ordinal);
        Assert.Contains("GSIM (ΔCS + ΔTR) USD ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Under_infinite_supply_compare_says_GSIM_has_no_cross_market_effect_and_with_finite_supply_it_does_not()
    {
        const string Note = "GSIM has no cross-market effect";
        Assert.Contains(Note, Unwrapped(CliRun.Of("compare").Out), StringComparison.Ordinal);

        var finite = _dir.File("scenario.json");
        var json = KenyaChina.ReadText("scenario.json");
        Assert.Contains("\"exportSupply\": 99", json, StringComparison.Ordinal);
        File.WriteAllText(finite, json.Replace("\"exportSupply\": 99", "\"exportSupply\": 2", StringComparison.Ordinal));
        var run = CliRun.Of("compare", "--scenario", finite);
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain(Note, Unwrapped(run.Out), StringComparison.Ordinal);
    }

    /// <summary>The console wraps long lines at its width; the tests read them whole.</summary>
    private static string Unwrapped(string output) => output.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal);
}
