using NodaTime;
using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Tests.Projections;

public class ScenarioPackageTests
{
    private static readonly LocalDate Effective = new(2026, 5, 1);
    private static readonly HsCode Tea = HsCode.Parse("0902");
    private static readonly HsCode Machines = HsCode.Parse("85");

    private static TradeDataSet Data() => new(
    [
        TradeFlow.Usd(Countries.Kenya, Countries.China, Tea, 2024, 20_000_000m),
        TradeFlow.Usd(Countries.SriLanka, Countries.China, Tea, 2024, 60_000_000m),
        TradeFlow.Usd(Countries.China, Countries.Kenya, Machines, 2024, 900_000_000m),
        TradeFlow.Usd(Countries.RestOfWorld, Countries.Kenya, Machines, 2024, 400_000_000m),
        TradeFlow.Usd(Countries.Kenya, Countries.China, HsCode.Total, 2024, 190_000_000m),
        TradeFlow.Usd(Countries.China, Countries.Kenya, HsCode.Total, 2024, 4_200_000_000m),
    ]);

    private static TariffSchedule[] Schedules() =>
    [
        new(Countries.China, [new TariffLine(TariffRegime.Mfn, Tea, TariffRate.FromPercent(15m))]),
        new(Countries.Kenya, [new TariffLine(TariffRegime.Mfn, Machines, TariffRate.FromPercent(25m))]),
    ];

    private static Scenario ChinaCut() => new("China 0% on Kenyan tea", Countries.China, [Countries.Kenya], [Tea], TariffChange.NewRate(TariffRate.Zero), Effective);

    private static Scenario KenyaCut() => new("Kenya 0% on Chinese machines", Countries.Kenya, [Countries.China], [Machines], TariffChange.NewRate(TariffRate.Zero), Effective);

    [Fact]
    public void A_reciprocal_package_moves_both_sides_of_the_balance_by_each_parts_change()
    {
        var package = new ScenarioPackage("reciprocal", [ChinaCut(), KenyaCut()]);
        var result = package.Project(Data(), Schedules());

        var exportsOnly = ProjectionModel.Smart.Project(new ProjectionInputs(ChinaCut(), Data(), Schedules()[0]));
        var importsOnly = ProjectionModel.Smart.Project(new ProjectionInputs(KenyaCut(), Data(), Schedules()[1]));
        var dx = exportsOnly.Rows.Single(r => r.Exporter.Equals(Countries.Kenya)).Change;
        var dm = importsOnly.Rows.Single(r => r.Exporter.Equals(Countries.China)).Change;
        Assert.True(dx.Amount > 0m && dm.Amount > 0m);

        var b = result.Balance();
        Assert.Equal((Countries.Kenya, Countries.China), (package.Country, package.Partner));
        Assert.Equal(190_000_000m, b.Before.Exports.Amount);
        Assert.Equal(4_200_000_000m, b.Before.Imports.Amount);
        Assert.Equal(b.Before.Exports + dx, b.After.Exports);
        Assert.Equal(b.Before.Imports + dm, b.After.Imports);
        Assert.Equal(dx - dm, b.Change);

        var parts = result.Contributions(Countries.Kenya, Countries.China);
        Assert.Equal((dx, 0m), (parts[0].ExportChange, parts[0].ImportChange.Amount));
        Assert.Equal((0m, dm), (parts[1].ExportChange.Amount, parts[1].ImportChange));
        Assert.Equal(-dm, parts[1].BalanceChange);
        Assert.Contains("Kenya 0% on Chinese machines: exports 0.00m, imports +", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_parts_may_not_change_the_same_market()
    {
        var broader = new Scenario("China 0% on all coffee, tea", Countries.China, [Countries.SriLanka], [HsCode.Parse("09")], TariffChange.NewRate(TariffRate.Zero), Effective);
        var e = Assert.Throws<ArgumentException>(() => new ScenarioPackage("p", [ChinaCut(), broader]));
        Assert.Contains("both change CHN's rates on HS 09", e.Message, StringComparison.Ordinal);

        // The same code for another importer is another market: fine.
        _ = new ScenarioPackage("p", [ChinaCut(), new Scenario("Kenya tea", Countries.Kenya, [Countries.China], [Tea], TariffChange.NewRate(TariffRate.Zero), Effective)]);
        Assert.Throws<ArgumentException>(() => new ScenarioPackage("p", []));
    }

    [Fact]
    public void Parts_share_one_reference_year()
    {
        var a = new Scenario("a", Countries.China, [Countries.Kenya], [Tea], TariffChange.NewRate(TariffRate.Zero), Effective) { ReferenceYear = 2023 };
        var b = new Scenario("b", Countries.Kenya, [Countries.China], [Machines], TariffChange.NewRate(TariffRate.Zero), Effective) { ReferenceYear = 2024 };
        var e = Assert.Throws<ArgumentException>(() => new ScenarioPackage("p", [a, b]));
        Assert.Contains("different reference years (2023, 2024)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_result_is_built_only_from_its_own_parts_projections()
    {
        var package = new ScenarioPackage("p", [ChinaCut(), KenyaCut()]);
        var data = Data();
        var onlyOne = ProjectionModel.Smart.Project(new ProjectionInputs(package.Parts[0], data, Schedules()[0]));
        Assert.Throws<ArgumentException>(() => new PackageResult(package, [onlyOne]));
        var other = ProjectionModel.Smart.Project(new ProjectionInputs(KenyaCut(), data, Schedules()[1])); // an equal scenario, but not the package's part
        Assert.Throws<ArgumentException>(() => new PackageResult(package, [onlyOne, other]));
        var fine = new PackageResult(package, [onlyOne, ProjectionModel.Smart.Project(new ProjectionInputs(package.Parts[1], data, Schedules()[1]))]);
        Assert.Equal(2024, fine.Year);
    }

    [Fact]
    public void The_balance_is_converted_at_the_years_annual_average()
    {
        var result = new ScenarioPackage("p", [ChinaCut(), KenyaCut()]).Project(Data(), Schedules());
        var rates = new ExchangeRateTable([new ExchangeRate(Currency.Usd, Currency.Kes, 134.82m, new LocalDate(2024, 1, 1), ExchangeRateBasis.AnnualAverage)]);
        var kes = result.Balance(Countries.Kenya, Countries.China, rates, Currency.Kes);
        Assert.Equal(result.Balance().After.Imports.Amount * 134.82m, kes.After.Imports.Amount);
    }
}
