#!/usr/bin/env dotnet
#:project ../src/TradeBalance.Data/TradeBalance.Data.csproj
// How sure is the Kenya–China projection? A seeded Monte Carlo over the elasticities on the embedded
// data, per market and draw: σ uniformly across the range of the two published sources the embedded
// scenario names (its point is the middle), where both estimate the market, else within ±50 % of its
// point value, like η and ε; with the 5th, 50th and 95th percentiles of every figure. The same seed
// gives bit-identical bands on any machine and with any number of threads.
//
// Run from the repository:   dotnet run samples/sensitivity.cs
// Outside the repository, copy this file and replace the #:project line above with
//   #:package TradeBalance.Data@0.1.0
using System.Globalization;
using TradeBalance;
using TradeBalance.Data;
using TradeBalance.Projections;

var ci = CultureInfo.InvariantCulture;
var settings = new MonteCarloSettings(draws: 2000, seed: 42, spread: 0.5);
var bands = ProjectionModel.Smart.MonteCarlo(new ProjectionInputs(KenyaChina.Scenario, KenyaChina.Flows, KenyaChina.Tariffs), settings);
Console.WriteLine(string.Format(ci, "{0}: {1:N0} draws, seed {2}, spread ±{3:P0}", bands.Scenario.Name, settings.Draws, settings.Seed, settings.Spread));
Console.WriteLine();

static string M(Money m) => (m.Amount / 1e6m).ToString("N2", CultureInfo.InvariantCulture);

Console.WriteLine("Kenya's exports to China by product, USD m");
Console.WriteLine("  HS        baseline   point      P5     P50     P95   projected share, P5 to P95");
foreach (var row in bands.Rows.Where(r => r.Exporter.Equals(Countries.Kenya)))
{
    var point = bands.Point.Rows.Single(p => p.Exporter.Equals(row.Exporter) && p.Hs.Equals(row.Hs));
    Console.WriteLine(string.Format(
        ci,
        "  {0,-7} {1,10} {2,7} {3,7} {4,7} {5,7}   {6:P2} to {7:P2}",
        row.Hs,
        M(row.Baseline),
        M(point.Projected),
        M(row.Projected.P5),
        M(row.Projected.P50),
        M(row.Projected.P95),
        row.ProjectedShare.P5,
        row.ProjectedShare.P95));
}

var kenya = bands.ExportsOf(Countries.Kenya);
Console.WriteLine(string.Format(
    ci,
    "Kenya's exports of the three products to China: USD {0}m -> {1}m (90% band {2}m to {3}m)",
    M(kenya.Baseline),
    M(kenya.Projected.P50),
    M(kenya.Projected.P5),
    M(kenya.Projected.P95)));

Console.WriteLine();
Console.WriteLine("China's tariff revenue after the cut, USD m (P5 / P50 / P95)");
foreach (var market in bands.Markets)
{
    Console.WriteLine(string.Format(ci, "  HS {0,-7} {1} / {2} / {3}", market.Market.Hs, M(market.RevenueAfter.P5), M(market.RevenueAfter.P50), M(market.RevenueAfter.P95)));
}
