#!/usr/bin/env dotnet
#:project ../src/TradeBalance.Data/TradeBalance.Data.csproj
// From a CEPII BACI file to a projection: read a BACI trade file (t,i,j,k,v,q; v in thousands of
// USD) with its country-code file, a tariff file and a scenario file, project with WITS-SMART, and
// print what each step did. The data in samples/data are small and illustrative (see its README.md);
// point the paths at a real BACI release to do the same on real data.
//
// Run from the repository:   dotnet run samples/baci-project.cs
// Outside the repository, copy this file and samples/data/, and replace the #:project line above with
//   #:package TradeBalance.Data@0.1.0
using System.Globalization;
using TradeBalance;
using TradeBalance.Data;
using TradeBalance.Projections;

var ci = CultureInfo.InvariantCulture;
var data = Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? Directory.GetCurrentDirectory(), "data");

// BACI's own numeric codes (699 India, 490 "Other Asia, nes") resolve through the release's code file.
var (codes, codesReport) = BaciCountryCodes.Read(Path.Combine(data, "country-codes.csv"));
var (flows, flowsReport) = BaciReader.Read(
    Path.Combine(data, "baci-tea-2023.csv"),
    new BaciReadOptions { CountryCodes = codes, Products = [HsCode.Parse("0902")] });
var (tariffs, tariffsReport) = TariffsCsv.Read(Path.Combine(data, "tariffs-china-tea.csv"), Countries.China);
var scenario = ScenarioJson.Read(Path.Combine(data, "scenario-kenya-tea.json"));

foreach (var report in new[] { codesReport, flowsReport, tariffsReport })
{
    Console.WriteLine(report);
}

Console.WriteLine();
var result = ProjectionModel.Smart.Project(new ProjectionInputs(scenario, flows, tariffs));
Console.WriteLine(result);

var kenya = result.Rows.Where(r => r.Exporter.Equals(Countries.Kenya)).ToList();
var before = Money.Sum(kenya.Select(r => r.Baseline), Currency.Usd);
var after = Money.Sum(kenya.Select(r => r.Projected), Currency.Usd);
Console.WriteLine(string.Format(ci, "Kenya's tea exports to China, {0}: {1} -> {2} ({3:+0.0%})", result.Year, before.Round(), after.Round(), (double)((after.Amount - before.Amount) / before.Amount)));

var china = result.DestinationShares(Countries.Kenya, HsCode.Parse("0902")).Single(d => d.Destination.Equals(Countries.China));
Console.WriteLine(string.Format(ci, "China's share of Kenya's tea exports: {0:P2} -> {1:P2}", china.ShareBefore, china.ShareAfter));
