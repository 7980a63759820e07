using NodaTime;
using NodaTime.Text;

namespace TradeBalance;

/// <summary>
/// One line of an importer's tariff schedule: the ad valorem rate a regime applies to an HS code
/// (and every code below it) over a range of dates.
/// </summary>
/// <remarks>
/// The validity is a NodaTime <see cref="DateInterval"/>, both ends inclusive. An open end is
/// <see cref="OpenStart"/> or <see cref="OpenEnd"/>.
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record TariffLine
{
    /// <summary>Gets the earliest date used for a line with no start date.</summary>
    public static LocalDate OpenStart { get; } = new(1900, 1, 1);

    /// <summary>Gets the latest date used for a line with no end date.</summary>
    public static LocalDate OpenEnd { get; } = new(9999, 12, 31);

    /// <summary>Creates a line.</summary>
    /// <param name="regime">Who the line applies to.</param>
    /// <param name="hs">The HS code it covers, with every code below it.</param>
    /// <param name="rate">The ad valorem rate.</param>
    /// <param name="validity">The dates it is in force, inclusive; null = always.</param>
    /// <param name="source">Where the figure comes from; may be empty, not null.</param>
    /// <exception cref="ArgumentNullException">The regime, code or source is null.</exception>
    public TariffLine(TariffRegime regime, HsCode hs, TariffRate rate, DateInterval? validity = null, string source = "")
    {
        ArgumentNullException.ThrowIfNull(regime);
        ArgumentNullException.ThrowIfNull(hs);
        ArgumentNullException.ThrowIfNull(source);
        Regime = regime;
        Hs = hs;
        Rate = rate;
        Validity = validity ?? new DateInterval(OpenStart, OpenEnd);
        Source = source;
    }

    /// <summary>Gets who the line applies to.</summary>
    public TariffRegime Regime { get; }

    /// <summary>Gets the HS code the line covers (with every code below it).</summary>
    public HsCode Hs { get; }

    /// <summary>Gets the rate.</summary>
    public TariffRate Rate { get; }

    /// <summary>Gets the dates the line is in force, inclusive.</summary>
    public DateInterval Validity { get; }

    /// <summary>Gets where the figure comes from.</summary>
    public string Source { get; }

    /// <summary>Returns true when the line applies to this exporter, code and date.</summary>
    /// <param name="exporter">The exporter.</param>
    /// <param name="hs">The traded code.</param>
    /// <param name="date">The date.</param>
    /// <returns>True when the regime covers the exporter, the line's code contains the traded code, and the date is in force.</returns>
    public bool AppliesTo(Country exporter, HsCode hs, LocalDate date) =>
        Regime.Covers(exporter) && Hs.Contains(hs) && Validity.Contains(date);

    /// <summary>Returns a description, for example <c>MFN 0902 15% [2017-12-01..]</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var from = Validity.Start == OpenStart ? string.Empty : LocalDatePattern.Iso.Format(Validity.Start);
        var to = Validity.End == OpenEnd ? string.Empty : LocalDatePattern.Iso.Format(Validity.End);
        return $"{Regime} {Hs} {Rate} [{from}..{to}]";
    }
}
