using NodaTime;
using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Tests.Groups;

public class UnionTradeTests
{
    private static readonly LocalDate Effective = new(2026, 5, 1);
    private static readonly HsCode Tea = HsCode.Parse("0902");
    private static readonly Country Deu = Country.FromIso3("DEU");
    private static readonly Country Fra = Country.FromIso3("FRA");
    private static readonly Country Nld = Country.FromIso3("NLD");
    private static readonly Country Gbr = Country.FromIso3("GBR");
    private static readonly Country Eun = CountryGroups.EuropeanUnion.Economy;

    private static TradeDataSet MemberFlows() => new(
    [
        TradeFlow.Usd(Countries.Kenya, Deu, Tea, 2024, 10_000_000m),
        TradeFlow.Usd(Countries.Kenya, Fra, Tea, 2024, 5_000_000m),
        TradeFlow.Usd(Countries.India, Deu, Tea, 2024, 20_000_000m),
        TradeFlow.Usd(Countries.SriLanka, Nld, Tea, 2024, 8_000_000m),
        TradeFlow.Usd(Nld, Deu, Tea, 2024, 3_000_000m),          // re-export inside the union
        TradeFlow.Usd(Countries.Kenya, Gbr, Tea, 2024, 40_000_000m), // not a member in 2026
        TradeFlow.Usd(Deu, Countries.Kenya, HsCode.Parse("84"), 2024, 7_000_000m),
    ]);

    [Fact]
    public void Members_imports_fold_into_the_union_and_trade_inside_it_is_left_out()
    {
        var folded = MemberFlows().AggregateImporters(CountryGroups.EuropeanUnion, Effective);
        Assert.Equal((4, 1), (folded.MemberFlows, folded.IntraGroupFlows)); // KEN→DEU and KEN→FRA make one flow below
        Assert.Equal(27, folded.Members.Count);
        var data = folded.Data;
        Assert.Equal(15_000_000m, data.Total(Countries.Kenya, Eun, Tea, 2024).Amount);
        Assert.Equal(20_000_000m, data.Total(Countries.India, Eun, Tea, 2024).Amount);
        Assert.Equal(8_000_000m, data.Total(Countries.SriLanka, Eun, Tea, 2024).Amount);
        Assert.Equal(0m, data.Total(Nld, Eun, Tea, 2024).Amount);
        Assert.Equal(40_000_000m, data.Total(Countries.Kenya, Gbr, Tea, 2024).Amount);
        Assert.Equal(7_000_000m, data.Total(Deu, Countries.Kenya, HsCode.Parse("84"), 2024).Amount); // members' exports stay
        Assert.DoesNotContain(data.Flows, f => f.Importer.Equals(Deu) || f.Importer.Equals(Fra) || f.Importer.Equals(Nld));
        Assert.Equal("sum of 2 member flows into EUN", data.Flows.Single(f => f.Exporter.Equals(Countries.Kenya) && f.Importer.Equals(Eun)).Source);

        // In 2019 the UK was a member: its imports fold in too.
        var in2019 = MemberFlows().AggregateImporters(CountryGroups.EuropeanUnion, new LocalDate(2019, 6, 1)).Data;
        Assert.Equal(55_000_000m, in2019.Total(Countries.Kenya, Eun, Tea, 2024).Amount);
    }

    [Fact]
    public void Quantities_add_up_only_when_every_part_has_one()
    {
        var data = new TradeDataSet(
        [
            new TradeFlow(Countries.Kenya, Deu, Tea, 2024, new Money(1m, Currency.Usd), 10m),
            new TradeFlow(Countries.Kenya, Fra, Tea, 2024, new Money(1m, Currency.Usd), 5m),
            new TradeFlow(Countries.India, Deu, Tea, 2024, new Money(1m, Currency.Usd), 2m),
            new TradeFlow(Countries.India, Fra, Tea, 2024, new Money(1m, Currency.Usd)),
        ]).AggregateImporters(CountryGroups.EuropeanUnion, Effective).Data;
        Assert.Equal(15m, data.Flows.Single(f => f.Exporter.Equals(Countries.Kenya)).QuantityKg);
        Assert.Null(data.Flows.Single(f => f.Exporter.Equals(Countries.India)).QuantityKg);
    }

