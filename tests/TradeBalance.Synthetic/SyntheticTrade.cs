using NodaTime;
using TradeBalance.Projections;

namespace TradeBalance.Synthetic;

/// <summary>
/// The synthetic markets as domain values, for the model APIs that take a scenario: China imports
/// each market's HS code from its suppliers, Kenya is the beneficiary in every market (at the
/// generator's beneficiary position) and gets a zero rate; every other supplier pays the MFN rate of
/// the code's chapter. Elasticities come from the generator, one override per HS code.
/// </summary>
/// <remarks>
/// Tariffs differ from <see cref="SyntheticMarkets"/>' own arrays: a schedule with one MFN line per
/// chapter (10 lines) keeps <see cref="TariffSchedule.RateFor"/> cheap, so the time measured is the
/// model's, not a long schedule scan per flow.
/// </remarks>
public sealed class SyntheticTrade
{
    private SyntheticTrade(TradeDataSet data, TariffSchedule schedule, Scenario scenario)
    {
        Data = data;
        Schedule = schedule;
        Scenario = scenario;
    }

    public TradeDataSet Data { get; }

    public TariffSchedule Schedule { get; }

    public Scenario Scenario { get; }

    /// <summary>Builds the data set, China's schedule and the scenario (reference year 2024, effective 2026-05-01).</summary>
    /// <param name="s">The generated markets (at most 100,000 markets).</param>
    /// <param name="finiteSupply">Use <see cref="SyntheticMarkets.FiniteExportSupply"/> so that every market has a finite ε.</param>
    public static SyntheticTrade Build(SyntheticMarkets s, bool finiteSupply = false)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.MarketCount > 100_000)
        {
            throw new ArgumentOutOfRangeException(nameof(s), s.MarketCount, "At most 100,000 markets (10 chapters × 10,000 codes).");
        }

        var china = Countries.China;
        var kenya = Countries.Kenya;
        var pool = Country.All.Where(c => !c.IsAggregate && !c.Equals(china) && !c.Equals(kenya)).ToArray();
        var eps = finiteSupply ? s.FiniteExportSupply() : s.ExportSupply;
        var flows = new List<TradeFlow>(s.FlowCount);
        var overrides = new Dictionary<HsCode, ElasticityOverride>(s.MarketCount);
        for (var m = 0; m < s.MarketCount; m++)
        {
            var hs = Code(m);
            overrides[hs] = new ElasticityOverride(s.ImportDemand[m], s.Substitution[m], eps[m]);
            var next = (m * 7) % pool.Length;
            for (var i = s.Offsets[m]; i < s.Offsets[m + 1]; i++)
            {
                var exporter = i == s.Beneficiary[m] ? kenya : pool[next++ % pool.Length];
                var value = Math.Max(0.01m, Math.Round((decimal)s.Baseline[i], 2));
                flows.Add(TradeFlow.Usd(exporter, china, hs, 2024, value));
            }
        }

        var schedule = new TariffSchedule(china, Enumerable.Range(0, 10).Select(c => new TariffLine(TariffRegime.Mfn, HsCode.Parse(Chapter(c)), new TariffRate(3 * c))));
        var scenario = new Scenario("synthetic: China cuts Kenya's tariff to zero", china, [kenya], Enumerable.Range(0, 10).Select(c => HsCode.Parse(Chapter(c))), TariffChange.NewRate(TariffRate.Zero), new LocalDate(2026, 5, 1))
        {
            ReferenceYear = 2024,
            Elasticities = new Elasticities(new ElasticityValues(-1.5, 1.5, 99), overrides),
        };
        return new SyntheticTrade(new TradeDataSet(flows), schedule, scenario);
    }

    private static string Chapter(int c) => (c + 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Market m's HS code: chapter 01–10, then four digits.</summary>
    private static HsCode Code(int m) =>
        HsCode.Parse(Chapter(m % 10) + (m / 10).ToString("0000", System.Globalization.CultureInfo.InvariantCulture));
}
