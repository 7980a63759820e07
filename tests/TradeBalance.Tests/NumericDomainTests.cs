using System.Globalization;
using System.Reflection;
using NodaTime;
using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Tests;

/// <summary>
/// Issue 15, class 7 (numeric domain), API side: every numeric argument at its bound is accepted and
/// every model keeps its invariants there; just past the bound it is refused with the value named;
/// Money overflow names its operands; the default of every public value type formats and compares.
/// docs/numeric-domain.md states the bounds.
/// </summary>
public class NumericDomainTests
{
    private static readonly HsCode Tea = HsCode.Parse("0902");
    private static readonly LocalDate Effective = new(2026, 5, 1);

    /// <summary>An argument at its bound and just past it: how to make it, and the text the refusal must name.</summary>
    public sealed record Bound(string Name, Action AtBound, Action PastBound, string Named);

    private static TradeFlow Flow(decimal value, decimal? kg = null) =>
        new(Countries.Kenya, Countries.China, Tea, 2024, new Money(value, Currency.Usd), kg);

    private static ExchangeRate Rate(decimal r) => new(Currency.Usd, Currency.Kes, r, new LocalDate(2024, 1, 1));

    /// <summary>The generator: every numeric argument of the API that has a domain bound, at it and just past it.</summary>
    public static IEnumerable<Bound> Bounds()
    {
        yield return new("flow value, largest", () => Flow(1_000_000_000_000_000m), () => Flow(1_000_000_000_000_000.01m), "1000000000000000.01");
        yield return new("flow value, smallest non-zero", () => Flow(0.000001m), () => Flow(0.00000099m), "0.00000099");
        yield return new("flow value, far past (the issue's 1e24)", () => Flow(0m), () => Flow(1e24m), "1000000000000000000000000");
        yield return new("quantity, largest", () => Flow(1m, 1_000_000_000_000_000m), () => Flow(1m, 1_000_000_000_000_001m), "1000000000000001");
        yield return new("quantity, smallest non-zero", () => Flow(1m, 0.000001m), () => Flow(1m, 0.0000001m), "0.0000001");
        yield return new("tariff rate", () => _ = new TariffRate(10_000m), () => _ = new TariffRate(10_000.0001m), "10000.0001");
        yield return new("tariff rate, the issue's 7.9e28", () => _ = TariffRate.FromPercent(0m), () => _ = TariffRate.FromPercent(79_000_000_000_000_000_000_000_000_000m), "79000000000000000000000000000");
        yield return new("cut in points, raising", () => TariffChange.CutPoints(-10_000m), () => TariffChange.CutPoints(-10_000.5m), "-10000.5");
        yield return new("cut in points", () => TariffChange.CutPoints(10_000m), () => TariffChange.CutPoints(10_001m), "10001");
        yield return new("exchange rate, smallest", () => Rate(0.000000001m), () => Rate(0.0000000009m), "0.0000000009");
        yield return new("exchange rate, largest", () => Rate(1_000_000_000m), () => Rate(1_000_000_000.5m), "1000000000.5");
        yield return new("import demand", () => _ = new ElasticityValues(-100, 1.5, 99), () => _ = new ElasticityValues(-100.5, 1.5, 99), "-100.5");
        yield return new("substitution", () => _ = new ElasticityValues(-1.5, 100, 99), () => _ = new ElasticityValues(-1.5, 100.5, 99), "100.5");
        yield return new("export supply", () => _ = new ElasticityValues(-1.5, 1.5, 0.01), () => _ = new ElasticityValues(-1.5, 1.5, 0.0099), "0.0099");
    }

    public static TheoryData<string> BoundNames => [.. Bounds().Select(b => b.Name)];

