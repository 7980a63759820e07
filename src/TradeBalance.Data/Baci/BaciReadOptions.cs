using System.Text;

namespace TradeBalance.Data;

/// <summary>Options for <see cref="BaciReader"/>.</summary>
/// <remarks>Filters skip rows (counted in the report) before they are stored: a BACI year holds
/// about 11 million flows, so filter when only some markets matter.</remarks>
/// <threadsafety>This type is immutable and thread-safe (given immutable sets).</threadsafety>
public sealed record BaciReadOptions
{
    /// <summary>Gets the default options: ISO numeric codes plus the trade aliases, no filters.</summary>
    public static BaciReadOptions Default { get; } = new();

    /// <summary>Gets the release's country-code file; null = resolve <c>i</c>/<c>j</c> as ISO 3166-1 numeric codes plus the trade-statistics aliases (842 USA, 699 IND, 490 TWN, …).</summary>
    public BaciCountryCodes? CountryCodes { get; init; }

    /// <summary>Gets the importers (<c>j</c>) to keep; null keeps all.</summary>
    public IReadOnlySet<Country>? Importers { get; init; }

    /// <summary>Gets the exporters (<c>i</c>) to keep; null keeps all.</summary>
    public IReadOnlySet<Country>? Exporters { get; init; }

    /// <summary>Gets the HS scopes to keep (a row is kept when one contains its code); null keeps all.</summary>
    public IReadOnlyList<HsCode>? Products { get; init; }

    /// <summary>Gets the text encoding; null = UTF-8.</summary>
    public Encoding? Encoding { get; init; }

    /// <summary>Gets the source label given to every flow; null = <c>CEPII BACI (file name)</c>.</summary>
    public string? Source { get; init; }
}
