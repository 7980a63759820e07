using NodaTime;
using Xunit;
using static TradeBalance.Tests.Revisions.HsFixtures;

namespace TradeBalance.Tests.Revisions;

public class TariffConversionTests
{
    private static readonly Country China = Countries.China;
    private static readonly Country Usa = Countries.UnitedStates;
    private static readonly Country Kenya = Countries.Kenya;
    private static readonly TariffRegime KenyaPreference = TariffRegime.Preferential("test preference", [Kenya]);

    private static TariffLine Line(TariffRegime regime, string code, decimal percent, LocalDate? from = null, LocalDate? to = null) =>
        new(regime, C(code), new TariffRate(percent), new DateInterval(from ?? TariffLine.OpenStart, to ?? TariffLine.OpenEnd), "fixture");

    [Fact]
    public void A_split_code_gives_each_new_code_its_rate_regime_and_dates()
    {
        var schedule = new TariffSchedule(China, [
            Line(TariffRegime.Mfn, "851712", 8m),
            Line(KenyaPreference, "851712", 2m, new LocalDate(2020, 1, 1), new LocalDate(2022, 12, 31)),
            Line(TariffRegime.Mfn, "8517", 3m),
        ], HsRevision.Hs2017);

        var (converted, report) = Split.Convert(schedule);

        Assert.Equal(HsRevision.Hs2022, converted.Revision);
        Assert.Equal(China, converted.Importer);
        foreach (var code in new[] { "851713", "851714" })
        {
            Assert.Equal(8m, converted.RateFor(Usa, C(code), new LocalDate(2024, 1, 1)).Rate.Percent);
            var preferential = converted.RateFor(Kenya, C(code), new LocalDate(2021, 6, 1)).DecidingLine;
            Assert.Equal(2m, preferential.Rate.Percent);
            Assert.Same(KenyaPreference, preferential.Regime);
            Assert.Equal(new DateInterval(new LocalDate(2020, 1, 1), new LocalDate(2022, 12, 31)), preferential.Validity);
            Assert.Equal(8m, converted.RateFor(Kenya, C(code), new LocalDate(2023, 1, 1)).Rate.Percent);
        }

        // The heading line is kept: nothing moves in or out of 8517.
        Assert.Equal(3m, converted.RateFor(Usa, C("851790"), new LocalDate(2024, 1, 1)).Rate.Percent);
        Assert.Equal(5, converted.Lines.Length);
        Assert.All(report.Entries, e => Assert.Equal(HsWeighting.Whole, e.Rule));
        Assert.Equal([C("851713"), C("851714")], report.Entries.Select(e => e.Code));
        Assert.Equal("HS2017 → HS2022: 3 tariff lines into 5; 0 codes take the mean of several sources' rates", report.Summary());
    }

