namespace TradeBalance.Data;

/// <summary>The file layouts TradeBalance reads, as <see cref="TradeFile.Detect(string)"/> recognises them from the header row.</summary>
/// <remarks>See <c>docs/data-formats.md</c> for each layout's columns and the detection rule.</remarks>
public enum TradeFileFormat
{
    /// <summary>No known layout matches the header.</summary>
    Unknown = 0,

    /// <summary>Canonical <c>flows.csv</c>: <c>year, exporter, importer, hs, value_usd[, quantity_kg, source]</c>.</summary>
    Flows = 1,

    /// <summary>Canonical <c>tariffs.csv</c>: <c>importer, exporter, hs, rate_percent[, valid_from, valid_to, source, regime]</c>.</summary>
    Tariffs = 2,

    /// <summary>Canonical <c>exchange-rates.csv</c>: <c>base, quote, as_of, rate, basis[, source]</c>.</summary>
    ExchangeRates = 3,

    /// <summary>Canonical <c>bilateral-totals.csv</c>: <c>year, exporter, importer, value, currency, period, basis[, source]</c>.</summary>
    BilateralTotals = 4,

    /// <summary>Projection output CSV: <c>importer, exporter, hs, baseline_usd, …, projected_share</c>.</summary>
    ProjectionOutput = 5,

    /// <summary>UN Comtrade "Plus" (2023 on): the camelCase API/web CSV (or its PascalCase variant), or a tab-separated bulk file.</summary>
    ComtradePlus = 6,

    /// <summary>UN Comtrade legacy (before 2023): the 22- or 35-column Title Case CSV with <c>Trade Value (US$)</c>.</summary>
    ComtradeLegacy = 7,

    /// <summary>CEPII BACI trade file: <c>t, i, j, k, v, q</c>.</summary>
    Baci = 8,

    /// <summary>CEPII BACI country-code file (<c>country_code, …, country_iso3</c>, or the older <c>iso_3digit_alpha</c> layout).</summary>
    BaciCountryCodes = 9,

    /// <summary>WITS Advanced Query "Tariff and Trade Analysis" download (<c>Reporter, Partner, Product, Tariff Year, DutyType, Simple Average, …</c>).</summary>
    WitsTariffs = 10,

    /// <summary>WITS/TRAINS bulk HS6 MFN averages (<c>AVEMFN</c>: <c>Reporter_ISO_N, Year, ProductCode, SimpleAverage, …</c>).</summary>
    WitsAveMfn = 11,

    /// <summary>WITS/TRAINS bulk HS6 preferential averages (<c>AVEPref</c>: as <see cref="WitsAveMfn"/> plus <c>Partner</c>).</summary>
    WitsAvePref = 12,

    /// <summary>Country groups and economies: <c>group, member[, joined, left, name, kind, currency, numeric, source]</c> (<see cref="CountryGroupsCsv"/>).</summary>
    CountryGroups = 13,
}
