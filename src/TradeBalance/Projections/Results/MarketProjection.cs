namespace TradeBalance.Projections;

/// <summary>One market of a projection: its suppliers' rows, totals, tariff revenue and welfare.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record MarketProjection
{
    /// <summary>Gets the market.</summary>
    public required MarketKey Market { get; init; }

    /// <summary>Gets the elasticities used.</summary>
    public required ElasticityValues Elasticities { get; init; }

    /// <summary>Gets the suppliers' rows, ordered by exporter.</summary>
    public required IReadOnlyList<ProjectionRow> Rows { get; init; }

    /// <summary>Gets the baseline total imports.</summary>
    public required Money BaselineTotal { get => _baselineTotal; init => _baselineTotal = ResultChecks.NotNegative(value, nameof(BaselineTotal)); }

    /// <summary>Gets the projected total imports.</summary>
    public required Money ProjectedTotal { get => _projectedTotal; init => _projectedTotal = ResultChecks.NotNegative(value, nameof(ProjectedTotal)); }

    /// <summary>Gets tariff revenue before (Σ t0·M).</summary>
    public required Money RevenueBefore { get => _revenueBefore; init => _revenueBefore = ResultChecks.NotNegative(value, nameof(RevenueBefore)); }

    /// <summary>Gets tariff revenue after (Σ t1·M1).</summary>
    public required Money RevenueAfter { get => _revenueAfter; init => _revenueAfter = ResultChecks.NotNegative(value, nameof(RevenueAfter)); }

    /// <summary>Gets the importer's welfare gain in this market, as the model defines it.</summary>
    /// <remarks>
    /// SMART: the triangle it reports, <c>½·Σ(t0 − t1)·TC</c>. Armington and GSIM: the importer's net
    /// gain, consumer surplus plus tariff revenue (<c>ΔCS + ΔTR</c>); exporters' producer surplus is
    /// not the importer's and is reported by GSIM per country (<see cref="GsimWelfare"/>).
    /// </remarks>
    public required Money Welfare { get; init; }

    /// <summary>Gets the iterations the model's solver needed in this market, or null for a closed-form or direct solve (SMART, GSIM).</summary>
    /// <remarks>Armington: Newton steps for the suppliers' world prices; 0 when export supply is infinite (nothing to solve).</remarks>
    public int? Iterations { get; init; }

    /// <summary>Gets the solver's final residual in this market, or null where the model has none (SMART).</summary>
    /// <remarks>
    /// Armington: the largest relative gap between a supplier's world price and its supply price,
    /// at most <see cref="ArmingtonOptions.Tolerance"/>. GSIM: the product's largest market-clearing
    /// error, <c>max_r |Σ_v φ·M̂ − E_x·P̂*|</c>, in proportional-change units. Always finite.
    /// </remarks>
    public double? Residual { get; init; }

    /// <summary>Gets the change in tariff revenue (after − before).</summary>
    public Money RevenueChange => RevenueAfter - RevenueBefore;

    private readonly Money _baselineTotal;
    private readonly Money _projectedTotal;
    private readonly Money _revenueBefore;
    private readonly Money _revenueAfter;
}
