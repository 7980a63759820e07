using System.Text;
using TradeBalance.Data.Internal;
using TradeBalance.Data.Internal.Baci;

namespace TradeBalance.Data;

/// <summary>
/// Reads a CEPII BACI trade file (<c>BACI_HS17_Y2022_V202401b.csv</c>, header <c>t,i,j,k,v,q</c>)
/// into a <see cref="TradeDataSet"/> in USD.
/// </summary>
/// <remarks>
/// <para><b>Units.</b> <c>v</c> is in thousands of current US dollars, so every value is multiplied
/// by 1000; <c>q</c> is in metric tonnes, multiplied by 1000 to kilograms; a missing <c>q</c>
/// (<c>NA</c>, blank-padded <c>   NA</c>, or empty) is null. BACI values are FOB and reconciled
/// from both partners' reports, unlike importer-reported CIF flows: the report says so.</para>
/// <para><b>Codes.</b> <c>k</c> is read as a string: a 6-digit HS code; a 5-digit code lost its
/// leading zero and is padded (counted as an adjustment); the non-HS product <c>9999AA</c> is skipped
/// and counted. <c>i</c> (exporter) and <c>j</c> (importer) resolve through the release's country-code
/// file when given (<see cref="BaciReadOptions.CountryCodes"/>), else as ISO 3166-1 numeric codes plus
/// the trade-statistics aliases (842 USA, 251 FRA, 699 IND, 490 TWN, …); "nes" areas become ROW and
/// are summed per market. A flow from a country to itself (intra-national flows of release 202401)
/// is skipped and counted.</para>
/// <para>Streams row by row; memory grows only with the flows kept (use the filters). Bad values
/// (unknown code, bad <c>k</c>, negative or non-numeric <c>v</c>, a repeated (t, i, j, k)) raise
/// <see cref="TradeDataException"/> with file, line, column and value.</para>
/// </remarks>
/// <threadsafety>Stateless; safe to use from many threads.</threadsafety>
public static class BaciReader
{
    /// <summary>Reads a BACI file (gzip detected).</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Options; null = <see cref="BaciReadOptions.Default"/>.</param>
    /// <returns>The flows and the report.</returns>
    /// <exception cref="TradeDataException">The file holds a bad value.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ReadResult<TradeDataSet> Read(string path, BaciReadOptions? options = null)
    {
        options ??= BaciReadOptions.Default;
        return CsvEntry.FromPath(path, TradeFileFormat.Baci, options.Encoding ?? Encoding.UTF8, csv => BaciRowReader.Read(csv, options));
    }

    /// <summary>Reads BACI data from a stream, which stays open.</summary>
    /// <param name="stream">The content (gzip detected).</param>
    /// <param name="fileName">The name to use in messages.</param>
    /// <param name="options">Options; null = defaults.</param>
    /// <returns>The flows and the report.</returns>
    /// <exception cref="TradeDataException">A bad value.</exception>
    public static ReadResult<TradeDataSet> Read(Stream stream, string fileName, BaciReadOptions? options = null)
    {
        options ??= BaciReadOptions.Default;
        return CsvEntry.FromStream(stream, fileName, TradeFileFormat.Baci, options.Encoding ?? Encoding.UTF8, csv => BaciRowReader.Read(csv, options));
    }

    /// <summary>Reads BACI data from text, which stays open.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="fileName">The name to use in messages.</param>
    /// <param name="options">Options; null = defaults.</param>
    /// <returns>The flows and the report.</returns>
    /// <exception cref="TradeDataException">A bad value.</exception>
    public static ReadResult<TradeDataSet> Read(TextReader reader, string fileName, BaciReadOptions? options = null)
    {
        options ??= BaciReadOptions.Default;
        return CsvEntry.FromText(reader, fileName, TradeFileFormat.Baci, csv => BaciRowReader.Read(csv, options));
    }

    /// <summary>
    /// Reads a whole BACI file (gzip detected) into columns: one array per field, rows in file order,
    /// parsed in parallel from one in-memory copy of the file. Many times faster than
    /// <see cref="Read(string, BaciReadOptions?)"/>; build domain flows for the rows you need with
    /// <see cref="BaciColumns.ToTradeDataSet(BaciReadOptions?)"/>.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Options; null = <see cref="BaciReadOptions.Default"/>. <see cref="BaciReadOptions.CountryCodes"/>
    /// decides which <c>i</c>/<c>j</c> codes are valid and <see cref="BaciReadOptions.Encoding"/> how the file is decoded;
    /// the filters are not applied here (every row is kept) but by <see cref="BaciColumns.ToTradeDataSet(BaciReadOptions?)"/>.</param>
    /// <returns>The columns and the report (rows read, rows kept, <c>9999AA</c> rows and blank lines skipped, adjustments).</returns>
    /// <remarks>
    /// <para>Accepts exactly the files <see cref="Read(string, BaciReadOptions?)"/> accepts, with the same messages, and
    /// also rejects a repeated (t, i, j, k) and a bad <c>v</c> on an intra-national row (which <c>Read</c> skips unread):
    /// the columns keep every row. The whole file is held in memory while it is parsed (a pooled buffer up to 256 MB), plus the
    /// columns: 27 bytes a row.</para>
    /// </remarks>
    /// <exception cref="TradeDataException">The file holds a bad value, a repeated (t, i, j, k), or is larger than 2 GB (uncompressed).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ReadResult<BaciColumns> ReadColumns(string path, BaciReadOptions? options = null) =>
        BaciColumnParser.ReadPath(path, options ?? BaciReadOptions.Default, BaciColumnParser.DefaultParts);

    /// <summary>Reads BACI data from a stream (gzip detected), which stays open, into columns; see <see cref="ReadColumns(string, BaciReadOptions?)"/>.</summary>
    /// <param name="stream">The content, read to its end.</param>
    /// <param name="fileName">The name to use in messages.</param>
    /// <param name="options">Options; null = defaults.</param>
    /// <returns>The columns and the report.</returns>
    /// <exception cref="TradeDataException">A bad value or a repeated (t, i, j, k).</exception>
    public static ReadResult<BaciColumns> ReadColumns(Stream stream, string fileName, BaciReadOptions? options = null) =>
        BaciColumnParser.ReadStream(stream, fileName, options ?? BaciReadOptions.Default, BaciColumnParser.DefaultParts);
}
