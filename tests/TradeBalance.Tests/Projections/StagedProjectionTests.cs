using NodaTime;
using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Tests.Projections;

public class StagedProjectionTests
{
    private static readonly TradeDataSet Tea = ProjectionFixtures.Market(ProjectionFixtures.Tea, 20_000_000m, 68_000_000m, 22_000_000m, 23_000_000m);
    private static readonly TariffSchedule Schedule = ProjectionFixtures.Schedule(15m);

    private static Scenario Staged(int stages, double eps = 99d)
    {
        var s = ProjectionFixtures.Scenario(TariffChange.NewRate(TariffRate.Zero), new ElasticityValues(-1.5, 1.83, eps));
        return s with { Stages = stages };
    }

    [Theory]
    [InlineData(3)]
    [InlineData(7)]
    public void Stage_k_rate_is_exact_on_its_date(int stages)
    {
        var scenario = Staged(stages);
        var effective = ProjectionFixtures.Effective;
        Assert.Equal(new TariffRate(15m), StagedProjection.RateInForce(scenario, Schedule, Countries.Kenya, ProjectionFixtures.Tea, effective.PlusDays(-1)));
        for (var k = 1; k <= stages; k++)
        {
            var start = StagedProjection.StageStart(scenario, k);
            Assert.Equal(effective.PlusYears(k - 1), start);
            var expected = new TariffRate(15m - (15m * k / stages));
            Assert.Equal(expected, StagedProjection.RateInForce(scenario, Schedule, Countries.Kenya, ProjectionFixtures.Tea, start));
            Assert.Equal(k, StagedProjection.StageInForce(scenario, start));
            Assert.Equal(k - 1, StagedProjection.StageInForce(scenario, start.PlusDays(-1)));
        }

        Assert.Equal(TariffRate.Zero, StagedProjection.RateInForce(scenario, Schedule, Countries.Kenya, ProjectionFixtures.Tea, effective.PlusYears(50)));
    }

    [Fact]
    public void Staged_schedule_gives_the_same_rates_as_the_rule()
    {
        var scenario = Staged(3);
        var staged = StagedProjection.ToSchedule(scenario, Schedule);
        Assert.Equal(3 * 1, StagedProjection.ToTariffLines(scenario, Schedule).Length);
        for (var d = ProjectionFixtures.Effective.PlusDays(-3); d < ProjectionFixtures.Effective.PlusYears(4); d = d.PlusDays(17))
        {
            Assert.Equal(StagedProjection.RateInForce(scenario, Schedule, Countries.Kenya, ProjectionFixtures.Tea, d), staged.RateFor(Countries.Kenya, ProjectionFixtures.Tea, d).Rate);
            Assert.Equal(new TariffRate(15m), staged.RateFor(Countries.SriLanka, ProjectionFixtures.Tea, d).Rate);
        }
    }

    [Fact]
    public void Staged_increase_cannot_become_schedule_lines()
    {
        var s = ProjectionFixtures.Scenario(TariffChange.NewRate(new TariffRate(30m)), new ElasticityValues(-1.5, 1.83, 99));
        Assert.Throws<ArgumentException>(() => StagedProjection.ToTariffLines(s, Schedule));
    }

    [Theory]
    [InlineData(ProjectionModelKind.Smart, 99d)]
    [InlineData(ProjectionModelKind.Armington, 2d)]
    [InlineData(ProjectionModelKind.Gsim, 2d)]
    public void Last_stage_equals_the_one_step_cut(ProjectionModelKind model, double eps)
    {
        var scenario = Staged(3, eps);
        var path = ProjectionModel.For(model).ProjectStages(new ProjectionInputs(scenario, Tea, Schedule), 2025, 2030);
        Assert.Equal(6, path.Count);
        Assert.Equal([0, 1, 2, 3, 3, 3], path.Select(p => p.Stage));
        Assert.Equal(new LocalDate(2027, 7, 1), path.ForYear(2027).Date);
        Assert.Equal(new TariffRate(10m), path.ForYear(2026).RateFor(Countries.Kenya, ProjectionFixtures.Tea));
        Assert.Equal(new TariffRate(5m), path.ForYear(2027).RateFor(Countries.Kenya, ProjectionFixtures.Tea));

        var oneStep = model switch
        {
            ProjectionModelKind.Smart => ProjectionModel.Smart.Project(new ProjectionInputs(Staged(1, eps), Tea, Schedule)),
            ProjectionModelKind.Armington => ProjectionModel.Armington.Project(new ProjectionInputs(Staged(1, eps), Tea, Schedule)),
            _ => ProjectionModel.Gsim.Solve(new ProjectionInputs(Staged(1, eps), Tea, [Schedule])).Projection,
        };
        Assert.Equal(oneStep.Rows, path.ForYear(2028).Result.Rows);
        Assert.Equal(oneStep.Rows, path.ForYear(2030).Result.Rows);

        // Before the effective date nothing moves; the stages move monotonically towards the one-step result.
        Assert.All(path.ForYear(2025).Result.Rows, r => Assert.Equal(0d, (double)r.Change.Amount, 1e-6));
        var kenya = path.Select(p => p.Result.Rows.Single(r => r.Exporter == Countries.Kenya).Projected.Amount).ToList();
        Assert.True(kenya[0] < kenya[1] && kenya[1] < kenya[2] && kenya[2] < kenya[3]);
    }

