using FsCheck;
using FsCheck.Xunit;
using TradeBalance.Data.Internal.HsCorrelation;
using TradeBalance.Data.Internal.Spreadsheets;
using Xunit;

namespace TradeBalance.Data.Tests.Spreadsheets;

/// <summary>
/// Whatever bytes arrive, the readers end (within seconds) with a workbook or a <see cref="TradeDataException"/>:
/// random bytes behind either magic, real tables cut anywhere, real tables with bytes changed. Where the shared
/// folder of UN tables is absent, small synthetic workbooks stand in for the real ones.
/// </summary>
public class SpreadsheetFuzzProperties
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static readonly Lazy<byte[]> RealXls = new(() => Base("HS 2012 to HS 2007 Correlation and conversion tables.xls",
        () => SyntheticXls.Workbook(SyntheticXls.Sst("HS 2012", "HS 2007", "Relationship", "n:1"),
            SyntheticXls.LabelSst(1, 0, 0), SyntheticXls.LabelSst(1, 1, 1), SyntheticXls.LabelSst(1, 2, 2),
            SyntheticXls.Number(2, 0, 10121), SyntheticXls.Number(2, 1, 10110), SyntheticXls.LabelSst(2, 2, 3))));

    // Without the shared folder: the fuzz harness's two-sheet table (correlations and conversions), which reads as one.
    private static readonly Lazy<byte[]> RealXlsx = new(() => Base("HS2017toHS2007ConversionAndCorrelationTables.xlsx", Fuzz.FuzzTargets.HsTableSeed));

    [Property(MaxTest = 300)]
    public void Random_bytes_behind_either_magic_end_in_a_workbook_or_a_TradeDataException(byte[] tail, byte magic)
    {
        byte[] head = (magic % 3) switch
        {
            0 => [0x50, 0x4B, 0x03, 0x04],
            1 => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
            _ => [],
        };
        ReadsOrRefuses([.. head, .. tail ?? []]);
    }

    [Property(MaxTest = 40)]
    public void A_real_table_cut_anywhere_ends_in_a_TradeDataException(PositiveInt cut, bool xls)
    {
        var bytes = xls ? RealXls.Value : RealXlsx.Value;
        var length = cut.Get % bytes.Length;
        var e = ReadsOrRefuses(bytes[..length]);
        Assert.NotNull(e);
    }

    [Property(MaxTest = 60)]
    public void A_real_table_with_bytes_changed_ends_in_a_table_or_a_TradeDataException(int seed, bool xls, bool nearTheStart)
    {
        var bytes = (byte[])(xls ? RealXls.Value : RealXlsx.Value).Clone();
        var random = new Random(seed);
        // Near the start lie the CFB header, FAT and BIFF globals (or the first zip entries); elsewhere, cells.
        var range = nearTheStart ? Math.Min(bytes.Length, 8192) : bytes.Length;
        for (var i = random.Next(1, 9); i > 0; i--)
        {
            bytes[random.Next(range)] = (byte)random.Next(256);
        }

        ReadsOrRefuses(bytes);
    }

    [Fact]
    public void The_unchanged_bases_read_as_tables()
    {
        Assert.Null(ReadsOrRefuses(RealXlsx.Value));
        if (File.Exists(Path.Combine(UnsdTableFiles.Folder, "HS 2012 to HS 2007 Correlation and conversion tables.xls")))
        {
            Assert.Null(ReadsOrRefuses(RealXls.Value));
            return;
        }

        // The synthetic BIFF stand-in has one sheet (a correlation sheet): it reads as a workbook and reaches the table
        // layer, which asks for the conversion sheet it lacks.
        Assert.Contains("has no conversion sheet", ReadsOrRefuses(RealXls.Value)!.Message, StringComparison.Ordinal);
    }

    /// <returns>The refusal, or null when the bytes read as a correlation table.</returns>
    private static TradeDataException? ReadsOrRefuses(byte[] bytes)
    {
        var run = Task.Run(() =>
        {
            try
            {
                _ = UnsdCorrelationReader.Read(WorkbookReader.Read("fuzz.bin", bytes));
                return null;
            }
            catch (TradeDataException e)
            {
                Assert.StartsWith("fuzz.bin: ", e.Message, StringComparison.Ordinal);
                return e;
            }
        });
        Assert.True(run.Wait(Patience), $"reading {bytes.Length} bytes did not end within {Patience}");
        return run.Result;
    }

    private static byte[] Base(string fileName, Func<byte[]> synthetic)
    {
        var path = Path.Combine(UnsdTableFiles.Folder, fileName);
        return File.Exists(path) ? File.ReadAllBytes(path) : synthetic();
    }
}
