using System.Text;

namespace TradeBalance.Data;

/// <summary>Options for <see cref="WitsTariffReader"/>.</summary>
/// <threadsafety>This type is immutable and thread-safe (given immutable collections).</threadsafety>
public sealed record WitsReadOptions
{
    /// <summary>Gets the default options: automatic duty selection, latest year open-ended, no groups.</summary>
    public static WitsReadOptions Default { get; } = new();

    /// <summary>Gets which duty types become lines; default <see cref="WitsDutySelection.Auto"/>.</summary>
    public WitsDutySelection DutySelection { get; init; } = WitsDutySelection.Auto;

    /// <summary>
    /// Gets the members of preference groups that appear as partners (keyed by the code in the file,
    /// case-insensitive, for example <c>ASEAN</c> or a WITS group number). A partner that is neither a
    /// country nor listed here is an error. The importer itself is left out of its own group.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyCollection<Country>>? PreferenceGroups { get; init; }

    /// <summary>Gets a value indicating whether the latest tariff year of each regime and product stays in force after its year (open-ended), as a rate does until it is changed; default true. When false every line covers its calendar year only.</summary>
    public bool ExtendLatestYear { get; init; } = true;

    /// <summary>Gets the text encoding; null = UTF-8 (codes are ASCII, so cp1252/Latin-1 downloads read correctly; only names would be garbled).</summary>
    public Encoding? Encoding { get; init; }

    /// <summary>Gets a source label for every line; null = <c>WITS/TRAINS {duty type} {year} (file name)</c>.</summary>
    public string? Source { get; init; }
}
