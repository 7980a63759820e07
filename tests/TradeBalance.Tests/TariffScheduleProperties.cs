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
    public void The_indexed_look_up_decides_as_a_scan_of_every_line_does(ScheduleQuery q)
    {
        // The rule as a scan (how look-ups worked before they were indexed): regimes in order of first
        // appearance, each regime's lines from the longest code down, the first line in force decides
        // the regime; the lowest rate wins, a preference beats MFN at equal rates, else the first regime.
        TariffLine? winner = null;
        foreach (var regime in q.Schedule.Lines.GroupBy(l => l.Regime))
        {
            if (!regime.Key.Covers(q.Exporter))
            {
                continue;
            }

            var line = regime.OrderByDescending(l => l.Hs.Length).FirstOrDefault(l => l.Hs.Contains(q.Hs) && l.Validity.Contains(q.Date));
            if (line is not null && (winner is null || line.Rate < winner.Rate || (line.Rate == winner.Rate && winner.Regime.IsMfn && !line.Regime.IsMfn)))
            {
                winner = line;
            }
        }

        var found = q.Schedule.TryRateFor(q.Exporter, q.Hs, q.Date, out var decision);
        Assert.Equal(winner is not null, found);
        Assert.Same(winner, decision?.DecidingLine);
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
