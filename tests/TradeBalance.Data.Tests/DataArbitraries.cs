using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace TradeBalance.Data.Tests;

/// <summary>
/// FsCheck arbitraries for the values the canonical files hold. Data sets and schedules shrink by
/// dropping one flow or line at a time. Free text (sources) mixes the characters CSV must quote
/// (comma, quote, line breaks, tab) with non-ASCII ones; it is generated trimmed, because the readers
/// trim fields (documented).
/// </summary>
public static class DataArbitraries
{
    private static readonly Country[] Pool =
        [.. new[] { "KEN", "CHN", "LKA", "IND", "VNM", "TWN", "ETH", "UGA", "BRA", "PER", "CHL", "MEX", "USA", "ROW", "DEU", "JPN", "ZAF" }.Select(Country.FromIso3)];

    private static readonly char[] TextChars = [.. "abcXYZ019 ,\"\n\t;#%éü→—'()"];

    public static Gen<Country> CountryGen => Gen.Elements(Pool);

    public static Gen<HsCode> HsGen =>
        Gen.Frequency(
            (1, Gen.Constant(HsCode.Total)),
            (12, from len in Gen.Elements(2, 4, 6, 6, 8, 10)
                 from digits in Gen.ArrayOf(Gen.Elements('0', '1', '2', '4', '9'), len)
                 select HsCode.Parse(new string(digits))));

    /// <summary>Non-negative decimals with 0–8 decimal places, up to about 10^13.</summary>
    public static Gen<decimal> AmountGen =>
        from lo in Gen.Choose(0, int.MaxValue)
        from mid in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(0, 2000)))
        from scale in Gen.Choose(0, 6) // at most 6 decimals: a non-zero amount is at least 1E-06, the numeric domain's smallest flow
        select new decimal(lo, mid, 0, false, (byte)scale);

    public static Gen<string> TextGen =>
        Gen.Frequency(
            (2, Gen.Constant(string.Empty)),
            (5, Gen.ArrayOf(Gen.Elements(TextChars)).Select(cs => new string(cs).Trim())));

    public static Gen<LocalDate> DateGen =>
        from days in Gen.Choose(0, 365 * 40)
        select new LocalDate(2000, 1, 1).PlusDays(days);

    public static Arbitrary<TradeDataSet> DataSets()
    {
        var flow =
            from exporter in CountryGen
            from importer in CountryGen
            from hs in HsGen
            from year in Gen.Choose(1990, 2030)
            from value in AmountGen
            from quantity in Gen.Frequency((1, Gen.Constant<decimal?>(null)), (2, AmountGen.Select(a => (decimal?)a)))
            from source in TextGen
            where !exporter.Equals(importer)
            select new TradeFlow(exporter, importer, hs, year, new Money(value, Currency.Usd), quantity, source);
        var gen = Gen.ListOf(flow).Select(Unique);
        return Arb.From(gen, d => Enumerable.Range(0, d.Flows.Length).Select(i => new TradeDataSet(d.Flows.RemoveAt(i))));

        static TradeDataSet Unique(IEnumerable<TradeFlow> flows) =>
            new(flows.DistinctBy(f => (f.Exporter, f.Importer, f.Hs, f.Year)));
    }

    public static Arbitrary<TariffSchedule> Schedules()
    {
        var importer = Countries.China;
        var partners = Pool.Where(c => !c.Equals(importer) && !c.IsAggregate).ToArray();
        var group =
            from name in Gen.Elements("LDC", "ASEAN", "Group 1", "EAC-2")
            from members in Gen.NonEmptyListOf(Gen.Elements(partners))
            select TariffRegime.Preferential(name, members.Distinct());
        var regime = Gen.Frequency(
            (3, Gen.Constant(TariffRegime.Mfn)),
            (3, Gen.Elements(partners).Select(TariffRegime.For)),
            (1, group));
        var validity =
            from start in Gen.Frequency((1, Gen.Constant(TariffLine.OpenStart)), (2, DateGen))
            from open in Gen.Elements(true, false)
            from length in Gen.Choose(0, 3000)
            select new DateInterval(start, open ? TariffLine.OpenEnd : start.PlusDays(length));
        var line =
            from r in regime
            from hs in HsGen.Where(h => !h.IsTotal)
            from rate in AmountGen.Select(a => new TariffRate(a % 1000m))
            from v in validity
            from source in TextGen
            select new TariffLine(r, hs, rate, v, source);
        var gen = Gen.ListOf(line).Select(lines => new TariffSchedule(importer, NoOverlaps(lines)));
        return Arb.From(gen, s => Enumerable.Range(0, s.Lines.Length).Select(i => new TariffSchedule(s.Importer, s.Lines.RemoveAt(i))));

        // One group name stands for one member set; lines of one regime and code never overlap.
        static List<TariffLine> NoOverlaps(IEnumerable<TariffLine> lines)
        {
            var kept = new List<TariffLine>();
            var groups = new Dictionary<string, TariffRegime>();
            foreach (var l in lines)
            {
                if (!l.Regime.IsMfn && !(l.Regime.Partners.Count == 1 && l.Regime.Name == l.Regime.Partners[0].Alpha3))
                {
                    if (groups.TryGetValue(l.Regime.Name, out var existing) && !existing.Equals(l.Regime))
                    {
                        continue;
                    }

                    groups[l.Regime.Name] = l.Regime;
                }

                if (kept.Any(k => k.Regime.Equals(l.Regime) && k.Hs.Equals(l.Hs) && k.Validity.Start <= l.Validity.End && l.Validity.Start <= k.Validity.End))
                {
                    continue;
                }

                kept.Add(l);
            }

            return kept;
        }
    }

    public static Arbitrary<ExchangeRateTable> RateTables()
    {
        var currencies = new[] { Currency.Usd, Currency.Kes, Currency.Cny, Currency.Eur };
        var rate =
            from b in Gen.Elements(currencies)
            from q in Gen.Elements(currencies)
            from value in AmountGen.Where(a => a > 0m && a <= NumericDomain.MaxExchangeRate)
            from date in DateGen
            from basis in Gen.Elements(Enum.GetValues<ExchangeRateBasis>())
            from source in TextGen
            where !b.Equals(q)
            select new ExchangeRate(b, q, value, date, basis, source);
        var gen = Gen.ListOf(rate).Select(rs => new ExchangeRateTable(rs.DistinctBy(r => (r.Base, r.Quote, r.Basis == ExchangeRateBasis.AnnualAverage ? new LocalDate(r.AsOf.Year, 1, 1) : r.AsOf, r.Basis))));
        return Arb.From(gen);
    }
}
