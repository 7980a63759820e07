using NodaTime;
using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Tests.Projections;

/// <summary>
/// Backtests: the rates of a year are the mean of the rates applied on its days, a projection replays them from the
/// baseline, and each score compares the projected change in share with what happened.
/// </summary>
public class BacktestTests
{
    private static readonly HsCode Wine = HsCode.Parse("2204");
    private static readonly Country Australia = Country.Parse("AUS");
    private static readonly Country Chile = Country.Parse("CHL");

    // An illustrative market: Australia's cut in steps from 2015-12-20, Chile already at 0 all along.
    private static TariffSchedule Schedule() => new(Countries.China,
    [
        new TariffLine(TariffRegime.Mfn, Wine, TariffRate.FromPercent(14m)),
        new TariffLine(TariffRegime.For(Australia), Wine, TariffRate.FromPercent(11.2m), new DateInterval(new LocalDate(2015, 12, 20), new LocalDate(2015, 12, 31))),
        new TariffLine(TariffRegime.For(Australia), Wine, TariffRate.FromPercent(5.6m), new DateInterval(new LocalDate(2016, 1, 1), new LocalDate(2016, 6, 30))),
        new TariffLine(TariffRegime.For(Australia), Wine, TariffRate.Zero, new DateInterval(new LocalDate(2016, 7, 1), TariffLine.OpenEnd)),
        new TariffLine(TariffRegime.For(Chile), Wine, TariffRate.Zero, new DateInterval(new LocalDate(2015, 1, 1), TariffLine.OpenEnd)),
    ]);

    private static TradeDataSet Flows() => new(
    [
        TradeFlow.Usd(Australia, Countries.China, Wine, 2015, 100_000_000m),
        TradeFlow.Usd(Chile, Countries.China, Wine, 2015, 50_000_000m),
        TradeFlow.Usd(Countries.RestOfWorld, Countries.China, Wine, 2015, 350_000_000m),
        TradeFlow.Usd(Australia, Countries.China, Wine, 2016, 150_000_000m),
        TradeFlow.Usd(Chile, Countries.China, Wine, 2016, 55_000_000m),
        TradeFlow.Usd(Countries.RestOfWorld, Countries.China, Wine, 2016, 345_000_000m),
        TradeFlow.Usd(Australia, Countries.China, Wine, 2017, 200_000_000m),
        TradeFlow.Usd(Chile, Countries.China, Wine, 2017, 60_000_000m),
        TradeFlow.Usd(Countries.RestOfWorld, Countries.China, Wine, 2017, 340_000_000m),
    ]);

    private static Scenario Scenario(int? year = 2015) =>
        new("China: Australian wine 14% to 0", Countries.China, [Australia], [Wine], TariffChange.NewRate(TariffRate.Zero), new LocalDate(2015, 12, 20))
        {
            ReferenceYear = year,
            Elasticities = new Elasticities(new ElasticityValues(-1.5, 3, 99)),
        };

    private static BacktestCase Case() => new("test-wine", Scenario(), Flows(), Schedule(), [2016, 2017]);

    [Fact]
    public void A_years_rate_is_the_mean_of_the_rates_applied_on_its_days()
    {
        var result = Backtest.Run(Case(), new BacktestOptions { Models = [ProjectionModel.Smart], Draws = 0 }, TestContext.Current.CancellationToken);
        var y2016 = result.Scores.Single(s => s.Year == 2016);
        var y2017 = result.Scores.Single(s => s.Year == 2017);

        // 2015: 14 % for 353 days, 11.2 % for 12; 2016 (a leap year): 5.6 % for 182 days, 0 for 184; 2017: 0.
        Assert.Equal(Math.Round(((353m * 14m) + (12m * 11.2m)) / 365m, 6), y2016.TariffBaseline.Percent);
        Assert.Equal(Math.Round(182m * 5.6m / 366m, 6), y2016.TariffOutcome.Percent);
        Assert.Equal(0m, y2017.TariffOutcome.Percent);
    }

