using System.Collections.Immutable;
using NodaTime;

namespace TradeBalance.Projections;

/// <summary>One year of a <see cref="ProjectionPath"/>: the date whose rates apply, the stage in force, the beneficiaries' rates and the projection.</summary>
/// <param name="Year">The year.</param>
/// <param name="Date">The day of the year whose rates apply.</param>
/// <param name="Stage">The stage in force on <paramref name="Date"/>: 0 before the scenario's effective date, then 1 to the number of stages.</param>
/// <param name="BeneficiaryRates">The rate each beneficiary pays on each of its traded codes in the scenario's markets.</param>
/// <param name="Result">The projection with those rates, from the scenario's baseline.</param>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record ProjectionPathPoint(int Year, LocalDate Date, int Stage, ImmutableArray<BeneficiaryRate> BeneficiaryRates, ProjectionResult Result)
{
    /// <summary>Returns the rate a beneficiary pays on a traded code at this point.</summary>
    /// <param name="beneficiary">The beneficiary.</param>
    /// <param name="hs">The traded code.</param>
    /// <returns>The rate.</returns>
    /// <exception cref="KeyNotFoundException">The point has no rate for that beneficiary and code.</exception>
    public TariffRate RateFor(Country beneficiary, HsCode hs) =>
        BeneficiaryRates.FirstOrDefault(r => r.Exporter.Equals(beneficiary) && r.Hs.Equals(hs))?.Rate
        ?? throw new KeyNotFoundException($"The projection for {Year} has no rate for {beneficiary?.Alpha3} on HS {hs}.");
}
