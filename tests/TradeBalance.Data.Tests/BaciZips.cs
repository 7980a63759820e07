using System.Globalization;
using System.IO.Compression;
using System.Text;
using TradeBalance.Synthetic;

namespace TradeBalance.Data.Tests;

/// <summary>BACI release zips built in a test: named entries of text, as CEPII packs a release.</summary>
internal static class BaciZips
{
    /// <summary>The current country-code layout, with two nes areas (899, 568: ROW) and a code whose iso3 is not ISO (490: Taiwan).</summary>
    public const string CountryCodes = "country_code,country_name,country_iso2,country_iso3\n156,China,CN,CHN\n404,Kenya,KE,KEN\n144,Sri Lanka,LK,LKA\n"
        + "842,USA,US,USA\n699,India,IN,IND\n490,\"Other Asia, nes\",,S19\n568,\"Other Europe, nes\",,R20\n899,\"Areas, nes\",,N/A\n";

    /// <summary>The older country-code layout (V202001–V202201).</summary>
    public const string OldCountryCodes = "country_code,country_name_abbreviation,country_name_full,iso_2digit_alpha,iso_3digit_alpha\n156,China,China,CN,CHN\n"
        + "404,Kenya,Kenya,KE,KEN\n251,France,France,FR,FRA\n899,\"Areas, nes\",\"Areas, nes\",,N/A\n";

    /// <summary>A year of BACI in CEPII's order (t, i, j, k): a 5-digit k, a missing q three ways, 9999AA, an intra-national
    /// row, two nes areas meeting on one ROW flow, and a 490 (TWN).</summary>
    public static string Year(int year) => string.Create(CultureInfo.InvariantCulture, $"""
        t,i,j,k,v,q
        {year},144,156,90240,68000,   NA
        {year},156,404,851712,5000.125,1.5
        {year},404,156,090240,20000.5,12000.25
        {year},404,156,9999AA,1,1
        {year},404,404,090240,5,1
        {year},490,156,090240,17000,900
        {year},568,156,090240,3,3
        {year},842,156,090240,1000,
        {year},899,156,090240,2,2
        {year},899,156,851712,2.50,NA

        """).Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>Writes a zip of the given entries (name → text).</summary>
    public static string Write(string path, params (string Name, string Text)[] entries)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, text) in entries)
        {
            using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
            stream.Write(Encoding.UTF8.GetBytes(text));
        }

        return path;
    }

    /// <summary>An HS17 V202501 release of 2021 and 2022, with the product list a release has.</summary>
    public static string Hs17(string folder) => Write(
        Path.Combine(folder, "BACI_HS17_V202501.zip"),
        ("BACI_HS17_Y2021_V202501.csv", Year(2021)),
        ("BACI_HS17_Y2022_V202501.csv", Year(2022)),
        ("country_codes_V202501.csv", CountryCodes),
        ("product_codes_HS17_V202501.csv", "code,description\n090240,Tea\n851712,Phones\n"),
        ("Readme.txt", "BACI"));

    /// <summary>An HS92 V202401b release of 1995, in the older country-code layout, its files inside a folder of the zip.</summary>
    public static string Hs92(string folder) => Write(
        Path.Combine(folder, "BACI_HS92_V202401b.zip"),
        ("BACI_HS92_V202401b/BACI_HS92_Y1995_V202401b.csv", "t,i,j,k,v,q\n1995,156,251,090240,1.5,2\n1995,404,156,090240,7,NA\n1995,899,251,090240,0.001,0.5\n1995,899,404,090240,4,1\n"),
        ("BACI_HS92_V202401b/country_codes_V202401b.csv", OldCountryCodes));

    /// <summary>A release of one synthetic year of <paramref name="rows"/> rows (ISO numeric codes for every country), as a
    /// BACI-shaped zip for tests and measurements.</summary>
    public static string Synthetic(string folder, int rows, int year = 2022)
    {
        var csv = Path.Combine(folder, "synthetic.csv");
        SyntheticBaci.Write(csv, rows, year);
        var zipPath = Path.Combine(folder, "BACI_HS17_V209901.zip");
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        {
            zip.CreateEntryFromFile(csv, string.Create(CultureInfo.InvariantCulture, $"BACI_HS17_Y{year}_V209901.csv"), CompressionLevel.Fastest);
            using var codes = new StreamWriter(zip.CreateEntry("country_codes_V209901.csv").Open(), new UTF8Encoding(false));
            codes.Write("country_code,country_name,country_iso2,country_iso3\n");
            foreach (var c in Country.All.Where(c => !c.IsAggregate).DistinctBy(c => c.NumericCode))
            {
                codes.Write(string.Create(CultureInfo.InvariantCulture, $"{c.NumericCode},{c.Alpha3},,{c.Alpha3}\n"));
            }
        }

        File.Delete(csv);
        return zipPath;
    }

    /// <summary>An entry's text, as the zip holds it.</summary>
    public static Stream Open(string zipPath, string entryName, out ZipArchive zip)
    {
        zip = ZipFile.OpenRead(zipPath);
        return zip.Entries.Single(e => e.Name == entryName).Open();
    }
}