    [Fact]
    public void A_score_is_the_projection_with_those_rates_against_the_outcome()
    {
        var result = Backtest.Run(Case(), new BacktestOptions { Draws = 0 }, TestContext.Current.CancellationToken);
        Assert.Equal(["scenario"], result.SubstitutionSources);
        Assert.Equal(2 * 3, result.Scores.Length); // two years × three models × one source × one market and beneficiary

        // The oracle: the same projection as a plain scenario whose schedule has the two rates and no dates.
        var baseline = Math.Round(((353m * 14m) + (12m * 11.2m)) / 365m, 6);
        var plain = new TariffSchedule(Countries.China,
        [
            new TariffLine(TariffRegime.Mfn, Wine, TariffRate.FromPercent(14m)),
            new TariffLine(TariffRegime.For(Australia), Wine, new TariffRate(baseline)),
            new TariffLine(TariffRegime.For(Chile), Wine, TariffRate.Zero),
        ]);
        var only2015 = new TradeDataSet(Flows().Flows.Where(f => f.Year == 2015));
        foreach (var model in ProjectionModel.All)
        {
            var expected = model.Project(new ProjectionInputs(Scenario(), only2015, [plain])).Rows.Single(r => r.Exporter == Australia);
            var score = result.Scores.Single(s => s.Year == 2017 && s.Model.Equals(model));
            Assert.Equal(expected.Projected, score.ProjectedValue);
            Assert.Equal(expected.ProjectedShare, score.ProjectedShare, 15);
            Assert.Equal(0.2, score.BaselineShare, 15);
            Assert.Equal(200_000_000m, score.ActualValue.Amount);
            Assert.Equal(200d / 600d, score.ActualShare, 15);
            Assert.Equal((expected.ProjectedShare - 0.2) * 100d, score.ProjectedChangePoints, 12);
            Assert.Equal((200d / 600d - 0.2) * 100d, score.ActualChangePoints, 12);
            Assert.Equal(score.ProjectedChangePoints - score.ActualChangePoints, score.ErrorPoints, 12);
            Assert.True(score.SignAgrees);
            Assert.Null(score.ProjectedShareBand);
            Assert.Null(score.InsideBand);
            Assert.Equal(1.0, score.ActualValueChange!.Value, 15);
        }
    }

    [Fact]
    public void Bands_come_from_the_draws_and_hold_the_central_estimate()
    {
        var result = Backtest.Run(Case(), new BacktestOptions { Models = [ProjectionModel.Smart], Draws = 300, Seed = 7 }, TestContext.Current.CancellationToken);
        foreach (var s in result.Scores)
        {
            var band = s.ProjectedShareBand!.Value;
            Assert.True(band.P5 <= s.ProjectedShare && s.ProjectedShare <= band.P95, $"{s}: {band}");
            Assert.Equal(s.ActualShare >= band.P5 && s.ActualShare <= band.P95, s.InsideBand);
        }

        // The same seed gives the same scores.
        Assert.Equal(result.Scores, Backtest.Run(Case(), new BacktestOptions { Models = [ProjectionModel.Smart], Draws = 300, Seed = 7 }, TestContext.Current.CancellationToken).Scores);
    }

    [Fact]
    public void Each_published_table_is_scored_alone_and_their_middle_too()
    {
        var s = Scenario();
        var withTables = s with { Elasticities = Elasticities.SmartDefaults.WithSubstitutionTables(ElasticityTables.BrodaWeinstein2006, ElasticityTables.CepiiProTee) };
        var result = Backtest.Run(new BacktestCase("tables", withTables, Flows(), Schedule(), [2017]), new BacktestOptions { Models = [ProjectionModel.Smart], Draws = 0 }, TestContext.Current.CancellationToken);
        Assert.Equal(["broda-weinstein-2006", "cepii-protee-2022", "middle of broda-weinstein-2006 and cepii-protee-2022"], result.SubstitutionSources);
        var byTable = result.Scores.ToDictionary(x => x.Substitution, x => x.ProjectedChangePoints);

        // China's wine: Broda & Weinstein's σ (HS3 220, 25.03) is far above ProTEE's (2204, 3.45); the middle lies between.
        Assert.True(byTable["cepii-protee-2022"] < byTable[result.SubstitutionSources[2]] && byTable[result.SubstitutionSources[2]] < byTable["broda-weinstein-2006"]);
    }

