namespace TradeBalance.Projections;

/// <summary>
/// A model that projects each market on its own with a flat per-market kernel (SMART, Armington): it projects the
/// scenario's batch in one kernel call, and its Monte Carlo runs every draw through the same kernel in chunks of
/// markets (<see cref="MonteCarloRun"/>). The kernel hooks live here, on the models that have them.
/// </summary>
internal abstract class KernelProjectionModel : ProjectionModel
{
    /// <summary>Projects a batch's point values.</summary>
    internal abstract ProjectionResult ProjectBatch(ProjectionBatch batch);

    /// <summary>The scratch doubles one kernel call over these markets needs.</summary>
    internal virtual int KernelScratchLength(ReadOnlySpan<int> offsets) => 0;

    /// <summary>One draw's kernel over a chunk of markets; returns the first market whose solve failed, or -1.</summary>
    internal abstract int ProjectDraw(in SmartInput input, in SmartOutput output, Span<int> iterations, Span<double> residuals, Span<double> scratch);

    /// <summary>The error for a market whose solve failed in a draw.</summary>
    internal virtual ProjectionException DrawFailed(MarketKey market, ElasticityValues elasticities, int iterations, double residual) =>
        new($"{DisplayName} failed for market {market}.");

    internal sealed override ProjectionResult ProjectWith(ProjectionInputs inputs, Func<TradeFlow, TariffSchedule, (TariffRate Before, TariffRate After)>? rates) =>
        ProjectBatch(inputs.Batch(Name, rates));

    internal sealed override MonteCarloResult RunMonteCarlo(ProjectionInputs inputs, MonteCarloSettings settings, Func<TradeFlow, TariffSchedule, (TariffRate Before, TariffRate After)>? rates, int maxDegreeOfParallelism, IProgress<int>? progress, CancellationToken cancellationToken, IEnumerable<Country>? exporters = null)
    {
        var schedule = inputs.ImporterSchedule(Name);
        return MonteCarloRun.RunWith(this, inputs.Scenario, inputs.Data, schedule, settings, maxDegreeOfParallelism, progress, cancellationToken, rates is null ? null : f => rates(f, schedule), exporters);
    }
}
