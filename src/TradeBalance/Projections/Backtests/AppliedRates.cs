using NodaTime;

namespace TradeBalance.Projections;

/// <summary>
/// The rate each supplier paid over a calendar year, from a dated schedule: the mean over the year's days of
/// the rate applied that day. The schedule's lines start and end on a few dates, so the year is cut at those
/// dates and each piece is looked up once, not day by day.
/// </summary>
internal sealed class AppliedRates
{
    private readonly TariffSchedule _schedule;
    private readonly (LocalDate Start, int Days)[] _pieces;
    private readonly int _days;
    private readonly Dictionary<(Country, HsCode), TariffRate> _cache = [];

    public AppliedRates(TariffSchedule schedule, int year)
    {
        _schedule = schedule;
        var first = new LocalDate(year, 1, 1);
        var next = first.PlusYears(1);
        var cuts = new SortedSet<LocalDate> { first, next };
        foreach (var line in schedule.Lines)
        {
            if (line.Validity.Start > first && line.Validity.Start < next)
            {
                cuts.Add(line.Validity.Start);
            }

            // The day after a line's last day, when that falls inside the year (an open end is 9999-12-31).
            if (line.Validity.End >= first && line.Validity.End < next.PlusDays(-1))
            {
                cuts.Add(line.Validity.End.PlusDays(1));
            }
        }

        var dates = cuts.ToArray();
        _pieces = new (LocalDate, int)[dates.Length - 1];
        for (var i = 0; i < _pieces.Length; i++)
        {
            _pieces[i] = (dates[i], Period.Between(dates[i], dates[i + 1], PeriodUnits.Days).Days);
        }

        _days = Period.Between(first, next, PeriodUnits.Days).Days;
    }

    /// <summary>The day-weighted mean rate of the exporter on the code over the year.</summary>
    /// <exception cref="KeyNotFoundException">On some day no line covers the exporter and code; the message names the day.</exception>
    public TariffRate For(Country exporter, HsCode hs)
    {
        lock (_cache)
        {
            if (_cache.TryGetValue((exporter, hs), out var cached))
            {
                return cached;
            }
        }

        var sum = 0m;
        foreach (var (start, days) in _pieces)
        {
            sum += _schedule.RateFor(exporter, hs, start).Rate.Percent * days;
        }

        var rate = new TariffRate(Math.Round(sum / _days, 6));
        lock (_cache)
        {
            _cache[(exporter, hs)] = rate;
        }

        return rate;
    }
}
