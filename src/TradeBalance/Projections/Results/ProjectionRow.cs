namespace TradeBalance.Projections;

/// <summary>One supplier in one market of a projection: baseline, tariffs, the effects and the projected value and share.</summary>
/// <remarks>Values are <see cref="Money"/> at full precision (converted once from the numeric core's doubles); round them where you report them. Shares are fractions in [0, 1] of the market.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record ProjectionRow
{
    /// <summary>Gets the importing country.</summary>
    public required Country Importer { get; init; }

    /// <summary>Gets the supplier.</summary>
    public required Country Exporter { get; init; }

    /// <summary>Gets the market's HS code.</summary>
    public required HsCode Hs { get; init; }

    /// <summary>Gets the baseline imports from the supplier.</summary>
    public required Money Baseline { get => _baseline; init => _baseline = ResultChecks.NotNegative(value, nameof(Baseline)); }

    /// <summary>Gets the supplier's tariff before the scenario.</summary>
    public required TariffRate TariffBefore { get; init; }

    /// <summary>Gets the supplier's tariff after the scenario.</summary>
    public required TariffRate TariffAfter { get; init; }

    /// <summary>Gets trade creation, or null where the model does not define it (GSIM).</summary>
    public required Money? TradeCreation { get; init; }

    /// <summary>Gets trade diversion (negative for suppliers that lose), or null where the model does not define it.</summary>
    public required Money? TradeDiversion { get; init; }

    /// <summary>Gets the price effect (non-zero only with finite export supply).</summary>
    public required Money PriceEffect { get; init; }

    /// <summary>Gets the projected imports from the supplier.</summary>
    public required Money Projected { get => _projected; init => _projected = ResultChecks.NotNegative(value, nameof(Projected)); }

    /// <summary>Gets the supplier's share of the market before.</summary>
    public required double BaselineShare { get => _baselineShare; init => _baselineShare = ResultChecks.Share(value, nameof(BaselineShare)); }

    /// <summary>Gets the supplier's share of the market after.</summary>
    public required double ProjectedShare { get => _projectedShare; init => _projectedShare = ResultChecks.Share(value, nameof(ProjectedShare)); }

    /// <summary>Gets projected minus baseline imports.</summary>
    public Money Change => Projected - Baseline;

    /// <summary>Gets the change in market share in percentage points.</summary>
    public double ShareChangePoints => (ProjectedShare - BaselineShare) * 100d;

    private readonly Money _baseline;
    private readonly Money _projected;
    private readonly double _baselineShare;
    private readonly double _projectedShare;
}
