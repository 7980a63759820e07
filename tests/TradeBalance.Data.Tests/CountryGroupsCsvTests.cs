using NodaTime;
using Xunit;

namespace TradeBalance.Data.Tests;

public class CountryGroupsCsvTests
{
    private const string Header = "group,member,joined,left,name,kind,currency,numeric,source\n";

    [Fact]
    public void A_file_defines_groups_and_economies_that_round_trip()
    {
        var text = Header
            + "XRB,KEN,2000-07-07,,Rift bloc,customs-union,,,treaty\n"
            + "XRB,ETH,2010-01-01,2019-12-31,,,,,\"accession, then exit\"\n"
            + "XRB,UGA,,,,,,,\n"
            + "XKX,,,,Kosovo,economy,EUR,,k\n";
        var (groups, report) = CountryGroupsCsv.Read(new StringReader(text), "groups.csv");
        Assert.Equal(["XKX", "XRB"], groups.Select(g => g.Code));
        var bloc = groups[1];
        Assert.Equal(("Rift bloc", CountryGroupKind.CustomsUnion), (bloc.Name, bloc.Kind));
        Assert.Equal(["KEN", "UGA"], bloc.MembersOn(new LocalDate(2024, 1, 1)).Select(c => c.Alpha3));
        Assert.Equal(["ETH", "KEN", "UGA"], bloc.MembersOn(new LocalDate(2015, 1, 1)).Select(c => c.Alpha3));
        Assert.Equal("accession, then exit", bloc.Memberships.Single(m => m.Member.Equals(Countries.Ethiopia)).Source);
        Assert.Equal((CountryGroupKind.Economy, Currency.Eur), (groups[0].Kind, groups[0].Currency));
        Assert.Equal(4, report.RowsKept);

        var w = new StringWriter();
        CountryGroupsCsv.Write(groups, w);
        Assert.Equal(groups, CountryGroupsCsv.Read(new StringReader(w.ToString()), "again.csv").Value);
        Assert.Equal(TradeFileFormat.CountryGroups, TradeFile.Detect(Header.TrimEnd().Split(',')));
    }

