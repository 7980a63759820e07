using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using TradeBalance.Data.Internal;
using TradeBalance.Data.Internal.Baci;
using TradeBalance.Data.Internal.ParquetReading;

namespace TradeBalance.Data;

/// <summary>
/// Converts a CEPII BACI release zip (any HS revision) once into a folder of Parquet files, one per year, that
/// <see cref="ReadFlows"/> (and <c>tradebalance … --flows FOLDER</c>) then reads at Parquet speed, one year at a time.
/// </summary>
/// <remarks>
/// <para><b>Layout.</b> <c>FOLDER/year=2022.parquet</c> for each year, in the canonical flow columns
/// (<c>year, exporter, importer, hs, value_usd, quantity_kg, source</c>: ISO alpha-3 codes, <c>value_usd</c> in USD,
/// <c>quantity_kg</c> in kg, <c>hs</c> as 6-digit text), so each file is also an ordinary flows Parquet file; and
/// <c>FOLDER/manifest.json</c>, written last, recording the release (zip name, size, SHA-256, BACI version, HS revision),
/// each year's rows read, flows written and bytes, the totals and the tool version. Each Parquet file's key-value metadata
/// holds the revision, the version, the year and the source zip too.</para>
/// <para><b>The same flows as the CSV.</b> Each year's CSV is read under <see cref="BaciReader"/>'s rules with the zip's own
/// country-code file: the flows written are those <c>BaciReader.Read</c> gives for that CSV with
/// <see cref="BaciReadOptions.CountryCodes"/> set to it (intra-national and <c>9999AA</c> rows skipped, nes areas summed
/// into ROW). Values are stored as DOUBLE: a value written with at most 15 significant digits (every BACI value) reads back
/// as the same decimal number, without trailing zeros.</para>
/// <para><b>Atomic.</b> The files are written into a hidden folder beside the output, which is renamed to it once the
/// manifest is written: a conversion that stops part way leaves no folder that looks complete, and readers refuse a
/// folder without a valid manifest.</para>
/// <para><b>Memory and time.</b> Each year's CSV is streamed from the zip, one row group at a time
/// (<see cref="BaciParquetOptions.RowGroupRows"/>); besides that, only the ROW flows being summed are held. Time is linear in
/// the rows. BACI's files are sorted by (t, i, j, k), which is checked in passing to refuse a repeated row; a year that
/// is not sorted is read a second time with a set of the keys seen (about 40 bytes a row).</para>
/// </remarks>
/// <threadsafety>Stateless; safe to use from many threads (on different output folders).</threadsafety>
public static class BaciParquet
{
    /// <summary>The manifest's file name in a conversion's folder.</summary>
    public const string ManifestFileName = "manifest.json";

    /// <summary>The key-value metadata keys of each Parquet file.</summary>
    private const string MetaRevision = "tradebalance.baci.hs_revision", MetaVersion = "tradebalance.baci.version", MetaYear = "tradebalance.baci.year",
        MetaSource = "tradebalance.baci.source", MetaSourceSha256 = "tradebalance.baci.source_sha256", MetaTool = "tradebalance.tool";

