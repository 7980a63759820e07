namespace TradeBalance.Projections;

/// <summary>WITS-SMART as a <see cref="ProjectionModel"/>: the flat batch and its closed-form kernel.</summary>
internal sealed class SmartProjectionModel : KernelProjectionModel
{
    public override ProjectionModelKind Kind => ProjectionModelKind.Smart;

    public override string Name => "smart";

    public override string DisplayName => "SMART";

    public override string WelfareMeasure => "dead-weight loss recovered";

    internal override ProjectionResult ProjectBatch(ProjectionBatch batch) => SmartModel.Project(batch);

    internal override int ProjectDraw(in SmartInput input, in SmartOutput output, Span<int> iterations, Span<double> residuals, Span<double> scratch)
    {
        SmartKernel.Project(input, output);
        return -1;
    }
}
