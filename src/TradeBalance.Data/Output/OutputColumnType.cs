namespace TradeBalance.Data;

/// <summary>The type of an <see cref="OutputColumn"/>'s values, as CSV, JSON and Parquet carry them (docs/data-formats.md, Result tables).</summary>
public enum OutputColumnType
{
    /// <summary>Text: codes (ISO alpha-3 countries, HS codes with their leading zeros), names. Parquet: UTF-8 string.</summary>
    Text,

    /// <summary>A whole number: a year, a stage, a count. Parquet: INT32.</summary>
    WholeNumber,

    /// <summary>An exact decimal: money, tariff percent, exchange rates. CSV and JSON: the exact decimal; Parquet: DOUBLE.</summary>
    ExactNumber,

    /// <summary>A binary floating-point number: shares, ratios. CSV: round-trip ("R") form; JSON: number; Parquet: DOUBLE.</summary>
    FloatingPoint,
}
