namespace TradeBalance.Projections;

/// <summary>GSIM as a <see cref="ProjectionModel"/>: every importer's schedule, each product solved across its markets.</summary>
internal sealed class GsimProjectionModel : ProjectionModel
{
    public override ProjectionModelKind Kind => ProjectionModelKind.Gsim;

    public override string Name => "gsim";

    public override string DisplayName => "GSIM";

    public override bool NeedsEveryImporter => true;

    public override bool DrawsCostAProjection => true;

    // A GSIM draw is a dense solve per product over all its regions, not the flat batch kernels: a projection per draw.
    internal override SensitivityResult RunMonteCarlo(ProjectionInputs inputs, MonteCarloSettings settings, Func<TradeFlow, TariffSchedule, (TariffRate Before, TariffRate After)>? rates, int maxDegreeOfParallelism, IProgress<int>? progress, CancellationToken cancellationToken) =>
        GsimMonteCarlo.Run(inputs, settings, rates, maxDegreeOfParallelism, progress, cancellationToken);

    internal override ProjectionResult ProjectWith(ProjectionInputs inputs, Func<TradeFlow, TariffSchedule, (TariffRate Before, TariffRate After)>? rates) =>
        (rates is null ? GsimModel.Project(inputs.Scenario, inputs.Data, inputs.Schedules) : GsimModel.ProjectWith(inputs.Scenario, inputs.Data, inputs.Schedules, rates)).Projection;
}
