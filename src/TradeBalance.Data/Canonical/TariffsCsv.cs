using System.Collections.Immutable;
using NodaTime;
using NodaTime.Text;
using TradeBalance.Data.Internal;

namespace TradeBalance.Data;

/// <summary>
/// Reads and writes the canonical <c>tariffs.csv</c>: <c>importer, exporter, hs, rate_percent</c>
/// (required), <c>valid_from, valid_to, source, regime</c> (optional), one row per tariff line.
/// </summary>
/// <remarks>
/// <para>Rows: <c>exporter</c> <c>*</c> or empty is the MFN regime (every partner); a country code is
/// a preference for that one partner (<see cref="TariffRegime.For(Country)"/>). The optional
/// <c>regime</c> column names a preference group (for example <c>LDC</c>): every row of a group
/// names one member, and the group's lines are the distinct (hs, rate, dates, source) of its rows;
/// each line must be listed for every member. <c>valid_from</c> and <c>valid_to</c> are ISO dates,
/// both inclusive; empty is open-ended.</para>
/// <para>Importers: all rows of one importer form one <see cref="TariffSchedule"/>. A file may hold
/// several importers: <see cref="ReadAll(string)"/> returns every schedule by importer;
/// <see cref="Read(string, Country?)"/> returns one schedule, the importer's you name (rows of other
/// importers are skipped and counted as <c>other importer XXX</c>), or, with no importer named, the
/// file's only importer; a file with several importers is then an error that lists them.</para>
/// <para>Bad input raises <see cref="TradeDataException"/>: an unknown country or HS code, a negative
/// rate, a bad date, <c>valid_to</c> before <c>valid_from</c>, the importer as its own partner, two
/// lines of one regime and HS code in force on the same day (the message names both lines), an
/// incomplete group, a missing column or a wrong field count.</para>
/// <para>Writing gives the columns above (the <c>regime</c> column is empty except for named groups),
/// so writing then reading gives schedules with equal importers and equal lines in the same order.</para>
/// </remarks>
/// <threadsafety>Stateless; safe to use from many threads.</threadsafety>
public static class TariffsCsv
{
    /// <summary>The column names, in the order the writer writes them.</summary>
    public static readonly IReadOnlyList<string> Columns = ["importer", "exporter", "hs", "rate_percent", "valid_from", "valid_to", "source", "regime"];

    /// <summary>Reads one importer's schedule from a file (gzip detected).</summary>
    /// <param name="path">The file.</param>
    /// <param name="importer">The importer wanted; null = the file's only importer.</param>
    /// <returns>The schedule and the report.</returns>
    /// <exception cref="TradeDataException">A bad value; no rows for the importer; several importers and none named.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ReadResult<TariffSchedule> Read(string path, Country? importer = null) =>
        CsvEntry.FromPath(path, TradeFileFormat.Tariffs, null, csv => One(csv, importer));

    /// <summary>Reads one importer's schedule from a stream, which stays open.</summary>
    /// <param name="stream">The content.</param>
    /// <param name="fileName">The name to use in messages.</param>
    /// <param name="importer">The importer wanted; null = the only importer.</param>
    /// <returns>The schedule and the report.</returns>
    /// <exception cref="TradeDataException">See <see cref="Read(string, Country?)"/>.</exception>
    public static ReadResult<TariffSchedule> Read(Stream stream, string fileName, Country? importer = null) =>
        CsvEntry.FromStream(stream, fileName, TradeFileFormat.Tariffs, null, csv => One(csv, importer));

    /// <summary>Reads one importer's schedule from text, which stays open.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="fileName">The name to use in messages.</param>
    /// <param name="importer">The importer wanted; null = the only importer.</param>
    /// <returns>The schedule and the report.</returns>
    /// <exception cref="TradeDataException">See <see cref="Read(string, Country?)"/>.</exception>
    public static ReadResult<TariffSchedule> Read(TextReader reader, string fileName, Country? importer = null) =>
        CsvEntry.FromText(reader, fileName, TradeFileFormat.Tariffs, csv => One(csv, importer));

    /// <summary>Reads every importer's schedule from a file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The schedules by importer and the report.</returns>
    /// <exception cref="TradeDataException">A bad value.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ReadResult<ImmutableSortedDictionary<Country, TariffSchedule>> ReadAll(string path) =>
        CsvEntry.FromPath(path, TradeFileFormat.Tariffs, null, All);

