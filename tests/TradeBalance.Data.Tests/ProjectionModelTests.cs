using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Data.Tests;

/// <summary>A model is an object: its names, its dispatch, and that every way in gives the results the model types give.</summary>
public sealed class ProjectionModelTests
{
    private static readonly ProjectionInputs Embedded = new(KenyaChina.Scenario, KenyaChina.Flows, KenyaChina.Tariffs);

    private static readonly ProjectionInputs EveryImporter = new(KenyaChina.Scenario, KenyaChina.Flows, TariffsCsv.ReadAll(new StringReader(KenyaChina.ReadText("tariffs.csv")), "tariffs.csv").Value.Values);

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
        Same(SmartModel.Project(KenyaChina.Scenario, KenyaChina.Flows, KenyaChina.Tariffs), ProjectionModel.Smart.Project(Embedded));
        Same(ArmingtonModel.Project(KenyaChina.Scenario, KenyaChina.Flows, KenyaChina.Tariffs), ProjectionModel.Armington.Project(Embedded));
        Same(GsimModel.Project(KenyaChina.Scenario, KenyaChina.Flows, EveryImporter.Schedules).Projection, ProjectionModel.Gsim.Project(EveryImporter));
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
        var scenario = new Scenario(k.Name, k.Importer, k.Beneficiaries, k.Lines, k.Change, k.Effective) { Elasticities = k.Elasticities, ReferenceYear = k.ReferenceYear, Stages = 3 };
        var staged = new ProjectionInputs(scenario, inputs.Data, inputs.Schedules);
        var path = model.ProjectStages(staged, 2025, 2029);
        var old = StagedProjection.Project(scenario, inputs.Data, inputs.Schedules, 2025, 2029, model.Kind);
        Assert.Equal(model.Kind, path.Model);
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
        foreach (var model in ProjectionModel.All.Where(m => m.SupportsMonteCarlo))
        {
            var direct = Sensitivity.Run(KenyaChina.Scenario, KenyaChina.Flows, KenyaChina.Tariffs, settings, new SensitivityOptions { Model = model.Kind }, cancellationToken: TestContext.Current.CancellationToken);
            var through = model.MonteCarlo(Embedded, settings, cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(model.Kind, through.Model);
            Assert.Equal(direct.Rows.Select(r => (r.Projected.P5, r.Projected.P50, r.Projected.P95)), through.Rows.Select(r => (r.Projected.P5, r.Projected.P50, r.Projected.P95)));
        }
    }

    [Fact]
    public void Gsim_says_it_needs_every_importer_and_offers_no_Monte_Carlo()
    {
        Assert.True(ProjectionModel.Gsim.NeedsEveryImporter);
        Assert.False(ProjectionModel.Gsim.SupportsMonteCarlo);
        var e = Assert.Throws<NotSupportedException>(() => ProjectionModel.Gsim.MonteCarlo(EveryImporter, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal("Monte Carlo is offered for SMART and Armington, not for GSIM.", e.Message);
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
