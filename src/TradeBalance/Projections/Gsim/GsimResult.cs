using System.Collections.Immutable;

namespace TradeBalance.Projections;

/// <summary>
/// The outcome of <see cref="GsimProjectionModel.Solve"/>: the usual <see cref="ProjectionResult"/> (every
/// market of the scenario's products, all importers), plus per product the world-price changes and
/// the solve's residual, and per country the welfare changes.
/// </summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class GsimResult
{
    internal GsimResult(ProjectionResult projection, ImmutableArray<GsimProduct> products, ImmutableArray<GsimWelfare> welfare)
    {
        Projection = projection;
        Products = products;
        Welfare = welfare;
    }

    /// <summary>Gets the projection (<see cref="ProjectionResult.Model"/> = <see cref="ProjectionModelKind.Gsim"/>); rows have no trade creation or diversion (null).</summary>
    public ProjectionResult Projection { get; }

    /// <summary>Gets the products solved, ordered by HS code.</summary>
    public ImmutableArray<GsimProduct> Products { get; }

    /// <summary>Gets each country's welfare change summed over the products, ordered by alpha-3 code.</summary>
    public ImmutableArray<GsimWelfare> Welfare { get; }

    /// <summary>Returns a product's solution.</summary>
    /// <param name="hs">The product's code.</param>
    /// <returns>The product.</returns>
    /// <exception cref="KeyNotFoundException">No product has that code.</exception>
    public GsimProduct Product(HsCode hs) =>
        Products.FirstOrDefault(p => p.Hs.Equals(hs))
        ?? throw new KeyNotFoundException($"The GSIM projection has no product HS {hs}; it has {string.Join(", ", Products.Select(p => p.Hs))}.");

    /// <summary>Returns the projection as text, followed by the world-price changes and welfare per country.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var ci = System.Globalization.CultureInfo.InvariantCulture;
        var sb = new System.Text.StringBuilder(Projection.ToString());
        foreach (var p in Products)
        {
            sb.AppendLine().AppendLine();
            sb.Append(ci, $"HS {p.Hs} world-price changes (residual {p.Residual:G3}): ");
            sb.AppendJoin(", ", p.Countries.Select((c, i) => string.Create(ci, $"{c.Alpha3} {p.Solution.WorldPriceChanges[i] * 100d:+0.000;-0.000;0.000}%")));
        }

        sb.AppendLine().AppendLine().Append("welfare (ΔPS + ΔCS + ΔTR = net):");
        foreach (var w in Welfare)
        {
            sb.AppendLine().Append(ci, $"{w.Country.Alpha3,-4} {w.ProducerSurplus.Amount,14:#,##0} {w.ConsumerSurplus.Amount,14:#,##0} {w.TariffRevenue.Amount,14:#,##0} = {w.NetWelfare.Amount,14:#,##0}");
        }

        return sb.ToString();
    }
}