    /// <summary>Reads every importer's schedule from a stream, which stays open.</summary>
    /// <param name="stream">The content (gzip detected).</param>
    /// <param name="fileName">The name to use in messages.</param>
    /// <returns>The schedules by importer and the report.</returns>
    /// <exception cref="TradeDataException">A bad value.</exception>
    public static ReadResult<ImmutableSortedDictionary<Country, TariffSchedule>> ReadAll(Stream stream, string fileName) =>
        CsvEntry.FromStream(stream, fileName, TradeFileFormat.Tariffs, null, All);

    /// <summary>Reads every importer's schedule from text, which stays open.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="fileName">The name to use in messages.</param>
    /// <returns>The schedules by importer and the report.</returns>
    /// <exception cref="TradeDataException">A bad value.</exception>
    public static ReadResult<ImmutableSortedDictionary<Country, TariffSchedule>> ReadAll(TextReader reader, string fileName) =>
        CsvEntry.FromText(reader, fileName, TradeFileFormat.Tariffs, All);

    /// <summary>Writes one schedule.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <param name="writer">Where to write; not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(TariffSchedule schedule, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        Write([schedule], writer);
    }

    /// <summary>Writes several schedules, one after the other, under one header.</summary>
    /// <param name="schedules">The schedules.</param>
    /// <param name="writer">Where to write; not closed.</param>
    /// <exception cref="ArgumentNullException">An argument or schedule is null.</exception>
    public static void Write(IEnumerable<TariffSchedule> schedules, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        ArgumentNullException.ThrowIfNull(writer);
        var list = schedules.ToList();
        var revisions = list.Select(s => s?.Revision).Distinct().ToList();
        if (revisions is [{ } revision])
        {
            writer.Write(CsvInput.RevisionCommentKey + " " + revision + "\n"); // one revision for the file, when every schedule states the same
        }

        var o = new CsvOutput(writer);
        o.Row([.. Columns]);
        foreach (var s in list)
        {
            ArgumentNullException.ThrowIfNull(s, nameof(schedules));
            foreach (var line in s.Lines)
            {
                var from = line.Validity.Start == TariffLine.OpenStart ? string.Empty : LocalDatePattern.Iso.Format(line.Validity.Start);
                var to = line.Validity.End == TariffLine.OpenEnd ? string.Empty : LocalDatePattern.Iso.Format(line.Validity.End);
                var rate = CsvOutput.Number(line.Rate.Percent);
                var r = line.Regime;
                if (r.IsMfn)
                {
                    o.Row(s.Importer.Alpha3, "*", line.Hs.ToString(), rate, from, to, line.Source, string.Empty);
                    continue;
                }

                var group = r.Partners.Count == 1 && r.Partners[0].Alpha3 == r.Name ? string.Empty : r.Name;
                foreach (var p in r.Partners)
                {
                    o.Row(s.Importer.Alpha3, p.Alpha3, line.Hs.ToString(), rate, from, to, line.Source, group);
                }
            }
        }
    }

    /// <summary>Writes one schedule to a file (UTF-8 without BOM; gzip when the name ends in <c>.gz</c>).</summary>
    /// <param name="schedule">The schedule.</param>
    /// <param name="path">The file, replaced if it exists.</param>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Write(TariffSchedule schedule, string path)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        CsvEntry.ToPath(path, w => Write(schedule, w));
    }

    private static ReadResult<TariffSchedule> One(CsvInput csv, Country? importer)
    {
        var rows = ReadRows(csv, importer, single: importer is null);
        var report = csv.Report.Build();
        if (rows.Count == 0)
        {
            throw new TradeDataException(csv.FileName, csv.HeaderLine, "importer", importer?.Alpha3, importer is null ? "the file has no tariff rows" : "has no tariff rows in the file");
        }

        var (who, list) = rows.First();
        return new ReadResult<TariffSchedule>(Build(csv.FileName, who, list).WithRevision(csv.StatedRevision), report);
    }

    private static ReadResult<ImmutableSortedDictionary<Country, TariffSchedule>> All(CsvInput csv)
    {
        var rows = ReadRows(csv, null, single: false);
        var report = csv.Report.Build();
        return new ReadResult<ImmutableSortedDictionary<Country, TariffSchedule>>(
            rows.ToImmutableSortedDictionary(kv => kv.Key, kv => Build(csv.FileName, kv.Key, kv.Value).WithRevision(csv.StatedRevision)),
            report);
    }

    private static Dictionary<Country, List<Row>> ReadRows(CsvInput csv, Country? wanted, bool single)
    {
        var importer = csv.Require("importer");
        var exporter = csv.Require("exporter");
        var hs = csv.Require("hs");
        var rate = csv.Require("rate_percent");
        var from = csv.Find("valid_from");
        var to = csv.Find("valid_to");
        var source = csv.Find("source");
        var regime = csv.Find("regime");
        var byImporter = new Dictionary<Country, List<Row>>();
        Country? first = null;
        long firstLine = 0;
        while (csv.Read())
        {
            var imp = csv.Country(importer);
            if (wanted is not null && !imp.Equals(wanted))
            {
                csv.Report.Skip($"other importer {imp.Alpha3}");
                continue;
            }

            if (single && first is not null && !imp.Equals(first))
            {
                throw csv.Error(importer, $"differs from {first.Alpha3} (line {firstLine}): the file holds several importers; name the importer to read, or use ReadAll");
            }

            if (first is null)
            {
                first = imp;
                firstLine = csv.Line;
            }

            var exp = csv.Get(exporter);
            Country? partner = null;
            if (exp.Length > 0 && exp != "*")
            {
                partner = csv.Country(exporter);
                if (partner.Equals(imp))
                {
                    throw csv.Error(exporter, "is the importer itself; a preference needs a partner");
                }
            }

            // A preference "for LDC" stands for one row per member over the days it was a member (flows name countries, not groups).
            CountryGroup? partnerGroup = null;
            if (partner is not null && CountryGroups.TryGet(partner, out var g) && g.Kind != CountryGroupKind.Economy)
            {
                partnerGroup = g;
                if (csv.Get(regime).Length > 0 && !string.Equals(csv.Get(regime), g.Code, StringComparison.Ordinal))
                {
                    throw csv.Error(regime, $"names a regime, but the exporter is the group {g.Code}, which is expanded to its members' own rows; leave regime empty");
                }
            }

            var group = partnerGroup is null ? csv.Get(regime) : string.Empty;
            if (group.Length > 0)
            {
                if (string.Equals(group, "MFN", StringComparison.OrdinalIgnoreCase))
                {
                    if (partner is not null)
                    {
                        throw csv.Error(regime, "names the MFN regime but the exporter is a country; MFN rows have exporter '*'");
                    }

                    group = string.Empty;
                }
                else if (partner is null)
                {
                    throw csv.Error(regime, "names a preference group but the exporter is '*'; each group row names one member country");
                }
                else if (group == partner.Alpha3)
                {
                    group = string.Empty;
                }
            }

            var h = csv.Hs(hs);
            var r = new TariffRate(csv.InRange(rate, csv.Decimal(rate), 0m, NumericDomain.MaxTariffPercent, "percent"));
            var start = csv.OptionalDate(from) ?? TariffLine.OpenStart;
            var end = csv.OptionalDate(to) ?? TariffLine.OpenEnd;
            if (end < start)
            {
                throw csv.Error(to, $"is before valid_from {LocalDatePattern.Iso.Format(start)}");
            }

            if (!byImporter.TryGetValue(imp, out var list))
            {
                byImporter[imp] = list = [];
            }

            if (partnerGroup is not null)
            {
                ExpandGroup(csv, exporter, list, partnerGroup, imp, h, r, start, end, csv.Label(source));
                csv.Report.Kept++;
                continue;
            }

            list.Add(new Row(csv.Line, partner, group, h, r, new DateInterval(start, end), csv.Label(source)));
            csv.Report.Kept++;
        }

        csv.Report.Unit("rate_percent: ad valorem percent of the customs value");
        csv.Report.Unit("exporter '*' or empty = MFN; valid_from/valid_to inclusive, empty = open");
        return byImporter;
    }

    /// <summary>One row per member of the group, each valid over the days it was a member within the row's dates (the importer left out).</summary>
    private static void ExpandGroup(CsvInput csv, int exporter, List<Row> list, CountryGroup group, Country importer, HsCode hs, TariffRate rate, LocalDate start, LocalDate end, string source)
    {
        var added = 0;
        var label = source.Length == 0 ? $"as a member of {group.Code}" : $"{source} (as a member of {group.Code})";
        foreach (var m in group.Memberships)
        {
            var from = m.Joined is { } j && j > start ? j : start;
            var to = m.Left is { } l && l < end ? l : end;
            if (to < from || m.Member.Equals(importer))
            {
                continue;
            }

            list.Add(new Row(csv.Line, m.Member, string.Empty, hs, rate, new DateInterval(from, to), label));
            added++;
        }

        if (added == 0)
        {
            throw csv.Error(exporter, $"is a group ({group.Name}) with no members other than the importer while the row is in force");
        }

        csv.Report.Adjust($"{group.Code} rows expanded to one per member, over its membership");
    }

    private static TariffSchedule Build(string fileName, Country importer, List<Row> rows)
    {
        // Lines in order of first appearance; group lines deduplicated across members.
        var lines = new List<(TariffLine Line, long FileLine)>();
        var groups = rows.Where(r => r.Group.Length > 0).GroupBy(r => r.Group, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var groupRegimes = groups.ToDictionary(g => g.Key, g => TariffRegime.Preferential(g.Key, g.Value.Select(r => r.Partner!).Distinct()), StringComparer.Ordinal);
        var groupLinesSeen = new Dictionary<(string, HsCode, TariffRate, DateInterval, string), HashSet<Country>>();
        var bilateral = new Dictionary<Country, TariffRegime>();
        foreach (var row in rows)
        {
            if (row.Group.Length == 0)
            {
                // One regime per partner, shared by its lines: a group row expanded to its members gives each member
                // thousands of lines, and a regime apiece cost a set apiece and slowed every grouping by regime.
                TariffRegime regime;
                if (row.Partner is null)
                {
                    regime = TariffRegime.Mfn;
                }
                else if (!bilateral.TryGetValue(row.Partner, out regime!))
                {
                    bilateral[row.Partner] = regime = TariffRegime.For(row.Partner);
                }

                lines.Add((new TariffLine(regime, row.Hs, row.Rate, row.Validity, row.Source), row.FileLine));
                continue;
            }

            var key = (row.Group, row.Hs, row.Rate, row.Validity, row.Source);
            if (!groupLinesSeen.TryGetValue(key, out var members))
            {
                groupLinesSeen[key] = members = [];
                lines.Add((new TariffLine(groupRegimes[row.Group], row.Hs, row.Rate, row.Validity, row.Source), row.FileLine));
            }

            if (!members.Add(row.Partner!))
            {
                throw new TradeDataException(fileName, row.FileLine, "exporter", row.Partner!.Alpha3, $"is listed twice for the same line of group '{row.Group}'");
            }
        }

        foreach (var ((group, hs, _, _, _), members) in groupLinesSeen)
        {
            var all = groupRegimes[group].Partners;
            if (members.Count != all.Count)
            {
                var missing = string.Join(", ", all.Where(p => !members.Contains(p)).Select(p => p.Alpha3));
                var at = lines.First(l => l.Line.Regime.Name == group && l.Line.Hs.Equals(hs)).FileLine;
                throw new TradeDataException(fileName, at, "regime", group, $"group line HS {hs} lacks a row for member(s) {missing}; every line of a group must list every member");
            }
        }

        // Two lines of one regime and code in force on the same day make the rate ambiguous.
        foreach (var g in lines.GroupBy(l => (l.Line.Regime, l.Line.Hs)))
        {
            var sorted = g.OrderBy(l => l.Line.Validity.Start).ToList();
            for (var i = 1; i < sorted.Count; i++)
            {
                if (sorted[i].Line.Validity.Start <= sorted[i - 1].Line.Validity.End)
                {
                    var (later, earlier) = sorted[i].FileLine > sorted[i - 1].FileLine ? (sorted[i], sorted[i - 1]) : (sorted[i - 1], sorted[i]);
                    throw new TradeDataException(fileName, later.FileLine, "valid_from", From(later.Line), $"overlaps line {earlier.FileLine}: regime {g.Key.Regime.Name}, HS {g.Key.Hs} would have two rates on one day");
                }
            }
        }

        return new TariffSchedule(importer, lines.Select(l => l.Line));

        static string From(TariffLine l) => l.Validity.Start == TariffLine.OpenStart ? string.Empty : LocalDatePattern.Iso.Format(l.Validity.Start);
    }

    private sealed record Row(long FileLine, Country? Partner, string Group, HsCode Hs, TariffRate Rate, DateInterval Validity, string Source);
}
