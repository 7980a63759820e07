using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using NodaTime;
using NodaTime.Text;

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
    private readonly (TariffRegime Regime, TariffLine[] MostSpecificFirst)[] _regimes;

    /// <summary>Creates a schedule.</summary>
    /// <param name="importer">The country applying the rates.</param>
    /// <param name="lines">The lines.</param>
    /// <exception cref="ArgumentNullException">An argument or line is null.</exception>
    /// <exception cref="ArgumentException">Two lines of one regime for one code overlap in time, or the importer is among a regime's partners; the message names them.</exception>
    public TariffSchedule(Country importer, IEnumerable<TariffLine> lines)
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

        // Per regime, in first-appearance order, lines from the most specific code down, so a lookup
        // is a scan that stops at the first applicable line, with no allocation.
        _regimes = [.. all.GroupBy(l => l.Regime).Select(g => (g.Key, g.OrderByDescending(l => l.Hs.Length).ToArray()))];
    }

    /// <summary>Gets the country applying the rates.</summary>
    public Country Importer { get; }

    /// <summary>Gets every line, in the order given.</summary>
    public ImmutableArray<TariffLine> Lines { get; }

    /// <summary>Returns a schedule with more lines.</summary>
    /// <param name="lines">The lines to add.</param>
    /// <returns>The new schedule.</returns>
    /// <exception cref="ArgumentException">A new line overlaps an existing one of the same regime and code.</exception>
    public TariffSchedule With(params IEnumerable<TariffLine> lines) => new(Importer, Lines.Concat(lines));

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

        // Most specific applicable line per regime, then the lowest rate across regimes.
        TariffLine? winner = null;
        foreach (var (regime, lines) in _regimes)
        {
            if (!regime.Covers(exporter))
            {
                continue;
            }

            foreach (var line in lines)
            {
                if (line.Hs.Contains(hs) && line.Validity.Contains(date))
                {
                    if (winner is null || line.Rate < winner.Rate || (line.Rate == winner.Rate && winner.Regime.IsMfn && !line.Regime.IsMfn))
                    {
                        winner = line;
                    }

                    break;
                }
            }
        }

        decision = winner is null ? null : new TariffDecision(winner.Rate, winner);
        return decision is not null;
    }
}