    [Theory]
    [InlineData("XB1,XXX,,,,,,,\n", 2, "column 'member': 'XXX' is not a known country code")]
    [InlineData("XB2,KEN,,,A,,,,\nXB2,UGA,,,B,,,,\n", 3, "column 'name': 'B' gives group XB2 another name than line 2 ('A')")]
    [InlineData("XB3,KEN,,,,union,,,\n", 2, "column 'kind': 'union' is not a kind of group")]
    [InlineData("XB4,,2000-01-01,,,,,,\n", 2, "an economy has no joined or left date")]
    [InlineData("KEN,UGA,,,,,,,\n", 2, "column 'group': 'KEN' is an ISO 3166-1 country code (Kenya)")]
    [InlineData("XB5,KEN,2000-01-01,,,,,,\nXB5,KEN,2010-01-01,,,,,,\n", 2, "overlap")]
    [InlineData("XB6,KEN,2010-01-02,2010-01-01,,,,,\n", 2, "column 'left'")]
    [InlineData("XB7,KEN,,,,,XXX,,\n", 2, "column 'currency': 'XXX' is not an ISO 4217 currency code")]
    [InlineData("XB8,KEN,,,,,,404,\n", 2, "column 'group': 'XB8' numeric code 404 is taken")]
    [InlineData("XB9,KEN,,,,,,,\nXB9,,,,,,,,\n", 3, "has a row with no member (an economy) and rows with members")]
    [InlineData("XC1,KEN,,,,,,699,\n", 2, "numeric code 699 is India's code in trade statistics (UN Comtrade, CEPII BACI, WITS)")]
    [InlineData("XC2,KEN,,,,,,842,\n", 2, "numeric code 842 is ")]
    [InlineData("XC3,KEN,,,,,,129,\n", 2, "numeric code 129 is an area 'not elsewhere specified' in trade statistics")]
    [InlineData("XC4,KEN,,,,,,950,\nXC5,UGA,,,,,,950,\n", 3, "column 'numeric': '950' is already the numeric code of XC4 (line 2); a number names one group")]
    [InlineData("XC7,UGA,,,,,,951,\nXC6,KEN,,,,,,951,\n", 3, "column 'numeric': '951' is already the numeric code of XC7 (line 2)")]
    [InlineData("EUN,FRA,,,European Union,customs-union,EUR,918,\n", 2, "is already the code of EUN (European Union)")]
    public void Bad_rows_are_refused_naming_file_line_and_value(string rows, int line, string fragment)
    {
        var e = Assert.Throws<TradeDataException>(() => CountryGroupsCsv.Read(new StringReader(Header + rows), "groups.csv"));
        Assert.Equal(line, e.Line);
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("groups.csv:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_EUs_WITS_tariffs_read_as_the_union_EUN()
    {
        // WITS reports the EU as reporter 918; the common external tariff is EUN's schedule.
        var text = "Reporter,Partner,Product,Tariff Year,DutyType,Simple Average\n918,WLD,090240,2023,MFN,3.2\n";
        var schedule = WitsTariffReader.Read(new StringReader(text), "eu.csv").Value;
        Assert.Equal(CountryGroups.EuropeanUnion.Economy, schedule.Importer);
        Assert.Equal(3.2m, schedule.RateFor(Countries.Kenya, HsCode.Parse("090240"), new LocalDate(2023, 6, 1)).Rate.Percent);
    }

    [Fact]
    public void A_tariff_preference_for_a_group_applies_to_each_member_while_it_is_one()
    {
        // China's zero tariff for LDCs from 2024-12-01, as one row: Ethiopia pays 0%; Bhutan, which graduated
        // on 2023-12-13, and Kenya, never an LDC, pay the MFN rate.
        var (schedule, report) = TariffsCsv.Read(new StringReader("importer,exporter,hs,rate_percent,valid_from,valid_to,source\nCHN,*,0902,15,,,mfn\nCHN,LDC,0902,0,2024-12-01,,ldc\n"), "t.csv");
        var day = new LocalDate(2025, 6, 1);
        Assert.Equal(0m, schedule.RateFor(Countries.Ethiopia, HsCode.Parse("090240"), day).Rate.Percent);
        Assert.Equal(15m, schedule.RateFor(Country.Parse("BTN"), HsCode.Parse("090240"), day).Rate.Percent);
        Assert.Equal(15m, schedule.RateFor(Countries.Kenya, HsCode.Parse("090240"), day).Rate.Percent);
        Assert.Equal(15m, schedule.RateFor(Countries.Ethiopia, HsCode.Parse("090240"), new LocalDate(2024, 11, 30)).Rate.Percent);
        Assert.Equal("ldc (as a member of LDC)", schedule.RateFor(Countries.Ethiopia, HsCode.Parse("0902"), day).DecidingLine.Source);
        Assert.Equal(1, report.Adjustments["LDC rows expanded to one per member, over its membership"]);

        // A member leaving mid-way: the EU's 0% from 2015 for the UK ends with its membership.
        var eu = TariffsCsv.Read(new StringReader("importer,exporter,hs,rate_percent,valid_from\nUSA,*,0902,6.4,\nUSA,EUN,0902,0,2015-01-01\n"), "u.csv").Value;
        Assert.Equal(0m, eu.RateFor(Country.Parse("GBR"), HsCode.Parse("0902"), new LocalDate(2020, 1, 31)).Rate.Percent);
        Assert.Equal(6.4m, eu.RateFor(Country.Parse("GBR"), HsCode.Parse("0902"), new LocalDate(2020, 2, 1)).Rate.Percent);
        Assert.Equal(0m, eu.RateFor(Country.Parse("HRV"), HsCode.Parse("0902"), new LocalDate(2020, 2, 1)).Rate.Percent);

        // Written back, the rows are the members' own; reading them again gives the same schedule.
        var w = new StringWriter();
        TariffsCsv.Write(schedule, w);
        Assert.Equal(0m, TariffsCsv.Read(new StringReader(w.ToString()), "again.csv").Value.RateFor(Countries.Ethiopia, HsCode.Parse("0902"), day).Rate.Percent);
    }

    [Fact]
    public void A_group_row_with_a_regime_or_with_no_members_in_force_is_refused()
    {
        var e = Assert.Throws<TradeDataException>(() => TariffsCsv.Read(new StringReader("importer,exporter,hs,rate_percent,valid_from,valid_to,source,regime\nCHN,LDC,0902,0,2024-12-01,,s,LDCX\n"), "t.csv"));
        Assert.Contains("column 'regime': 'LDCX' names a regime, but the exporter is the group LDC", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<TradeDataException>(() => TariffsCsv.Read(new StringReader("importer,exporter,hs,rate_percent,valid_from,valid_to\nCHN,LDC,0902,0,1950-01-01,1960-12-31\n"), "t.csv"));
        Assert.Contains("with no members other than the importer while the row is in force", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Flows_and_tariffs_files_name_the_EU_as_EUN()
    {
        var flows = FlowsCsv.Read(new StringReader("year,exporter,importer,hs,value_usd\n2024,KEN,EUN,0902,1000\n"), "f.csv").Value;
        Assert.Equal(CountryGroups.EuropeanUnion.Economy, flows.Flows[0].Importer);
        var tariffs = TariffsCsv.Read(new StringReader("importer,exporter,hs,rate_percent\nEUN,*,0902,3.2\n"), "t.csv").Value;
        Assert.Equal(CountryGroups.EuropeanUnion.Economy, tariffs.Importer);
    }
}
