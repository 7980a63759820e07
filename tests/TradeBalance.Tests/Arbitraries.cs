using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace TradeBalance.Tests;

/// <summary>Three amounts in one currency (KES, USD or JPY).</summary>
public sealed record MoneyTriple(Money A, Money B, Money C);

/// <summary>Two amounts in two different currencies.</summary>
public sealed record MismatchedPair(Money A, Money B);

/// <summary>An amount with digits below the currency's minor unit (thousandths of a minor unit), midpoints included.</summary>
public sealed record UnroundedMoney(Money Value);

/// <summary>An exchange rate and an amount in its base currency.</summary>
public sealed record RateAndAmount(ExchangeRate Rate, Money Amount);

/// <summary>A small rate table and one question to ask it.</summary>
public sealed record RateTableQuery(ExchangeRateTable Table, Currency Base, Currency Quote, LocalDate Date, ExchangeRateRule Rule)
{
    public override string ToString() =>
        $"{Base}/{Quote} on {NodaTime.Text.LocalDatePattern.Iso.Format(Date)} by {Rule}; table: [{string.Join("; ", Table.Rates)}]";
}

/// <summary>A small tariff schedule (importer China) and one question to ask it.</summary>
public sealed record ScheduleQuery(TariffSchedule Schedule, Country Exporter, HsCode Hs, LocalDate Date)
{
    public override string ToString() =>
        $"{Exporter} {Hs} on {NodaTime.Text.LocalDatePattern.Iso.Format(Date)}; lines: [{string.Join("; ", Schedule.Lines)}]";
}

/// <summary>A schedule question plus one line of a preferential regime the schedule does not have yet.</summary>
public sealed record ScheduleWithNewPreference(ScheduleQuery Query, TariffLine NewLine)
{
    public override string ToString() => $"{Query}; new line: {NewLine}";
}

/// <summary>
/// FsCheck arbitraries for the domain types. Where a value maps onto integers (amounts as minor
/// units, countries and currencies as registry indices) the arbitrary is a <c>Convert</c> of
/// FsCheck's own <see cref="long"/>/<see cref="int"/> arbitrary, so failures shrink; composite
/// values (schedules, tables, data sets) shrink by dropping one element at a time.
/// </summary>
public static class Arbitraries
{
    private static readonly Arbitrary<long> Longs = ArbMap.Default.ArbFor<long>();
    private static readonly Arbitrary<int> Ints = ArbMap.Default.ArbFor<int>();

    /// <summary>The currencies amounts are generated in: two with 2 minor units, one with 0.</summary>
    public static readonly IReadOnlyList<Currency> MoneyCurrencies = [Currency.Kes, Currency.Usd, Currency.FromCode("JPY")];

    /// <summary>Currencies exchange rates are generated between.</summary>
    public static readonly IReadOnlyList<Currency> RateCurrencies = [Currency.Kes, Currency.Usd, Currency.FromCode("JPY"), Currency.Cny, Currency.Eur];

    /// <summary>KES 600 billion (Kenya's total imports are of this order) in minor units.</summary>
    public const long Kes600BnMinorUnits = 60_000_000_000_000L;

    /// <summary>HS codes generated: few distinct digit pairs, so prefixes (containment) are common.</summary>
    private static readonly string[] HsPairs = ["09", "02", "40", "90", "01"];

    // ---- integers -------------------------------------------------------------------------

    /// <summary>
    /// A count of minor units: small (FsCheck's sized longs), KES-600-billion scale, or anywhere in a
    /// large range; shrinks with FsCheck's long shrinker (towards 0).
    /// </summary>
    public static Arbitrary<long> MinorUnits()
    {
        var big = from hi in Gen.Choose(0, 3_000_000)
                  from lo in Gen.Choose(0, 99_999_999)
                  from negative in Gen.Elements(false, false, false, true)
                  let v = (hi * 100_000_000L) + lo
                  select negative ? -v : v;
        var huge = ArbMap.Default.GeneratorFor<DoNotSize<long>>().Select(d => d.Item / 1_000L);
        var gen = Gen.Frequency(
            (5, Longs.Generator),
            (4, big),
            (1, Gen.Elements(Kes600BnMinorUnits, -Kes600BnMinorUnits, 0L, 1L, -1L)),
            (2, huge));
        return Arb.From(gen, n => Longs.Shrinker(n));
    }

    private static Arbitrary<int> Index(int count) =>
        Ints.Convert(i => (int)((uint)i % (uint)count), i => i);

    // ---- registries ---------------------------------------------------------------------------

