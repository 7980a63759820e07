using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Data.Tests;

/// <summary>A model is an object: its names, its dispatch, and that every way in gives the results the model types give.</summary>
public sealed class ProjectionModelTests
{
    private static readonly ProjectionInputs Embedded = new(KenyaChina.Scenario, KenyaChina.Flows, KenyaChina.Tariffs);

    private static readonly ProjectionInputs EveryImporter = new(KenyaChina.Scenario, KenyaChina.Flows, KenyaChina.TariffSchedules);

    public static TheoryData<string> Names => ["smart", "armington", "gsim"];

    [Theory]
    [MemberData(nameof(Names))]
    public void A_model_is_found_by_its_name_and_its_kind(string name)
    {
        var model = ProjectionModel.Parse(name);
        Assert.Equal(name, model.Name);
        Assert.Equal(model, ProjectionModel.Parse(" " + name.ToUpperInvariant() + " "));
        Assert.Same(model, ProjectionModel.For(model.Kind));
        Assert.Equal(name, ScenarioJson.FormatModel(model.Kind));
        Assert.Contains(model, ProjectionModel.All);
    }

    [Fact]
    public void An_unknown_name_is_refused_with_the_names()
    {
        Assert.False(ProjectionModel.TryParse("cge", out _));
        var e = Assert.Throws<FormatException>(() => ProjectionModel.Parse("cge"));
        Assert.Equal("'cge' is not a model; the models are smart, armington, gsim.", e.Message);
    }

    [Fact]
    public void Each_model_projects_what_its_own_type_projects()
    {
        Same(ProjectionModel.Smart.Project(new ProjectionInputs(KenyaChina.Scenario, KenyaChina.Flows, KenyaChina.Tariffs)), ProjectionModel.Smart.Project(Embedded));
        Same(ProjectionModel.Armington.Project(new ProjectionInputs(KenyaChina.Scenario, KenyaChina.Flows, KenyaChina.Tariffs)), ProjectionModel.Armington.Project(Embedded));
        Same(ProjectionModel.Gsim.Solve(new ProjectionInputs(KenyaChina.Scenario, KenyaChina.Flows, EveryImporter.Schedules)).Projection, ProjectionModel.Gsim.Project(EveryImporter));
    }

