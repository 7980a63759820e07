using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace TradeBalance.Tests;

/// <summary>Two values of one comparable type, equal or adjacent far more often than chance would make them.</summary>
public sealed record Pair<T>(T A, T B);

/// <summary>Three values of one comparable type in ascending order (any two may be equal).</summary>
public sealed record Ascending<T>(T A, T B, T C);

/// <summary>
/// The laws every ordered value type keeps (<see cref="Money"/>, <see cref="TariffRate"/>, <see cref="Currency"/>,
/// <see cref="Country"/>, <see cref="HsCode"/>), checked on pairs that are often equal (including numerically
/// equal amounts written with different scales, 1.0 and 1.00) or adjacent (one step of the smallest unit
/// apart), where an operator that confuses &lt; with &lt;= shows: trichotomy, antisymmetry, <c>a &gt; b ⇔ b &lt; a</c>,
/// <c>a &gt;= b ⇔ !(a &lt; b)</c>, agreement with <c>CompareTo</c> and <c>Equals</c>, agreement with the key
/// the type is ordered by, and transitivity.
/// </summary>
[Properties(Arbitrary = [typeof(OrderingLaws)], MaxTest = 300)]
public class OrderingLaws
{
    // ---- Generators: pairs that are equal, adjacent or apart ----

    /// <summary>10⁻²⁶: next to any value below 100 that a decimal's 28 digits can tell apart from it.</summary>
    private static readonly decimal Tiny = 0.00000000000000000000000001m;

    private static Gen<decimal> Near(decimal a, decimal step) => Gen.Elements(a, a + step, a - step);

    public static Arbitrary<Pair<Money>> MoneyPairs() =>
        (from a in Arbitraries.MoneyArb().Generator
         let unit = 1m / Arbitraries.Pow10(a.Currency.MinorUnits)
         from kind in Gen.Choose(0, 4)
         from other in Arbitraries.MinorUnits().Generator
         from b in kind switch
         {
             0 => Gen.Constant(a.Amount),
             1 => Gen.Constant(a.Amount * 1.00m), // equal, written with two more decimals
             2 => Near(a.Amount, unit),
             3 => Near(a.Amount, Tiny * 10_000m),
             _ => Gen.Constant(Money.FromMinorUnits(other, a.Currency).Amount),
         }
         select new Pair<Money>(a, new Money(b, a.Currency))).ToArbitrary();

    public static Arbitrary<Ascending<Money>> MoneyTriples() =>
        (from t in Arbitraries.MoneyTripleArb().Generator
         let sorted = new[] { t.A, t.B, t.C }.OrderBy(m => m.Amount).ToArray()
         from equal in Gen.Choose(0, 3)
         let b = equal == 1 ? sorted[0] : sorted[1]
         let c = equal == 2 ? b : sorted[2]
         select new Ascending<Money>(sorted[0], b, c)).ToArbitrary();

    public static Arbitrary<Pair<TariffRate>> RatePairs() =>
        (from a in Arbitraries.TariffRateArb().Generator
         from kind in Gen.Choose(0, 4)
         from other in Arbitraries.TariffRateArb().Generator
         from b in kind switch
         {
             0 => Gen.Constant(a.Percent),
             1 => Gen.Constant(a.Percent * 1.000m),
             2 => Near(a.Percent, 0.01m),
             3 => Near(a.Percent, Tiny * 10_000m),
             _ => Gen.Constant(other.Percent),
         }
         where b >= 0m && b <= NumericDomain.MaxTariffPercent
         select new Pair<TariffRate>(a, new TariffRate(b))).ToArbitrary();

    public static Arbitrary<Ascending<TariffRate>> RateTriples() =>
        (from a in Arbitraries.TariffRateArb().Generator
         from b in Gen.OneOf(Gen.Constant(a), Arbitraries.TariffRateArb().Generator)
         from c in Gen.OneOf(Gen.Constant(b), Arbitraries.TariffRateArb().Generator)
         let sorted = new[] { a, b, c }.OrderBy(r => r.Percent).ToArray()
         select new Ascending<TariffRate>(sorted[0], sorted[1], sorted[2])).ToArbitrary();