    [Theory]
    [MemberData(nameof(BoundNames))]
    public void At_the_bound_accepted_just_past_refused_naming_the_value(string name)
    {
        var b = Bounds().Single(x => x.Name == name);
        b.AtBound();
        var e = Assert.Throws<ArgumentOutOfRangeException>(b.PastBound);
        Assert.Contains(b.Named, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_TariffRate_past_the_bound_does_not_parse()
    {
        Assert.Equal(new TariffRate(10_000m), TariffRate.Parse("10000%"));
        Assert.False(TariffRate.TryParse("10000.01", out _));
        Assert.Contains("'7.9e28' is not a tariff rate", Assert.Throws<FormatException>(() => TariffRate.Parse("7.9e28")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_cut_that_takes_a_rate_past_the_bound_names_the_rate()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TariffChange.CutPoints(-10_000m).Apply(new TariffRate(15m)));
        Assert.Contains("10015", e.Message, StringComparison.Ordinal);
    }

    // ---- every model's invariants at the bounds -----------------------------------------------

    /// <summary>A market at the bounds: China's tea imports from four suppliers, KEN the beneficiary.</summary>
    /// <remarks>
    /// <see cref="Combined"/>: several bounds at once. There a model may instead end in a
    /// <see cref="ProjectionException"/> naming the market, when an exact (Armington) projection grows
    /// past what can be summed or reported (a 10,000 % cut on the largest flows multiplies them by
    /// thousands); never in a silent wrong number.
    /// </remarks>
    public sealed record Extreme(string Name, decimal[] Values, decimal Before, decimal After, ElasticityValues Elasticities, bool Combined = false);

    private static readonly ElasticityValues Usual = new(-1.5, 1.5, 99);

    /// <summary>The generator: each bound on its own with ordinary inputs around it, then the bounds of values and rates together.</summary>
    public static IEnumerable<Extreme> Extremes()
    {
        const decimal Max = NumericDomain.MaxFlowValue;
        const decimal Min = NumericDomain.MinPositiveFlowValue;
        const decimal Rate = NumericDomain.MaxTariffPercent;
        yield return new("largest flows", [Max, Max, Max, Max], 15m, 0m, Usual);
        yield return new("largest flow beside ordinary ones (the issue's conservation case)", [20_000_000m, Max, 22_000_000m, 17_000_000m], 15m, 0m, Usual);
        yield return new("smallest flows", [Min, Min, Min, Min], 15m, 0m, Usual);
        yield return new("largest and smallest in one market", [Min, Max, Min, 1m], 15m, 0m, Usual);
        yield return new("beneficiary largest, others smallest", [Max, Min, Min, Min], 15m, 0m, Usual);
        yield return new("rate from the bound to 0", [20m, 68m, 23m, 17m], Rate, 0m, Usual);
        yield return new("rate from 0 to the bound", [20m, 68m, 23m, 17m], 0m, Rate, Usual);
        yield return new("rate from the bound to 0, largest flows", [Max, Max, Max, Max], Rate, 0m, Usual, Combined: true);
        yield return new("rate from 0 to the bound, largest and smallest flows", [Max, Min, Max, Min], 0m, Rate, Usual, Combined: true);
        yield return new("eta at its bound", [20m, 68m, 23m, 17m], 15m, 0m, new(NumericDomain.MinImportDemand, 1.5, 99));
        yield return new("eta at its bound, finite supply", [20m, 68m, 23m, 17m], 15m, 0m, new(NumericDomain.MinImportDemand, 1.5, 2));
        yield return new("sigma at its bound", [20m, 68m, 23m, 17m], 15m, 0m, new(-1.5, NumericDomain.MaxSubstitution, 99));
        yield return new("sigma at its bound, increase", [20m, 68m, 23m, 17m], 15m, 40m, new(-1.5, NumericDomain.MaxSubstitution, 99));
        yield return new("epsilon at its bound", [20m, 68m, 23m, 17m], 15m, 0m, new(-1.5, 1.5, NumericDomain.MinExportSupply));
        yield return new("every elasticity at its bound", [20m, 68m, 23m, 17m], 15m, 0m, new(NumericDomain.MinImportDemand, NumericDomain.MaxSubstitution, NumericDomain.MinExportSupply), Combined: true);
        yield return new("elasticities at their bounds, largest flows", [Max, Max, Max, Max], 15m, 0m, new(-1.5, NumericDomain.MaxSubstitution, NumericDomain.MinExportSupply), Combined: true);
        yield return new("every bound at once", [Max, Min, 0m, 1m], Rate, 0m, new(NumericDomain.MinImportDemand, NumericDomain.MaxSubstitution, NumericDomain.MinExportSupply), Combined: true);
    }

    public static TheoryData<string, string> ExtremeRuns =>
        [.. Extremes().SelectMany(x => new[] { "smart", "armington", "gsim", "staged smart", "monte-carlo smart", "monte-carlo armington" }.Select(m => (x.Name, m)))];

    [Theory]
    [MemberData(nameof(ExtremeRuns))]
    public void Every_model_keeps_its_invariants_at_the_bounds(string name, string model)
    {
        var x = Extremes().Single(e => e.Name == name);
        Country[] suppliers = [Countries.Kenya, Countries.SriLanka, Countries.India, Countries.VietNam];
        var data = new TradeDataSet(x.Values.Select((v, i) => TradeFlow.Usd(suppliers[i], Countries.China, Tea, 2024, v)));
        var schedule = new TariffSchedule(Countries.China, [new TariffLine(TariffRegime.Mfn, Tea, new TariffRate(x.Before))]);
        var scenario = new Scenario("bounds", Countries.China, [Countries.Kenya], [Tea], TariffChange.NewRate(new TariffRate(x.After)), Effective)
        {
            ReferenceYear = 2024,
            Elasticities = new Elasticities(x.Elasticities),
        };
        try
        {
            Run(scenario, data, schedule, model);
        }
        catch (ProjectionException e) when (x.Combined)
        {
            Assert.Contains("CHN 0902 2024", e.Message, StringComparison.Ordinal);
        }
    }

    private static void Run(Scenario scenario, TradeDataSet data, TariffSchedule schedule, string model)
    {
        var ct = TestContext.Current.CancellationToken;
        switch (model)
        {
            case "smart":
                Invariants(ProjectionModel.Smart.Project(new ProjectionInputs(scenario, data, schedule)), diversion: true);
                break;
            case "armington":
                Invariants(ProjectionModel.Armington.Project(new ProjectionInputs(scenario, data, schedule)), diversion: true);
                break;
            case "gsim":
                Invariants(ProjectionModel.Gsim.Solve(new ProjectionInputs(scenario, data, [schedule])).Projection, diversion: false);
                break;
            case "staged smart":
                foreach (var p in ProjectionModel.Smart.ProjectStages(new ProjectionInputs(TwoStages(scenario), data, schedule), 2026, 2028).Points)
                {
                    Invariants(p.Result, diversion: true);
                }

                break;
            default:
                var kind = model.EndsWith("armington", StringComparison.Ordinal) ? ProjectionModelKind.Armington : ProjectionModelKind.Smart;
                var mc = ProjectionModel.For(kind).MonteCarlo(new ProjectionInputs(scenario, data, schedule), new MonteCarloSettings(32, 7, 0.5), maxDegreeOfParallelism: 1, cancellationToken: ct);
                Invariants(mc.Point, diversion: true);
                foreach (var r in mc.Rows)
                {
                    Assert.True(r.Projected.P5.Amount >= 0m && r.Projected.P5 <= r.Projected.P50 && r.Projected.P50 <= r.Projected.P95, $"{r.Exporter}: band {r.Projected}");
                    Assert.True(r.ProjectedShare.P5 is >= 0d and <= 1d && r.ProjectedShare.P5 <= r.ProjectedShare.P50 && r.ProjectedShare.P50 <= r.ProjectedShare.P95, $"{r.Exporter}: share band {r.ProjectedShare}");
                }

                break;
        }

        static Scenario TwoStages(Scenario s) => new(s.Name, s.Importer, s.Beneficiaries, s.Lines, s.Change, s.Effective) { ReferenceYear = s.ReferenceYear, Elasticities = s.Elasticities, Stages = 2 };
    }

    /// <summary>
    /// The invariants: every figure finite and no flow negative; baseline and projected shares each sum
    /// to one (1e-12); trade diversion sums to zero within the market total's last digits
    /// (1e-12 relative, which at the largest flow is well under a dollar per 10^12); creation plus
    /// diversion plus price effect is the change.
    /// </summary>
    private static void Invariants(ProjectionResult result, bool diversion)
    {
        foreach (var m in result.Markets)
        {
            var rows = m.Rows;
            var total = (double)m.BaselineTotal.Amount;
            var after = (double)m.ProjectedTotal.Amount;
            var context = $"{result.Model} {m.Market}: {string.Join("; ", rows.Select(r => $"{r.Exporter.Alpha3} {r.Baseline.Amount} → {r.Projected.Amount} (TD {r.TradeDiversion?.Amount})"))}";
            Assert.True(rows.All(r => r.Projected.Amount >= 0m), context);
            Assert.True(rows.All(r => double.IsFinite(r.BaselineShare) && double.IsFinite(r.ProjectedShare)), context);
            if (total > 0d)
            {
                Assert.True(Math.Abs(rows.Sum(r => r.BaselineShare) - 1d) <= 1e-12, "baseline shares: " + context);
            }

            if (after > 0d)
            {
                Assert.True(Math.Abs(rows.Sum(r => r.ProjectedShare) - 1d) <= 1e-12, "projected shares: " + context);
            }

            Assert.True(Math.Abs((double)rows.Sum(r => r.Projected.Amount) - after) <= 1e-12 * Math.Max(1d, after), "projected total: " + context);
            if (diversion)
            {
                var sum = rows.Sum(r => r.TradeDiversion!.Value.Amount);
                Assert.True((double)Math.Abs(sum) <= 1e-12 * Math.Max(1d, total), $"diversion sums to {sum.ToString(CultureInfo.InvariantCulture)}: " + context);

                // SMART's parts add up in closed form; Armington's to its solver's tolerance (1e-12 on prices,
                // amplified by |η|·σ at the elasticity bounds).
                var tolerance = result.Model.Kind == ProjectionModelKind.Smart ? 1e-12 : 1e-8;
                foreach (var r in rows)
                {
                    var parts = r.TradeCreation!.Value.Amount + r.TradeDiversion!.Value.Amount + r.PriceEffect.Amount;
                    var change = r.Projected.Amount - r.Baseline.Amount;
                    Assert.True((double)Math.Abs(parts - change) <= tolerance * Math.Max(1d, total), $"{r.Exporter.Alpha3}: parts {parts} vs change {change}: " + context);
                }
            }
        }
    }

    // ---- Money overflow and defaults ------------------------------------------------------------

    public static TheoryData<string, string> Overflows => new()
    {
        { "+", "USD 7.9E+28 + USD 1E+28 overflows" },
        { "-", "USD -7.9E+28 - USD 1E+28 overflows" },
        { "*", "USD 7.9E+28 × 2 overflows" },
        { "/", "USD 7.9E+28 ÷ 0.5 overflows" },
        { "sum", "USD 7.9E+28 + USD 7.9E+28 overflows" },
        { "convert", "KES 7.9E+28 × 130 overflows" },
        { "minor", "USD 7.9E+28 is too large to count in minor units" },
    };

    [Theory]
    [MemberData(nameof(Overflows))]
    public void Money_overflow_is_an_OverflowException_naming_the_operands(string op, string fragment)
    {
        var big = new Money(79_000_000_000_000_000_000_000_000_000m, Currency.Usd);
        var ten = new Money(10_000_000_000_000_000_000_000_000_000m, Currency.Usd);
        var rate = new ExchangeRate(Currency.Kes, Currency.Usd, 130m, new LocalDate(2024, 1, 1));
        Action act = op switch
        {
            "+" => () => _ = big + ten,
            "-" => () => _ = -big - ten,
            "*" => () => _ = big * 2m,
            "/" => () => _ = big / 0.5m,
            "sum" => () => _ = Money.Sum([big, big], Currency.Usd),
            "convert" => () => _ = rate.Convert(new Money(big.Amount, Currency.Kes)),
            _ => () => _ = big.ToMinorUnits(),
        };
        var e = Assert.Throws<OverflowException>(act);
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
    }

    /// <summary>Every public value type of both libraries, closed over Money and double where generic.</summary>
    public static TheoryData<string> PublicValueTypes()
    {
        var data = new TheoryData<string>();
        foreach (var t in ValueTypes())
        {
            data.Add(t.FullName!);
        }

        return data;
    }

    private static IEnumerable<Type> ValueTypes()
    {
        foreach (var assembly in new[] { typeof(Money).Assembly, typeof(Data.FlowsCsv).Assembly })
        {
            foreach (var t in assembly.GetExportedTypes().Where(t => t.IsValueType && !t.IsByRefLike).OrderBy(t => t.FullName, StringComparer.Ordinal))
            {
                if (t.IsGenericTypeDefinition)
                {
                    yield return t.MakeGenericType(typeof(Money));
                    yield return t.MakeGenericType(typeof(double));
                }
                else
                {
                    yield return t;
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(PublicValueTypes))]
    public void The_default_of_every_public_value_type_formats_and_compares(string typeName)
    {
        var t = ValueTypes().Single(v => v.FullName == typeName);
        var a = Activator.CreateInstance(t)!;
        var b = Activator.CreateInstance(t)!;
        Assert.False(string.IsNullOrEmpty(a.ToString()), typeName);
        Assert.True(a.Equals(b), typeName);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        var equality = t.GetMethod("op_Equality", BindingFlags.Public | BindingFlags.Static, [t, t]);
        if (equality is not null)
        {
            Assert.True((bool)equality.Invoke(null, [a, b])!, typeName);
        }
    }

    [Fact]
    public void The_value_types_checked_include_Money_TariffRate_and_the_bands()
    {
        var names = ValueTypes().Select(t => t.Name).ToList();
        Assert.Contains("Money", names);
        Assert.Contains("TariffRate", names);
        Assert.Contains(names, n => n.StartsWith("PercentileBand", StringComparison.Ordinal));
    }
}
