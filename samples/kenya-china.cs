#!/usr/bin/env dotnet
#:project ../src/TradeBalance.Data/TradeBalance.Data.csproj
// Kenya–China: China's zero tariff on Kenyan tea, coffee and avocados from 2026-05-01, projected with
// WITS-SMART on the embedded, sourced 2024 data. Prints Kenya's market shares in China before and
// after, China's share of Kenya's exports, and the Kenya–China balance in USD and KES.
//
// Run from the repository:   dotnet run samples/kenya-china.cs
// Outside the repository, copy this file and replace the #:project line above with
//   #:package TradeBalance.Data@0.1.0
using System.Globalization;
using TradeBalance;
using TradeBalance.Data;
using TradeBalance.Projections;

var ci = CultureInfo.InvariantCulture;
var result = ProjectionModel.Smart.Project(new ProjectionInputs(KenyaChina.Scenario, KenyaChina.Flows, KenyaChina.Tariffs));
Console.WriteLine($"{result.Scenario.Name} (SMART, baseline {result.Year})");
Console.WriteLine();

Console.WriteLine("Kenya's share of China's imports");
foreach (var row in result.Rows.Where(r => r.Exporter.Equals(Countries.Kenya)))
{
    var name = Commodities.TryFind(row.Hs, out var named) ? named.Name : row.Hs.ToString();
    Console.WriteLine(string.Format(
        ci,
        "  {0,-9} HS {1,-7} tariff {2,3} -> {3,-3}  USD {4,5:N1}m -> {5,5:N1}m  share {6,7:P2} -> {7,7:P2} ({8:+0.00;-0.00} points)",
        name,
        row.Hs,
        row.TariffBefore,
        row.TariffAfter,
        row.Baseline.Amount / 1e6m,
        row.Projected.Amount / 1e6m,
        row.BaselineShare,
        row.ProjectedShare,
        row.ShareChangePoints));
}

Console.WriteLine();
Console.WriteLine("China's share of Kenya's exports of each product");
foreach (var product in KenyaChina.Products)
{
    var china = result.DestinationShares(Countries.Kenya, product.Code).Single(d => d.Destination.Equals(Countries.China));
    Console.WriteLine(string.Format(ci, "  {0,-9} {1,6:P2} -> {2,6:P2}", product.Name, china.ShareBefore, china.ShareAfter));
}

Console.WriteLine();
var usd = result.Balance(Countries.Kenya, Countries.China);
var kes = result.Balance(Countries.Kenya, Countries.China, KenyaChina.ExchangeRates, Currency.Kes);
Console.WriteLine($"Kenya–China balance {result.Year}, all goods (USD):");
Console.WriteLine(usd);
Console.WriteLine($"change: {usd.Change.Round()}");
Console.WriteLine($"Kenya–China balance {result.Year}, all goods (KES at the {result.Year} annual average):");
Console.WriteLine(kes);
Console.WriteLine($"change: {kes.Change.Round()}");