    /// <summary>Entries of a registry in their sort order: equal, neighbours, or any two; sometimes null.</summary>
    private static Gen<Pair<T?>> RegistryPairs<T>(IReadOnlyList<T> all, Func<T, string> key)
        where T : class
    {
        var sorted = all.OrderBy(key, StringComparer.Ordinal).ToArray();
        return from i in Gen.Choose(0, sorted.Length - 1)
               from j in Gen.Frequency(
                   (2, Gen.Constant(i)),
                   (3, Gen.Elements(Math.Max(0, i - 1), Math.Min(sorted.Length - 1, i + 1))),
                   (2, Gen.Choose(0, sorted.Length - 1)))
               from nulls in Gen.Frequency((8, Gen.Constant(0)), (1, Gen.Constant(1)), (1, Gen.Constant(2)), (1, Gen.Constant(3)))
               select new Pair<T?>(nulls is 1 or 3 ? null : sorted[i], nulls is 2 or 3 ? null : sorted[j]);
    }

    public static Arbitrary<Pair<Currency?>> CurrencyPairs() => RegistryPairs(Currency.All, c => c.Code).ToArbitrary();

    public static Arbitrary<Pair<Country?>> CountryPairs() => RegistryPairs(Country.All, c => c.Alpha3).ToArbitrary();

    public static Arbitrary<Pair<HsCode?>> HsPairs()
    {
        var codes = new[] { "", "09", "0901", "0902", "090210", "0903", "10", "1001", "99" }
            .Select(d => d.Length == 0 ? HsCode.Total : HsCode.Parse(d)).ToArray();
        return RegistryPairs(codes, c => c.Digits).ToArbitrary();
    }

    // ---- Money ----

    [Property]
    public void Money_operators_keep_the_laws(Pair<Money> p)
    {
        var (a, b) = (p.A, p.B);
        AssertLaws(a < b, a <= b, a > b, a >= b, a.CompareTo(b), b.CompareTo(a), a.Equals(b), a == b);
        Assert.Equal(a.Amount < b.Amount, a < b);
        Assert.Equal(a.Amount > b.Amount, a > b);
        Assert.Equal(a.Amount == b.Amount, a.CompareTo(b) == 0);
    }

    [Property]
    public void Money_ordering_is_transitive(Ascending<Money> t)
    {
        Assert.True(t.A <= t.B && t.B <= t.C && t.A <= t.C);
        Assert.Equal(t.A < t.B || t.B < t.C, t.A < t.C);
    }

    [Fact]
    public void Money_operators_at_equal_and_adjacent_amounts()
    {
        var one = new Money(1m, Currency.Usd);
        var oneAgain = new Money(1.00m, Currency.Usd);
        var cent = new Money(1.01m, Currency.Usd);
        var tiny = new Money(1m + Tiny, Currency.Usd);
        Assert.False(one < oneAgain);
        Assert.False(one > oneAgain);
        Assert.True(one <= oneAgain);
        Assert.True(one >= oneAgain);
        Assert.True(one == oneAgain);
        foreach (var above in new[] { cent, tiny })
        {
            Assert.True(one < above);
            Assert.False(one > above);
            Assert.True(above > one);
            Assert.False(above < one);
            Assert.False(one >= above);
            Assert.False(above <= one);
            Assert.True(one != above);
        }
    }

    // ---- TariffRate ----

    [Property]
    public void TariffRate_operators_keep_the_laws(Pair<TariffRate> p)
    {
        var (a, b) = (p.A, p.B);
        AssertLaws(a < b, a <= b, a > b, a >= b, a.CompareTo(b), b.CompareTo(a), a.Equals(b), a == b);
        Assert.Equal(a.Percent < b.Percent, a < b);
        Assert.Equal(a.Percent > b.Percent, a > b);
    }

