using System.Globalization;
using System.IO.Compression;
using System.Text;
using TradeBalance.Data;
using Xunit;

namespace TradeBalance.Cli.Tests;

/// <summary>
/// <c>tradebalance baci convert</c> then <c>--flows FOLDER</c>: a small BACI release converted, then projected and
/// balanced from the folder exactly as from its CSVs read directly; and each refusal in one line with its exit code.
/// </summary>
public sealed class BaciConvertCliTests : IDisposable
{
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>China's imports of tea, coffee and avocados (and one export to Kenya) in BACI's shape, per year: sorted by
    /// (i, j, k), with an intra-national row, two nes areas (568, 899) that become one ROW flow, and a missing q.</summary>
    private static readonly (int I, int J, string K, decimal V, string Q)[] Rows =
    [
        (76, 156, "090111", 120000.5m, "30000"), (144, 156, "090240", 68000m, "NA"), (152, 156, "080440", 90000.25m, "40000"),
        (156, 404, "851712", 5000.125m, "1.5"), (404, 156, "080440", 8000m, "3000"), (404, 156, "090111", 15000m, "2000"),
        (404, 156, "090240", 20000.5m, "12000.25"), (404, 404, "090240", 5m, "1"), (484, 156, "080440", 30000m, "11000"),
        (568, 156, "090240", 3m, "3"), (704, 156, "090111", 60000m, "25000"), (899, 156, "090240", 2m, "2"),
    ];

    private const string CountryCodes = "country_code,country_name,country_iso2,country_iso3\n76,Brazil,BR,BRA\n144,Sri Lanka,LK,LKA\n152,Chile,CL,CHL\n"
        + "156,China,CN,CHN\n404,Kenya,KE,KEN\n484,Mexico,MX,MEX\n704,Viet Nam,VN,VNM\n568,\"Other Europe, nes\",,R20\n899,\"Areas, nes\",,N/A\n";

    private static string YearCsv(int year) => "t,i,j,k,v,q\n" + string.Concat(Rows.Select(r =>
        string.Create(Ci, $"{year},{r.I},{r.J},{r.K},{(year == 2024 ? r.V : Math.Round(r.V * 0.9m, 3))},{r.Q}\n")));

