using System.Globalization;

namespace TradeBalance.Projections;

/// <summary>
/// One line of a backtest's scorecard: for one outcome year, model, source of σ, market and beneficiary, what
/// the model projected from the baseline with the tariffs as applied, against what happened.
/// </summary>
/// <remarks>
/// <para>Shares are the beneficiary's share of the importer's market (imports of the code from every
/// supplier). The projection moves only the tariffs, so the market around it stays the baseline's; the actual
/// outcome also carries everything else that moved (prices, demand, other suppliers). Shares are compared
/// first because they take out the market's growth; values are given beside them.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record BacktestScore
{
    /// <summary>Gets the case's name.</summary>
    public required string Case { get; init; }

    /// <summary>Gets the outcome year.</summary>
    public required int Year { get; init; }

    /// <summary>Gets the model.</summary>
    public required ProjectionModel Model { get; init; }

    /// <summary>Gets where σ came from: a table's name, the middle of several (<c>middle of …</c>), or <c>scenario</c> for the scenario's own values.</summary>
    public required string Substitution { get; init; }

    /// <summary>Gets the market (importer, code; the baseline year).</summary>
    public required MarketKey Market { get; init; }

    /// <summary>Gets the beneficiary.</summary>
    public required Country Beneficiary { get; init; }

    /// <summary>Gets the beneficiary's applied rate in the baseline year (the mean over the year's days).</summary>
    public required TariffRate TariffBaseline { get; init; }

    /// <summary>Gets the beneficiary's applied rate in the outcome year (the mean over the year's days).</summary>
    public required TariffRate TariffOutcome { get; init; }

    /// <summary>Gets the beneficiary's imports in the baseline year.</summary>
    public required Money BaselineValue { get; init; }

    /// <summary>Gets the beneficiary's share of the market in the baseline year.</summary>
    public required double BaselineShare { get; init; }

    /// <summary>Gets the projected imports from the beneficiary (the central estimate).</summary>
    public required Money ProjectedValue { get; init; }

    /// <summary>Gets the projected share (the central estimate).</summary>
    public required double ProjectedShare { get; init; }

    /// <summary>Gets the P5–P95 band of the projected share over the Monte Carlo draws, or null without draws.</summary>
    public required PercentileBand<double>? ProjectedShareBand { get; init; }

    /// <summary>Gets the actual imports from the beneficiary in the outcome year.</summary>
    public required Money ActualValue { get; init; }

    /// <summary>Gets the beneficiary's actual share of the market in the outcome year.</summary>
    public required double ActualShare { get; init; }

    /// <summary>Gets the projected change in share, in percentage points.</summary>
    public double ProjectedChangePoints => (ProjectedShare - BaselineShare) * 100d;

    /// <summary>Gets the actual change in share, in percentage points.</summary>
    public double ActualChangePoints => (ActualShare - BaselineShare) * 100d;

    /// <summary>Gets the error, projected minus actual change in share, in percentage points (negative: the model projected too little).</summary>
    public double ErrorPoints => ProjectedChangePoints - ActualChangePoints;

    /// <summary>Gets whether the projected and actual changes in share have the same sign (both zero counts as agreeing).</summary>
    public bool SignAgrees => Math.Sign(Math.Round(ProjectedChangePoints, 6)) == Math.Sign(Math.Round(ActualChangePoints, 6));

    /// <summary>Gets whether the actual share lies inside the projected P5–P95 band, or null without draws.</summary>
    public bool? InsideBand => ProjectedShareBand is { } b ? ActualShare >= b.P5 && ActualShare <= b.P95 : null;

    /// <summary>Gets the projected change in the beneficiary's imports, as a fraction of the baseline (null with no baseline).</summary>
    public double? ProjectedValueChange => BaselineValue.Amount == 0m ? null : (double)((ProjectedValue.Amount - BaselineValue.Amount) / BaselineValue.Amount);

    /// <summary>Gets the actual change in the beneficiary's imports, as a fraction of the baseline (null with no baseline).</summary>
    public double? ActualValueChange => BaselineValue.Amount == 0m ? null : (double)((ActualValue.Amount - BaselineValue.Amount) / BaselineValue.Amount);

    /// <summary>One line: <c>chafta-wine 2019 smart (broda-weinstein-2006) AUS share +1.20 pts projected, +13.70 actual</c>.</summary>
    /// <returns>The line.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Case} {Year} {Model.Name} ({Substitution}) {Beneficiary.Alpha3} in {Market.Importer.Alpha3} {Market.Hs}: share {ProjectedChangePoints:+0.00;-0.00;0.00} pts projected, {ActualChangePoints:+0.00;-0.00;0.00} actual");
}
