using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Tests.Projections;

/// <summary>
/// The central estimate and its band come from one distribution: over many random markets, importers, products,
/// tariffs, elasticities and seeds, with σ between two published sources, the projection at the middle of each
/// elasticity's range lies inside the P5–P95 band of the draws, for every model that draws on the kernels.
/// </summary>
public class CentralEstimateTests
{
    private static readonly string[] Importers = ["CHN", "USA", "JPN", "IND", "BRA", "DEU"];
    private static readonly string[] Products = ["090240", "090111", "080440", "220421", "610910", "847130", "030617", "100630"];

    [Fact]
    public void Over_random_markets_the_central_estimate_lies_inside_its_band()
    {
        var random = new Random(20261207);
        for (var trial = 0; trial < 60; trial++)
        {
            var importer = Country.Parse(Importers[random.Next(Importers.Length)]);
            var hs = HsCode.Parse(Products[random.Next(Products.Length)]);
            var suppliers = Enumerable.Range(0, 2 + random.Next(5)).Select(i => Country.Parse(((string[])["KEN", "LKA", "VNM", "PER", "CHL", "MEX", "AUS"])[i])).ToList();
            var flows = new TradeDataSet(suppliers.Select(s => TradeFlow.Usd(s, importer, hs, 2024, Math.Round((decimal)(1e6 + (random.NextDouble() * 1e8)), 0))));
            var mfn = Math.Round((decimal)(random.NextDouble() * 30), 1);
            var tariffs = new TariffSchedule(importer, [new TariffLine(TariffRegime.Mfn, hs, TariffRate.FromPercent(mfn))]);
            var scenario = new Scenario("random cut", importer, [suppliers[0]], [hs], TariffChange.NewRate(TariffRate.Zero), new NodaTime.LocalDate(2026, 1, 1))
            {
                Elasticities = new Elasticities(new ElasticityValues(-0.3 - (random.NextDouble() * 3), 1.5, random.Next(2) == 0 ? 99 : 1 + (random.NextDouble() * 5)))
                    .WithSubstitutionTables(ElasticityTables.BrodaWeinstein2006, ElasticityTables.CepiiProTee),
            };
            var settings = new MonteCarloSettings(200, random.Next(), 0.5);
            foreach (var model in (ProjectionModel[])[ProjectionModel.Smart, ProjectionModel.Armington])
            {
                var result = model.MonteCarlo(new ProjectionInputs(scenario, flows, tariffs), settings, cancellationToken: TestContext.Current.CancellationToken);
                var point = result.Point.Rows.Single(r => r.Exporter == suppliers[0]).Projected.Amount;
                var band = result.ExportsOf(suppliers[0]).Projected;
                Assert.True(
                    band.P5.Amount <= point && point <= band.P95.Amount,
                    $"trial {trial}, {model.Name}, {importer.Alpha3} {hs} MFN {mfn}%: point {point} outside {band.P5.Amount}–{band.P95.Amount}");
            }
        }
    }
}
