using NodaTime;
using Xunit;

namespace TradeBalance.Tests;

public class TariffScheduleTests
{
    private static readonly HsCode Ch09 = HsCode.Parse("09");
    private static readonly HsCode Tea = HsCode.Parse("0902");
    private static readonly HsCode BlackTea = HsCode.Parse("090240");
    private static readonly HsCode BlackTeaNational = HsCode.Parse("09024010");
    private static readonly HsCode GreenTea = HsCode.Parse("090230");
    private static readonly HsCode Coffee = HsCode.Parse("0901");
    private static readonly HsCode Avocado = HsCode.Parse("080440");
    private static readonly LocalDate Day = new(2025, 6, 1);
    private static readonly LocalDate Effective = new(2026, 5, 1);
    private static readonly TariffRegime Kenya = TariffRegime.For(Countries.Kenya);
    private static readonly TariffRegime Ldc = TariffRegime.Preferential("LDC", [Countries.Ethiopia, Country.FromIso3("UGA")]);

    private static TariffRate Pct(decimal p) => new(p);

    private static TariffLine Mfn(HsCode hs, decimal p, DateInterval? validity = null) => new(TariffRegime.Mfn, hs, Pct(p), validity);

    private static TariffLine Pref(TariffRegime regime, HsCode hs, decimal p, DateInterval? validity = null) => new(regime, hs, Pct(p), validity);

    private static DateInterval From(LocalDate start) => new(start, TariffLine.OpenEnd);

    private static DateInterval Until(LocalDate end) => new(TariffLine.OpenStart, end);

    private static TariffSchedule China(params TariffLine[] lines) => new(Countries.China, lines);

    [Fact]
    public void Constructor_keeps_importer_and_lines_in_order()
    {
        var a = Mfn(Tea, 15m);
        var b = Mfn(Ch09, 20m);
        var s = China(a, b);
        Assert.Same(Countries.China, s.Importer);
        Assert.Equal([a, b], s.Lines);
    }

    [Fact]
    public void The_most_specific_line_decides_within_a_regime()
    {
        var chapter = Mfn(Ch09, 20m);
        var heading = Mfn(Tea, 15m);
        var sub = Mfn(BlackTea, 10m);
        var national = Mfn(BlackTeaNational, 12m);
        var s = China(national, chapter, sub, heading);
        Assert.Equal(new TariffDecision(Pct(10m), sub), s.RateFor(Countries.Kenya, BlackTea, Day));
        Assert.Equal(new TariffDecision(Pct(12m), national), s.RateFor(Countries.Kenya, BlackTeaNational, Day));
        Assert.Equal(new TariffDecision(Pct(15m), heading), s.RateFor(Countries.Kenya, Tea, Day));
        Assert.Equal(new TariffDecision(Pct(15m), heading), s.RateFor(Countries.Kenya, GreenTea, Day));
        Assert.Equal(new TariffDecision(Pct(20m), chapter), s.RateFor(Countries.Kenya, Coffee, Day));
        Assert.Equal(new TariffDecision(Pct(20m), chapter), s.RateFor(Countries.Kenya, Ch09, Day));
    }

    [Fact]
    public void A_more_specific_line_decides_its_regime_even_when_higher()
    {
        var prefChapter = Pref(Kenya, Ch09, 5m);
        var prefTea = Pref(Kenya, Tea, 12m);
        var s = China(Mfn(Tea, 15m), prefChapter, prefTea);
        Assert.Equal(new TariffDecision(Pct(12m), prefTea), s.RateFor(Countries.Kenya, BlackTea, Day));
        Assert.Equal(new TariffDecision(Pct(5m), prefChapter), s.RateFor(Countries.Kenya, Coffee, Day));
    }

    [Fact]
    public void The_lowest_rate_across_regimes_applies_and_its_line_is_named()
    {
        var mfnSub = Mfn(BlackTea, 10m);
        var prefChapter = Pref(Kenya, Ch09, 12m);
        var s = China(Mfn(Tea, 15m), mfnSub, prefChapter);
        // Kenya's preference (12 %) is worse than the MFN subheading line (10 %) for black tea ...
        Assert.Equal(new TariffDecision(Pct(10m), mfnSub), s.RateFor(Countries.Kenya, BlackTea, Day));
        // ... but better than the MFN heading line (15 %) for green tea.
        Assert.Equal(new TariffDecision(Pct(12m), prefChapter), s.RateFor(Countries.Kenya, GreenTea, Day));
        // Other exporters pay MFN.
        Assert.Equal(Pct(15m), s.RateFor(Countries.SriLanka, GreenTea, Day).Rate);
    }