    [Property]
    public void TariffRate_ordering_is_transitive(Ascending<TariffRate> t)
    {
        Assert.True(t.A <= t.B && t.B <= t.C && t.A <= t.C);
        Assert.Equal(t.A < t.B || t.B < t.C, t.A < t.C);
    }

    [Fact]
    public void TariffRate_operators_at_equal_and_adjacent_rates_and_at_the_ends_of_the_domain()
    {
        var fifteen = new TariffRate(15m);
        var again = new TariffRate(15.000m);
        Assert.False(fifteen > again);
        Assert.False(fifteen < again);
        Assert.True(fifteen >= again);
        Assert.True(fifteen <= again);
        foreach (var above in new[] { new TariffRate(15.01m), new TariffRate(15m + Tiny) })
        {
            Assert.True(above > fifteen);
            Assert.False(fifteen > above);
            Assert.True(fifteen < above);
            Assert.False(above < fifteen);
            Assert.False(fifteen >= above);
            Assert.False(above <= fifteen);
        }

        Assert.False(TariffRate.Zero > new TariffRate(0m));
        Assert.False(new TariffRate(NumericDomain.MaxTariffPercent) > new TariffRate(NumericDomain.MaxTariffPercent));
        Assert.True(new TariffRate(NumericDomain.MaxTariffPercent) > new TariffRate(NumericDomain.MaxTariffPercent - (Tiny * 10_000m)));
    }

    // ---- Registries: Currency, Country, HsCode (null sorts first) ----

    [Property]
    public void Currency_operators_keep_the_laws(Pair<Currency?> p) =>
        AssertRecordLaws(p.A, p.B, p.A < p.B, p.A <= p.B, p.A > p.B, p.A >= p.B, c => c.Code);

    [Property]
    public void Country_operators_keep_the_laws(Pair<Country?> p) =>
        AssertRecordLaws(p.A, p.B, p.A < p.B, p.A <= p.B, p.A > p.B, p.A >= p.B, c => c.Alpha3);

    [Property]
    public void HsCode_operators_keep_the_laws(Pair<HsCode?> p) =>
        AssertRecordLaws(p.A, p.B, p.A < p.B, p.A <= p.B, p.A > p.B, p.A >= p.B, c => c.Digits);

    // ---- The laws ----

    private static void AssertLaws(bool lt, bool le, bool gt, bool ge, int compare, int reverse, bool equals, bool equalsOperator)
    {
        // Exactly one of <, =, > (trichotomy); CompareTo antisymmetric and agreeing with the operators and Equals.
        Assert.Equal(1, (lt ? 1 : 0) + (compare == 0 ? 1 : 0) + (gt ? 1 : 0));
        Assert.Equal(Math.Sign(compare), -Math.Sign(reverse));
        Assert.Equal(compare < 0, lt);
        Assert.Equal(compare > 0, gt);
        Assert.Equal(!gt, le);
        Assert.Equal(!lt, ge);
        Assert.Equal(compare == 0, equals);
        Assert.Equal(equals, equalsOperator);
        Assert.Equal(le && ge, equals);
    }

    private static void AssertRecordLaws<T>(T? a, T? b, bool lt, bool le, bool gt, bool ge, Func<T, string> key)
        where T : class, IComparable<T>
    {
        // null is below every value; otherwise the key's ordinal order.
        var expected = a is null ? (b is null ? 0 : -1) : b is null ? 1 : Math.Sign(string.CompareOrdinal(key(a), key(b)));
        Assert.Equal(expected < 0, lt);
        Assert.Equal(expected <= 0, le);
        Assert.Equal(expected > 0, gt);
        Assert.Equal(expected >= 0, ge);
        if (a is not null)
        {
            Assert.Equal(expected, Math.Sign(a.CompareTo(b)));
            Assert.Equal(expected == 0, a.Equals(b));
        }
    }
}
