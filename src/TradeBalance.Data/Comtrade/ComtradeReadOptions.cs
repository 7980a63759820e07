using System.Text;

namespace TradeBalance.Data;

/// <summary>Options for <see cref="ComtradeReader"/>.</summary>
/// <remarks>Filters skip rows (counted in the report) before they are stored, so that a large
/// download can be read into bounded memory.</remarks>
/// <threadsafety>This type is immutable and thread-safe (given immutable sets).</threadsafety>
public sealed record ComtradeReadOptions
{
    /// <summary>Gets the default options: HS detail, every country and product, UTF-8.</summary>
    public static ComtradeReadOptions Default { get; } = new();

    /// <summary>Gets which commodity rows to keep; default <see cref="CommodityLevel.Detail"/>.</summary>
    public CommodityLevel Commodities { get; init; } = CommodityLevel.Detail;

    /// <summary>Gets the importers (reporters) to keep; null keeps all.</summary>
    public IReadOnlySet<Country>? Importers { get; init; }

    /// <summary>Gets the exporters (partners) to keep; null keeps all.</summary>
    public IReadOnlySet<Country>? Exporters { get; init; }

    /// <summary>Gets the HS scopes to keep (a row is kept when one of them contains its code); null keeps all.</summary>
    public IReadOnlyList<HsCode>? Products { get; init; }

    /// <summary>Gets the text encoding; null = UTF-8 (a BOM is honoured). Fields TradeBalance uses are ASCII, so Latin-1 web downloads read correctly either way.</summary>
    public Encoding? Encoding { get; init; }

    /// <summary>Gets the source label given to every flow; null = <c>UN Comtrade (file name)</c>.</summary>
    public string? Source { get; init; }
}