    [Fact]
    public void On_a_tie_the_preference_is_named()
    {
        var pref = Pref(Kenya, Tea, 15m);
        var s = China(Mfn(Tea, 15m), pref);
        Assert.Same(pref, s.RateFor(Countries.Kenya, Tea, Day).DecidingLine);
    }

    [Fact]
    public void A_group_preference_covers_its_members_only()
    {
        var ldc = Pref(Ldc, Coffee, 0m);
        var s = China(Mfn(Coffee, 8m), ldc);
        Assert.Equal(new TariffDecision(TariffRate.Zero, ldc), s.RateFor(Countries.Ethiopia, Coffee, Day));
        Assert.Equal(Pct(8m), s.RateFor(Countries.Kenya, Coffee, Day).Rate);
    }

    [Fact]
    public void Validity_dates_are_inclusive_at_both_ends()
    {
        var year = new DateInterval(new LocalDate(2024, 1, 1), new LocalDate(2024, 12, 31));
        var pref = Pref(Kenya, Tea, 0m, year);
        var s = China(Mfn(Tea, 15m), pref);
        Assert.Same(pref, s.RateFor(Countries.Kenya, Tea, new LocalDate(2024, 1, 1)).DecidingLine);
        Assert.Same(pref, s.RateFor(Countries.Kenya, Tea, new LocalDate(2024, 12, 31)).DecidingLine);
        Assert.Equal(Pct(15m), s.RateFor(Countries.Kenya, Tea, new LocalDate(2023, 12, 31)).Rate);
        Assert.Equal(Pct(15m), s.RateFor(Countries.Kenya, Tea, new LocalDate(2025, 1, 1)).Rate);
    }

    [Fact]
    public void The_zero_tariff_scenario_takes_effect_on_its_date()
    {
        var s = China(Mfn(Tea, 15m), Mfn(Coffee, 8m), Mfn(Avocado, 7m),
            Pref(Kenya, Tea, 0m, From(Effective)), Pref(Kenya, Coffee, 0m, From(Effective)), Pref(Kenya, Avocado, 0m, From(Effective)));
        foreach (var hs in new[] { Tea, Coffee, Avocado })
        {
            Assert.Equal(TariffRate.Zero, s.RateFor(Countries.Kenya, hs, Effective).Rate);
            Assert.True(s.RateFor(Countries.Kenya, hs, Effective.PlusDays(-1)).Rate > TariffRate.Zero);
            Assert.True(s.RateFor(Countries.VietNam, hs, Effective).Rate > TariffRate.Zero);
        }
    }

    [Fact]
    public void A_staged_cut_is_one_line_per_stage()
    {
        var s1 = new LocalDate(2026, 1, 1);
        var s2 = new LocalDate(2027, 1, 1);
        var s3 = new LocalDate(2028, 1, 1);
        var s = China(
            Mfn(Tea, 15m),
            Pref(Kenya, Tea, 10m, new DateInterval(s1, s2.PlusDays(-1))),
            Pref(Kenya, Tea, 5m, new DateInterval(s2, s3.PlusDays(-1))),
            Pref(Kenya, Tea, 0m, From(s3)));
        Assert.Equal(Pct(15m), s.RateFor(Countries.Kenya, Tea, s1.PlusDays(-1)).Rate);
        Assert.Equal(Pct(10m), s.RateFor(Countries.Kenya, Tea, s1).Rate);
        Assert.Equal(Pct(10m), s.RateFor(Countries.Kenya, Tea, s2.PlusDays(-1)).Rate);
        Assert.Equal(Pct(5m), s.RateFor(Countries.Kenya, Tea, s2).Rate);
        Assert.Equal(Pct(0m), s.RateFor(Countries.Kenya, Tea, s3).Rate);
        Assert.Equal(Pct(0m), s.RateFor(Countries.Kenya, Tea, new LocalDate(2040, 1, 1)).Rate);
    }

