using NodaTime;
using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Tests.Projections;

/// <summary>One resolver for a run's model and Monte Carlo settings: the caller's value, else the scenario's, else the default for the use.</summary>
public class MonteCarloSettingsResolveTests
{
    private static Scenario Plain(MonteCarloSettings? mc = null, ProjectionModelKind model = ProjectionModelKind.Smart) =>
        new("s", Countries.China, [Countries.Kenya], [HsCode.Parse("0902")], TariffChange.NewRate(TariffRate.Zero), new LocalDate(2026, 5, 1)) { MonteCarlo = mc, Model = model };

    [Fact]
    public void Defaults_depend_on_the_use_and_on_whether_a_draw_costs_a_projection()
    {
        Assert.Equal(new MonteCarloSettings(MonteCarloSettings.BandDraws, 42, 0.5), MonteCarloSettings.Resolve(Plain(), ProjectionModel.Smart, MonteCarloUse.Bands));
        Assert.Null(MonteCarloSettings.Resolve(Plain(), ProjectionModel.Gsim, MonteCarloUse.Bands)); // a GSIM draw is a projection: asked for, not drawn by default
        Assert.Equal(MonteCarloSettings.DefaultDraws, MonteCarloSettings.Resolve(Plain(), ProjectionModel.Gsim, MonteCarloUse.Sensitivity)!.Draws);
        Assert.Equal(new MonteCarloSettings(), MonteCarloSettings.Resolve(Plain(), ProjectionModel.Smart, MonteCarloUse.Sensitivity));
    }

    [Fact]
    public void The_callers_value_wins_then_the_scenarios()
    {
        var scenario = Plain(new MonteCarloSettings(300, 7, 0.25));
        Assert.Equal(new MonteCarloSettings(300, 7, 0.25), MonteCarloSettings.Resolve(scenario, ProjectionModel.Gsim, MonteCarloUse.Bands));
        Assert.Equal(new MonteCarloSettings(50, 9, 0.1), MonteCarloSettings.Resolve(scenario, ProjectionModel.Smart, MonteCarloUse.Sensitivity, 50, 9, 0.1));
        Assert.Null(MonteCarloSettings.Resolve(scenario, ProjectionModel.Smart, MonteCarloUse.Bands, draws: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => MonteCarloSettings.Resolve(scenario, ProjectionModel.Smart, MonteCarloUse.Sensitivity, draws: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => MonteCarloSettings.Resolve(scenario, ProjectionModel.Smart, MonteCarloUse.Bands, spread: 1.5));
    }

    [Fact]
    public void The_model_is_the_callers_else_the_scenarios()
    {
        Assert.Same(ProjectionModel.Gsim, ProjectionModel.Resolve(Plain(model: ProjectionModelKind.Gsim)));
        Assert.Same(ProjectionModel.Smart, ProjectionModel.Resolve(Plain(model: ProjectionModelKind.Gsim), ProjectionModel.Smart));
        Assert.Throws<ArgumentNullException>(() => ProjectionModel.Resolve(null!));
    }
}
