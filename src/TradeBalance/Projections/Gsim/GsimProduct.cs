using System.Collections.Immutable;

namespace TradeBalance.Projections;

/// <summary>One product (HS code) of a GSIM projection: the countries of its world market, their world-price changes, the solve's residual and each country's welfare.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class GsimProduct
{
    internal GsimProduct(HsCode hs, ImmutableArray<Country> countries, GsimSolution solution, ImmutableArray<GsimWelfare> welfare)
    {
        Hs = hs;
        Countries = countries;
        Solution = solution;
        Welfare = welfare;
    }

    /// <summary>Gets the product.</summary>
    public HsCode Hs { get; }

    /// <summary>Gets the countries trading it (exporters and importers), ordered by alpha-3 code; the index of a country here is its row and column in <see cref="Solution"/>.</summary>
    public ImmutableArray<Country> Countries { get; }

    /// <summary>Gets the full solution, indexed as <see cref="Countries"/>.</summary>
    public GsimSolution Solution { get; }

    /// <summary>Gets each country's welfare change from this product, in <see cref="Countries"/> order.</summary>
    public ImmutableArray<GsimWelfare> Welfare { get; }

    /// <summary>Gets the largest market-clearing error of the solve (see <see cref="GsimSolution.Residual"/>).</summary>
    public double Residual => Solution.Residual;

    /// <summary>Returns the proportional change of a country's world (export) price for this product.</summary>
    /// <param name="exporter">The country.</param>
    /// <returns>P̂*, for example 0.02 for +2 %.</returns>
    /// <exception cref="KeyNotFoundException">The country does not trade this product in the data.</exception>
    public double WorldPriceChange(Country exporter)
    {
        ArgumentNullException.ThrowIfNull(exporter);
        var i = Countries.IndexOf(exporter);
        return i >= 0
            ? Solution.WorldPriceChanges[i]
            : throw new KeyNotFoundException($"{exporter.Alpha3} does not trade HS {Hs} in the projection's data.");
    }
}
