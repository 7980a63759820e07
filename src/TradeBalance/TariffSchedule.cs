using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using NodaTime;
using NodaTime.Text;
using TradeBalance.Internal;

namespace TradeBalance;

/// <summary>
/// An importer's applied tariffs: MFN lines and preferential lines, each valid over dates.
/// Answers "what rate does <em>exporter</em> pay on <em>HS code</em> on <em>date</em>".
/// </summary>
/// <remarks>
/// <para>The rule (<see cref="RateFor"/>): within each regime that covers the exporter on that date
/// (MFN, and each preference), the most specific HS line decides that regime's rate; the applied
/// rate is the lowest of those regimes' rates. So adding a line of a regime the schedule does not yet
/// have can never raise an applied rate, and a national 8-digit line overrides its heading within the
/// same regime (which may raise that regime's rate: a more specific line of an existing preference
/// decides for its codes even when it is higher than the preference's broader line).</para>
/// <para>Invariant: no two lines of one regime for the same HS code are in force on the same day
/// (that would make the rate ambiguous); the constructor rejects them, naming both lines.</para>
/// <para>Staged cuts are ordinary schedules: one line per stage, each with its own dates.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class TariffSchedule
{
    // The index behind a lookup, so one costs a few hash probes whatever the schedule's size:
    // regimes in first-appearance order (that order breaks ties, as it always has); per regime, its
    // lines by HS code (as an HsKey) with each code's lines sorted by start date, and the code lengths
    // it uses, longest first; per partner, the regimes that cover it (MFN included), in order.
    private readonly TariffRegime[] _regimes;
    private readonly Dictionary<long, TariffLine[]>[] _linesByCode;
    private readonly int[][] _lengthsLongestFirst;
    private readonly int[] _mfnRegimes;
    private readonly Dictionary<Country, int[]> _regimesByPartner;

    /// <summary>Creates a schedule.</summary>
    /// <param name="importer">The country applying the rates.</param>
    /// <param name="lines">The lines.</param>
    /// <param name="revision">The HS revision the lines' codes are in; null when not stated.</param>
    /// <exception cref="ArgumentNullException">An argument or line is null.</exception>
    /// <exception cref="ArgumentException">Two lines of one regime for one code overlap in time, or the importer is among a regime's partners; the message names them.</exception>
    public TariffSchedule(Country importer, IEnumerable<TariffLine> lines, HsRevision? revision = null)
    {
        ArgumentNullException.ThrowIfNull(importer);
        ArgumentNullException.ThrowIfNull(lines);
        var all = lines.ToImmutableArray();
        foreach (var line in all)
        {
            ArgumentNullException.ThrowIfNull(line, nameof(lines));
            if (line.Regime.Partners.Contains(importer))
            {
                throw new ArgumentException($"Line {line} names the importer {importer.Alpha3} as its own partner.", nameof(lines));
            }
        }

        foreach (var group in all.GroupBy(l => (l.Regime, l.Hs)))
        {
            var sorted = group.OrderBy(l => l.Validity.Start).ToArray();
            for (var i = 1; i < sorted.Length; i++)
            {
                if (sorted[i].Validity.Start <= sorted[i - 1].Validity.End)
                {
                    throw new ArgumentException($"Tariff lines overlap in time for {importer.Alpha3}: {sorted[i - 1]} and {sorted[i]}.", nameof(lines));
                }
            }
        }

        Importer = importer;
        Lines = all;
        Revision = revision;

        var byRegime = all.GroupBy(l => l.Regime).ToArray();
        _regimes = [.. byRegime.Select(g => g.Key)];
        _linesByCode = new Dictionary<long, TariffLine[]>[byRegime.Length];
        _lengthsLongestFirst = new int[byRegime.Length][];
        var mfn = new List<int>();
        var byPartner = new Dictionary<Country, List<int>>();
        for (var r = 0; r < byRegime.Length; r++)
        {
            _linesByCode[r] = byRegime[r].GroupBy(l => HsKey.Of(l.Hs)).ToDictionary(g => g.Key, g => g.OrderBy(l => l.Validity.Start).ToArray());
            _lengthsLongestFirst[r] = [.. byRegime[r].Select(l => l.Hs.Length).Distinct().OrderDescending()];
            if (_regimes[r].IsMfn)
            {
                mfn.Add(r);
                continue;
            }

            foreach (var partner in _regimes[r].Partners)
            {
                if (!byPartner.TryGetValue(partner, out var list))
                {
                    byPartner[partner] = list = [];
                }

                list.Add(r);
            }
        }

        _mfnRegimes = [.. mfn];
        _regimesByPartner = byPartner.ToDictionary(p => p.Key, p => mfn.Concat(p.Value).Order().ToArray());
    }

    /// <summary>Gets the country applying the rates.</summary>
    public Country Importer { get; }

    /// <summary>Gets every line, in the order given.</summary>
    public ImmutableArray<TariffLine> Lines { get; }

    /// <summary>Gets the HS revision the lines' codes are in (<see cref="HsRevision"/>), or null when it is not stated.</summary>
    public HsRevision? Revision { get; }

    /// <summary>Returns the same lines with the HS revision they are in stated (or cleared); it relabels nothing (<see cref="HsConcordance"/> converts).</summary>
    /// <param name="revision">The revision, or null for not stated.</param>
    /// <returns>The schedule, or this one when the revision is the same.</returns>
    public TariffSchedule WithRevision(HsRevision? revision) => revision == Revision ? this : new(Importer, Lines, revision);

    /// <summary>Returns a schedule with more lines.</summary>
    /// <param name="lines">The lines to add.</param>
    /// <returns>The new schedule.</returns>
    /// <exception cref="ArgumentException">A new line overlaps an existing one of the same regime and code.</exception>
    public TariffSchedule With(params IEnumerable<TariffLine> lines) => new(Importer, Lines.Concat(lines), Revision);

    /// <summary>
    /// Returns the same lines as another importer's schedule: how a customs union's common external
    /// tariff (<c>EUN</c>, <c>EAC</c>) becomes a member's (<see cref="CountryGroup.HasCommonTariff"/>).
    /// </summary>
    /// <param name="importer">The importer that applies these lines.</param>
    /// <returns>The schedule, or this one when the importer is the same.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="importer"/> is null.</exception>
    /// <exception cref="ArgumentException">A line names <paramref name="importer"/> as its partner.</exception>
    public TariffSchedule ForImporter(Country importer)
    {
        ArgumentNullException.ThrowIfNull(importer);
        return importer.Equals(Importer) ? this : new(importer, Lines, Revision);
    }

    /// <summary>
    /// Finds the schedule an importer applies on a date: its own, else that of a customs union it is a
    /// member of on that date (<see cref="CountryGroup.HasCommonTariff"/>), as the importer's (<see cref="ForImporter"/>).
    /// </summary>
    /// <param name="schedules">The schedules to look in.</param>
    /// <param name="importer">The importer.</param>
    /// <param name="date">The day whose membership counts.</param>
    /// <returns>The schedule, or null when neither the importer nor a union of it has one.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static TariffSchedule? Find(IEnumerable<TariffSchedule> schedules, Country importer, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        ArgumentNullException.ThrowIfNull(importer);
        TariffSchedule? union = null;
        foreach (var s in schedules)
        {
            if (s.Importer.Equals(importer))
            {
                return s; // a member's own schedule wins over its union's
            }

            if (union is null && CountryGroups.TryGet(s.Importer, out var g) && g.HasCommonTariff && g.Contains(importer, date))
            {
                union = s;
            }
        }

        return union?.ForImporter(importer);
    }

    /// <summary>Returns the rate the exporter pays on the code on the date, and the line that decided it.</summary>
    /// <param name="exporter">The exporter.</param>
    /// <param name="hs">The traded HS code.</param>
    /// <param name="date">The date.</param>
    /// <returns>The applied rate and its deciding line.</returns>
    /// <exception cref="KeyNotFoundException">No line covers the exporter, code and date; the message names them.</exception>
    public TariffDecision RateFor(Country exporter, HsCode hs, LocalDate date) =>
        TryRateFor(exporter, hs, date, out var decision)
            ? decision
            : throw new KeyNotFoundException($"{Importer.Alpha3}'s tariff schedule has no line covering HS {hs} from {exporter.Alpha3} on {LocalDatePattern.Iso.Format(date)} (no MFN line and no preference applies).");

    /// <summary>Tries to find the applied rate; see <see cref="RateFor"/>.</summary>
    /// <param name="exporter">The exporter.</param>
    /// <param name="hs">The traded HS code.</param>
    /// <param name="date">The date.</param>
    /// <param name="decision">The applied rate and deciding line, when the method returns true.</param>
    /// <returns>True when some line applies.</returns>
    /// <exception cref="ArgumentNullException">The exporter or code is null.</exception>
    public bool TryRateFor(Country exporter, HsCode hs, LocalDate date, [NotNullWhen(true)] out TariffDecision? decision)
    {
        ArgumentNullException.ThrowIfNull(exporter);
        ArgumentNullException.ThrowIfNull(hs);

        // Most specific applicable line per regime (walking up the HS hierarchy from the traded code),
        // then the lowest rate across regimes.
        var key = HsKey.Of(hs);
        TariffLine? winner = null;
        foreach (var r in _regimesByPartner.TryGetValue(exporter, out var covering) ? covering : _mfnRegimes)
        {
            var lines = _linesByCode[r];
            foreach (var length in _lengthsLongestFirst[r])
            {
                if (length > hs.Length || !lines.TryGetValue(HsKey.Prefix(key, length), out var candidates) || InForce(candidates, date) is not { } line)
                {
                    continue;
                }

                if (winner is null || line.Rate < winner.Rate || (line.Rate == winner.Rate && winner.Regime.IsMfn && !line.Regime.IsMfn))
                {
                    winner = line;
                }

                break;
            }
        }

        decision = winner is null ? null : new TariffDecision(winner.Rate, winner);
        return decision is not null;
    }

    /// <summary>The line in force on the date among one code's lines of one regime (sorted by start, never overlapping).</summary>
    private static TariffLine? InForce(TariffLine[] byStart, LocalDate date)
    {
        // The last line starting on or before the date is the only one that can be in force.
        int lo = 0, hi = byStart.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (byStart[mid].Validity.Start <= date)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found >= 0 && byStart[found].Validity.End >= date ? byStart[found] : null;
    }
}
