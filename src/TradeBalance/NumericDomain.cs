using System.Globalization;

namespace TradeBalance;

/// <summary>
/// The bounds of every number TradeBalance takes in: trade values, quantities, tariff rates,
/// exchange rates and elasticities. Inside them every model keeps its invariants; outside them the
/// domain types throw <see cref="ArgumentOutOfRangeException"/> and the readers a data error with
/// the file, the line and the value. docs/numeric-domain.md gives the reasons.
/// </summary>
/// <remarks>
/// <para>Why bounds at all: the numeric core works in <see cref="double"/> (15–16 significant digits)
/// and reports in <see cref="decimal"/> (up to about 7.9·10²⁸, down to 10⁻²⁸). A flow of 10²⁴ next to
/// flows of 10⁷ loses the smaller flows' changes in the larger one's rounding (trade diversion no
/// longer sums to zero); a rate of 10²⁸ % gives tariff revenue no amount can hold; a value written
/// as 1e-40 reads as zero and its supplier silently drops out. The bounds sit far outside any real
/// figure and well inside what the arithmetic carries.</para>
/// <para>Amounts are checked where they are made (<see cref="TradeFlow"/>, <see cref="TariffRate"/>,
/// <see cref="ExchangeRate"/>, <see cref="Projections.ElasticityValues"/>) and where they are read,
/// never in the models' per-flow loops.</para>
/// </remarks>
/// <threadsafety>Constants only; thread-safe.</threadsafety>
public static class NumericDomain
{
    /// <summary>The largest value of one trade flow, in units of its currency (USD in every reader): 10¹⁵, a thousand trillion.</summary>
    /// <remarks>About forty times a year of the whole world's goods trade; a double still resolves it to 1/8 of a unit.</remarks>
    public const decimal MaxFlowValue = 1_000_000_000_000_000m;

    /// <summary>The smallest non-zero value of one trade flow: 10⁻⁶ (a millionth of a dollar). Zero itself is allowed.</summary>
    /// <remarks>Below a cent by four orders, so no real figure is refused; a smaller non-zero value is an error rather than a number that rounds to zero.</remarks>
    public const decimal MinPositiveFlowValue = 0.000001m;

    /// <summary>The largest net weight of one trade flow, in kilograms: 10¹⁵ (a trillion tonnes, about eighty years of all seaborne trade).</summary>
    public const decimal MaxQuantityKg = 1_000_000_000_000_000m;

    /// <summary>The smallest non-zero net weight of one trade flow, in kilograms: 10⁻⁶ (a milligram). Zero itself is allowed.</summary>
    public const decimal MinPositiveQuantityKg = 0.000001m;

    /// <summary>The highest ad valorem tariff rate, in percent: 10,000 % (a hundredfold price).</summary>
    /// <remarks>Above every published ad valorem equivalent (the highest are a few thousand percent); keeps tariff revenue and the models' price ratios (at most 101) far inside double and decimal range.</remarks>
    public const decimal MaxTariffPercent = 10_000m;

    /// <summary>The smallest exchange rate (units of quote per unit of base): 10⁻⁹.</summary>
    public const decimal MinExchangeRate = 0.000000001m;

    /// <summary>The largest exchange rate (units of quote per unit of base): 10⁹.</summary>
    /// <remarks>Covers every current currency against any other (the weakest trade at about 10⁶ per US dollar); a converted flow stays below 10²⁴, inside what an amount holds.</remarks>
    public const decimal MaxExchangeRate = 1_000_000_000m;

    /// <summary>The most negative import-demand elasticity η: −100.</summary>
    /// <remarks>HS6 estimates lie mostly between −0.1 and −10; beyond −100 the exact (Armington) model's composite demand moves by more than a double holds for ordinary tariff cuts.</remarks>
    public const double MinImportDemand = -100d;

    /// <summary>The largest substitution elasticity σ: 100.</summary>
    /// <remarks>Published estimates (Broda &amp; Weinstein 2006 and later) lie mostly between 1 and 20, with rare values near 100.</remarks>
    public const double MaxSubstitution = 100d;

    /// <summary>The smallest export-supply elasticity ε: 0.01 (infinite supply is 99 or more).</summary>
    /// <remarks>Below it the Armington world-price solve stops converging for ordinary tariff changes.</remarks>
    public const double MinExportSupply = 0.01d;

    /// <summary>The flow-value rule as text: <c>0, or 1E-06 to 1E+15</c>.</summary>
    internal static string FlowValueBounds => $"0, or {G(MinPositiveFlowValue)} to {G(MaxFlowValue)}";

    /// <summary>The quantity rule as text.</summary>
    internal static string QuantityBounds => $"0, or {G(MinPositiveQuantityKg)} to {G(MaxQuantityKg)} kg";

    /// <summary>True when a flow value is zero or within its bounds.</summary>
    internal static bool IsFlowValue(decimal v) => v == 0m || (v >= MinPositiveFlowValue && v <= MaxFlowValue);

    /// <summary>True when a quantity is zero or within its bounds.</summary>
    internal static bool IsQuantity(decimal v) => v == 0m || (v >= MinPositiveQuantityKg && v <= MaxQuantityKg);

    /// <summary>A number in short form for messages: <c>1E+15</c>, <c>1E-06</c>, <c>7.5</c>.</summary>
    internal static string G(decimal v) => ((double)v).ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>A number in short form for messages.</summary>
    internal static string G(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
