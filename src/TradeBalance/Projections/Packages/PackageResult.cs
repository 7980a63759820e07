using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace TradeBalance.Projections;

/// <summary>
/// The outcome of projecting a <see cref="ScenarioPackage"/>: each part's <see cref="ProjectionResult"/>,
/// and the bilateral balance with every part's change added, both sides of it.
/// </summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class PackageResult
{
    /// <summary>Creates a package's result from its parts' projections (<see cref="ScenarioPackage.Project(TradeDataSet, IEnumerable{TariffSchedule})"/> does this).</summary>
    /// <param name="package">The package.</param>
    /// <param name="parts">One projection per part, in the package's order, each of that part's scenario, all on the same data.</param>
    /// <exception cref="ArgumentNullException">An argument or result is null.</exception>
    /// <exception cref="ArgumentException">The results do not match the parts one by one, are on different data, or have different baseline years.</exception>
    public PackageResult(ScenarioPackage package, IEnumerable<ProjectionResult> parts)
        : this(package ?? throw new ArgumentNullException(nameof(package)), (parts ?? throw new ArgumentNullException(nameof(parts))).ToImmutableArray())
    {
    }

    private PackageResult(ScenarioPackage package, ImmutableArray<ProjectionResult> parts)
    {
        if (parts.Length != package.Parts.Length || parts.Where((p, i) => p is null || !ReferenceEquals(p.Scenario, package.Parts[i])).Any())
        {
            throw new ArgumentException($"Give one projection per part of '{package.Name}', in its order ({package.Parts.Length}); got {parts.Length}, or one of another scenario.", nameof(parts));
        }

        if (parts.Any(p => !ReferenceEquals(p.Data, parts[0].Data)))
        {
            throw new ArgumentException($"The parts of '{package.Name}' were projected on different data; a package's parts share one baseline.", nameof(parts));
        }

        var years = parts.Select(p => p.Year).Distinct().ToList();
        if (years.Count > 1)
        {
            throw new ArgumentException($"The parts of '{package.Name}' projected different baseline years ({string.Join(", ", years)}); give the parts one referenceYear.", nameof(parts));
        }

        Package = package;
        Parts = parts;
        Year = years[0];
    }

    /// <summary>Gets the package projected.</summary>
    public ScenarioPackage Package { get; }

    /// <summary>Gets each part's result, in the package's order.</summary>
    public ImmutableArray<ProjectionResult> Parts { get; }

    /// <summary>Gets the baseline year every part projected.</summary>
    public int Year { get; }

    /// <summary>Gets the package's balance, <see cref="ScenarioPackage.Country"/> with <see cref="ScenarioPackage.Partner"/>, before and after every part.</summary>
    public BalanceProjection Balance() => Balance(Package.Country, Package.Partner);

    /// <summary>Returns a country's balance with a partner before and after, with every part's change to the flows between them added: exports moved by one part, imports by another.</summary>
    /// <param name="country">The country.</param>
    /// <param name="partner">The partner.</param>
    /// <returns>The balance before and after, in the data's currency.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public BalanceProjection Balance(Country country, Country partner)
    {
        ArgumentNullException.ThrowIfNull(country);
        ArgumentNullException.ThrowIfNull(partner);
        var before = Parts[0].Data.BilateralBalance(country, partner, Year);
        var (exports, imports) = (before.Exports, before.Imports);
        foreach (var part in Contributions(country, partner))
        {
            (exports, imports) = (exports + part.ExportChange, imports + part.ImportChange);
        }

        return new BalanceProjection(before, before with { Exports = exports, Imports = imports });
    }

    /// <summary>Returns each part's change to a country's exports to and imports from a partner.</summary>
    /// <param name="country">The country.</param>
    /// <param name="partner">The partner.</param>
    /// <returns>One entry per part, in the package's order.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ImmutableArray<PartContribution> Contributions(Country country, Country partner)
    {
        ArgumentNullException.ThrowIfNull(country);
        ArgumentNullException.ThrowIfNull(partner);
        return [.. Parts.Select(p =>
        {
            var b = p.Balance(country, partner);
            return new PartContribution(p, b.After.Exports - b.Before.Exports, b.After.Imports - b.Before.Imports);
        })];
    }

    /// <summary>Returns the balance before and after, converted at the annual-average rate of <see cref="Year"/>.</summary>
    /// <param name="country">The country.</param>
    /// <param name="partner">The partner.</param>
    /// <param name="rates">The rate table.</param>
    /// <param name="currency">The currency wanted, for example KES.</param>
    /// <returns>The converted balance.</returns>
    /// <exception cref="KeyNotFoundException">The table has no annual average for that year.</exception>
    public BalanceProjection Balance(Country country, Country partner, ExchangeRateTable rates, Currency currency)
    {
        var b = Balance(country, partner);
        return new BalanceProjection(b.Before.ConvertTo(rates, currency), b.After.ConvertTo(rates, currency));
    }

    /// <summary>Returns a plain-text summary: each part's change to the package's balance, and the balance before and after.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var ci = CultureInfo.InvariantCulture;
        var (country, partner) = (Package.Country, Package.Partner);
        var sb = new StringBuilder();
        sb.Append(ci, $"{Package.Name} — baseline {Year}, {country.Alpha3} with {partner.Alpha3} (USD m)").AppendLine();
        foreach (var part in Contributions(country, partner))
        {
            sb.Append(ci, $"  {part}").AppendLine();
        }

        var b = Balance();
        sb.Append(ci, $"  exports {M(b.Before.Exports):#,##0.00} → {M(b.After.Exports):#,##0.00}; imports {M(b.Before.Imports):#,##0.00} → {M(b.After.Imports):#,##0.00}; balance {M(b.Before.Balance):#,##0.00} → {M(b.After.Balance):#,##0.00}").AppendLine();
        return sb.ToString();

        static decimal M(Money m) => m.Amount / 1_000_000m;
    }
}
