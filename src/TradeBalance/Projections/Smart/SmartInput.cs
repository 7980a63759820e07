namespace TradeBalance.Projections;

/// <summary>The inputs of <see cref="SmartKernel"/>, as spans: flows grouped by market with CSR offsets.</summary>
/// <remarks>Tariffs are fractions (15 % = 0.15); η is negative; ε ≥ 99 means infinite supply.</remarks>
public readonly ref struct SmartInput
{
    /// <summary>Creates the inputs.</summary>
    /// <param name="offsets">Market start indices into the flow spans, plus the flow count at the end (length markets + 1).</param>
    /// <param name="baseline">Baseline imports per flow.</param>
    /// <param name="tariffBefore">Tariff before, per flow, as a fraction.</param>
    /// <param name="tariffAfter">Tariff after, per flow, as a fraction.</param>
    /// <param name="importDemand">η per market (negative).</param>
    /// <param name="substitution">σ per market (positive).</param>
    /// <param name="exportSupply">ε per market (positive; ≥ 99 infinite).</param>
    public SmartInput(ReadOnlySpan<int> offsets, ReadOnlySpan<double> baseline, ReadOnlySpan<double> tariffBefore, ReadOnlySpan<double> tariffAfter, ReadOnlySpan<double> importDemand, ReadOnlySpan<double> substitution, ReadOnlySpan<double> exportSupply)
    {
        Offsets = offsets;
        Baseline = baseline;
        TariffBefore = tariffBefore;
        TariffAfter = tariffAfter;
        ImportDemand = importDemand;
        Substitution = substitution;
        ExportSupply = exportSupply;
    }

    /// <summary>Gets the CSR offsets (length markets + 1).</summary>
    public ReadOnlySpan<int> Offsets { get; }

    /// <summary>Gets the baseline imports per flow.</summary>
    public ReadOnlySpan<double> Baseline { get; }

    /// <summary>Gets the tariff before per flow (fraction).</summary>
    public ReadOnlySpan<double> TariffBefore { get; }

    /// <summary>Gets the tariff after per flow (fraction).</summary>
    public ReadOnlySpan<double> TariffAfter { get; }

    /// <summary>Gets η per market.</summary>
    public ReadOnlySpan<double> ImportDemand { get; }

    /// <summary>Gets σ per market.</summary>
    public ReadOnlySpan<double> Substitution { get; }

    /// <summary>Gets ε per market.</summary>
    public ReadOnlySpan<double> ExportSupply { get; }

    /// <summary>Gets the number of markets (offsets length − 1).</summary>
    public int MarketCount => Math.Max(0, Offsets.Length - 1);
}