    /// <summary>Any entry of <see cref="Country.All"/> (ROW included); shrinks towards the first.</summary>
    public static Arbitrary<Country> CountryArb() =>
        Index(Country.All.Count).Convert(i => Country.All[i], c => IndexOf(Country.All, c));

    /// <summary>Any entry of <see cref="Currency.All"/>; shrinks towards the first.</summary>
    public static Arbitrary<Currency> CurrencyArb() =>
        Index(Currency.All.Count).Convert(i => Currency.All[i], c => IndexOf(Currency.All, c));

    private static int IndexOf<T>(IReadOnlyList<T> list, T item)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (EqualityComparer<T>.Default.Equals(list[i], item))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"{item} is not in the list.");
    }

    // ---- money ----------------------------------------------------------------------------

    /// <summary>An amount in KES, USD or JPY made from a whole number of minor units.</summary>
    public static Arbitrary<Money> MoneyArb() =>
        Arb.Zip(Index(MoneyCurrencies.Count), MinorUnits()).Convert(
            t => Money.FromMinorUnits(t.Item2, MoneyCurrencies[t.Item1]),
            m => (IndexOf(MoneyCurrencies, m.Currency), m.ToMinorUnits()));

    /// <summary>Three amounts in one of KES, USD, JPY.</summary>
    public static Arbitrary<MoneyTriple> MoneyTripleArb() =>
        Arb.Zip(Index(MoneyCurrencies.Count), Arb.Zip(MinorUnits(), Arb.Zip(MinorUnits(), MinorUnits()))).Convert(
            t =>
            {
                var c = MoneyCurrencies[t.Item1];
                return new MoneyTriple(Money.FromMinorUnits(t.Item2.Item1, c), Money.FromMinorUnits(t.Item2.Item2.Item1, c), Money.FromMinorUnits(t.Item2.Item2.Item2, c));
            },
            m => (IndexOf(MoneyCurrencies, m.A.Currency), (m.A.ToMinorUnits(), (m.B.ToMinorUnits(), m.C.ToMinorUnits()))));

    /// <summary>Two amounts in different currencies (zero amounts included: the shrinker goes there).</summary>
    public static Arbitrary<MismatchedPair> MismatchedPairArb() =>
        Arb.Zip(Index(MoneyCurrencies.Count), Arb.Zip(Index(MoneyCurrencies.Count - 1), Arb.Zip(MinorUnits(), MinorUnits()))).Convert(
            t =>
            {
                var a = MoneyCurrencies[t.Item1];
                var b = MoneyCurrencies[(t.Item1 + 1 + t.Item2.Item1) % MoneyCurrencies.Count];
                return new MismatchedPair(Money.FromMinorUnits(t.Item2.Item2.Item1, a), Money.FromMinorUnits(t.Item2.Item2.Item2, b));
            },
            p =>
            {
                var ia = IndexOf(MoneyCurrencies, p.A.Currency);
                var ib = IndexOf(MoneyCurrencies, p.B.Currency);
                return (ia, (((ib - ia - 1) + MoneyCurrencies.Count) % MoneyCurrencies.Count, (p.A.ToMinorUnits(), p.B.ToMinorUnits())));
            });

    /// <summary>
    /// An amount with three more decimals than its currency's minor units; the sub-minor part is
    /// often exactly half a minor unit, so banker's rounding is exercised.
    /// </summary>
    public static Arbitrary<UnroundedMoney> UnroundedMoneyArb()
    {
        var fraction = Arb.From(
            Gen.Frequency((2, Gen.Constant(500)), (1, Gen.Elements(499, 501, 0, 999)), (3, Gen.Choose(0, 999))),
            f => Ints.Shrinker(f).Where(x => x is >= 0 and <= 999));
        return Arb.Zip(Index(MoneyCurrencies.Count), Arb.Zip(MinorUnits(), fraction)).Convert(
            t =>
            {
                var c = MoneyCurrencies[t.Item1];
                var scale = Pow10(c.MinorUnits);
                return new UnroundedMoney(new Money((t.Item2.Item1 / scale) + (t.Item2.Item2 / (scale * 1000m)), c));
            },
            u =>
            {
                var c = u.Value.Currency;
                var thousandths = decimal.ToInt64(u.Value.Amount * Pow10(c.MinorUnits) * 1000m);
                var minor = (long)Math.Floor(thousandths / 1000m);
                return (IndexOf(MoneyCurrencies, c), (minor, (int)(thousandths - (minor * 1000L))));
            });
    }

    internal static decimal Pow10(int n)
    {
        var r = 1m;
        for (var i = 0; i < n; i++)
        {
            r *= 10m;
        }

        return r;
    }

    // ---- HS codes and tariff rates ---------------------------------------------------------------

    /// <summary>
    /// HS codes of 0 (TOTAL) to 10 digits from a small alphabet of digit pairs, so that one code
    /// often contains another; shrinks to its ancestors.
    /// </summary>
    public static Arbitrary<HsCode> HsCodeArb()
    {
        var gen = from pairs in Gen.Choose(0, 5)
                  from digits in Gen.ArrayOf(Gen.Elements(HsPairs), pairs)
                  select pairs == 0 ? HsCode.Total : HsCode.Parse(string.Concat(digits));
        return Arb.From(gen, Ancestors);
    }

    private static IEnumerable<HsCode> Ancestors(HsCode code)
    {
        var list = new List<HsCode>();
        for (var p = code.Parent; p is not null; p = p.Parent)
        {
            list.Add(p);
        }

        list.Reverse();
        return list;
    }

    /// <summary>
    /// Tariff rates: whole or 2-decimal percentages, full-precision decimals (up to 28 decimal
    /// places, as a division such as a staged cut produces) and the largest rate, 10,000 %, all inside
    /// the numeric domain; shrinks with the decimal shrinker.
    /// </summary>
    public static Arbitrary<TariffRate> TariffRateArb()
    {
        var decimals = ArbMap.Default.ArbFor<decimal>();
        var gen = Gen.Frequency(
            (3, Gen.Choose(0, 10_000).Select(n => n / 100m)),
            (2, Gen.Choose(0, 250).Select(n => (decimal)n)),
            (2, Gen.Zip(Gen.Choose(0, 10_000), Gen.Choose(1, 12), (n, d) => n / (decimal)d)),
            (1, ArbMap.Default.GeneratorFor<DoNotSize<decimal>>().Select(d => Math.Abs(d.Item) % NumericDomain.MaxTariffPercent)),
            (1, Gen.Constant(NumericDomain.MaxTariffPercent)))
            .Select(p => new TariffRate(p));
        return Arb.From(gen, r => decimals.Shrinker(r.Percent).Where(p => p >= 0m && p <= NumericDomain.MaxTariffPercent).Select(p => new TariffRate(p)));
    }

    // ---- exchange rates ------------------------------------------------------------------------

    private static readonly Gen<LocalDate> Dates =
        from y in Gen.Choose(2000, 2030)
        from m in Gen.Choose(1, 12)
        from d in Gen.Choose(1, 28)
        select new LocalDate(y, m, d);

    private static readonly Gen<decimal> PositiveRates =
        from mantissa in Gen.Choose(1, 9_999_999)
        from exponent in Gen.Choose(-2, 2)
        select mantissa / 10_000m * Pow10(exponent + 2) / 100m;

    private static Gen<(Currency Base, Currency Quote)> Pairs(IReadOnlyList<Currency> currencies) =>
        Gen.Elements(currencies.SelectMany(b => currencies.Where(q => !q.Equals(b)).Select(q => (b, q))).ToArray());

    /// <summary>A rate between two of KES, USD, JPY, CNY, EUR; positive, from 0.0001 to about 100,000; shrinks towards 1 and fewer decimals.</summary>
    public static Arbitrary<ExchangeRate> ExchangeRateArb()
    {
        var gen = from pair in Pairs(RateCurrencies)
                  from rate in PositiveRates
                  from date in Dates
                  from basis in Gen.Elements(Enum.GetValues<ExchangeRateBasis>())
                  select new ExchangeRate(pair.Base, pair.Quote, rate, date, basis, "generated");
        return Arb.From(gen, ShrinkRate);
    }

    private static IEnumerable<ExchangeRate> ShrinkRate(ExchangeRate r)
    {
        if (r.Rate != 1m)
        {
            yield return new ExchangeRate(r.Base, r.Quote, 1m, r.AsOf, r.Basis, r.Source);
        }

        for (var places = 0; places < 4; places++)
        {
            var rounded = decimal.Round(r.Rate, places);
            if (rounded > 0m && rounded != r.Rate)
            {
                yield return new ExchangeRate(r.Base, r.Quote, rounded, r.AsOf, r.Basis, r.Source);
            }
        }
    }

    /// <summary>A rate and an amount (in KES/USD/JPY minor units) in its base currency.</summary>
    public static Arbitrary<RateAndAmount> RateAndAmountArb()
    {
        var gen = from pair in Pairs(MoneyCurrencies)
                  from rate in PositiveRates
                  from date in Dates
                  from minor in MinorUnits().Generator
                  select new RateAndAmount(new ExchangeRate(pair.Base, pair.Quote, rate, date), Money.FromMinorUnits(minor, pair.Base));
        return Arb.From(gen, ra =>
            Longs.Shrinker(ra.Amount.ToMinorUnits()).Select(m => ra with { Amount = Money.FromMinorUnits(m, ra.Amount.Currency) })
                .Concat(ShrinkRate(ra.Rate).Select(r => ra with { Rate = r })));
    }

    private static readonly LocalDate[] TableDates =
    [
        new(2023, 1, 1), new(2023, 6, 30), new(2023, 12, 29), new(2024, 1, 1), new(2024, 1, 2),
        new(2024, 1, 5), new(2024, 3, 31), new(2024, 12, 31), new(2025, 1, 1),
    ];

    /// <summary>
    /// A table of up to a few dozen rates over USD/KES, KES/USD and USD/CNY on a handful of dates
    /// (at most one per pair, basis and date, and one annual average per pair and year), and a
    /// question on dates around them; shrinks by dropping rates.
    /// </summary>
    public static Arbitrary<RateTableQuery> RateTableQueryArb()
    {
        (Currency, Currency)[] pairs = [(Currency.Usd, Currency.Kes), (Currency.Kes, Currency.Usd), (Currency.Usd, Currency.Cny)];
        var rate = from pair in Gen.Elements(pairs)
                   from date in Gen.Elements(TableDates)
                   from basis in Gen.Elements(Enum.GetValues<ExchangeRateBasis>())
                   from r in PositiveRates
                   select new ExchangeRate(pair.Item1, pair.Item2, r, date, basis);
        var rates = Gen.ListOf(rate).Select(list => list
            .DistinctBy(r => (r.Base, r.Quote, r.Basis, r.Basis == ExchangeRateBasis.AnnualAverage ? new LocalDate(r.AsOf.Year, 1, 1) : r.AsOf))
            .ToArray());
        var gen = from list in rates
                  from pair in Gen.Elements(pairs)
                  from date in Gen.OneOf(Gen.Elements(TableDates), Gen.Elements(TableDates).Select(d => d.PlusDays(1)), Gen.Elements(TableDates).Select(d => d.PlusDays(-1)))
                  from rule in Gen.Elements(Enum.GetValues<ExchangeRateRule>())
                  select new RateTableQuery(new ExchangeRateTable(list), pair.Item1, pair.Item2, date, rule);
        return Arb.From(gen, q => DropOne(q.Table.Rates).Select(rs => q with { Table = new ExchangeRateTable(rs) }));
    }

    private static IEnumerable<T[]> DropOne<T>(IReadOnlyList<T> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            yield return [.. items.Take(i), .. items.Skip(i + 1)];
        }
    }

    // ---- tariff schedules -----------------------------------------------------------------------

    /// <summary>The codes schedule lines and questions use: a tea branch, a coffee branch, avocados and TOTAL.</summary>
    public static readonly HsCode[] ScheduleCodes =
        [.. new[] { "TOTAL", "09", "0902", "090240", "09024010", "090230", "0901", "090111", "08", "080440" }.Select(HsCode.Parse)];

    /// <summary>The exporters questions are asked for.</summary>
    public static readonly Country[] ScheduleExporters =
        [Countries.Kenya, Countries.Ethiopia, Country.FromIso3("UGA"), Countries.VietNam, Countries.SriLanka];

    /// <summary>The regimes of generated schedules: MFN, a Kenya-only preference and an LDC group.</summary>
    public static readonly TariffRegime[] ScheduleRegimes =
        [TariffRegime.Mfn, TariffRegime.For(Countries.Kenya), TariffRegime.Preferential("LDC", [Countries.Ethiopia, Country.FromIso3("UGA")])];

    /// <summary>Question dates: both sides of the boundaries the generated lines use.</summary>
    public static readonly LocalDate[] ScheduleDates =
        [new(2019, 12, 31), new(2020, 1, 1), new(2023, 12, 31), new(2024, 1, 1), new(2026, 5, 1)];

    private static readonly Gen<TariffRate> ScheduleRates =
        Gen.Elements(0m, 2.5m, 5m, 8m, 10m, 12m, 15m, 25m, 30m).Select(p => new TariffRate(p));

    private static readonly DateInterval Years2020To2023 = new(new LocalDate(2020, 1, 1), new LocalDate(2023, 12, 31));
    private static readonly DateInterval UpTo2023 = new(TariffLine.OpenStart, new LocalDate(2023, 12, 31));
    private static readonly DateInterval From2024 = new(new LocalDate(2024, 1, 1), TariffLine.OpenEnd);

    private static Gen<TariffLine[]> LinesFor(TariffRegime regime, HsCode hs) => Gen.Frequency(
        (10, Gen.Constant(Array.Empty<TariffLine>())),
        (3, ScheduleRates.Select(r => new[] { new TariffLine(regime, hs, r) })),
        (1, ScheduleRates.Select(r => new[] { new TariffLine(regime, hs, r, Years2020To2023) })),
        (1, ScheduleRates.Select(r => new[] { new TariffLine(regime, hs, r, From2024) })),
        (1, Gen.Zip(ScheduleRates, ScheduleRates, (a, b) => new[] { new TariffLine(regime, hs, a, UpTo2023), new TariffLine(regime, hs, b, From2024) })));

    private static readonly Gen<TariffSchedule> Schedules =
        Gen.CollectToArray(ScheduleRegimes.SelectMany(r => ScheduleCodes.Select(h => (r, h))), g => LinesFor(g.r, g.h))
            .Select(groups => new TariffSchedule(Countries.China, groups.SelectMany(g => g)));

    private static readonly Gen<ScheduleQuery> ScheduleQueries =
        from schedule in Schedules
        from exporter in Gen.Elements(ScheduleExporters)
        from hs in Gen.Elements(ScheduleCodes)
        from date in Gen.Elements(ScheduleDates)
        select new ScheduleQuery(schedule, exporter, hs, date);

    private static IEnumerable<ScheduleQuery> ShrinkQuery(ScheduleQuery q) =>
        DropOne(q.Schedule.Lines).Select(lines => q with { Schedule = new TariffSchedule(q.Schedule.Importer, lines) });

    /// <summary>A small schedule of China's (MFN, KEN and LDC lines over tea/coffee/avocado codes, some dated) and a question; shrinks by dropping lines.</summary>
    public static Arbitrary<ScheduleQuery> ScheduleQueryArb() => Arb.From(ScheduleQueries, ShrinkQuery);

    /// <summary>A schedule question and a line of a new preferential regime for one or two of the exporters.</summary>
    public static Arbitrary<ScheduleWithNewPreference> ScheduleWithNewPreferenceArb()
    {
        var gen = from q in ScheduleQueries
                  from partners in Gen.NonEmptyListOf(Gen.Elements(ScheduleExporters))
                  from hs in Gen.Elements(ScheduleCodes)
                  from rate in ScheduleRates
                  from validity in Gen.Elements<DateInterval?>(null, Years2020To2023, UpTo2023, From2024)
                  select new ScheduleWithNewPreference(q, new TariffLine(TariffRegime.Preferential("NEW", partners), hs, rate, validity));
        return Arb.From(gen, s => ShrinkQuery(s.Query).Select(q => s with { Query = q }));
    }

    // ---- trade data sets ------------------------------------------------------------------------

    /// <summary>The countries of generated data sets (ROW included).</summary>
    public static readonly Country[] DataSetCountries =
        [Countries.Kenya, Countries.China, Countries.SriLanka, Countries.India, Countries.VietNam, Countries.RestOfWorld];

    /// <summary>The codes of generated data sets: TOTAL, the tea branch at three levels, coffee and avocados.</summary>
    public static readonly HsCode[] DataSetCodes = [.. new[] { "TOTAL", "09", "0902", "090240", "0901", "080440" }.Select(HsCode.Parse)];

    /// <summary>The years of generated data sets.</summary>
    public static readonly int[] DataSetYears = [2023, 2024];

    /// <summary>
    /// A USD data set of up to about a hundred flows among six countries, six codes (TOTAL and codes
    /// below each other, so aggregation must not double count) and two years; values are zero,
    /// small, or hundreds of billions. Shrinks by dropping flows.
    /// </summary>
    public static Arbitrary<TradeDataSet> TradeDataSetArb()
    {
        var value = Gen.Frequency(
            (1, Gen.Constant(0L)),
            (4, MinorUnits().Generator.Select(n => n == long.MinValue ? 0L : Math.Abs(n))));
        var flow = from e in Gen.Elements(DataSetCountries)
                   from i in Gen.Elements(DataSetCountries).Where(c => !c.Equals(e))
                   from hs in Gen.Elements(DataSetCodes)
                   from year in Gen.Elements(DataSetYears)
                   from v in value
                   select new TradeFlow(e, i, hs, year, Money.FromMinorUnits(v, Currency.Usd));
        var gen = Gen.ListOf(flow).Select(fs => new TradeDataSet(fs.DistinctBy(f => (f.Exporter, f.Importer, f.Hs, f.Year))));
        return Arb.From(gen, ds => DropOne(ds.Flows).Select(fs => new TradeDataSet(fs)));
    }
}