    /// <summary>Converts a BACI release zip into a folder of Parquet files, one per year, with a manifest.</summary>
    /// <param name="zipPath">The release zip (<c>BACI_HS17_V202501.zip</c>): year files <c>BACI_HS17_Y2022_V202501.csv</c> and
    /// <c>country_codes_V202501.csv</c>.</param>
    /// <param name="outputDirectory">The folder to create; it must not exist, or be empty. Its parent must exist.</param>
    /// <param name="options">Years and row group size; null = <see cref="BaciParquetOptions.Default"/>.</param>
    /// <returns>The manifest written.</returns>
    /// <exception cref="TradeDataException">The zip is not a BACI release (no year file, no country-code file, two releases
    /// mixed), no year lies in the options' range, or a CSV holds a bad value (the message names the entry and line).</exception>
    /// <exception cref="IOException">The output folder exists and is not empty, or a file cannot be read or written.</exception>
    public static BaciParquetManifest Convert(string zipPath, string outputDirectory, BaciParquetOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(zipPath);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        options ??= BaciParquetOptions.Default;
        var output = Path.GetFullPath(outputDirectory);
        CheckOutput(output);

        using var file = new FileStream(zipPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var (bytes, sha256) = Hash(file);
        file.Position = 0;
        using var release = BaciRelease.Open(file, zipPath);
        var years = release.Years.Where(y => y.Key >= (options.FirstYear ?? int.MinValue) && y.Key <= (options.LastYear ?? int.MaxValue)).ToList();
        if (years.Count == 0)
        {
            throw BaciManifestJson.Bad(zipPath, $"holds {Years(release.Years.Keys)}, none in {options.FirstYear?.ToString(CultureInfo.InvariantCulture) ?? "…"}–{options.LastYear?.ToString(CultureInfo.InvariantCulture) ?? "…"}; ask for years it holds");
        }

        var codes = release.ReadCountryCodes();
        var tool = ToolVersion();
        var partial = Path.Combine(Path.GetDirectoryName(output)!, string.Create(CultureInfo.InvariantCulture, $".{Path.GetFileName(output)}.partial-{Environment.ProcessId}-{Random.Shared.Next():x8}"));
        Directory.CreateDirectory(partial);
        try
        {
            var written = new List<BaciParquetYear>();
            foreach (var (year, entry) in years)
            {
                written.Add(ConvertYear(release, entry, year, codes, partial, options, release.Name, sha256, tool));
            }

            var manifest = new BaciParquetManifest(output, release.Name, bytes, sha256, release.Version, release.Revision, release.CountryCodesEntry.Name, tool, written);
            using (var stream = new FileStream(Path.Combine(partial, ManifestFileName), FileMode.CreateNew, FileAccess.Write))
            {
                BaciManifestJson.Write(stream, manifest);
                stream.Flush(flushToDisk: true);
            }

            if (Directory.Exists(output))
            {
                Directory.Delete(output); // empty (checked above); fails, and so refuses, if something was put in it since
            }

            Directory.Move(partial, output);
            return manifest;
        }
        catch
        {
            TryDelete(partial);
            throw;
        }
    }

    /// <summary>Reads a conversion's manifest and checks that every file it lists is there, with the size it records.</summary>
    /// <param name="path">The conversion's folder, or its <c>manifest.json</c>.</param>
    /// <returns>The manifest.</returns>
    /// <exception cref="TradeDataException">The folder holds no manifest (not a conversion, or one that did not finish), the
    /// manifest is damaged or edited, or a file it lists is missing or of another size.</exception>
    public static BaciParquetManifest ReadManifest(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var (directory, manifestPath) = Locate(path);
        var manifest = BaciManifestJson.Read(manifestPath, directory);
        foreach (var y in manifest.Years)
        {
            var info = new FileInfo(Path.Combine(directory, y.FileName));
            if (!info.Exists)
            {
                throw BaciManifestJson.Bad(manifestPath, string.Create(CultureInfo.InvariantCulture, $"lists {y.FileName} for {y.Year}, which is not in {Printable.Escape(directory)}: the conversion is incomplete; convert the release again"));
            }

            if (info.Length != y.Bytes)
            {
                throw BaciManifestJson.Bad(manifestPath, string.Create(CultureInfo.InvariantCulture, $"records {y.FileName} as {y.Bytes:N0} bytes, but it is {info.Length:N0}: the file was altered or replaced; convert the release again"));
            }
        }

        return manifest;
    }

    /// <summary>True when the path is a conversion's folder (it holds a <c>manifest.json</c>) or a file named <c>manifest.json</c>;
    /// nothing is read beyond that.</summary>
    /// <param name="path">A path.</param>
    /// <returns>Whether to read the path with <see cref="ReadFlows"/>.</returns>
    public static bool IsConversion(string path) =>
        !string.IsNullOrEmpty(path) && (File.Exists(Path.Combine(path, ManifestFileName))
            || (Path.GetFileName(path).Equals(ManifestFileName, StringComparison.Ordinal) && File.Exists(path)));

    /// <summary>Reads the flows of some years of a conversion: only those years' files are opened.</summary>
    /// <param name="path">The conversion's folder, or its <c>manifest.json</c>.</param>
    /// <param name="years">The years; null = every year converted.</param>
    /// <returns>The flows, as <c>BaciReader.Read</c> gives them from the years' CSVs with the release's country codes (each
    /// decimal digit for digit when written with at most 15 significant digits, as every BACI value is), and a report that
    /// adds up the files read.</returns>
    /// <exception cref="TradeDataException">The manifest is missing or damaged; a year is not in the conversion (the
    /// message lists those that are); or a year's file is missing, of another size, or holds another row count, revision or
    /// year than the manifest records.</exception>
    public static ReadResult<TradeDataSet> ReadFlows(string path, IEnumerable<int>? years = null)
    {
        var manifest = ReadManifest(path);
        var (_, manifestPath) = Locate(path);
        var wanted = years?.Distinct().Order().ToList() ?? [.. manifest.Years.Select(y => y.Year)];
        var missing = wanted.Where(y => manifest.Find(y) is null).ToList();
        if (missing.Count > 0 || wanted.Count == 0)
        {
            throw BaciManifestJson.Bad(manifestPath, wanted.Count == 0 ? "was asked for no year" : string.Create(CultureInfo.InvariantCulture,
                $"holds {Years(manifest.Years.Select(y => y.Year))} of {manifest.SourceName}, not {string.Join(", ", missing)}: convert the release again with those years (tradebalance baci convert … --years), or ask for a year it holds"));
        }

        var report = new ReportBuilder(manifestPath, TradeFileFormat.Flows);
        var flows = new List<TradeFlow>();
        foreach (var year in wanted)
        {
            var y = manifest.Find(year)!;
            var rows = ReadYear(Path.Combine(manifest.Directory, y.FileName), y, manifest, manifestPath, flows);
            report.Read += rows;
            report.Kept += rows;
        }

        report.Unit(string.Create(CultureInfo.InvariantCulture, $"CEPII BACI {manifest.HsRevision} {manifest.BaciVersion} converted to Parquet ({manifest.SourceName}); years {string.Join(", ", wanted)}"));
        report.Unit("value_usd in USD (BACI v × 1000), quantity_kg in kg (BACI q × 1000); codes through the release's country-code file");
        return new ReadResult<TradeDataSet>(FlowsOfFile.DataSet(flows, manifestPath).WithRevision(manifest.Revision), report.Build());
    }

    private static long ReadYear(string file, BaciParquetYear y, BaciParquetManifest manifest, string manifestPath, List<TradeFlow> flows)
    {
        var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        if (stream.Length != y.Bytes)
        {
            stream.Dispose();
            throw BaciManifestJson.Bad(manifestPath, string.Create(CultureInfo.InvariantCulture, $"records {y.FileName} as {y.Bytes:N0} bytes, but it is {stream.Length:N0}: the file was altered or replaced; convert the release again"));
        }

        using var source = ParquetSource.Open(stream, file, leaveOpen: false);
        var meta = source.Reader.CustomMetadata ?? new Dictionary<string, string>();
        string Meta(string key) => meta.TryGetValue(key, out var v) ? v : "(none)";
        if (source.GroupStarts[^1] != y.Rows || Meta(MetaRevision) != manifest.HsRevision || Meta(MetaYear) != y.Year.ToString(CultureInfo.InvariantCulture) || Meta(MetaSourceSha256) != manifest.SourceSha256)
        {
            throw BaciManifestJson.Bad(file, string.Create(CultureInfo.InvariantCulture,
                $"holds {source.GroupStarts[^1]:N0} rows of {Meta(MetaRevision)} {Meta(MetaYear)} from the zip {Meta(MetaSourceSha256)}, but the manifest records {y.Rows:N0} rows of {manifest.HsRevision} {y.Year} from {manifest.SourceSha256}: the file was altered or replaced; convert the release again"));
        }

        return BaciParquetReader.Read(source, y.Year, BaciRules.Source(BaciReadOptions.Default, y.SourceFile), flows);
    }

    private static BaciParquetYear ConvertYear(BaciRelease release, ZipArchiveEntry entry, int year, BaciCountryCodes codes, string folder, BaciParquetOptions options, string zipName, string sha256, string tool)
    {
        var target = Path.Combine(folder, BaciParquetYear.FileNameOf(year));
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["tradebalance.table"] = "flows",
            [MetaRevision] = release.Revision,
            [MetaVersion] = release.Version,
            [MetaYear] = year.ToString(CultureInfo.InvariantCulture),
            [MetaSource] = zipName + "/" + entry.FullName,
            [MetaSourceSha256] = sha256,
            [MetaTool] = tool,
            ["tradebalance.unit.value_usd"] = "USD (BACI v × 1000; FOB, current USD)",
            ["tradebalance.unit.quantity_kg"] = "kg (BACI q × 1000; null = unknown)",
        };
        var name = release.EntryName(entry);
        var source = BaciRules.Source(BaciReadOptions.Default, entry.Name);
        var clock = Stopwatch.StartNew();
        void Progress(long rows) => options.Progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{year}: {rows:N0} rows read ({clock.Elapsed.TotalSeconds:F1} s)"));
        BaciYearConverter.Outcome outcome;
        try
        {
            outcome = Once(keys: null);
        }
        catch (BaciYearConverter.UnsortedException)
        {
            options.Progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{year}: not sorted by (t, i, j, k); reading it again to check for repeated rows"));
            outcome = Once(keys: []);
        }

        var bytes = new FileInfo(target).Length;
        options.Progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{year}: {outcome.RowsRead:N0} rows read, {outcome.Rows:N0} flows written, {bytes:N0} bytes ({clock.Elapsed.TotalSeconds:F1} s)"));
        return new BaciParquetYear(year, entry.Name, outcome.RowsRead, outcome.Rows, bytes);

        BaciYearConverter.Outcome Once(HashSet<long>? keys)
        {
            using var output = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            try
            {
                using var csv = entry.Open();
                var result = BaciYearConverter.Convert(csv, name, source, year, codes, output, metadata, options.RowGroupRows, keys, Progress);
                output.Flush(flushToDisk: true);
                return result;
            }
            catch (InvalidDataException e)
            {
                throw BaciManifestJson.Bad(name, $"does not decompress ({e.Message}): the zip is damaged; download it again", e);
            }
        }
    }

