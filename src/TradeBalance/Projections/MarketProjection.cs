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
    public required Money BaselineTotal { get; init; }

    /// <summary>Gets the projected total imports.</summary>
    public required Money ProjectedTotal { get; init; }

    /// <summary>Gets tariff revenue before (Σ t0·M).</summary>
    public required Money RevenueBefore { get; init; }

    /// <summary>Gets tariff revenue after (Σ t1·M1).</summary>
    public required Money RevenueAfter { get; init; }

    /// <summary>Gets the welfare gain SMART reports (½·Σ(t0 − t1)·TC, the consumer-surplus triangle).</summary>
    public required Money Welfare { get; init; }

    /// <summary>Gets the change in tariff revenue (after − before).</summary>
    public Money RevenueChange => RevenueAfter - RevenueBefore;
}
