using TradeBalance.Projections;

namespace TradeBalance.Data;

/// <summary>
/// One row of the projection output CSV (one market × supplier), as <see cref="ProjectionCsv"/>
/// writes and reads it: the columns of docs/data-formats.md (Projection output), values in USD, shares as fractions.
/// </summary>
/// <param name="Importer">The importing country.</param>
/// <param name="Exporter">The supplier.</param>
/// <param name="Hs">The market's HS code.</param>
/// <param name="BaselineUsd">Baseline imports from the supplier, USD.</param>
/// <param name="TariffBefore">The supplier's tariff before the scenario.</param>
/// <param name="TariffAfter">The supplier's tariff after the scenario.</param>
/// <param name="TradeCreationUsd">Trade creation, USD; null where the model does not define it.</param>
/// <param name="TradeDiversionUsd">Trade diversion, USD (negative for suppliers that lose); null where the model does not define it.</param>
/// <param name="ProjectedUsd">Projected imports from the supplier, USD.</param>
/// <param name="BaselineShare">The supplier's share of the market before, in [0, 1].</param>
/// <param name="ProjectedShare">The supplier's share after, in [0, 1].</param>
/// <remarks>The reader checks the invariants (values finite, baseline and projected not negative,
/// shares in [0, 1]); the record itself does not, so that a caller can build rows freely.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record ProjectionOutputRow(
    Country Importer,
    Country Exporter,
    HsCode Hs,
    decimal BaselineUsd,
    TariffRate TariffBefore,
    TariffRate TariffAfter,
    decimal? TradeCreationUsd,
    decimal? TradeDiversionUsd,
    decimal ProjectedUsd,
    double BaselineShare,
    double ProjectedShare)
{
    /// <summary>Converts a projection row.</summary>
    /// <param name="row">The row; its values must be in USD.</param>
    /// <returns>The output row.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="row"/> is null.</exception>
    /// <exception cref="ArgumentException">The row's values are not in USD.</exception>
    public static ProjectionOutputRow From(ProjectionRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!row.Baseline.Currency.Equals(Currency.Usd))
        {
            throw new ArgumentException($"The projection output is in USD; this row is in {row.Baseline.Currency.Code}.", nameof(row));
        }

        return new ProjectionOutputRow(
            row.Importer,
            row.Exporter,
            row.Hs,
            row.Baseline.Amount,
            row.TariffBefore,
            row.TariffAfter,
            row.TradeCreation?.Amount,
            row.TradeDiversion?.Amount,
            row.Projected.Amount,
            row.BaselineShare,
            row.ProjectedShare);
    }
}
