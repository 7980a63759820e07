namespace TradeBalance.Data;

/// <summary>
/// What a BACI conversion holds (<see cref="BaciParquet"/>), as its <c>manifest.json</c> records it: the release it came
/// from (the zip's name, size and SHA-256, BACI's version and HS revision), each year's Parquet file with its row
/// counts and size, the totals, and the version of TradeBalance that wrote it.
/// </summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class BaciParquetManifest
{
    internal BaciParquetManifest(string directory, string sourceName, long sourceBytes, string sourceSha256, string baciVersion, string hsRevision, string countryCodesFile, string toolVersion, IReadOnlyList<BaciParquetYear> years)
    {
        Directory = directory;
        SourceName = sourceName;
        SourceBytes = sourceBytes;
        SourceSha256 = sourceSha256;
        BaciVersion = baciVersion;
        HsRevision = hsRevision;
        CountryCodesFile = countryCodesFile;
        ToolVersion = toolVersion;
        Years = years;
    }

    /// <summary>Gets the conversion's folder (the manifest's and the Parquet files'), as a full path.</summary>
    public string Directory { get; }

    /// <summary>Gets the release zip's file name (<c>BACI_HS17_V202501.zip</c>).</summary>
    public string SourceName { get; }

    /// <summary>Gets the release zip's size in bytes.</summary>
    public long SourceBytes { get; }

    /// <summary>Gets the release zip's SHA-256, 64 lower-case hexadecimal digits.</summary>
    public string SourceSha256 { get; }

    /// <summary>Gets BACI's version, from the file names (<c>V202501</c>, <c>V202401b</c>).</summary>
    public string BaciVersion { get; }

    /// <summary>Gets the HS revision the products are coded in, from the file names: <c>HS92</c>, <c>HS96</c>, <c>HS02</c>,
    /// <c>HS07</c>, <c>HS12</c>, <c>HS17</c> or <c>HS22</c>.</summary>
    public string HsRevision { get; }

    /// <summary>Gets the HS revision as a value (<see cref="HsRevision"/>'s text read by <see cref="TradeBalance.HsRevision.Parse"/>); the flows
    /// <see cref="BaciParquet.ReadFlows"/> returns state it.</summary>
    public TradeBalance.HsRevision Revision => TradeBalance.HsRevision.Parse(HsRevision);

    /// <summary>Gets the release's country-code file the codes <c>i</c> and <c>j</c> were resolved through.</summary>
    public string CountryCodesFile { get; }

    /// <summary>Gets the TradeBalance.Data version that wrote the conversion.</summary>
    public string ToolVersion { get; }

    /// <summary>Gets the years converted, in ascending order.</summary>
    public IReadOnlyList<BaciParquetYear> Years { get; }

    /// <summary>Gets the CSV rows read over every year.</summary>
    public long TotalRowsRead => Years.Sum(y => y.RowsRead);

    /// <summary>Gets the flows written over every year.</summary>
    public long TotalRows => Years.Sum(y => y.Rows);

    /// <summary>Gets the Parquet files' size over every year, in bytes.</summary>
    public long TotalBytes => Years.Sum(y => y.Bytes);

    /// <summary>Returns the year's record, or null when the conversion does not hold the year.</summary>
    /// <param name="year">The year.</param>
    /// <returns>The record, or null.</returns>
    public BaciParquetYear? Find(int year) => Years.FirstOrDefault(y => y.Year == year);
}
