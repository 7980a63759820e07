using System.Globalization;
using TradeBalance.Projections;
using Xunit;
using static TradeBalance.Tests.Projections.ProjectionFixtures;

namespace TradeBalance.Tests.Projections;

/// <summary>
/// Numeric edge cases for SMART, Armington and the Monte Carlo over both: every case gives finite
/// results (shares in [0, 1], no negative projection) or a documented error, a ProjectionException or an
/// ArgumentException whose message names the offending value. docs/reliability.md lists the outcomes.
/// </summary>
public class NumericEdgeCaseTests
{
    private static readonly ElasticityValues Smart = new(-1.5, 1.5, 99);

    /// <summary>A case: China's tea market from these suppliers (KEN first, the beneficiary unless said otherwise).</summary>
    private sealed record Case(decimal[] Values, decimal MfnPercent, TariffChange Change, ElasticityValues Elasticities, int Beneficiaries = 1, (int Supplier, decimal Percent)[]? Preferences = null);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["zero-trade market"] = new([0m, 0m, 0m], 15m, TariffChange.NewRate(TariffRate.Zero), Smart),
        ["beneficiary without trade"] = new([0m, 50m, 20m], 15m, TariffChange.NewRate(TariffRate.Zero), Smart),
        ["single supplier"] = new([20_000_000m], 15m, TariffChange.NewRate(TariffRate.Zero), Smart),
        ["all suppliers beneficiaries"] = new([20m, 68m, 23m, 5m], 15m, TariffChange.NewRate(TariffRate.Zero), Smart, Beneficiaries: 4),
        ["huge values at the bound (1e15 USD)"] = new([1e15m, 1e15m, 2e14m], 15m, TariffChange.NewRate(TariffRate.Zero), Smart),
        ["tiny values 1e-6 USD"] = new([0.000001m, 0.000003m, 0.000002m], 15m, TariffChange.NewRate(TariffRate.Zero), Smart),
        ["mixed 1e15 and 1e-6"] = new([0.000001m, 1e15m, 2m], 15m, TariffChange.NewRate(TariffRate.Zero), Smart),
        ["0 % to 0 %"] = new([20m, 68m, 23m], 0m, TariffChange.NewRate(TariffRate.Zero), Smart),
        ["1000 % to 0 %"] = new([20m, 68m, 23m], 1000m, TariffChange.NewRate(TariffRate.Zero), Smart),
        ["0 % to 1000 %"] = new([20m, 68m, 23m], 0m, TariffChange.NewRate(new TariffRate(1000m)), Smart),
        ["15 % to 1000 %, finite supply"] = new([20m, 68m, 23m], 15m, TariffChange.NewRate(new TariffRate(1000m)), new(-1.5, 1.5, 2)),
        ["eta -> 0- (-1e-12)"] = new([20m, 68m, 23m], 15m, TariffChange.NewRate(TariffRate.Zero), new(-1e-12, 1.5, 99)),
        ["eta -> 0-, finite supply"] = new([20m, 68m, 23m], 15m, TariffChange.NewRate(TariffRate.Zero), new(-1e-12, 1.5, 1.5)),
        ["eta at its bound (-100)"] = new([20m, 68m, 23m], 15m, TariffChange.NewRate(TariffRate.Zero), new(NumericDomain.MinImportDemand, 1.5, 99)),
        ["tiny sigma (1e-12)"] = new([20m, 68m, 23m], 15m, TariffChange.NewRate(TariffRate.Zero), new(-1.5, 1e-12, 99)),
        ["sigma at its bound (100)"] = new([20m, 68m, 23m], 15m, TariffChange.NewRate(TariffRate.Zero), new(-1.5, NumericDomain.MaxSubstitution, 99)),
        ["sigma at its bound, tariff increase"] = new([20m, 68m, 23m], 15m, TariffChange.NewRate(new TariffRate(40m)), new(-1.5, NumericDomain.MaxSubstitution, 99)),
        ["epsilon just below 99"] = new([20m, 68m, 23m], 15m, TariffChange.NewRate(TariffRate.Zero), new(-1.5, 1.5, 98.999999)),
        ["epsilon at 99"] = new([20m, 68m, 23m], 15m, TariffChange.NewRate(TariffRate.Zero), new(-1.5, 1.5, 99)),
        ["epsilon infinite"] = new([20m, 68m, 23m], 15m, TariffChange.NewRate(TariffRate.Zero), new(-1.5, 1.5, double.PositiveInfinity)),
        ["epsilon at its bound (0.01)"] = new([20m, 68m, 23m], 15m, TariffChange.NewRate(TariffRate.Zero), new(-1.5, 1.5, NumericDomain.MinExportSupply)),
        ["epsilon and sigma at their bounds"] = new([20m, 68m, 23m], 15m, TariffChange.NewRate(TariffRate.Zero), new(-1.5, NumericDomain.MaxSubstitution, NumericDomain.MinExportSupply)),
        ["10,000 % to 0 %"] = new([20m, 68m, 23m], 10_000m, TariffChange.NewRate(TariffRate.Zero), Smart),
        ["0 % to 10,000 %"] = new([20m, 68m, 23m], 0m, TariffChange.NewRate(new TariffRate(NumericDomain.MaxTariffPercent)), Smart),
        ["every value and rate bound at once"] = new([1e15m, 0.000001m, 0m], 10_000m, TariffChange.NewRate(TariffRate.Zero), new(-1e-12, 1.5, 99)),
    };

    public static TheoryData<string, string> Runs =>
        [.. Cases.Keys.SelectMany(c => new[] { "smart", "armington", "monte-carlo smart", "monte-carlo armington" }.Select(m => (c, m)))];

    [Theory]
    [MemberData(nameof(Runs))]
    public void Results_are_finite_or_a_documented_error(string name, string model)
    {
        var c = Cases[name];
        var data = Market(Tea, c.Values);
        var schedule = Schedule(Countries.China, c.MfnPercent, [Tea], [.. (c.Preferences ?? []).Select(p => (Suppliers[p.Supplier], p.Percent))]);
        var scenario = Scenario(c.Change, c.Elasticities, Suppliers.Take(c.Beneficiaries));
        try
        {
            switch (model)
            {
                case "smart":
                    CheckFinite(ProjectionModel.Smart.Project(new ProjectionInputs(scenario, data, schedule)));
                    break;
                case "armington":
                    CheckFinite(ProjectionModel.Armington.Project(new ProjectionInputs(scenario, data, schedule)));
                    break;
                default:
                    var kind = model.EndsWith("armington", StringComparison.Ordinal) ? ProjectionModelKind.Armington : ProjectionModelKind.Smart;
                    var mc = ProjectionModel.For(kind).MonteCarlo(new ProjectionInputs(scenario, data, schedule), new MonteCarloSettings(64, 5, 0.5), maxDegreeOfParallelism: 1, cancellationToken: TestContext.Current.CancellationToken);
                    CheckFinite(mc.Point);
                    foreach (var r in mc.Rows)
                    {
                        Assert.True(r.ProjectedShare.P5 is >= 0d and <= 1d && r.ProjectedShare.P95 is >= 0d and <= 1d, $"{r.Exporter}: share band {r.ProjectedShare}");
                        Assert.True(r.Projected.P5.Amount >= 0m && r.Projected.P5 <= r.Projected.P50 && r.Projected.P50 <= r.Projected.P95, $"{r.Exporter}: band {r.Projected}");
                    }

                    break;
            }
        }
        catch (ProjectionException e)
        {
            // Documented: the message names the market, the elasticities that caused it, the iterations and the residual.
            Assert.True(ExpectedErrors.TryGetValue((name, model.EndsWith("armington", StringComparison.Ordinal) ? "armington" : "smart"), out var fragment), $"unexpected: {e.Message}");
            Assert.Contains("Market CHN 0902 2024", e.Message, StringComparison.Ordinal);
            Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
            return;
        }

        Assert.False(ExpectedErrors.ContainsKey((name, model.EndsWith("armington", StringComparison.Ordinal) ? "armington" : "smart")), "expected a ProjectionException");
    }

    /// <summary>
    /// The cases where a documented error is the answer, by model, with the fragment naming the value:
    /// the exact Armington model cannot solve or report these extremes; SMART's linear formulas can.
    /// </summary>
    private static readonly Dictionary<(string Case, string Model), string> ExpectedErrors = new()
    {
    };

    private static void CheckFinite(ProjectionResult result)
    {
        foreach (var m in result.Markets)
        {
            Assert.True(m.ProjectedTotal.Amount >= 0m, $"{m.Market}: total {m.ProjectedTotal}");
            Assert.True(m.Residual is null || double.IsFinite(m.Residual.Value), $"{m.Market}: residual {m.Residual}");
        }

        foreach (var r in result.Rows)
        {
            Assert.True(double.IsFinite(r.BaselineShare) && r.BaselineShare is >= 0d and <= 1d, $"{r.Exporter}: baseline share {r.BaselineShare.ToString(CultureInfo.InvariantCulture)}");
            Assert.True(double.IsFinite(r.ProjectedShare) && r.ProjectedShare is >= 0d and <= 1d, $"{r.Exporter}: projected share {r.ProjectedShare.ToString(CultureInfo.InvariantCulture)}");
            Assert.True(r.Projected.Amount >= 0m, $"{r.Exporter}: projected {r.Projected}");
        }
    }
}