    [Fact]
    public void Overlapping_lines_of_one_regime_and_code_are_rejected_naming_both()
    {
        var a = Mfn(Tea, 15m, Until(new LocalDate(2024, 12, 31)));
        var b = Mfn(Tea, 10m, From(new LocalDate(2024, 12, 31)));
        var ex = Assert.Throws<ArgumentException>(() => China(a, b));
        Assert.Contains("overlap", ex.Message, StringComparison.Ordinal);
        Assert.Contains("CHN", ex.Message, StringComparison.Ordinal);
        Assert.Contains(a.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Contains(b.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Equal("lines", ex.ParamName);
    }

    [Fact]
    public void A_line_inside_another_is_an_overlap()
    {
        var always = Pref(Kenya, Tea, 5m);
        var inner = Pref(Kenya, Tea, 0m, new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31)));
        Assert.Throws<ArgumentException>(() => China(inner, always));
        Assert.Throws<ArgumentException>(() => China(Mfn(Tea, 15m), Mfn(Tea, 15m)));
    }

    [Fact]
    public void Adjacent_lines_and_lines_of_other_regimes_or_codes_do_not_overlap()
    {
        var s = China(
            Mfn(Tea, 15m, Until(new LocalDate(2024, 12, 31))),
            Mfn(Tea, 10m, From(new LocalDate(2025, 1, 1))),
            Mfn(BlackTea, 12m),
            Pref(Kenya, Tea, 0m),
            Pref(TariffRegime.For(Countries.SriLanka), Tea, 0m));
        Assert.Equal(5, s.Lines.Length);
    }

    [Fact]
    public void The_importer_cannot_be_its_own_partner()
    {
        var ex = Assert.Throws<ArgumentException>(() => China(Pref(TariffRegime.For(Countries.China), Tea, 0m)));
        Assert.Contains("CHN", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_covering_line_throws_naming_importer_code_exporter_and_date()
    {
        var s = China(Mfn(Tea, 15m), Pref(Kenya, Coffee, 0m));
        var ex = Assert.Throws<KeyNotFoundException>(() => s.RateFor(Countries.Kenya, Avocado, Day));
        Assert.Contains("CHN", ex.Message, StringComparison.Ordinal);
        Assert.Contains("080440", ex.Message, StringComparison.Ordinal);
        Assert.Contains("KEN", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2025-06-01", ex.Message, StringComparison.Ordinal);
        Assert.False(s.TryRateFor(Countries.Kenya, Avocado, Day, out var d));
        Assert.Null(d);
        Assert.Throws<KeyNotFoundException>(() => s.RateFor(Countries.SriLanka, Coffee, Day));
        Assert.Throws<KeyNotFoundException>(() => s.RateFor(Countries.Kenya, HsCode.Total, Day));
    }

    [Fact]
    public void An_empty_schedule_answers_nothing()
    {
        var s = China();
        Assert.Empty(s.Lines);
        Assert.False(s.TryRateFor(Countries.Kenya, Tea, Day, out _));
    }

    [Fact]
    public void A_line_at_TOTAL_covers_every_code()
    {
        var all = Mfn(HsCode.Total, 10m);
        var s = China(all, Mfn(Tea, 15m));
        Assert.Same(all, s.RateFor(Countries.Kenya, Avocado, Day).DecidingLine);
        Assert.Equal(Pct(15m), s.RateFor(Countries.Kenya, Tea, Day).Rate);
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => new TariffSchedule(null!, []));
        Assert.Throws<ArgumentNullException>(() => new TariffSchedule(Countries.China, null!));
        Assert.Throws<ArgumentNullException>(() => new TariffSchedule(Countries.China, [Mfn(Tea, 1m), null!]));
        var s = China(Mfn(Tea, 15m));
        Assert.Throws<ArgumentNullException>(() => s.RateFor(null!, Tea, Day));
        Assert.Throws<ArgumentNullException>(() => s.RateFor(Countries.Kenya, null!, Day));
    }

    [Fact]
    public void With_returns_a_new_schedule_and_leaves_the_original()
    {
        var original = China(Mfn(Tea, 15m));
        var pref = Pref(Kenya, Tea, 0m, From(Effective));
        var extended = original.With(pref);
        Assert.Single(original.Lines);
        Assert.Equal(2, extended.Lines.Length);
        Assert.Equal(Pct(15m), original.RateFor(Countries.Kenya, Tea, Effective).Rate);
        Assert.Equal(TariffRate.Zero, extended.RateFor(Countries.Kenya, Tea, Effective).Rate);
        Assert.Same(original.Importer, extended.Importer);
        Assert.Equal(2, original.With([Mfn(Coffee, 8m)]).Lines.Length);
    }

    [Fact]
    public void With_rejects_a_line_that_overlaps_an_existing_one() =>
        Assert.Throws<ArgumentException>(() => China(Mfn(Tea, 15m)).With(Mfn(Tea, 10m, From(Effective))));
}
