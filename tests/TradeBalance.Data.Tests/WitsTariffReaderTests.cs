using System.IO.Compression;
using NodaTime;
using Xunit;

namespace TradeBalance.Data.Tests;

public class WitsTariffReaderTests
{
    private static readonly WitsReadOptions WithLdc = new()
    {
        PreferenceGroups = new Dictionary<string, IReadOnlyCollection<Country>>
        {
            ["LDC"] = [Countries.Ethiopia, Country.FromIso3("UGA"), Countries.China],
        },
    };

    private static decimal Rate(TariffSchedule s, string exporter, string hs, int y, int m, int d) =>
        s.RateFor(Country.FromIso3(exporter), HsCode.Parse(hs), new LocalDate(y, m, d)).Rate.Percent;

    [Fact]
    public void Advanced_query_file_gives_MFN_lines_and_preferences()
    {
        var (schedule, report) = WitsTariffReader.Read(Fixtures.Path("wits-tariffs.csv"), options: WithLdc);

        Assert.Equal(TradeFileFormat.WitsTariffs, report.Format);
        Assert.Equal(Countries.China, schedule.Importer);
        Assert.Equal(15m, Rate(schedule, "KEN", "090240", 2026, 4, 30));   // MFN 2023, open-ended
        Assert.Equal(15m, Rate(schedule, "KEN", "090240", 2022, 6, 1));    // MFN 2022
        Assert.Equal(8m, Rate(schedule, "BRA", "090111", 2024, 1, 1));     // 5-digit product padded
        Assert.Equal(7m, Rate(schedule, "KEN", "080440", 2024, 1, 1));
        Assert.Equal(0m, Rate(schedule, "CHL", "080440", 2024, 1, 1));     // PRF Chile
        Assert.Equal(0m, Rate(schedule, "ETH", "090240", 2024, 1, 1));     // PRF group LDC
        Assert.Equal(0m, Rate(schedule, "UGA", "090240", 2024, 1, 1));

        var ldc = schedule.Lines.Select(l => l.Regime).Single(r => r.Name == "LDC");
        Assert.DoesNotContain(Countries.China, ldc.Partners); // the importer is left out of its own group
        Assert.Equal(1, report.Adjustments["importer left out of its own preference group"]);
        Assert.Equal(1, report.Adjustments["product had 5 digits: leading zero restored"]);

        var mfn2022 = schedule.Lines.Single(l => l.Regime.IsMfn && l.Hs.Digits == "090240" && l.Validity.Start.Year == 2022);
        Assert.Equal(new LocalDate(2022, 12, 31), mfn2022.Validity.End);
        Assert.Equal("WITS/TRAINS MFN 2022 (wits-tariffs.csv)", mfn2022.Source);

        Assert.Equal(12, report.RowsRead);
        Assert.Equal(6, report.RowsKept);
        Assert.Equal(1, report.Skipped["repeated row (same regime, product, year and rate)"]);
        Assert.Equal(1, report.Skipped["PRF row for partner World (an average over partners)"]);
        Assert.Equal(1, report.Skipped["AHS row (effectively applied: the schedule derives it from MFN and PRF)"]);
        Assert.Equal(1, report.Skipped["BND row (bound rate, not applied)"]);
        Assert.Equal(1, report.Skipped["no ad valorem rate (Simple Average empty or NA)"]);
        Assert.Equal(1, report.Skipped["aggregate product (Total)"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_stream_reads_as_the_file_does_and_stays_open(bool gzip)
    {
        var path = Fixtures.Path("wits-tariffs.csv");
        var bytes = File.ReadAllBytes(path);
        if (gzip)
        {
            using var packed = new MemoryStream();
            using (var z = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
            {
                z.Write(bytes);
            }

            bytes = packed.ToArray();
        }

        var fromFile = WitsTariffReader.Read(path, options: WithLdc);
        using var stream = new MemoryStream(bytes);
        var (schedule, report) = WitsTariffReader.Read(stream, "wits-tariffs.csv", options: WithLdc);

        Assert.True(stream.CanRead, "the caller's stream stays open");
        Assert.Equal(fromFile.Value.Lines, schedule.Lines);
        Assert.Equal(fromFile.Report.RowsKept, report.RowsKept);
        Assert.Equal(fromFile.Report.Skipped, report.Skipped);

        stream.Position = 0;
        var all = WitsTariffReader.ReadAll(stream, "wits-tariffs.csv", WithLdc).Value;
        Assert.Equal(fromFile.Value.Lines, all[Countries.China].Lines);
    }

    /// <summary>docs/data-formats.md's zip snippet (WITS / TRAINS tariffs), on the fixture packed into a zip archive; the page shows this code.</summary>
    [Fact]
    public void The_data_formats_zip_snippet_runs_and_the_page_shows_it()
    {
        using var dir = Fixtures.TempDir();
        var download = dir.File("DataJobID-2854513_China.zip");
        using (var archive = ZipFile.Open(download, ZipArchiveMode.Create))
        {
            archive.CreateEntryFromFile(Fixtures.Path("wits-tariffs.csv"), "DataJobID-2854513_China.csv");
        }

        // docs:wits-zip-begin
        using var zip = ZipFile.OpenRead(download);
        var entry = zip.Entries.Single(e => e.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase));
        using var stream = entry.Open();
        var ldc = new WitsReadOptions
        {
            // PRF rows name partner groups; say who is in each one the file uses.
            PreferenceGroups = new Dictionary<string, IReadOnlyCollection<Country>> { ["LDC"] = [Countries.Ethiopia, Country.FromIso3("UGA")] },
        };
        var (tariffs, report) = WitsTariffReader.Read(stream, entry.Name, Countries.China, ldc);
        // docs:wits-zip-end

        Assert.False(stream.CanSeek, "a zip entry's stream cannot seek, and the reader does not need it to");
        // The same lines as from the file; only the sources name the entry instead.
        var fromFile = WitsTariffReader.Read(Fixtures.Path("wits-tariffs.csv"), Countries.China, ldc).Value.Lines;
        Assert.Equal(fromFile.Select(l => (l.Regime, l.Hs, l.Rate, l.Validity)), tariffs.Lines.Select(l => (l.Regime, l.Hs, l.Rate, l.Validity)));
        Assert.Contains(tariffs.Lines, l => l.Source == "WITS/TRAINS MFN 2022 (DataJobID-2854513_China.csv)");
        Assert.Equal(6, report.RowsKept);
        Assert.Contains(Fixtures.ExampleCode(nameof(WitsTariffReaderTests), "wits-zip"), Fixtures.DocsPage("data-formats.md"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_value_in_a_stream_names_the_given_file_name_and_line()
    {
        var text = File.ReadAllText(Fixtures.Path("wits-tariffs.csv"));
        const string Row2 = ",MFN,15,15,15,15,2,0,2,186000";
        var at = text.IndexOf(Row2, StringComparison.Ordinal);
        Assert.True(at > 0 && text[..at].Count(c => c == '\n') == 1, "the fixture's line 2 is the first MFN row");
        var bad = string.Concat(text.AsSpan(0, at), ",MFN,abc", text.AsSpan(at + ",MFN,15".Length));
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(bad));

        var e = Assert.Throws<TradeDataException>(() => WitsTariffReader.Read(stream, "download.csv", options: WithLdc));
        Assert.Contains("download.csv:2:", e.Message, StringComparison.Ordinal);
        Assert.Contains("abc", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_extension_the_latest_year_ends_with_its_year()
    {
        var (schedule, _) = WitsTariffReader.Read(Fixtures.Path("wits-tariffs.csv"), options: WithLdc with { ExtendLatestYear = false });
        Assert.False(schedule.TryRateFor(Countries.Kenya, HsCode.Parse("090240"), new LocalDate(2026, 1, 1), out _));
    }

    [Fact]
    public void An_unknown_group_partner_is_an_error_that_says_how_to_fix_it()
    {
        var e = Assert.Throws<TradeDataException>(() => WitsTariffReader.Read(Fixtures.Path("wits-tariffs.csv")));
        Assert.Equal(8, e.Line);
        Assert.Equal("Partner", e.Column);
        Assert.Equal("LDC", e.Value);
        Assert.Contains("PreferenceGroups", e.Message);
    }

    [Fact]
    public void An_AHS_only_download_is_read_as_effectively_applied()
    {
        var (schedule, report) = WitsTariffReader.Read(Fixtures.Path("wits-ahs-only.csv"));
        Assert.Equal(15m, Rate(schedule, "KEN", "090240", 2025, 1, 1));
        Assert.Equal(0m, Rate(schedule, "VNM", "090240", 2025, 1, 1));
        Assert.Contains(report.Units, u => u.StartsWith("duty selection: AHS", StringComparison.Ordinal));
    }

    [Fact]
    public void Selecting_AHS_explicitly_skips_MFN_and_PRF_rows()
    {
        var (schedule, report) = WitsTariffReader.Read(Fixtures.Path("wits-tariffs.csv"), options: WithLdc with { DutySelection = WitsDutySelection.EffectivelyApplied });
        Assert.Equal(0m, Rate(schedule, "CHL", "080440", 2024, 1, 1));
        Assert.Equal(5, report.Skipped["MFN row (reading AHS, effectively applied)"]);
    }

    [Fact]
    public void AVEMFN_and_AVEPref_bulk_files_read()
    {
        var (mfn, mfnReport) = WitsTariffReader.Read(Fixtures.Path("wits-avemfn.csv"));
        Assert.Equal(TradeFileFormat.WitsAveMfn, mfnReport.Format);
        Assert.Equal(Countries.Kenya, mfn.Importer);
        Assert.Equal(25m, Rate(mfn, "CHN", "090240", 2026, 1, 1));
        Assert.Equal(0m, Rate(mfn, "CHN", "851712", 2026, 1, 1));
        Assert.Equal(1, mfnReport.Skipped["no ad valorem rate (Simple Average empty or NA)"]);

        var eac = new WitsReadOptions { PreferenceGroups = new Dictionary<string, IReadOnlyCollection<Country>> { ["EAC"] = [Country.FromIso3("TZA"), Country.FromIso3("UGA")] } };
        var (pref, prefReport) = WitsTariffReader.Read(Fixtures.Path("wits-avepref.csv"), options: eac);
        Assert.Equal(TradeFileFormat.WitsAvePref, prefReport.Format);
        Assert.Equal(2, pref.Lines.Length);
        Assert.Contains(pref.Lines, l => l.Regime.Equals(TariffRegime.For(Country.FromIso3("UGA")))); // 800
        Assert.Contains(pref.Lines, l => l.Regime.Name == "EAC");

        var combined = mfn.With(pref.Lines);
        Assert.Equal(0m, Rate(combined, "TZA", "090240", 2024, 1, 1));
        Assert.Equal(25m, Rate(combined, "CHN", "090240", 2024, 1, 1));
    }

    [Fact]
    public void ReadAll_returns_every_reporter_and_Read_asks_which()
    {
        var text = "Reporter,Partner,Product,Tariff Year,DutyType,Simple Average\nCHN,WLD,090240,2023,MFN,15\nKEN,WLD,090240,2023,MFN,25\n";
        var all = WitsTariffReader.ReadAll(new StringReader(text), "w.csv").Value;
        Assert.Equal([Countries.China, Countries.Kenya], all.Keys);
        var kenya = WitsTariffReader.Read(new StringReader(text), "w.csv", Countries.Kenya);
        Assert.Equal(25m, kenya.Value.Lines.Single().Rate.Percent);
        Assert.Equal(1, kenya.Report.Skipped["other importer CHN"]);
        var e = Assert.Throws<TradeDataException>(() => WitsTariffReader.Read(new StringReader(text), "w.csv"));
        Assert.Equal(3, e.Line);
        Assert.Contains("several reporters", e.Message);
    }

    [Fact]
    public void TradeFile_ReadTariffs_dispatches_to_WITS()
    {
        var (schedule, _) = TradeFile.ReadTariffs(Fixtures.Path("wits-avemfn.csv"));
        Assert.Equal(Countries.Kenya, schedule.Importer);
    }
}