    /// <summary>
    /// A BACI release zip of 2023 and 2024 (and its country codes unless told not to), in HS 2022 by default: the embedded
    /// tariffs' revision, which a projection on them needs.
    /// </summary>
    private string BaciZip(bool withCountryCodes = true, string revision = "HS22")
    {
        var path = _dir.File($"BACI_{revision}_V202501.zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Entry(zip, $"BACI_{revision}_Y2023_V202501.csv", YearCsv(2023));
        Entry(zip, $"BACI_{revision}_Y2024_V202501.csv", YearCsv(2024));
        if (withCountryCodes)
        {
            Entry(zip, "country_codes_V202501.csv", CountryCodes);
        }

        return path;
    }

    /// <summary>The years' CSVs read directly (BaciReader.Read with the release's country codes), written as one flows.csv.</summary>
    private string DirectFlowsCsv(params int[] years)
    {
        var codes = BaciCountryCodes.Read(new StringReader(CountryCodes), "country_codes_V202501.csv").Value;
        var flows = years.SelectMany(y => BaciReader.Read(new StringReader(YearCsv(y)), string.Create(Ci, $"BACI_HS22_Y{y}_V202501.csv"), new BaciReadOptions { CountryCodes = codes }).Value.Flows);
        var path = _dir.File(string.Join('-', years) + ".csv");
        FlowsCsv.Write(new TradeDataSet(flows), path);
        return path;
    }

    private static void Entry(ZipArchive zip, string name, string text)
    {
        using var s = zip.CreateEntry(name).Open();
        s.Write(Encoding.UTF8.GetBytes(text));
    }

    [Fact]
    public void A_converted_release_projects_and_balances_as_its_CSVs_read_directly()
    {
        var zip = BaciZip();
        var folder = _dir.File("baci");
        var convert = CliRun.Of("baci", "convert", zip, "--output", folder);
        Assert.True(convert.ExitCode == 0, convert.Err);
        Assert.Equal(string.Empty, convert.Err); // progress goes to a terminal only
        var text = convert.Out.ReplaceLineEndings("\n");
        Assert.StartsWith("Converted BACI_HS22_V202501.zip (HS22, V202501; ", text, StringComparison.Ordinal);
        Assert.Matches(@"\n2023 +12 +10 +[0-9,]+  year=2023\.parquet\n2024 +12 +10 +[0-9,]+  year=2024\.parquet\ntotal +24 +20 +[0-9,]+  2 year\(s\), ", text);
        Assert.True(File.Exists(Path.Combine(folder, "manifest.json")));

        // The projection reads only the year it uses (the latest), and gives what that year's CSV gives, digit for digit.
        var expected = CliRun.Of("project", "--flows", DirectFlowsCsv(2024), "--format", "csv");
        Assert.True(expected.ExitCode == 0, expected.Err);
        var run = CliRun.Of("project", "--flows", folder, "--format", "csv");
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Equal(expected.Out, run.Out);
        Assert.Equal(run.Out, CliRun.Of("project", "--flows", Path.Combine(folder, "manifest.json"), "--format", "csv").Out);
        Assert.Contains("\nCHN,KEN,090240,20000500.0,", run.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);

        // A release of another revision than the embedded tariffs' (HS 2022) is refused with the fix, as its CSVs would be.
        var hs17 = _dir.File("baci17");
        Assert.Equal(0, CliRun.Of("baci", "convert", BaciZip(revision: "HS17"), "--output", hs17).ExitCode);
        var refused = CliRun.Of("project", "--flows", hs17, "--format", "csv");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("The flows are in HS2017 and the tariffs in HS2022: give --hs-tables DIR", refused.Err, StringComparison.Ordinal);

        // The balance reads every year, or the one --year names.
        var both = CliRun.Of("balance", "--flows", DirectFlowsCsv(2023, 2024), "--format", "csv");
        Assert.True(both.ExitCode == 0, both.Err);
        Assert.Equal(both.Out, CliRun.Of("balance", "--flows", folder, "--format", "csv").Out);
        var one = CliRun.Of("balance", "--flows", folder, "--year", "2023", "--format", "csv").Out;
        Assert.Equal(CliRun.Of("balance", "--flows", DirectFlowsCsv(2023), "--format", "csv").Out, one);
        Assert.Single(one.Trim().Split('\n').Skip(1));
    }

    [Fact]
    public void The_years_option_converts_one_year_and_a_year_not_converted_is_refused_by_name()
    {
        var folder = _dir.File("one");
        var zip = BaciZip();
        var convert = CliRun.Of("baci", "convert", zip, "--output", folder, "--years", "2024");
        Assert.True(convert.ExitCode == 0, convert.Err);
        Assert.Equal(["year=2024.parquet"], Directory.EnumerateFiles(folder, "*.parquet").Select(Path.GetFileName));

        // Nothing is written into the folder a run reads.
        var into = CliRun.Of("project", "--flows", folder, "--scenario", "x.json", "--output", Path.Combine(folder, "year=2024.parquet"));
        Assert.Equal(2, into.ExitCode);
        Assert.Contains("is inside the --flows folder", into.Err, StringComparison.Ordinal);

        // With --timings (or on a terminal) each year's progress goes to standard error, never to standard output.
        var timed = CliRun.Of("baci", "convert", zip, "--output", _dir.File("timed"), "--timings");
        Assert.Contains("baci convert: 2023: 12 rows read, 10 flows written, ", timed.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("rows read,", timed.Out, StringComparison.Ordinal);

        var run = CliRun.Of("balance", "--flows", folder, "--year", "2023");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("holds 2024 of BACI_HS22_V202501.zip, not 2023: convert the release again with those years", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Refusals_name_what_is_wrong_with_the_usual_exit_codes()
    {
        var zip = BaciZip();
        var full = _dir.File("full");
        Directory.CreateDirectory(full);
        File.WriteAllText(Path.Combine(full, "notes.txt"), "mine");

        var run = CliRun.Of("baci", "convert", zip, "--output", full);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("exists and is not empty", run.Err, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(full, "notes.txt")));

        run = CliRun.Of("baci", "convert", zip, "--output", _dir.File("x"), "--years", "2022-2019");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--years: '2022-2019' is not a year or a range of years", run.Err, StringComparison.Ordinal);

        run = CliRun.Of("baci", "convert", _dir.File("missing.zip"), "--output", _dir.File("x"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("does not exist", run.Err, StringComparison.Ordinal);

        run = CliRun.Of("baci", "convert", zip);
        Assert.Equal(2, run.ExitCode);

        // Bad data: a zip without its country-code file; a folder that is no conversion.
        File.Delete(zip);
        zip = BaciZip(withCountryCodes: false);
        run = CliRun.Of("baci", "convert", zip, "--output", _dir.File("x"));
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("holds no country-code file of version V202501", run.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.File("x")));

        run = CliRun.Of("project", "--flows", full);
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("holds no manifest.json: it is not a BACI conversion, or its conversion did not finish", run.Err, StringComparison.Ordinal);
        Assert.Single(run.Err.Trim().Split('\n'));
    }
}
