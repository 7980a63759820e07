using FsCheck.Xunit;
using Xunit;

namespace TradeBalance.Tests;

[Properties(Arbitrary = [typeof(Arbitraries)])]
public class TariffScheduleProperties
{
    [Property]
    public void The_deciding_line_always_applies_to_the_question(ScheduleQuery q)
    {
        if (q.Schedule.TryRateFor(q.Exporter, q.Hs, q.Date, out var d))
        {
            Assert.True(d.DecidingLine.AppliesTo(q.Exporter, q.Hs, q.Date));
            Assert.Equal(d.DecidingLine.Rate, d.Rate);
            Assert.Contains(d.DecidingLine, q.Schedule.Lines);
        }
        else
        {
            Assert.DoesNotContain(q.Schedule.Lines, l => l.AppliesTo(q.Exporter, q.Hs, q.Date));
            Assert.Throws<KeyNotFoundException>(() => q.Schedule.RateFor(q.Exporter, q.Hs, q.Date));
        }
    }

    [Property]
    public void The_rate_is_the_lowest_over_regimes_of_each_regimes_most_specific_line(ScheduleQuery q)
    {
        var applicable = q.Schedule.Lines.Where(l => l.AppliesTo(q.Exporter, q.Hs, q.Date)).ToList();
        var perRegime = applicable.GroupBy(l => l.Regime).Select(g => g.MaxBy(l => l.Hs.Length)!).ToList();
        if (perRegime.Count == 0)
        {
            Assert.False(q.Schedule.TryRateFor(q.Exporter, q.Hs, q.Date, out _));
            return;
        }

        var d = q.Schedule.RateFor(q.Exporter, q.Hs, q.Date);
        Assert.Equal(perRegime.Min(l => l.Rate), d.Rate);
        Assert.Contains(d.DecidingLine, perRegime);
    }

    [Property(MaxTest = 500)]
    public void Adding_a_new_preferential_regime_never_raises_an_applied_rate(ScheduleWithNewPreference s)
    {
        var q = s.Query;
        var extended = q.Schedule.With(s.NewLine);
        var hadRate = q.Schedule.TryRateFor(q.Exporter, q.Hs, q.Date, out var before);
        var hasRate = extended.TryRateFor(q.Exporter, q.Hs, q.Date, out var after);
        if (hadRate)
        {
            Assert.True(hasRate);
            Assert.True(after!.Rate <= before!.Rate, $"{after.Rate} > {before.Rate}");
        }

        if (hasRate && !s.NewLine.AppliesTo(q.Exporter, q.Hs, q.Date))
        {
            Assert.Equal(before, after);
        }
    }

    [Property]
    public void Lines_of_regimes_that_do_not_cover_the_exporter_never_decide(ScheduleQuery q)
    {
        if (q.Schedule.TryRateFor(q.Exporter, q.Hs, q.Date, out var d))
        {
            Assert.True(d.DecidingLine.Regime.Covers(q.Exporter));
            var withoutOthers = new TariffSchedule(q.Schedule.Importer, q.Schedule.Lines.Where(l => l.Regime.Covers(q.Exporter)));
            Assert.Equal(d, withoutOthers.RateFor(q.Exporter, q.Hs, q.Date));
        }
    }
}