    /// <summary>The output must be a new folder (or an empty one) in a folder that exists.</summary>
    private static void CheckOutput(string output)
    {
        if (File.Exists(output))
        {
            throw new IOException($"'{Printable.Escape(output)}' is a file; the conversion writes a new folder: name one that does not exist.");
        }

        if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any())
        {
            throw new IOException($"'{Printable.Escape(output)}' exists and is not empty; the conversion writes a new folder: name one that does not exist, or remove this one.");
        }

        var parent = Path.GetDirectoryName(output);
        if (string.IsNullOrEmpty(parent) || !Directory.Exists(parent))
        {
            throw new DirectoryNotFoundException($"The folder '{Printable.Escape(parent)}' that would hold '{Printable.Escape(Path.GetFileName(output))}' does not exist.");
        }
    }

    /// <summary>The folder and the manifest of a path that names either.</summary>
    private static (string Directory, string Manifest) Locate(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            var manifest = Path.Combine(full, ManifestFileName);
            return File.Exists(manifest)
                ? (full, manifest)
                : throw BaciManifestJson.Bad(path, $"holds no {ManifestFileName}: it is not a BACI conversion, or its conversion did not finish; convert the release with 'tradebalance baci convert ZIP --output FOLDER'");
        }

        if (File.Exists(full) && Path.GetFileName(full).Equals(ManifestFileName, StringComparison.Ordinal))
        {
            return (Path.GetDirectoryName(full)!, full);
        }

        throw BaciManifestJson.Bad(path, $"is neither a BACI conversion's folder nor its {ManifestFileName}");
    }

    private static (long Bytes, string Sha256) Hash(Stream file)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 20];
        long total = 0;
        int n;
        while ((n = file.Read(buffer)) > 0)
        {
            sha.AppendData(buffer, 0, n);
            total += n;
        }

        return (total, System.Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    private static string ToolVersion()
    {
        var assembly = typeof(BaciParquet).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "unknown";
        return "TradeBalance.Data " + version;
    }

    private static string Years(IEnumerable<int> years)
    {
        var list = years.ToList();
        return list.Count == 1 ? list[0].ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"the years {string.Join(", ", list)}");
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The error being thrown matters more; a hidden partial folder is harmless (no manifest: never read).
        }
    }
}
