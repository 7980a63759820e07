using System.Collections.Immutable;

namespace TradeBalance.Projections;

/// <summary>
/// The solution of one GSIM product (<see cref="GsimModel.Solve"/>): world-price changes per exporter,
/// import changes and projected imports per exporter × importer, and the welfare components per region,
/// all in the regions' index order (rows = exporters, columns = importers, as in the inputs).
/// </summary>
/// <remarks>
/// <para>Units: changes are proportional (0.05 = +5 %); flows and welfare are in the inputs' value
/// units (world prices, base world price 1). Every figure is finite.</para>
/// <para>Welfare per region (Francois &amp; Hall 2003; see the README, GSIM):
/// <c>ΔPS_r = R_r·P̂*_r + ½·E_x,r·R_r·(P̂*_r)²</c> with <c>R_r = Σ_v M_(v),r</c> (0 when E_x is infinite);
/// <c>ΔCS_v = −Q_v·P̂_v − ½·E_m,v·Q_v·P̂_v²</c> with <c>Q_v = Σ_r T0·M</c> and the composite price change
/// <c>P̂_v = Σ_r θ_(v),r·((1 + P̂*_r)·T1/T0 − 1)</c>; <c>ΔTR_v = Σ_r [M1·(T1 − 1) − M·(T0 − 1)]</c>;
/// net = ΔPS + ΔCS + ΔTR.</para>
/// <para>Consumer surplus uses the economically consistent second-order term −½·E_m·Q·P̂² (a triangle
/// that, with E_m &lt; 0, adds to the gain when prices fall and softens the loss when they rise), not the
/// <c>½·Q·P̂²·sgn(P̂)·E_m</c> form of the R peer of the published 4×4 example: that form makes the
/// triangle deepen the loss when prices rise, which no downward-sloping demand curve gives. The two
/// agree whenever the composite price falls.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class GsimSolution
{
    private readonly ImmutableArray<double> _importChange;
    private readonly ImmutableArray<double> _internalPriceChange;
    private readonly ImmutableArray<double> _projected;

    internal GsimSolution(int regions, double[] worldPrice, double[] importChange, double[] internalPriceChange, double[] projected, double[] compositePrice, double[] producer, double[] consumer, double[] revenue, double residual)
    {
        RegionCount = regions;
        WorldPriceChanges = [.. worldPrice];
        _importChange = [.. importChange];
        _internalPriceChange = [.. internalPriceChange];
        _projected = [.. projected];
        CompositePriceChanges = [.. compositePrice];
        ProducerSurplus = [.. producer];
        ConsumerSurplus = [.. consumer];
        TariffRevenue = [.. revenue];
        NetWelfare = [.. Enumerable.Range(0, regions).Select(i => producer[i] + consumer[i] + revenue[i])];
        Residual = residual;
    }

    /// <summary>Gets the number of regions (each both exporter and importer).</summary>
    public int RegionCount { get; }

    /// <summary>Gets the world (fob) price change of each exporter's variety, P̂*_r.</summary>
    public ImmutableArray<double> WorldPriceChanges { get; }

    /// <summary>Gets the composite (θ-weighted internal) price change in each importer, P̂_v.</summary>
    public ImmutableArray<double> CompositePriceChanges { get; }

    /// <summary>Gets each region's producer-surplus change as an exporter.</summary>
    public ImmutableArray<double> ProducerSurplus { get; }

    /// <summary>Gets each region's consumer-surplus change as an importer.</summary>
    public ImmutableArray<double> ConsumerSurplus { get; }

    /// <summary>Gets each region's tariff-revenue change as an importer.</summary>
    public ImmutableArray<double> TariffRevenue { get; }

    /// <summary>Gets each region's net welfare change, producer plus consumer surplus plus tariff revenue.</summary>
    public ImmutableArray<double> NetWelfare { get; }

    /// <summary>Gets the largest market-clearing error, <c>max_r |Σ_v φ_(v),r·M̂_(v),r − E_x,r·P̂*_r|</c> (proportional-change units; 0 for exporters with infinite supply or no exports).</summary>
    public double Residual { get; }

    /// <summary>Returns the proportional change of an importer's imports from an exporter, M̂_(v),r.</summary>
    /// <param name="exporter">The exporter's index (row).</param>
    /// <param name="importer">The importer's index (column).</param>
    /// <returns>The change (defined also where the baseline flow is 0, when it is not used).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside the regions.</exception>
    public double ImportChange(int exporter, int importer) => _importChange[Index(exporter, importer)];

    /// <summary>Returns the linearised internal price change of an exporter's variety in an importer, <c>P̂_(v),r = T̂_(v),r + P̂*_r</c>.</summary>
    /// <param name="exporter">The exporter's index (row).</param>
    /// <param name="importer">The importer's index (column).</param>
    /// <returns>The change.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside the regions.</exception>
    public double InternalPriceChange(int exporter, int importer) => _internalPriceChange[Index(exporter, importer)];

    /// <summary>Returns the projected imports at world prices, <c>M1 = M·(1 + M̂)·(1 + P̂*)</c>.</summary>
    /// <param name="exporter">The exporter's index (row).</param>
    /// <param name="importer">The importer's index (column).</param>
    /// <returns>The projected value (the linear model can give a negative value for a very large tariff increase).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside the regions.</exception>
    public double ProjectedImports(int exporter, int importer) => _projected[Index(exporter, importer)];

    private int Index(int exporter, int importer)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(exporter);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(exporter, RegionCount);
        ArgumentOutOfRangeException.ThrowIfNegative(importer);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(importer, RegionCount);
        return (exporter * RegionCount) + importer;
    }
}
