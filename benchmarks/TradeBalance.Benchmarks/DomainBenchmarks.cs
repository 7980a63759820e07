using System.Globalization;
using BenchmarkDotNet.Attributes;
using NodaTime;
using TradeBalance.Synthetic;

namespace TradeBalance.Benchmarks;

/// <summary>
/// <see cref="TariffSchedule.RateFor"/> on a realistic schedule (China: 500 MFN lines at 2, 4 and
/// 6 digits plus preferences for 5 partners on 100 lines) against a dictionary lookup of the same
/// answers by (exporter, code), the baseline. Times are per lookup (1,000 lookups per call).
/// </summary>
[MemoryDiagnoser]
public class TariffLookupBenchmarks
{
    private const int Lookups = 1_000;
    private static readonly LocalDate Date = new(2025, 6, 1);
    private TariffSchedule _schedule = null!;
    private (Country Exporter, HsCode Hs)[] _queries = null!;
    private Dictionary<(Country, HsCode), TariffRate> _table = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new SyntheticMarkets.SplitMix64(20260504);
        var china = Countries.China;
        var partners = Country.All.Where(c => !c.IsAggregate && !c.Equals(china)).ToArray();
        var preferred = partners.Take(5).ToArray();
        var lines = new List<TariffLine>();
        var sixDigit = new List<HsCode>();
        for (var chapter = 1; chapter <= 50; chapter++)
        {
            var c = chapter.ToString("00", CultureInfo.InvariantCulture);
            lines.Add(new TariffLine(TariffRegime.Mfn, HsCode.Parse(c), new TariffRate(Math.Round((decimal)rng.NextDouble() * 30))));
            for (var h = 1; h <= 3; h++)
            {
                var heading = HsCode.Parse(c + h.ToString("00", CultureInfo.InvariantCulture));
                lines.Add(new TariffLine(TariffRegime.Mfn, heading, new TariffRate(Math.Round((decimal)rng.NextDouble() * 30))));
                for (var s = 1; s <= 2; s++)
                {
                    var sub = HsCode.Parse(heading.Digits + (s * 10).ToString("00", CultureInfo.InvariantCulture));
                    sixDigit.Add(sub);
                    lines.Add(new TariffLine(TariffRegime.Mfn, sub, new TariffRate(Math.Round((decimal)rng.NextDouble() * 30))));
                }
            }
        }

        foreach (var p in preferred)
        {
            foreach (var hs in sixDigit.Take(20))
            {
                lines.Add(new TariffLine(TariffRegime.For(p), hs, TariffRate.Zero));
            }
        }

        _schedule = new TariffSchedule(china, lines);
        _queries = new (Country, HsCode)[Lookups];
        _table = [];
        for (var i = 0; i < Lookups; i++)
        {
            var exporter = rng.NextDouble() < 0.2 ? preferred[(int)(rng.NextDouble() * preferred.Length)] : partners[(int)(rng.NextDouble() * partners.Length)];
            var hs = sixDigit[(int)(rng.NextDouble() * sixDigit.Count)];
            _queries[i] = (exporter, hs);
            _table[(exporter, hs)] = _schedule.RateFor(exporter, hs, Date).Rate;
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Lookups, Description = "Dictionary<(Country, HsCode), rate>")]
    public decimal DictionaryLookup()
    {
        var sum = 0m;
        foreach (var q in _queries)
        {
            sum += _table[q].Percent;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Lookups, Description = "TariffSchedule.RateFor")]
    public decimal RateFor()
    {
        var sum = 0m;
        foreach (var (exporter, hs) in _queries)
        {
            sum += _schedule.RateFor(exporter, hs, Date).Rate.Percent;
        }

        return sum;
    }
}

/// <summary><see cref="Money"/> addition (currency check on every add) against plain <see cref="decimal"/> addition, the baseline; per addition.</summary>
[MemoryDiagnoser]
public class MoneyBenchmarks
{
    private const int Count = 1_000;
    private decimal[] _amounts = null!;
    private Money[] _money = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new SyntheticMarkets.SplitMix64(20260505);
        _amounts = [.. Enumerable.Range(0, Count).Select(_ => Math.Round((decimal)(rng.NextDouble() * 1e7), 2))];
        _money = [.. _amounts.Select(a => new Money(a, Currency.Usd))];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count, Description = "decimal +")]
    public decimal DecimalAdd()
    {
        var sum = 0m;
        foreach (var a in _amounts)
        {
            sum += a;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "Money +")]
    public Money MoneyAdd()
    {
        var sum = Money.Zero(Currency.Usd);
        foreach (var m in _money)
        {
            sum += m;
        }

        return sum;
    }
}

/// <summary><see cref="HsCode.Parse"/> (validated, dotted or plain, allocates the code) against <see cref="int.Parse(string, IFormatProvider?)"/> of the same digits, the baseline; per parse.</summary>
[MemoryDiagnoser]
public class HsCodeParseBenchmarks
{
    private const int Count = 1_000;
    private string[] _codes = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new SyntheticMarkets.SplitMix64(20260506);
        _codes = [.. Enumerable.Range(0, Count).Select(_ => ((int)(rng.NextDouble() * 970_000) + 10_000).ToString("000000", CultureInfo.InvariantCulture))];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count, Description = "int.Parse(digits)")]
    public int IntParse()
    {
        var sum = 0;
        foreach (var c in _codes)
        {
            sum += int.Parse(c, CultureInfo.InvariantCulture);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "HsCode.Parse")]
    public int HsParse()
    {
        var sum = 0;
        foreach (var c in _codes)
        {
            sum += HsCode.Parse(c).Length;
        }

        return sum;
    }
}
