using TradeBalance.Testing;
using Xunit;

namespace TradeBalance.Data.Tests.Spreadsheets;

/// <summary>The UN's 21 published HS correlation tables, read where the shared data folder keeps them (never copied into the repository).</summary>
internal static class UnsdTableFiles
{
    /// <summary>The folder: beside the repository, in shared/data/hs-correlation.</summary>
    public static string Folder => Path.GetFullPath(Path.Combine(RepoFiles.Path(string.Empty), "..", "shared", "data", "hs-correlation"));

    /// <summary>The 21 files as the UN names them: newer revision, older revision.</summary>
    public static readonly TheoryData<string, int, int> All = new()
    {
        { "HS 2007 to HS 1992 Correlation and conversion tables.xls", 2007, 1992 },
        { "HS 2007 to HS 1996 Correlation and conversion tables.xls", 2007, 1996 },
        { "HS 2007 to HS 2002 Correlation and conversion tables.xls", 2007, 2002 },
        { "HS 2012 to HS 1992 Correlation and conversion tables.xls", 2012, 1992 },
        { "HS 2012 to HS 1996 Correlation and conversion tables.xls", 2012, 1996 },
        { "HS 2012 to HS 2002 Correlation and conversion tables.xls", 2012, 2002 },
        { "HS 2012 to HS 2007 Correlation and conversion tables.xls", 2012, 2007 },
        { "HS1996 to HS1992 - Correlation and conversion tables.xls", 1996, 1992 },
        { "HS2002 to HS1992 - Correlation and conversion tables.xls", 2002, 1992 },
        { "HS2002 to HS1996 - Correlation and conversion tables.xls", 2002, 1996 },
        { "HS2017toHS1992ConversionAndCorrelationTables.xlsx", 2017, 1992 },
        { "HS2017toHS1996ConversionAndCorrelationTables.xlsx", 2017, 1996 },
        { "HS2017toHS2002ConversionAndCorrelationTables.xlsx", 2017, 2002 },
        { "HS2017toHS2007ConversionAndCorrelationTables.xlsx", 2017, 2007 },
        { "HS2017toHS2012ConversionAndCorrelationTables.xlsx", 2017, 2012 },
        { "HS2022toHS1992ConversionAndCorrelationTables.xlsx", 2022, 1992 },
        { "HS2022toHS1996ConversionAndCorrelationTables.xlsx", 2022, 1996 },
        { "HS2022toHS2002ConversionAndCorrelationTables.xlsx", 2022, 2002 },
        { "HS2022toHS2007ConversionAndCorrelationTables.xlsx", 2022, 2007 },
        { "HS2022toHS2012ConversionAndCorrelationTables.xlsx", 2022, 2012 },
        { "HS2022toHS2017ConversionAndCorrelationTables.xlsx", 2022, 2017 },
    };

    /// <summary>The path of one table; skips the test, saying why, when the shared folder is absent.</summary>
    public static string PathOf(string fileName)
    {
        Assert.SkipUnless(Directory.Exists(Folder), $"the UN's HS correlation tables are not at {Folder} (the shared data folder beside the repository)");
        return Path.Combine(Folder, fileName);
    }
}
