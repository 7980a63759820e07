namespace TradeBalance.Projections;

/// <summary>The exact Armington model as a <see cref="ProjectionModel"/>, with its solver options.</summary>
internal sealed class ArmingtonProjectionModel(ArmingtonOptions options) : KernelProjectionModel
{
    public ArmingtonOptions Options { get; } = options;

    public override ProjectionModelKind Kind => ProjectionModelKind.Armington;

    public override string Name => "armington";

    public override string DisplayName => "Armington";

    public override string WelfareMeasure => "ΔCS + ΔTR";

    public override bool Equals(ProjectionModel? other) => other is ArmingtonProjectionModel a && a.Options.Equals(Options);

    public override int GetHashCode() => HashCode.Combine(Kind, Options);

    internal override ProjectionResult ProjectBatch(ProjectionBatch batch) => ArmingtonModel.Project(batch, Options, this);

    internal override int KernelScratchLength(ReadOnlySpan<int> offsets) => ArmingtonKernel.ScratchLength(offsets);

    internal override int ProjectDraw(in SmartInput input, in SmartOutput output, Span<int> iterations, Span<double> residuals, Span<double> scratch) =>
        ArmingtonKernel.Project(input, output, iterations, residuals, scratch, Options.Tolerance, Options.MaxIterations);

    internal override ProjectionException DrawFailed(MarketKey market, ElasticityValues elasticities, int iterations, double residual) =>
        ArmingtonModel.NotConverged(market, elasticities, iterations, residual, Options);
}
