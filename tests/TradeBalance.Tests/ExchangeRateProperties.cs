using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace TradeBalance.Tests;

[Properties(Arbitrary = [typeof(Arbitraries)])]
public class ExchangeRateProperties
{
    [Property]
    public Property Convert_then_inverse_returns_the_amount_within_one_minor_unit(RateAndAmount ra)
    {
        var back = ra.Rate.Inverse().Convert(ra.Rate.Convert(ra.Amount)).Round();
        var unit = 1m / Arbitraries.Pow10(ra.Amount.Currency.MinorUnits);
        return (back.Currency.Equals(ra.Amount.Currency) && Math.Abs(back.Amount - ra.Amount.Round().Amount) <= unit)
            .Label($"back = {back}");
    }

    [Property]
    public void Inverse_swaps_the_pair_and_inverts_the_rate(ExchangeRate r)
    {
        var inv = r.Inverse();
        Assert.Equal((r.Quote, r.Base, r.AsOf, r.Basis), (inv.Base, inv.Quote, inv.AsOf, inv.Basis));
        Assert.True(Math.Abs((inv.Rate * r.Rate) - 1m) < 1e-20m, $"{inv.Rate} * {r.Rate} != 1");
        var twice = inv.Inverse();
        Assert.True(Math.Abs(twice.Rate - r.Rate) / r.Rate < 1e-20m, $"{twice.Rate} != {r.Rate}");
    }

    [Property]
    public void Converting_an_amount_not_in_the_base_currency_always_throws(ExchangeRate r, Money m)
    {
        if (m.Currency.Equals(r.Base))
        {
            Assert.Equal(r.Quote, r.Convert(m).Currency);
        }
        else
        {
            var ex = Assert.Throws<CurrencyMismatchException>(() => r.Convert(m));
            Assert.Equal((r.Base, m.Currency), (ex.Expected, ex.Actual));
        }
    }

    [Property]
    public void Table_lookup_follows_its_rule(RateTableQuery q)
    {
        var candidates = q.Table.Rates.Where(r => r.Base.Equals(q.Base) && r.Quote.Equals(q.Quote)).ToList();
        bool Fits(ExchangeRate r) => q.Rule switch
        {
            ExchangeRateRule.Exact => r.AsOf == q.Date && r.Basis != ExchangeRateBasis.AnnualAverage,
            ExchangeRateRule.LatestOnOrBefore => r.AsOf <= q.Date && r.Basis != ExchangeRateBasis.AnnualAverage,
            ExchangeRateRule.AnnualAverage => r.AsOf.Year == q.Date.Year && r.Basis == ExchangeRateBasis.AnnualAverage,
            _ => throw new InvalidOperationException(),
        };
        var fitting = candidates.Where(Fits).ToList();

        if (q.Table.TryFind(q.Base, q.Quote, q.Date, q.Rule, out var found))
        {
            Assert.Equal(q.Rule, found.Rule);
            Assert.Contains(found.Rate, fitting);
            if (q.Rule == ExchangeRateRule.LatestOnOrBefore)
            {
                Assert.Equal(fitting.Max(r => r.AsOf), found.Rate.AsOf);
            }

            if (q.Rule != ExchangeRateRule.AnnualAverage && fitting.Any(r => r.AsOf == found.Rate.AsOf && r.Basis == ExchangeRateBasis.Daily))
            {
                Assert.Equal(ExchangeRateBasis.Daily, found.Rate.Basis);
            }
        }
        else
        {
            Assert.Empty(fitting);
            var ex = Assert.Throws<KeyNotFoundException>(() => q.Table.Find(q.Base, q.Quote, q.Date, q.Rule));
            Assert.Contains($"{q.Base.Code}/{q.Quote.Code}", ex.Message, StringComparison.Ordinal);
        }
    }

    [Property]
    public void WithInverses_answers_every_reverse_question_and_is_idempotent(RateTableQuery q)
    {
        var table = q.Table.WithInverses();
        Assert.Equal(table.Rates, table.WithInverses().Rates);
        if (q.Table.TryFind(q.Base, q.Quote, q.Date, q.Rule, out _))
        {
            Assert.True(table.TryFind(q.Quote, q.Base, q.Date, q.Rule, out var reverse));
            Assert.Equal(q.Rule, reverse.Rule);
        }

        Assert.All(q.Table.Rates, r => Assert.Contains(r, table.Rates));
    }
}
