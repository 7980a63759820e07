using System.Collections.Immutable;

namespace TradeBalance.Data.Fetch;

/// <summary>
/// What to fetch from UN Comtrade: one reporter's annual HS flows with some partners (or all) in some years, for some
/// HS codes. Lists are sorted and made distinct on creation, so two equal queries make the same requests (and reuse
/// the same cached pieces).
/// </summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class ComtradeQuery : IEquatable<ComtradeQuery>
{
    /// <summary>The most years in one query.</summary>
    public const int MaxYears = 100;

    /// <summary>The most HS codes in one query.</summary>
    public const int MaxProducts = 10_000;

    /// <summary>Creates a query.</summary>
    /// <param name="reporter">The reporting country.</param>
    /// <param name="partners">The partners; empty = every partner.</param>
    /// <param name="years">The years, 1962 to 2200, at least one.</param>
    /// <param name="products">The HS codes (2, 4 or 6 digits), at least one; <see cref="HsCode.Total"/> is refused (TradeBalance reads HS detail).</param>
    /// <param name="flow">Imports (default) or exports.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">No year or product, a year out of range, the reporter among its partners, an aggregate (<c>ROW</c>) as reporter or partner, a code longer than 6 digits, or too many years or codes.</exception>
    public ComtradeQuery(Country reporter, IEnumerable<Country> partners, IEnumerable<int> years, IEnumerable<HsCode> products, ComtradeFlow flow = ComtradeFlow.Import)
    {
        ArgumentNullException.ThrowIfNull(reporter);
        ArgumentNullException.ThrowIfNull(partners);
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(products);
        Reporter = reporter;
        Partners = [.. partners.Select(p => p ?? throw new ArgumentNullException(nameof(partners))).Distinct().Order()];
        Years = [.. years.Distinct().Order()];
        Products = [.. products.Select(p => p ?? throw new ArgumentNullException(nameof(products))).Distinct().Order()];
        Flow = Enum.IsDefined(flow) ? flow : throw new ArgumentException($"Flow {flow} is not Import or Export.", nameof(flow));
        if (Years.IsEmpty || Years.Length > MaxYears)
        {
            throw new ArgumentException($"A query needs 1 to {MaxYears} years.", nameof(years));
        }

        if (Years.FirstOrDefault(y => y is < 1962 or > 2200) is var bad and not 0)
        {
            throw new ArgumentException($"Year {bad} is outside 1962 to 2200 (Comtrade's HS data starts in 1988).", nameof(years));
        }

        if (Products.IsEmpty || Products.Length > MaxProducts)
        {
            throw new ArgumentException($"A query needs 1 to {MaxProducts:N0} HS codes.", nameof(products));
        }

        if (Products.FirstOrDefault(p => p.Length is 0 or > 6) is { } code)
        {
            throw new ArgumentException($"HS code '{code}' is not 2, 4 or 6 digits; Comtrade publishes HS at 6 digits at most (and TOTAL is not read).", nameof(products));
        }

        if (reporter.IsAggregate || Partners.FirstOrDefault(p => p.IsAggregate) is not null)
        {
            var aggregate = reporter.IsAggregate ? reporter : Partners.First(p => p.IsAggregate);
            throw new ArgumentException($"{aggregate.Alpha3} is an aggregate, not a country Comtrade reports for; name countries (every partner: leave the partners empty).", reporter.IsAggregate ? nameof(reporter) : nameof(partners));
        }

        if (Partners.Contains(reporter))
        {
            throw new ArgumentException($"The reporter {reporter.Alpha3} is also among the partners.", nameof(partners));
        }
    }

    /// <summary>Gets the reporting country.</summary>
    public Country Reporter { get; }

    /// <summary>Gets the partners, sorted; empty = every partner.</summary>
    public ImmutableArray<Country> Partners { get; }

    /// <summary>Gets the years, sorted.</summary>
    public ImmutableArray<int> Years { get; }

    /// <summary>Gets the HS codes, sorted.</summary>
    public ImmutableArray<HsCode> Products { get; }

    /// <summary>Gets the flow fetched.</summary>
    public ComtradeFlow Flow { get; }

    /// <inheritdoc/>
    public bool Equals(ComtradeQuery? other) =>
        other is not null && Reporter.Equals(other.Reporter) && Flow == other.Flow
        && Partners.SequenceEqual(other.Partners) && Years.SequenceEqual(other.Years) && Products.SequenceEqual(other.Products);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ComtradeQuery);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Reporter, Flow, Partners.Length, Years.Length, Products.Length);

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Reporter.Alpha3} {(Flow == ComtradeFlow.Import ? "imports" : "exports")}, partners {(Partners.IsEmpty ? "all" : string.Join(',', Partners.Select(p => p.Alpha3)))}, years {string.Join(',', Years)}, HS {string.Join(',', Products)}";
}
