using System.Text;
using TradeBalance.Synthetic;
using Xunit;

namespace TradeBalance.Data.Tests;

/// <summary>
/// TradeFile.ReadFlows on BACI files: without a filter it reads through the columns, with one it streams through
/// BaciReader.Read, and either way it gives what BaciReader.Read gives for the same file and options: the same flows,
/// each decimal digit for digit, the same report, or the same error.
/// </summary>
public class TradeFileBaciTests
{
    private const string Header = "t,i,j,k,v,q\n";

    private static readonly Lazy<BaciCountryCodes> Codes = new(() => BaciCountryCodes.Read(Fixtures.Path("baci-country-codes.csv")).Value);

    private static readonly Lazy<byte[]> Synthetic = new(() =>
    {
        using var dir = Fixtures.TempDir();
        var path = dir.File("b.csv");
        SyntheticBaci.Write(path, 20_000, 2021);
        return File.ReadAllBytes(path);
    });

    /// <summary>The files: canonical (the fast parser), and the odd cases of the columns-versus-Read tests.</summary>
    public static TheoryData<string> Cases => [.. Files.Keys];

    private static readonly Dictionary<string, Func<byte[]>> Files = new()
    {
        ["fixture"] = () => File.ReadAllBytes(Fixtures.Path("baci-hs17-2022.csv")),
        ["synthetic 20k"] = () => Synthetic.Value,
        ["synthetic CRLF, BOM, no final newline"] = () => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Synthetic.Value).Replace("\n", "\r\n", StringComparison.Ordinal).TrimEnd())],
        ["nes areas, 5-digit k, 9999AA, intra-national"] = () => Encoding.UTF8.GetBytes(Header
            + "2022,404,156,090240,1,1\n2022,899,156,090240,2,2\n2022,899,156,851712,2,NA\n2022,568,156,090240,3,3\n"
            + "2022,837,156,851712,1.5,1\n2022,156,156,090240,9,9\n2022,156,404,9999AA,1,1\n2022,156,404,90240,1,1\n"),
        ["trailing and leading zeros"] = () => Encoding.UTF8.GetBytes(Header
            + "2022,404,156,090240,1.500,2.0\n2022,404,156,090241,007,0.000\n2022,899,156,090240,0.10,   NA\n2022,568,156,090240,0.250,1.25\n"),
        ["off the fast path"] = () => Encoding.UTF8.GetBytes("# BACI extract\nT,I,J,K,V,Q\n2022,404,156,090240,20000.5,12000.25\n\n"
            + "\"2022\",144,156,\"090240\",1E+3,  NA  \n 2022.0 ,842,156,090240,+5,\n2022,699,156,9999aa,x,1\n2022,156,156,090240,1,1\r"
            + "2022,490,156,090240,17000,900"),
        ["lone CR"] = () => "t,i,j,k,v,q\r2022,4,156,090240,5,\r2022,144,156,90240,0,"u8.ToArray(),
        ["other column order"] = () => Encoding.UTF8.GetBytes("i,j,t,k,q,v,extra\n404,156,2022,090240,1,2,x\n"),
        ["no q column"] = () => Encoding.UTF8.GetBytes("t,i,j,k,v\n2022,404,156,090240,1.5\n2022,899,156,090240,2\n"),
        ["more than 15 significant digits"] = () => Encoding.UTF8.GetBytes(Header + "2022,404,156,090240,1234567890123456.5,1\n2022,144,156,090240,1,0.000000000000001\n"),
        ["a repeated nes row Read merges"] = () => Encoding.UTF8.GetBytes(Header + "2022,404,156,090240,1,1\n2022,899,156,090240,1,1\n2022,899,156,090240,2,2\n"),
        ["a bad v on an intra-national row Read skips"] = () => Encoding.UTF8.GetBytes(Header + "2022,404,156,090240,1,1\n2022,404,404,090240,x,1\n"),
        ["a repeated row"] = () => Encoding.UTF8.GetBytes(Header + "2022,404,156,090240,1,1\n2022,144,156,090240,1,1\n2022,404,156,090240,2,1\n"),
        ["two codes for one country"] = () => Encoding.UTF8.GetBytes(Header + "2022,842,156,090240,1,1\n2022,840,156,090240,1,1\n"),
        ["a bad k"] = () => Encoding.UTF8.GetBytes(Header + "2022,404,156,090240,1,1\n2022,404,156,1234,1,1\n"),
        ["an unknown code"] = () => Encoding.UTF8.GetBytes(Header + "2022,404,156,090240,1,1\n2022,999,156,090240,1,1\n"),
        ["a ROW sum past the decimal range"] = () => Encoding.UTF8.GetBytes(Header + "2022,899,156,090240,7E+25,\n2022,577,156,090240,7E+25,\n"),
        ["a value past the decimal range"] = () => Encoding.UTF8.GetBytes(Header + "2022,404,156,090240,7.9E+26,1\n"),
        ["header only"] = () => Encoding.UTF8.GetBytes(Header),
    };

    private static readonly BaciReadOptions[] Options =
    [
        BaciReadOptions.Default,
        new() { Source = "mine" },
        new() { Importers = new HashSet<Country> { Countries.China } },
        new() { Exporters = new HashSet<Country> { Countries.Kenya, Countries.RestOfWorld } },
        new() { Products = [HsCode.Parse("09")] },
    ];

    /// <summary>ReadFlows and BaciReader.Read on the same path and options: identical flows and reports, or the same error.</summary>
    private static void AssertSameAsRead(string path, BaciReadOptions options)
    {
        ReadResult<TradeDataSet>? expected = null, actual = null;
        var readError = Record.Exception(() => expected = BaciReader.Read(path, options));
        var fileError = Record.Exception(() => actual = TradeFile.ReadFlows(path, null, options));
        if (readError is not null)
        {
            Assert.Equal(readError.GetType(), fileError?.GetType());
            Assert.Equal(readError.Message, fileError!.Message);
            return;
        }

        Assert.Null(fileError);
        SameFlows.AssertIdentical(expected!.Value, actual!.Value);
        SameFlows.AssertSameReport(expected.Report, actual.Report);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReadFlows_gives_what_BaciReader_Read_gives_plain_and_gzipped_with_every_option(string name)
    {
        using var dir = Fixtures.TempDir();
        var plain = dir.File("BACI_HS17_Y2022_V202401b.csv");
        File.WriteAllBytes(plain, Files[name]());
        var gz = dir.File("BACI_HS17_Y2022_V202401b.csv.gz");
        Fixtures.Gzip(plain, gz);
        var magic = dir.File("baci.bin"); // gzip known by its magic bytes
        File.Copy(gz, magic);
        foreach (var path in new[] { plain, gz, magic })
        {
            foreach (var options in Options)
            {
                AssertSameAsRead(path, options);
            }

            AssertSameAsRead(path, new BaciReadOptions { CountryCodes = Codes.Value });
            AssertSameAsRead(path, new BaciReadOptions { Encoding = Encoding.Latin1 });
        }
    }

    [Fact]
    public void Errors_name_the_line_BaciReader_names()
    {
        foreach (var row in BaciColumnsTests.Errors)
        {
            using var dir = Fixtures.TempDir();
            var path = dir.File("baci.csv");
            File.WriteAllText(path, (string)((ITheoryDataRow)row).GetData()[0]!);
            if (TradeFile.Detect(path) == TradeFileFormat.Baci) // not an empty file, nor a header without v
            {
                AssertSameAsRead(path, BaciReadOptions.Default);
            }
        }
    }

    [Fact]
    public void The_rule_tries_the_columns_only_without_a_filter_and_in_UTF8()
    {
        Assert.True(TradeFile.ReadsBaciByColumns(BaciReadOptions.Default));
        Assert.True(TradeFile.ReadsBaciByColumns(new BaciReadOptions { CountryCodes = Codes.Value, Source = "x", Encoding = Encoding.UTF8 }));
        Assert.True(TradeFile.ReadsBaciByColumns(new BaciReadOptions { Encoding = new UTF8Encoding(false, true) }));
        Assert.False(TradeFile.ReadsBaciByColumns(new BaciReadOptions { Importers = new HashSet<Country>() }));
        Assert.False(TradeFile.ReadsBaciByColumns(new BaciReadOptions { Exporters = new HashSet<Country> { Countries.Kenya } }));
        Assert.False(TradeFile.ReadsBaciByColumns(new BaciReadOptions { Products = [] }));

        // BaciReader.Read does not skip a UTF-8 BOM at the start of a plain file it decodes as Latin-1: the columns would.
        Assert.False(TradeFile.ReadsBaciByColumns(new BaciReadOptions { Encoding = Encoding.Latin1 }));
    }

    [Theory]
    [InlineData("fixture")]
    [InlineData("synthetic 20k")]
    [InlineData("synthetic CRLF, BOM, no final newline")]
    [InlineData("nes areas, 5-digit k, 9999AA, intra-national")]
    [InlineData("trailing and leading zeros")]
    [InlineData("no q column")]
    [InlineData("header only")]
    public void The_columns_give_the_answer_themselves_for_files_in_CEPII_layout(string name)
    {
        using var dir = Fixtures.TempDir();
        var path = dir.File("baci.csv");
        File.WriteAllBytes(path, Files[name]());
        foreach (var options in new[] { BaciReadOptions.Default, new BaciReadOptions { CountryCodes = Codes.Value, Source = "s" } })
        {
            var expected = Record.Exception(() => BaciReader.Read(path, options));
            var set = TradeFile.TryReadBaciByColumns(path, options);
            if (expected is null)
            {
                Assert.NotNull(set);
                SameFlows.AssertIdentical(BaciReader.Read(path, options).Value, set.Value);
            }
        }
    }

    [Theory]
    [InlineData("off the fast path")]
    [InlineData("lone CR")]
    [InlineData("other column order")]
    [InlineData("more than 15 significant digits")]
    [InlineData("a repeated nes row Read merges")]
    [InlineData("a bad v on an intra-national row Read skips")]
    [InlineData("a repeated row")]
    [InlineData("a ROW sum past the decimal range")]
    public void Files_the_columns_cannot_answer_for_are_left_to_BaciReader_Read(string name)
    {
        using var dir = Fixtures.TempDir();
        var path = dir.File("baci.csv");
        File.WriteAllBytes(path, Files[name]());
        Assert.Null(TradeFile.TryReadBaciByColumns(path, BaciReadOptions.Default));
        AssertSameAsRead(path, BaciReadOptions.Default);
    }
}
