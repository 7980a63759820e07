using NodaTime;
using Xunit;

namespace TradeBalance.Data.Tests;

public class TariffsCsvTests
{
    private const string Header = "importer,exporter,hs,rate_percent,valid_from,valid_to,source\n";

    [Fact]
    public void Star_and_empty_exporter_are_MFN_and_dates_are_inclusive()
    {
        var text = Header + "CHN,*,080440,10,2016-01-01,2017-11-30,a\nCHN,,080440,7,2017-12-01,,b\nCHN,PER,080440,0,,,c\n";
        var (s, report) = TariffsCsv.Read(new StringReader(text), "tariffs.csv");
        Assert.Equal(Countries.China, s.Importer);
        Assert.Equal(3, s.Lines.Length);
        Assert.True(s.Lines[0].Regime.IsMfn && s.Lines[1].Regime.IsMfn);
        Assert.Equal(TariffRegime.For(Countries.Peru), s.Lines[2].Regime);
        Assert.Equal(10m, s.RateFor(Countries.Kenya, HsCode.Parse("080440"), new LocalDate(2017, 11, 30)).Rate.Percent);
        Assert.Equal(7m, s.RateFor(Countries.Kenya, HsCode.Parse("080440"), new LocalDate(2017, 12, 1)).Rate.Percent);
        Assert.Equal(0m, s.RateFor(Countries.Peru, HsCode.Parse("080440"), new LocalDate(2017, 12, 1)).Rate.Percent);
        Assert.Equal(TariffLine.OpenStart, s.Lines[2].Validity.Start);
        Assert.Equal(TariffLine.OpenEnd, s.Lines[2].Validity.End);
        Assert.Equal(3, report.RowsKept);
    }

    [Fact]
    public void Several_importers_ReadAll_or_name_one()
    {
        var text = Header + "CHN,*,0902,15,,,\nKEN,*,0902,25,,,\nCHN,KEN,0902,0,2026-05-01,2028-04-30,\n";
        var all = TariffsCsv.ReadAll(new StringReader(text), "tariffs.csv").Value;
        Assert.Equal([Countries.China, Countries.Kenya], all.Keys);
        Assert.Equal(2, all[Countries.China].Lines.Length);

        var (kenya, report) = TariffsCsv.Read(new StringReader(text), "tariffs.csv", Countries.Kenya);
        Assert.Equal(25m, Assert.Single(kenya.Lines).Rate.Percent);
        Assert.Equal(2, report.Skipped["other importer CHN"]);

        var e = Assert.Throws<TradeDataException>(() => TariffsCsv.Read(new StringReader(text), "tariffs.csv"));
        Assert.Equal(3, e.Line);
        Assert.Contains("several importers", e.Message);
    }

    [Fact]
    public void ReadAll_takes_a_stream_which_stays_open()
    {
        var text = Header + "CHN,*,0902,15,,,\nKEN,*,0902,25,,,\nCHN,KEN,0902,0,2026-05-01,2028-04-30,\n";
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        var all = TariffsCsv.ReadAll(stream, "tariffs.csv").Value;

        Assert.True(stream.CanRead);
        Assert.Equal(TariffsCsv.ReadAll(new StringReader(text), "tariffs.csv").Value[Countries.China].Lines, all[Countries.China].Lines);
        Assert.Equal(25m, Assert.Single(all[Countries.Kenya].Lines).Rate.Percent);

        using var bad = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Header + "CHN,*,0902,x,,,\n"));
        var e = Assert.Throws<TradeDataException>(() => TariffsCsv.ReadAll(bad, "upload.csv"));
        Assert.Equal(("upload.csv", 2L), (e.FileName, e.Line));
    }

    [Fact]
    public void Named_groups_round_trip_through_the_regime_column()
    {
        var ldc = TariffRegime.Preferential("LDC", [Countries.Ethiopia, Country.FromIso3("UGA")]);
        var schedule = new TariffSchedule(Countries.China,
        [
            new TariffLine(TariffRegime.Mfn, HsCode.Parse("0902"), new TariffRate(15m)),
            new TariffLine(ldc, HsCode.Parse("0902"), TariffRate.Zero, new DateInterval(new LocalDate(2024, 12, 1), TariffLine.OpenEnd), "LDC treatment"),
        ]);
        var w = new StringWriter();
        TariffsCsv.Write(schedule, w);
        Assert.Equal(
            "importer,exporter,hs,rate_percent,valid_from,valid_to,source,regime\n" +
            "CHN,*,0902,15,,,,\n" +
            "CHN,ETH,0902,0,2024-12-01,,LDC treatment,LDC\n" +
            "CHN,UGA,0902,0,2024-12-01,,LDC treatment,LDC\n",
            w.ToString());
        var back = TariffsCsv.Read(new StringReader(w.ToString()), "tariffs.csv").Value;
        Assert.Equal(schedule.Lines, back.Lines);
    }

    [Fact]
    public void A_group_line_missing_a_member_is_an_error()
    {
        var text = Header.TrimEnd() + ",regime\nCHN,ETH,0902,0,,,,LDC\nCHN,UGA,0902,0,,,,LDC\nCHN,ETH,0901,0,,,,LDC\n";
        var e = Assert.Throws<TradeDataException>(() => TariffsCsv.Read(new StringReader(text), "tariffs.csv"));
        Assert.Equal(4, e.Line);
        Assert.Contains("UGA", e.Message);
    }

    [Fact]
    public void The_embedded_schedule_round_trips()
    {
        var w = new StringWriter();
        TariffsCsv.Write(KenyaChina.Tariffs, w);
        var back = TariffsCsv.Read(new StringReader(w.ToString()), "tariffs.csv").Value;
        Assert.Equal(KenyaChina.Tariffs.Lines, back.Lines);
    }

    [Fact]
    public void File_round_trip()
    {
        using var dir = Fixtures.TempDir();
        var path = dir.File("tariffs.csv");
        TariffsCsv.Write(KenyaChina.Tariffs, path);
        Assert.Equal(TradeFileFormat.Tariffs, TradeFile.Detect(path));
        Assert.Equal(KenyaChina.Tariffs.Lines, TradeFile.ReadTariffs(path).Value.Lines);
        Assert.Equal(KenyaChina.Tariffs.Lines, TariffsCsv.ReadAll(path).Value[Countries.China].Lines);
    }
}