    [Fact]
    public void A_supplier_whose_applied_rate_did_not_move_gets_no_tariff_effect_whatever_the_policy_date_says()
    {
        // Chile as the 'beneficiary' of a change dated 2015-12-20: it already paid 0 from 2015-01-01, so the
        // replay moves nothing for it; its share still moves in the outcome, for other reasons.
        var s = Scenario();
        var chile = new Scenario("Chile (already at 0)", s.Importer, [Chile], s.Lines, s.Change, s.Effective) { ReferenceYear = 2015, Elasticities = s.Elasticities };
        var result = Backtest.Run(new BacktestCase("control", chile, Flows(), Schedule(), [2017]), new BacktestOptions { Models = [ProjectionModel.Smart], Draws = 0 }, TestContext.Current.CancellationToken);
        var score = result.Scores.Single();
        Assert.Equal(TariffRate.Zero, score.TariffBaseline);
        Assert.Equal(TariffRate.Zero, score.TariffOutcome);
        Assert.True(score.ProjectedChangePoints < 0, "Australia's cut diverts a little from Chile"); // the rival's cut still diverts
        Assert.Equal(0.1, score.BaselineShare, 15);
        Assert.Equal(0.1, score.ActualShare, 15);
    }

    [Fact]
    public void A_case_refuses_what_it_cannot_score_and_names_it()
    {
        var noYear = Assert.Throws<ArgumentException>(() => new BacktestCase("x", Scenario(year: null), Flows(), Schedule(), [2016]));
        Assert.Contains("no reference year", noYear.Message, StringComparison.Ordinal);
        var early = Assert.Throws<ArgumentException>(() => new BacktestCase("x", Scenario(), Flows(), Schedule(), [2015]));
        Assert.Contains("The outcome year 2015 is not after the baseline year 2015", early.Message, StringComparison.Ordinal);
        var twice = Assert.Throws<ArgumentException>(() => new BacktestCase("x", Scenario(), Flows(), Schedule(), [2016, 2016]));
        Assert.Contains("given twice", twice.Message, StringComparison.Ordinal);
        var missing = Assert.Throws<ArgumentException>(() => new BacktestCase("x", Scenario(), Flows(), Schedule(), [2018]));
        Assert.Contains("no CHN imports of HS 2204 in the outcome year 2018", missing.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new BacktestCase("x", Scenario(), Flows(), Schedule(), []));
        Assert.Throws<ArgumentException>(() => new BacktestCase(" ", Scenario(), Flows(), Schedule(), [2016]));
        Assert.Throws<ArgumentException>(() => new BacktestCase("x", Scenario(), Flows(), new TariffSchedule(Countries.Kenya, []), [2016]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BacktestOptions { Draws = -1 });
        Assert.Throws<ArgumentException>(() => new BacktestOptions { Models = [] });

        // A day no line covers is named when the rates are read.
        var gap = new TariffSchedule(Countries.China, [new TariffLine(TariffRegime.Mfn, Wine, TariffRate.FromPercent(14m), new DateInterval(new LocalDate(2015, 1, 1), new LocalDate(2016, 12, 31)))]);
        var e = Assert.Throws<KeyNotFoundException>(() => Backtest.Run(new BacktestCase("x", Scenario(), Flows(), gap, [2017]), new BacktestOptions { Draws = 0 }, TestContext.Current.CancellationToken));
        Assert.Contains("2017-01-01", e.Message, StringComparison.Ordinal);
    }
}
