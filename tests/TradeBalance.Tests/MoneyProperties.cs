using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace TradeBalance.Tests;

[Properties(Arbitrary = [typeof(Arbitraries)])]
public class MoneyProperties
{
    [Property]
    public void Parse_of_ToString_round_trips(Money m) => Assert.Equal(m, Money.Parse(m.ToString()));

    [Property]
    public void Parse_of_ToString_round_trips_unrounded_amounts(UnroundedMoney u) =>
        Assert.Equal(u.Value, Money.Parse(u.Value.ToString()));

    [Property]
    public bool Addition_is_commutative(MoneyTriple t) => t.A + t.B == t.B + t.A;

    [Property]
    public bool Addition_is_associative(MoneyTriple t) => (t.A + t.B) + t.C == t.A + (t.B + t.C);

    [Property]
    public bool Subtraction_undoes_addition_and_negation_is_the_additive_inverse(MoneyTriple t) =>
        (t.A + t.B) - t.B == t.A && t.A + (-t.A) == Money.Zero(t.A.Currency) && t.A - t.B == -(t.B - t.A);

    [Property]
    public bool Sum_equals_repeated_addition(MoneyTriple t) =>
        Money.Sum([t.A, t.B, t.C], t.A.Currency) == t.A + t.B + t.C;

    [Property]
    public void Mixing_currencies_always_throws_naming_both_codes(MismatchedPair p)
    {
        var codes = new[] { p.A.Currency.Code, p.B.Currency.Code };
        foreach (var act in new Action[]
        {
            () => _ = p.A + p.B,
            () => _ = p.A - p.B,
            () => _ = p.A < p.B,
            () => _ = p.A >= p.B,
            () => _ = p.A.CompareTo(p.B),
            () => _ = Money.Sum([p.A, p.B], p.A.Currency),
        })
        {
            var ex = Assert.Throws<CurrencyMismatchException>(act);
            Assert.All(codes, c => Assert.Contains(c, ex.Message, StringComparison.Ordinal));
        }
    }

    [Property]
    public bool Round_is_idempotent(UnroundedMoney u) => u.Value.Round().Round() == u.Value.Round();

    [Property]
    public Property Round_moves_the_amount_by_at_most_half_a_minor_unit_and_to_a_whole_minor_unit(UnroundedMoney u)
    {
        var m = u.Value;
        var unit = 1m / Arbitraries.Pow10(m.Currency.MinorUnits);
        var r = m.Round();
        var within = Math.Abs(r.Amount - m.Amount) <= unit / 2;
        var whole = decimal.Truncate(r.Amount / unit) == r.Amount / unit;
        var evenOnTie = Math.Abs(r.Amount - m.Amount) != unit / 2 || decimal.Truncate(r.Amount / unit) % 2 == 0;
        return within.Label("|round(m) - m| <= unit/2")
            .And(whole.Label("round(m) is a whole number of minor units"))
            .And(evenOnTie.Label("a midpoint rounds to the even minor unit"));
    }

    [Property]
    public bool FromMinorUnits_of_ToMinorUnits_is_Round(UnroundedMoney u) =>
        Money.FromMinorUnits(u.Value.ToMinorUnits(), u.Value.Currency) == u.Value.Round();

    [Property]
    public bool ToMinorUnits_of_FromMinorUnits_is_the_count_in_any_currency(long minorUnits, Currency currency) =>
        Money.FromMinorUnits(minorUnits, currency).ToMinorUnits() == minorUnits;

    [Property]
    public bool Comparison_agrees_with_the_sign_of_the_difference(MoneyTriple t) =>
        Math.Sign(t.A.CompareTo(t.B)) == Math.Sign((t.A - t.B).Amount) && (t.A < t.B) == ((t.A - t.B).Amount < 0m);
}
