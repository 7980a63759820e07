using System.Text;
using TradeBalance.Data.Internal;
using Xunit;

namespace TradeBalance.Data.Tests.Revisions;

/// <summary>The HS revision a file states: by its name (BACI, WITS), or by UN Comtrade's classification column, one per file.</summary>
public class FileRevisionTests
{
    [Theory]
    [InlineData("BACI_HS17_Y2022_V202501.csv", 2017)]
    [InlineData("/data/BACI_HS92_Y1995_V202401b.csv.gz", 1992)]
    [InlineData("AVEMFN_H5_156_2024_U2.CSV", 2017)]
    [InlineData("AVEPref_H6_404_2023_U2.csv", 2022)]
    [InlineData("flows HS2022.parquet", 2022)]
    [InlineData("flows.csv", 0)]
    [InlineData("hs17.csv", 0)] // capitals only: an ordinary word does not pass for a revision
    [InlineData("PHS17_x.csv", 0)]
    [InlineData("BACI_HS17_H6.csv", 0)] // two revisions state none
    public void A_file_name_states_a_revision_between_separators(string name, int year) =>
        Assert.Equal(HsRevision.FromYear(year), FileRevision.FromName(name));

    [Fact]
    public void TradeFile_gives_flows_and_tariffs_the_revision_their_names_state()
    {
        var flows = TradeFile.ReadFlows(new MemoryStream(Encoding.UTF8.GetBytes("year,exporter,importer,hs,value_usd\n2022,KEN,CHN,090240,1\n")), "BACI_HS17_extract.csv");
        Assert.Equal(HsRevision.Hs2017, flows.Value.Revision);
        var tariffs = TradeFile.ReadTariffs(new MemoryStream(Encoding.UTF8.GetBytes("importer,exporter,hs,rate_percent\nCHN,*,090240,15\n")), "china_H6.csv");
        Assert.Equal(HsRevision.Hs2022, tariffs.Value.Revision);
        var plain = TradeFile.ReadFlows(new MemoryStream(Encoding.UTF8.GetBytes("year,exporter,importer,hs,value_usd\n2022,KEN,CHN,090240,1\n")), "flows.csv");
        Assert.Null(plain.Value.Revision);
    }

    private const string Comtrade = "typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,reporterISO,reporterDesc,flowCode,flowDesc,partnerCode,partnerISO,partnerDesc,partner2Code,partner2ISO,partner2Desc,classificationCode,classificationSearchCode,isOriginalClassification,cmdCode,cmdDesc,aggrLevel,isLeaf,customsCode,customsDesc,mosCode,motCode,motDesc,qtyUnitCode,qtyUnitAbbr,qty,isQtyEstimated,altQtyUnitCode,altQtyUnitAbbr,altQty,isAltQtyEstimated,netWgt,isNetWgtEstimated,grossWgt,isGrossWgtEstimated,cifvalue,fobvalue,primaryValue,legacyEstimationFlag,isReported,isAggregate\n";

    private static string Row(string classification, string partner) =>
        $"C,A,20240101,2024,52,2024,156,CHN,China,M,Import,{partner},{(partner == "404" ? "KEN" : "LKA")},x,0,W00,World,{classification},HS,true,090240,Tea,6,true,C00,TOTAL CPC,0,0,TOTAL MOT,8,kg,1,false,-1,N/A,,false,1,false,,false,100.0,,100.0,0,true,false\n";

    [Fact]
    public void A_Comtrade_file_states_its_revision_by_its_classification_column_and_may_not_mix_two()
    {
        var one = TradeFile.ReadFlows(new MemoryStream(Encoding.UTF8.GetBytes(Comtrade + Row("H6", "404") + Row("H6", "144"))), "comtrade.csv");
        Assert.Equal(HsRevision.Hs2022, one.Value.Revision);

        var asReported = TradeFile.ReadFlows(new MemoryStream(Encoding.UTF8.GetBytes(Comtrade + Row("HS", "404"))), "comtrade.csv");
        Assert.Null(asReported.Value.Revision);

        var e = Assert.Throws<TradeDataException>(() => TradeFile.ReadFlows(new MemoryStream(Encoding.UTF8.GetBytes(Comtrade + Row("H5", "404") + Row("H6", "144"))), "comtrade.csv"));
        Assert.Equal(3, e.Line);
        Assert.Contains("is H6 (HS2022), but line 2 is H5 (HS2017): one file holds one HS revision", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Canonical_files_write_their_revision_in_a_comment_and_read_it_back()
    {
        var flows = new TradeDataSet([TradeFlow.Usd(Countries.Kenya, Countries.China, HsCode.Parse("090240"), 2024, 20m)], revision: HsRevision.Hs2022);
        var text = new StringWriter();
        FlowsCsv.Write(flows, text);
        Assert.StartsWith("# hs-revision: HS2022\n", text.ToString(), StringComparison.Ordinal);
        Assert.Equal(HsRevision.Hs2022, FlowsCsv.Read(new StringReader(text.ToString()), "flows.csv").Value.Revision);

        var unstated = new StringWriter();
        FlowsCsv.Write(flows.WithRevision(null), unstated);
        Assert.StartsWith("year,", unstated.ToString(), StringComparison.Ordinal);
        Assert.Null(FlowsCsv.Read(new StringReader(unstated.ToString()), "flows.csv").Value.Revision);

        var schedule = new TariffSchedule(Countries.China, [new TariffLine(TariffRegime.Mfn, HsCode.Parse("090240"), TariffRate.FromPercent(15m))], HsRevision.Hs2017);
        var tariffs = new StringWriter();
        TariffsCsv.Write(schedule, tariffs);
        Assert.StartsWith("# hs-revision: HS2017\n", tariffs.ToString(), StringComparison.Ordinal);
        Assert.Equal(HsRevision.Hs2017, TariffsCsv.Read(new StringReader(tariffs.ToString()), "tariffs.csv").Value.Revision);
        Assert.Equal(HsRevision.Hs2017, TariffsCsv.ReadAll(new StringReader(tariffs.ToString()), "tariffs.csv").Value[Countries.China].Revision);
    }

    [Theory]
    [InlineData("# hs-revision: HS2023\nyear,exporter,importer,hs,value_usd\n2024,KEN,CHN,090240,1\n", 1, "flows.csv:1: 'HS2023' is not an HS revision")]
    [InlineData("# note\n# HS-Revision: H6\n# hs-revision: H5\nyear,exporter,importer,hs,value_usd\n2024,KEN,CHN,090240,1\n", 3, "states HS2017, but an earlier comment states HS2022")]
    public void A_revision_comment_that_is_none_or_contradicts_another_is_refused_on_its_line(string text, long line, string message)
    {
        var e = Assert.Throws<TradeDataException>(() => FlowsCsv.Read(new StringReader(text), "flows.csv"));
        Assert.Equal(line, e.Line);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
