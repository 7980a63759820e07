using TradeBalance.Data.Internal.Baci;

namespace TradeBalance.Data.Internal.ParquetReading;

/// <summary>Trade flows from a Parquet file, canonical or BACI, through the same readers as the CSV files (<see cref="RecordInput"/>).</summary>
internal static class ParquetFlows
{
    /// <summary>What the report says when an HS code stored as a whole number got its leading zero back.</summary>
    public const string HsPadRule = "hs stored as a number: leading zero restored";

    public static ReadResult<TradeDataSet> Read(ParquetSource source, BaciReadOptions? baci)
    {
        switch (source.Format)
        {
            case TradeFileFormat.Flows:
            {
                using var records = new ParquetRecords(source, TradeFileFormat.Flows, "hs", HsPadRule);
                return FlowsCsv.ReadCore(records);
            }

            case TradeFileFormat.Baci:
            {
                // k stored as a whole number: BACI's rule for 5 digits (leading zero restored, counted) applies as to CSV text.
                using var records = new ParquetRecords(source, TradeFileFormat.Baci);
                return BaciRowReader.Read(records, baci ?? BaciReadOptions.Default);
            }

            default:
                throw NotFlows(source);
        }
    }

    /// <summary>The error for Parquet whose columns are not a flow layout.</summary>
    public static TradeDataException NotFlows(ParquetSource source) => ParquetSource.Bad(source.FileName, "schema", source.Format == TradeFileFormat.Unknown
        ? $"is Parquet with columns TradeBalance does not recognise ({string.Join(", ", source.Columns)}); expected canonical flows (year, exporter, importer, hs, value_usd) or CEPII BACI (t, i, j, k, v, q); see docs/data-formats.md"
        : $"is Parquet holding {TradeFile.Describe(source.Format)}'s columns; TradeBalance reads Parquet for trade flows only (canonical flows or CEPII BACI)");
}
