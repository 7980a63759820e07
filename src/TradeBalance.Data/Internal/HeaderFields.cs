using TradeBalance.Internal;

namespace TradeBalance.Data.Internal;

/// <summary>
/// A header line read on its own, before any record: its delimiter guessed and its column names split.
/// Shared by the CSV reader, format sniffing and the BACI header check, so that all three see the same names.
/// </summary>
internal static class HeaderFields
{
    /// <summary>Tab when the header holds a tab, else comma.</summary>
    public static char DetectDelimiter(string headerLine) => headerLine.Contains('\t', StringComparison.Ordinal) ? '\t' : ',';

    /// <summary>Splits a header line on the delimiter, honouring double quotes; names trimmed.</summary>
    public static string[] Split(string line, char delimiter) => CsvLine.Split(line, delimiter, trim: true);

    /// <summary>The column names of a header line, its delimiter detected.</summary>
    public static string[] Split(string line) => Split(line, DetectDelimiter(line));
}