    [Fact]
    public void Folding_into_a_union_the_data_already_hold_is_refused()
    {
        var data = new TradeDataSet([TradeFlow.Usd(Countries.Kenya, Deu, Tea, 2024, 1m), TradeFlow.Usd(Countries.Kenya, Eun, Tea, 2024, 1m)]);
        var e = Assert.Throws<ArgumentException>(() => data.AggregateImporters(CountryGroups.EuropeanUnion, Effective));
        Assert.Contains("KEN→EUN HS 0902 2024", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => data.AggregateImporters(CountryGroups.EuropeanUnion, new LocalDate(1950, 1, 1)));
    }

    [Fact]
    public void A_unions_schedule_is_its_members_schedule_unless_a_member_has_its_own()
    {
        var eu = new TariffSchedule(Eun, [new TariffLine(TariffRegime.Mfn, Tea, TariffRate.FromPercent(3.2m))]);
        var france = new TariffSchedule(Fra, [new TariffLine(TariffRegime.Mfn, Tea, TariffRate.FromPercent(9m))]);
        var scenario = new Scenario("EU", Deu, [Countries.Kenya], [Tea], TariffChange.NewRate(TariffRate.Zero), Effective);
        var inputs = new ProjectionInputs(scenario, MemberFlows(), [eu, france]);
        var byImporter = inputs.Schedules.ToDictionary(s => s.Importer);
        Assert.Equal(3.2m, byImporter[Deu].RateFor(Countries.India, Tea, Effective).Rate.Percent);
        Assert.Equal(3.2m, byImporter[Nld].RateFor(Countries.India, Tea, Effective).Rate.Percent);
        Assert.Equal(9m, byImporter[Fra].RateFor(Countries.India, Tea, Effective).Rate.Percent);
        Assert.False(byImporter.ContainsKey(Gbr)); // left before the scenario's date

        // The one rule, as the library exposes it: the importer's own schedule, else its union's on the day.
        Assert.Same(france, TariffSchedule.Find([eu, france], Fra, Effective));
        Assert.Equal(Deu, TariffSchedule.Find([eu, france], Deu, Effective)!.Importer);
        Assert.Null(TariffSchedule.Find([eu, france], Gbr, Effective));
        Assert.Equal(Gbr, TariffSchedule.Find([eu], Gbr, new LocalDate(2019, 1, 1))!.Importer);

        // SMART projects Germany's market with the union's tariff: Kenya 3.2% → 0%.
        var result = ProjectionModel.Smart.Project(inputs);
        var kenya = result.Rows.Single(r => r.Exporter.Equals(Countries.Kenya) && r.Importer.Equals(Deu));
        Assert.Equal((3.2m, 0m), (kenya.TariffBefore.Percent, kenya.TariffAfter.Percent));
        Assert.True(kenya.Projected > kenya.Baseline);
    }

    [Fact]
    public void The_union_as_importer_projects_like_the_same_flows_given_as_EUN()
    {
        var eu = new TariffSchedule(Eun, [new TariffLine(TariffRegime.Mfn, Tea, TariffRate.FromPercent(3.2m))]);
        var scenario = new Scenario("EU tea", Eun, [CountryGroups.EastAfricanCommunity.Economy], [Tea], TariffChange.NewRate(TariffRate.Zero), Effective);
        var folded = MemberFlows().AggregateImporters(CountryGroups.EuropeanUnion, Effective).Data;
        var direct = new TradeDataSet(
        [
            TradeFlow.Usd(Countries.Kenya, Eun, Tea, 2024, 15_000_000m),
            TradeFlow.Usd(Countries.India, Eun, Tea, 2024, 20_000_000m),
            TradeFlow.Usd(Countries.SriLanka, Eun, Tea, 2024, 8_000_000m),
        ]);
        var a = ProjectionModel.Smart.Project(new ProjectionInputs(scenario, folded, eu));
        var b = ProjectionModel.Smart.Project(new ProjectionInputs(scenario, direct, eu));
        var ka = a.Rows.Single(r => r.Exporter.Equals(Countries.Kenya));
        var kb = b.Rows.Single(r => r.Exporter.Equals(Countries.Kenya));
        Assert.Equal(kb.Projected, ka.Projected);
        Assert.True(ka.Projected > ka.Baseline);
        Assert.Contains(Countries.Kenya, scenario.Beneficiaries);
    }
}