    [Fact]
    public void Armington_options_travel_with_the_model()
    {
        var strict = ProjectionModel.ArmingtonWith(new ArmingtonOptions { MaxIterations = 1 });
        Assert.NotEqual(ProjectionModel.Armington, strict);
        Assert.Equal(ProjectionModel.Armington, ProjectionModel.ArmingtonWith(ArmingtonOptions.Default));
        Assert.Equal("armington", strict.Name);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Staged_cuts_run_over_every_model(string name)
    {
        var model = ProjectionModel.Parse(name);
        var inputs = model.NeedsEveryImporter ? EveryImporter : Embedded;
        var k = KenyaChina.Scenario;
        var scenario = k with { Stages = 3 };
        var staged = new ProjectionInputs(scenario, inputs.Data, inputs.Schedules);
        var path = model.ProjectStages(staged, 2025, 2029);
        var old = model.ProjectStages(new ProjectionInputs(scenario, inputs.Data, inputs.Schedules), 2025, 2029);
        Assert.Equal(model, path.Model);
        Assert.Equal(old.Points.Length, path.Points.Length);
        for (var i = 0; i < old.Points.Length; i++)
        {
            Same(old.Points[i].Result, path.Points[i].Result);
        }
    }

    [Fact]
    public void Monte_Carlo_through_the_model_is_the_sensitivity_run()
    {
        var settings = new MonteCarloSettings(50, 7, 0.5);
        foreach (var model in ProjectionModel.All.Where(m => !m.NeedsEveryImporter))
        {
            var direct = model.MonteCarlo(new ProjectionInputs(KenyaChina.Scenario, KenyaChina.Flows, KenyaChina.Tariffs), settings, cancellationToken: TestContext.Current.CancellationToken);
            var through = model.MonteCarlo(Embedded, settings, cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(model, through.Model);
            Assert.Equal(direct.Rows.Select(r => (r.Projected.P5, r.Projected.P50, r.Projected.P95)), through.Rows.Select(r => (r.Projected.P5, r.Projected.P50, r.Projected.P95)));
        }
    }

    [Fact]
    public void A_result_keeps_the_whole_model_it_was_projected_with_options_included()
    {
        var strict = ProjectionModel.ArmingtonWith(new ArmingtonOptions { Tolerance = 1e-13 });
        var result = strict.Project(Embedded);
        Assert.Same(strict, result.Model);
        Assert.NotEqual(ProjectionModel.Armington, result.Model);
        Assert.Equal("ΔCS + ΔTR", result.Model.WelfareMeasure);
        Assert.Same(strict, strict.MonteCarlo(Embedded, new MonteCarloSettings(5), cancellationToken: TestContext.Current.CancellationToken).Model);
        Assert.Equal("dead-weight loss recovered", ProjectionModel.Smart.WelfareMeasure);
    }

    [Fact]
    public void Gsim_needs_every_importer_and_its_draws_cost_a_projection()
    {
        Assert.True(ProjectionModel.Gsim.NeedsEveryImporter);
        Assert.True(ProjectionModel.Gsim.DrawsCostAProjection);
        // China's schedule alone is not enough: the data hold imports into Kenya and the rest of the world too.
        var e = Assert.Throws<ArgumentException>(() => ProjectionModel.Gsim.MonteCarlo(new ProjectionInputs(KenyaChina.Scenario, KenyaChina.Flows, KenyaChina.Tariffs), new MonteCarloSettings(10), cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("missing", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Monte_Carlo_over_Gsim_with_no_spread_and_one_sigma_source_is_the_point_projection()
    {
        var s = KenyaChina.Scenario;
        var oneSource = s with { Elasticities = s.Elasticities.WithSubstitutionTables(ElasticityTables.BrodaWeinstein2006) };
        var inputs = new ProjectionInputs(oneSource, KenyaChina.Flows, KenyaChina.TariffSchedules);
        var bands = ProjectionModel.Gsim.MonteCarlo(inputs, new MonteCarloSettings(20, 3, 0d), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Same(ProjectionModel.Gsim, bands.Model);
        Assert.Equal(bands.Point.Rows.Length, bands.Rows.Length);
        for (var i = 0; i < bands.Rows.Length; i++)
        {
            var point = (double)bands.Point.Rows[i].Projected.Amount;
            var band = bands.Rows[i].Projected;
            Assert.Equal(point, (double)band.P5.Amount, 6);
            Assert.Equal(point, (double)band.P95.Amount, 6);
            Assert.Equal(bands.Point.Rows[i].ProjectedShare, bands.Rows[i].ProjectedShare.P50, 12);
        }
    }

    [Fact]
    public void Monte_Carlo_over_Gsim_draws_sigma_across_the_sources_and_the_point_lies_inside_the_band()
    {
        // Two sources: even with no spread, σ is drawn across their range, and the point (its middle) is inside the band.
        var bands = ProjectionModel.Gsim.MonteCarlo(EveryImporter, new MonteCarloSettings(40, 3, 0d), cancellationToken: TestContext.Current.CancellationToken);
        var kenya = bands.ExportsOf(Countries.Kenya).Projected;
        var point = bands.Point.Rows.Where(r => r.Exporter == Countries.Kenya && r.Importer == Countries.China).Sum(r => r.Projected.Amount);
        Assert.True(kenya.P5.Amount < point && point < kenya.P95.Amount, $"{kenya.P5} < {point} < {kenya.P95}");
    }

    [Fact]
    public void Monte_Carlo_over_Gsim_is_ordered_and_the_same_on_any_number_of_threads()
    {
        var settings = new MonteCarloSettings(60, 11, 0.5);
        var one = ProjectionModel.Gsim.MonteCarlo(EveryImporter, settings, maxDegreeOfParallelism: 1, cancellationToken: TestContext.Current.CancellationToken);
        var four = ProjectionModel.Gsim.MonteCarlo(EveryImporter, settings, maxDegreeOfParallelism: 4, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(one.Rows, four.Rows);
        Assert.Equal(one.Markets, four.Markets);
        Assert.Equal(one.Exports, four.Exports);
        Assert.All(one.Rows, r => Assert.True(r.Projected.P5 <= r.Projected.P50 && r.Projected.P50 <= r.Projected.P95, r.ToString()));
        var kenya = one.ExportsOf(Countries.Kenya);
        Assert.True(kenya.Projected.P5 < kenya.Projected.P95, "a spread of 0.5 moves Kenya's exports");
    }

    [Fact]
    public void Inputs_refuse_two_schedules_for_one_importer_and_a_schedule_for_another_importer()
    {
        var e = Assert.Throws<ArgumentException>(() => new ProjectionInputs(KenyaChina.Scenario, KenyaChina.Flows, [KenyaChina.Tariffs, KenyaChina.Tariffs]));
        Assert.StartsWith("Two schedules are for CHN", e.Message, StringComparison.Ordinal);
        var kenya = EveryImporter.Schedules.First(s => !s.Importer.Equals(Countries.China));
        e = Assert.Throws<ArgumentException>(() => new ProjectionInputs(KenyaChina.Scenario, KenyaChina.Flows, kenya));
        Assert.StartsWith($"The schedule is {kenya.Importer.Alpha3}'s", e.Message, StringComparison.Ordinal);
        var missing = new ProjectionInputs(KenyaChina.Scenario, KenyaChina.Flows, [kenya]);
        e = Assert.Throws<ArgumentException>(() => ProjectionModel.Smart.Project(missing));
        Assert.StartsWith("No tariff schedule for the scenario's importer CHN (smart needs it)", e.Message, StringComparison.Ordinal);
    }

    private static void Same(ProjectionResult expected, ProjectionResult actual)
    {
        Assert.Equal(expected.Model, actual.Model);
        Assert.Equal(expected.Notes, actual.Notes);
        Assert.Equal(expected.Rows.Length, actual.Rows.Length);
        for (var i = 0; i < expected.Rows.Length; i++)
        {
            Assert.Equal(expected.Rows[i], actual.Rows[i]);
        }
    }
}
