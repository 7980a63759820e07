using NodaTime;
using TradeBalance.Projections;
using TradeBalance.Testing;
using Xunit;

namespace TradeBalance.Data.Tests;

/// <summary>
/// The C# examples of issue 18: a reciprocal package (README), the EU as an importer and a summary in
/// another currency (docs/concepts.md). Compiled and run here; a test checks the page shows the same code and output.
/// </summary>
public class ReadmeDealExamples
{
    internal static string ReciprocalExample()
    {
        var output = new StringWriter();
        var Console = output; // the README example writes to the console
        // README:reciprocal-begin
        // China's zero tariff (Kenya's exports) and a hypothetical reciprocal cut by Kenya (its imports)
        var result = KenyaChina.ReciprocalPackage.Project(KenyaChina.Flows, KenyaChina.TariffSchedules);
        foreach (var part in result.Contributions(Countries.Kenya, Countries.China))
        {
            Console.WriteLine(part);
        }

        Console.WriteLine(result.Balance().After);
        Console.WriteLine(result.Balance(Countries.Kenya, Countries.China, KenyaChina.ExchangeRates, Currency.Kes).After);

        // The same balance from China's side, in China's currency on the date (CNY)
        var cny = Currency.ForCountry(Countries.China, new LocalDate(2024, 1, 1));
        Console.WriteLine(result.Balance(Countries.China, Countries.Kenya, KenyaChina.ExchangeRates, cny).After);
        // README:reciprocal-end
        return output.ToString();
    }

    internal static string EuropeanUnionExample()
    {
        var output = new StringWriter();
        var Console = output; // the README example writes to the console
        // README:eu-importer-begin
        var greenTea = HsCode.Parse("090210");
        var (germany, netherlands) = (Country.Parse("DEU"), Country.Parse("NLD"));
        var flows = new TradeDataSet(
        [
            TradeFlow.Usd(Countries.China, germany, greenTea, 2024, 42_000_000m), // illustrative values
            TradeFlow.Usd(Countries.Kenya, netherlands, greenTea, 2024, 3_000_000m),
            TradeFlow.Usd(netherlands, germany, greenTea, 2024, 3_000_000m), // inside the union: left out
        ]);
        var eu = CountryGroups.EuropeanUnion; // EUN: the members, with the dates they joined and left
        var effective = new LocalDate(2027, 1, 1);
        var folded = flows.AggregateImporters(eu, effective);
        var tariffs = new TariffSchedule(eu.Economy,
        [
            new TariffLine(TariffRegime.Mfn, greenTea, TariffRate.FromPercent(3.2m)),
            new TariffLine(TariffRegime.For(Countries.Kenya), greenTea, TariffRate.Zero), // EU-Kenya EPA
        ]);
        var scenario = new Scenario("EU: 0% on Chinese green tea", eu.Economy, [Countries.China], [greenTea], TariffChange.NewRate(TariffRate.Zero), effective);
        var result = ProjectionModel.Smart.Project(new ProjectionInputs(scenario, folded.Data, tariffs));
        Console.WriteLine(folded);
        foreach (var r in result.Rows)
        {
            Console.WriteLine(FormattableString.Invariant($"{r.Exporter}: {r.Baseline.Round()} -> {r.Projected.Round()}"));
        }

        var cny = Currency.ForCountry(Countries.China, new LocalDate(2024, 1, 1)); // a summary in the beneficiary's currency
        var china = result.Rows.Single(r => r.Exporter == Countries.China);
        Console.WriteLine(KenyaChina.ExchangeRates.Convert(china.Projected, cny, new LocalDate(2024, 1, 1), ExchangeRateRule.AnnualAverage).Round());
        // README:eu-importer-end
        return output.ToString();
    }

    [Theory]
    [InlineData("reciprocal")]
    [InlineData("eu-importer")]
    public void The_README_shows_the_examples_code_and_output(string name)
    {
        var printed = name == "reciprocal" ? ReciprocalExample() : EuropeanUnionExample();
        if (Environment.GetEnvironmentVariable("TRADEBALANCE_PRINT_README") is { Length: > 0 } dump)
        {
            File.WriteAllText(dump + "." + name, printed);
        }

        var readme = Normalize(File.ReadAllText(RepoFiles.Path(name == "eu-importer" ? Path.Combine("docs", "concepts.md") : "README.md")));
        Assert.Contains(Normalize(ExampleCode(name)), readme, StringComparison.Ordinal);
        Assert.Contains(Normalize(printed), readme, StringComparison.Ordinal);
    }

    private static string ExampleCode(string name) => RepoFiles.ExampleCode(Path.Combine("tests", "TradeBalance.Data.Tests", "ReadmeDealExamples.cs"), name);

    private static string Normalize(string s) => s.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
}
