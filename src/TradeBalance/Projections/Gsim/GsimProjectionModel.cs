namespace TradeBalance.Projections;

/// <summary>
/// GSIM as a <see cref="ProjectionModel"/> (<see cref="ProjectionModel.Gsim"/>): every importer's market of a product
/// solved together, so an exporter's supply is shared among its markets. <see cref="ProjectionModel.Project"/> gives the
/// projection like any model; <see cref="Solve"/> gives it with GSIM's own outputs, each product's world-price changes
/// and residual and each country's welfare.
/// </summary>
/// <remarks>The formulas are Francois &amp; Hall (2003), documented in docs/models.md, "GSIM".</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class GsimProjectionModel : ProjectionModel
{
    internal GsimProjectionModel()
    {
    }

    /// <inheritdoc/>
    public override ProjectionModelKind Kind => ProjectionModelKind.Gsim;

    /// <inheritdoc/>
    public override string Name => "gsim";

    /// <inheritdoc/>
    public override string DisplayName => "GSIM";

    /// <inheritdoc/>
    public override string WelfareMeasure => "ΔCS + ΔTR";

    /// <inheritdoc/>
    public override bool NeedsEveryImporter => true;

    /// <inheritdoc/>
    public override bool DrawsCostAProjection => true;

    /// <summary>Projects the scenario and returns GSIM's own outputs with the projection.</summary>
    /// <param name="inputs">The scenario, the data, and one schedule per importer in the data on the scenario's lines.</param>
    /// <returns>The projection (<see cref="GsimResult.Projection"/>, the same as <see cref="ProjectionModel.Project"/>), each product's world-price changes and residual, and each country's welfare.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null.</exception>
    /// <exception cref="ArgumentException">No flows on the scenario's lines in the reference year, overlapping HS levels, or an importer without a schedule; the message names them.</exception>
    /// <exception cref="KeyNotFoundException">A schedule has no rate for a supplier; the message names it.</exception>
    /// <exception cref="ProjectionException">A product's system is singular.</exception>
#pragma warning disable CA1822 // an instance member on purpose: the model object is the one way in
    public GsimResult Solve(ProjectionInputs inputs)
#pragma warning restore CA1822
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return GsimModel.ProjectWith(inputs.Scenario, inputs.Data, inputs.Schedules, rates: null);
    }

    // A GSIM draw is a dense solve per product over all its regions, not the flat batch kernels: a projection per draw.
    internal override MonteCarloResult RunMonteCarlo(ProjectionInputs inputs, MonteCarloSettings settings, Func<TradeFlow, TariffSchedule, (TariffRate Before, TariffRate After)>? rates, int maxDegreeOfParallelism, IProgress<int>? progress, CancellationToken cancellationToken, IEnumerable<Country>? exporters = null) =>
        GsimMonteCarlo.Run(inputs, settings, rates, maxDegreeOfParallelism, progress, cancellationToken);

    internal override ProjectionResult ProjectWith(ProjectionInputs inputs, Func<TradeFlow, TariffSchedule, (TariffRate Before, TariffRate After)>? rates) =>
        GsimModel.ProjectWith(inputs.Scenario, inputs.Data, inputs.Schedules, rates).Projection;
}