    [Fact]
    public void Year_range_is_checked()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProjectionModel.Smart.ProjectStages(new ProjectionInputs(Staged(2), Tea, Schedule), 2030, 2029));
        Assert.Throws<ArgumentOutOfRangeException>(() => StagedProjection.StageStart(Staged(2), 3));
    }

    [Fact]
    public void A_custom_day_of_the_year_selects_the_rates()
    {
        // Effective 1 May: on 1 April 2026 the cut has not started; on 1 June it has.
        var april = ProjectionModel.Smart.ProjectStages(new ProjectionInputs(Staged(2), Tea, Schedule), 2026, 2026, new AnnualDate(4, 1));
        var june = ProjectionModel.Smart.ProjectStages(new ProjectionInputs(Staged(2), Tea, Schedule), 2026, 2026, new AnnualDate(6, 1));
        Assert.Equal(0, april[0].Stage);
        Assert.Equal(new TariffRate(15m), april[0].RateFor(Countries.Kenya, ProjectionFixtures.Tea));
        Assert.Equal(new TariffRate(7.5m), june[0].RateFor(Countries.Kenya, ProjectionFixtures.Tea));
    }

    /// <summary>Every public entry checks its arguments, by name (the whole-core mutation run removed each check with no
    /// test failing); a beneficiary the scenario does not change is named; a path longer than 200 years is refused.</summary>
    [Fact]
    public void Staged_entries_check_their_arguments()
    {
        var s = Staged(3);
        var day = ProjectionFixtures.Effective;
        var tea = ProjectionFixtures.Tea;
        Assert.Equal("scenario", Assert.Throws<ArgumentNullException>(() => StagedProjection.StageStart(null!, 1)).ParamName);
        Assert.Equal("stage", Assert.Throws<ArgumentOutOfRangeException>(() => StagedProjection.StageStart(s, 0)).ParamName);
        Assert.Equal("scenario", Assert.Throws<ArgumentNullException>(() => StagedProjection.StageInForce(null!, day)).ParamName);
        Assert.Equal("scenario", Assert.Throws<ArgumentNullException>(() => StagedProjection.RateInForce(null!, Schedule, Countries.Kenya, tea, day)).ParamName);
        Assert.Equal("tariffs", Assert.Throws<ArgumentNullException>(() => StagedProjection.RateInForce(s, null!, Countries.Kenya, tea, day)).ParamName);
        Assert.Equal("beneficiary", Assert.Throws<ArgumentNullException>(() => StagedProjection.RateInForce(s, Schedule, null!, tea, day)).ParamName);
        Assert.Equal("hs", Assert.Throws<ArgumentNullException>(() => StagedProjection.RateInForce(s, Schedule, Countries.Kenya, null!, day)).ParamName);
        var other = Assert.Throws<ArgumentException>(() => StagedProjection.RateInForce(s, Schedule, Countries.SriLanka, tea, day));
        Assert.StartsWith($"The scenario does not change LKA's rate on HS {tea}.", other.Message, StringComparison.Ordinal);
        Assert.Equal("scenario", Assert.Throws<ArgumentNullException>(() => StagedProjection.ToTariffLines(null!, Schedule)).ParamName);
        Assert.Equal("tariffs", Assert.Throws<ArgumentNullException>(() => StagedProjection.ToTariffLines(s, null!)).ParamName);
        Assert.Equal("tariffs", Assert.Throws<ArgumentNullException>(() => StagedProjection.ToSchedule(s, null!)).ParamName);
        Assert.Equal("toYear", Assert.Throws<ArgumentOutOfRangeException>(() => ProjectionModel.Smart.ProjectStages(new ProjectionInputs(s, Tea, Schedule), 2026, 2227)).ParamName);
        Assert.Equal(201, ProjectionModel.Smart.ProjectStages(new ProjectionInputs(s, Tea, Schedule), 2026, 2226).Points.Length);
    }

    /// <summary>Before the first stage the rate is the old one, from the last stage on the new one, exactly.</summary>
    [Fact]
    public void Rates_before_the_first_stage_and_after_the_last_are_the_ends_exactly()
    {
        var s = Staged(4);
        var effective = ProjectionFixtures.Effective;
        Assert.Equal(new TariffRate(15m), StagedProjection.RateInForce(s, Schedule, Countries.Kenya, ProjectionFixtures.Tea, effective.PlusDays(-1)));
        Assert.Equal(TariffRate.Zero, StagedProjection.RateInForce(s, Schedule, Countries.Kenya, ProjectionFixtures.Tea, effective.PlusYears(3)));
        Assert.Equal(TariffRate.Zero, StagedProjection.RateInForce(s, Schedule, Countries.Kenya, ProjectionFixtures.Tea, effective.PlusYears(40)));
        Assert.Equal(new TariffRate(11.25m), StagedProjection.RateInForce(s, Schedule, Countries.Kenya, ProjectionFixtures.Tea, effective));
    }
}