    [Fact]
    public void A_merged_code_takes_the_trade_weighted_mean_of_its_sources_rates_day_by_day()
    {
        var schedule = new TariffSchedule(China, [
            Line(TariffRegime.Mfn, "851713", 10m, to: new LocalDate(2023, 12, 31)),
            Line(TariffRegime.Mfn, "851713", 0m, from: new LocalDate(2024, 1, 1)),
            Line(TariffRegime.Mfn, "851714", 4m),
        ], HsRevision.Hs2022);
        var imports = new TradeDataSet([
            Flow(Usa, China, "851713", 600m, 2023), Flow(Kenya, China, "851713", 300m, 2023), Flow(Usa, China, "851714", 300m, 2023),
            Flow(China, Usa, "851714", 5_000m, 2023), // the USA's imports do not weigh China's rates
        ], revision: HsRevision.Hs2022);

        var (converted, report) = Split.Inverse().Convert(schedule, imports);

        // 900 : 300 of China's imports: (0.75 × 10 + 0.25 × 4) = 8.5 until 2023, then (0.75 × 0 + 0.25 × 4) = 1.
        Assert.Equal(HsRevision.Hs2017, converted.Revision);
        Assert.Equal(8.5m, converted.RateFor(Usa, C("851712"), new LocalDate(2023, 12, 31)).Rate.Percent);
        Assert.Equal(1m, converted.RateFor(Usa, C("851712"), new LocalDate(2024, 1, 1)).Rate.Percent);
        Assert.Equal(2, converted.Lines.Length);
        Assert.Equal(new DateInterval(TariffLine.OpenStart, new LocalDate(2023, 12, 31)), converted.Lines[0].Validity);
        Assert.Equal("fixture [mean of HS2022 851713, 851714, by trade data]", converted.Lines[0].Source);
        var entry = Assert.Single(report.Entries);
        Assert.Equal(HsWeighting.TradeData, entry.Rule);
        Assert.Equal([new HsWeight(C("851713"), 0.75m), new HsWeight(C("851714"), 0.25m)], entry.Weights);

        // No trade at hand: the simple mean, and the report says so.
        var (simple, simpleReport) = Split.Inverse().Convert(schedule);
        Assert.Equal(7m, simple.RateFor(Usa, C("851712"), new LocalDate(2023, 6, 1)).Rate.Percent);
        Assert.Equal(2m, simple.RateFor(Usa, C("851712"), new LocalDate(2024, 6, 1)).Rate.Percent);
        Assert.Equal(HsWeighting.Equal, simpleReport.Entries.Single().Rule);

        // A preference on one source only: the merged code gets that source's preferential rate, and the report says why.
        var (preferential, preferentialReport) = Split.Inverse().Convert(schedule.With(Line(KenyaPreference, "851713", 1m)));
        Assert.Equal(1m, preferential.RateFor(Kenya, C("851712"), new LocalDate(2023, 6, 1)).Rate.Percent);
        Assert.Equal("851712 under test preference (KEN): the rate comes from 851713 only (851714 have no line of this regime)", Assert.Single(preferentialReport.Notes));
        Assert.Contains("1 code takes the mean of several sources' rates (1 in equal shares)", simpleReport.Summary(), StringComparison.Ordinal);
    }

    [Fact]
    public void National_lines_are_relabelled_when_their_subheading_is_one_to_one_and_refused_otherwise()
    {
        var tea = new TariffSchedule(China, [Line(TariffRegime.Mfn, "09024010", 15m)]);
        var (converted, report) = Split.Convert(tea);
        Assert.Equal(C("09024010"), Assert.Single(converted.Lines).Hs);
        Assert.Contains("1 national lines relabelled", Assert.Single(report.Notes), StringComparison.Ordinal);

        var phones = new TariffSchedule(China, [Line(TariffRegime.Mfn, "85171210", 15m)]);
        var e = Assert.Throws<ArgumentException>(() => Split.Convert(phones));
        Assert.Contains("national line MFN 85171210 15% [..] cannot be converted to HS2022", e.Message, StringComparison.Ordinal);
        Assert.Contains("851712 → 851713, 851714", e.Message, StringComparison.Ordinal);

        var heading = Assert.Throws<ArgumentException>(() => ManyToMany.Convert(new TariffSchedule(China, [Line(TariffRegime.Mfn, "8517", 3m)])));
        Assert.Contains("HS 8517 (HS2017) cannot be converted to HS2022 as a whole heading", heading.Message, StringComparison.Ordinal);

        var stated = Assert.Throws<ArgumentException>(() => Split.Convert(tea.WithRevision(HsRevision.Hs2022)));
        Assert.Contains("schedule is in HS2022", stated.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_revision_is_carried_by_With_and_ForImporter()
    {
        var schedule = new TariffSchedule(China, [Line(TariffRegime.Mfn, "090240", 15m)], HsRevision.Hs2017);
        Assert.Equal(HsRevision.Hs2017, schedule.With(Line(TariffRegime.Mfn, "090230", 15m)).Revision);
        Assert.Equal(HsRevision.Hs2017, schedule.ForImporter(Kenya).Revision);
        Assert.Null(schedule.WithRevision(null).Revision);
    }
}
