using System.Globalization;
using System.IO.Compression;

namespace TradeBalance.Data.Internal.Baci;

/// <summary>
/// A CEPII BACI release zip, opened and checked: one CSV per year (<c>BACI_HS17_Y2022_V202501.csv</c>), all of one HS
/// revision and version, and the release's <c>country_codes_V*.csv</c>. Entries are found by name only: nothing in the
/// zip becomes a path on disk.
/// </summary>
internal sealed class BaciRelease : IDisposable
{
    /// <summary>More entries than any release holds (a release has one per year and two code lists): a zip claiming more is refused before it is read.</summary>
    public const int MaxEntries = 10_000;

    /// <summary>The largest country-code file read (a release's is about 10 KB).</summary>
    public const long MaxCountryCodesBytes = 16 << 20;

    private readonly ZipArchive _zip;

    private BaciRelease(ZipArchive zip, string name, string revision, string version, ZipArchiveEntry countryCodes, SortedDictionary<int, ZipArchiveEntry> years)
    {
        _zip = zip;
        Name = name;
        Revision = revision;
        Version = version;
        CountryCodesEntry = countryCodes;
        Years = years;
    }

    /// <summary>Gets the zip's file name, for messages.</summary>
    public string Name { get; }

    public string Revision { get; }

    public string Version { get; }

    public ZipArchiveEntry CountryCodesEntry { get; }

    /// <summary>Gets each year's CSV, by year.</summary>
    public SortedDictionary<int, ZipArchiveEntry> Years { get; }

    /// <summary>Opens the release from a seekable stream (the zip file), which the release then owns.</summary>
    public static BaciRelease Open(Stream file, string path)
    {
        var name = Path.GetFileName(path);
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (InvalidDataException e)
        {
            throw BaciManifestJson.Bad(path, $"is not a zip archive ({e.Message}); give the release zip as CEPII publishes it (BACI_HS17_V202501.zip)", e);
        }

        try
        {
            return Classify(zip, name, path);
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    private static BaciRelease Classify(ZipArchive zip, string name, string path)
    {
        if (zip.Entries.Count > MaxEntries)
        {
            throw BaciManifestJson.Bad(path, string.Create(CultureInfo.InvariantCulture, $"holds {zip.Entries.Count:N0} entries; a BACI release holds one CSV per year and two code lists (at most {MaxEntries:N0} entries are read)"));
        }

        var years = new SortedDictionary<int, ZipArchiveEntry>();
        string? revision = null, version = null;
        var countryCodes = new List<(ZipArchiveEntry Entry, string Version)>();
        foreach (var entry in zip.Entries)
        {
            if (BaciReleaseName.TryYearFile(entry.Name, out var r, out var year, out var v))
            {
                if (revision is not null && (r != revision || v != version))
                {
                    throw BaciManifestJson.Bad(path, $"mixes releases: '{Printable.Escape(entry.FullName)}' is {r} {v}, another year file {revision} {version}; convert one release at a time");
                }

                (revision, version) = (r, v);
                if (!years.TryAdd(year, entry))
                {
                    throw BaciManifestJson.Bad(path, string.Create(CultureInfo.InvariantCulture, $"holds two files for {year}: '{Printable.Escape(years[year].FullName)}' and '{Printable.Escape(entry.FullName)}'"));
                }
            }
            else if (BaciReleaseName.TryCountryCodesFile(entry.Name, out var cv))
            {
                countryCodes.Add((entry, cv));
            }
        }

        if (revision is null || version is null)
        {
            throw BaciManifestJson.Bad(path, "holds no BACI year file (BACI_HS17_Y2022_V202501.csv: the HS revision HS92 to HS22, the year and the version in the name); give the release zip as CEPII publishes it");
        }

        var codes = countryCodes.Where(c => c.Version == version).ToList();
        if (codes.Count != 1)
        {
            throw BaciManifestJson.Bad(path, codes.Count == 0
                ? $"holds no country-code file of version {version} (country_codes_{version}.csv){(countryCodes.Count > 0 ? $", only {string.Join(", ", countryCodes.Select(c => Printable.Escape(c.Entry.FullName)))}" : string.Empty)}: BACI's i and j are resolved through the release's own file; give the complete release zip"
                : $"holds {codes.Count} country-code files of version {version}; a release holds one");
        }

        return new BaciRelease(zip, name, revision, version, codes[0].Entry, years);
    }

    /// <summary>Reads the release's country codes (at most <see cref="MaxCountryCodesBytes"/>, whatever the entry claims).</summary>
    public BaciCountryCodes ReadCountryCodes()
    {
        using var stream = CountryCodesEntry.Open();
        using var capped = new MemoryStream();
        var buffer = new byte[1 << 16];
        int n;
        while ((n = stream.Read(buffer)) > 0)
        {
            if (capped.Length + n > MaxCountryCodesBytes)
            {
                throw BaciManifestJson.Bad(EntryName(CountryCodesEntry), string.Create(CultureInfo.InvariantCulture, $"is larger than {MaxCountryCodesBytes:N0} bytes; a release's country-code file is about 10 KB"));
            }

            capped.Write(buffer, 0, n);
        }

        capped.Position = 0;
        return BaciCountryCodes.Read(capped, EntryName(CountryCodesEntry)).Value;
    }

    /// <summary>An entry's name in messages: the zip, then the entry (<c>BACI_HS17_V202501.zip/country_codes_V202501.csv</c>).</summary>
    public string EntryName(ZipArchiveEntry entry) => Name + "/" + entry.FullName;

    public void Dispose() => _zip.Dispose();
}
