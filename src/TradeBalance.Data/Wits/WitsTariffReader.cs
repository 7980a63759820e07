using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using NodaTime;
using TradeBalance.Data.Internal;

namespace TradeBalance.Data;

/// <summary>
/// Reads WITS/TRAINS tariff downloads into <see cref="TariffSchedule"/>s: the Advanced Query
/// "Tariff and Trade Analysis" CSV (<c>Reporter, Partner, Product, Tariff Year, DutyType, Simple
/// Average, …</c>) and the bulk HS6 average files AVEMFN and AVEPref (<c>Reporter_ISO_N, Year,
/// ProductCode[, Partner], SimpleAverage, …</c>).
/// </summary>
/// <remarks>
/// <para><b>Rate.</b> The <c>Simple Average</c> column, in percent (10 = 10 %): the simple average of
/// the national tariff lines under the product code, the ad valorem rate WITS reports per HS code.
/// A row with no average (empty or <c>NA</c>: only non-ad-valorem lines) is skipped and counted.</para>
/// <para><b>Duty selection rule</b> (<see cref="WitsReadOptions.DutySelection"/>, default
/// <see cref="WitsDutySelection.Auto"/>): when the file has MFN or PRF rows, MFN rows (any partner;
/// AVEMFN files) become the MFN regime and PRF rows (AVEPref files) a preference for their partner,
/// a country (<see cref="TariffRegime.For(Country)"/>) or a named group whose members you give in
/// <see cref="WitsReadOptions.PreferenceGroups"/>; AHS rows are skipped (the schedule itself takes
/// the lowest of MFN and preferences, which is what AHS reports), BND (bound) rows are skipped, and
/// PRF rows for partner World (an average) are skipped, all counted. A file with only AHS rows is read
/// as effectively applied: AHS for World becomes the MFN regime (the rate for partners with no row of
/// their own) and AHS for a partner its preference. Exactly one row per regime × product × year is
/// used: a repeat with the same rate is skipped and counted, a repeat with another rate is an error.</para>
/// <para><b>Dates.</b> A row of tariff year Y is in force from 1 January to 31 December Y; the latest
/// year of each regime and product stays in force afterwards (<see cref="WitsReadOptions.ExtendLatestYear"/>),
/// so a 2023 download answers for a 2026 scenario.</para>
/// <para><b>Codes.</b> Reporters and partners may be numeric (UN M49, with the trade aliases) or
/// alpha-3; partner <c>WLD</c>/<c>000</c> is World. Products are HS codes; 5-digit codes lost a leading
/// zero in a spreadsheet and are padded (counted); aggregate products (<c>Total</c>) are skipped.</para>
/// <para><b>Importers.</b> As <see cref="TariffsCsv"/>: <see cref="Read(string, Country?, WitsReadOptions?)"/>
/// returns the named importer's schedule, or the file's only importer's; <see cref="ReadAll(string, WitsReadOptions?)"/>
/// returns every reporter's.</para>
/// </remarks>
/// <threadsafety>Stateless; safe to use from many threads.</threadsafety>
public static class WitsTariffReader
{
    /// <summary>Reads one importer's schedule from a WITS file (gzip detected).</summary>
    /// <param name="path">The file.</param>
    /// <param name="importer">The importer (reporter) wanted; null = the file's only reporter.</param>
    /// <param name="options">Options; null = <see cref="WitsReadOptions.Default"/>.</param>
    /// <returns>The schedule and the report.</returns>
    /// <exception cref="TradeDataException">Not a WITS layout, a bad value, no rows for the importer, or several reporters and none named.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ReadResult<TariffSchedule> Read(string path, Country? importer = null, WitsReadOptions? options = null)
    {
        options ??= WitsReadOptions.Default;
        return CsvEntry.FromPath(path, TradeFileFormat.WitsTariffs, options.Encoding ?? Encoding.UTF8, csv => One(csv, importer, options));
    }

    /// <summary>Reads one importer's schedule from a stream, which stays open: a WITS download inside a zip archive, say.</summary>
    /// <param name="stream">The content (gzip detected).</param>
    /// <param name="fileName">The name to use in messages and sources.</param>
    /// <param name="importer">The importer wanted; null = the only reporter.</param>
    /// <param name="options">Options; null = defaults.</param>
    /// <returns>The schedule and the report.</returns>
    /// <exception cref="TradeDataException">See <see cref="Read(string, Country?, WitsReadOptions?)"/>.</exception>
    public static ReadResult<TariffSchedule> Read(Stream stream, string fileName, Country? importer = null, WitsReadOptions? options = null)
    {
        options ??= WitsReadOptions.Default;
        return CsvEntry.FromStream(stream, fileName, TradeFileFormat.WitsTariffs, options.Encoding ?? Encoding.UTF8, csv => One(csv, importer, options));
    }

    /// <summary>Reads one importer's schedule from text, which stays open.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="fileName">The name to use in messages.</param>
    /// <param name="importer">The importer wanted; null = the only reporter.</param>
    /// <param name="options">Options; null = defaults.</param>
    /// <returns>The schedule and the report.</returns>
    /// <exception cref="TradeDataException">See <see cref="Read(string, Country?, WitsReadOptions?)"/>.</exception>
    public static ReadResult<TariffSchedule> Read(TextReader reader, string fileName, Country? importer = null, WitsReadOptions? options = null) =>
        CsvEntry.FromText(reader, fileName, TradeFileFormat.WitsTariffs, csv => One(csv, importer, options ?? WitsReadOptions.Default));

    /// <summary>Reads every reporter's schedule from a WITS file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Options; null = defaults.</param>
    /// <returns>The schedules by importer and the report.</returns>
    /// <exception cref="TradeDataException">Not a WITS layout, or a bad value.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ReadResult<ImmutableSortedDictionary<Country, TariffSchedule>> ReadAll(string path, WitsReadOptions? options = null)
    {
        options ??= WitsReadOptions.Default;
        return CsvEntry.FromPath(path, TradeFileFormat.WitsTariffs, options.Encoding ?? Encoding.UTF8, csv => All(csv, options));
    }

    /// <summary>Reads every reporter's schedule from a stream, which stays open.</summary>
    /// <param name="stream">The content (gzip detected).</param>
    /// <param name="fileName">The name to use in messages and sources.</param>
    /// <param name="options">Options; null = defaults.</param>
    /// <returns>The schedules by importer and the report.</returns>
    /// <exception cref="TradeDataException">Not a WITS layout, or a bad value.</exception>
    public static ReadResult<ImmutableSortedDictionary<Country, TariffSchedule>> ReadAll(Stream stream, string fileName, WitsReadOptions? options = null)
    {
        options ??= WitsReadOptions.Default;
        return CsvEntry.FromStream(stream, fileName, TradeFileFormat.WitsTariffs, options.Encoding ?? Encoding.UTF8, csv => All(csv, options));
    }

    /// <summary>Reads every reporter's schedule from text, which stays open.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="fileName">The name to use in messages.</param>
    /// <param name="options">Options; null = defaults.</param>
    /// <returns>The schedules by importer and the report.</returns>
    /// <exception cref="TradeDataException">Not a WITS layout, or a bad value.</exception>
    public static ReadResult<ImmutableSortedDictionary<Country, TariffSchedule>> ReadAll(TextReader reader, string fileName, WitsReadOptions? options = null) =>
        CsvEntry.FromText(reader, fileName, TradeFileFormat.WitsTariffs, csv => All(csv, options ?? WitsReadOptions.Default));

    private static ReadResult<TariffSchedule> One(CsvInput csv, Country? importer, WitsReadOptions options)
    {
        var schedules = ReadCore(csv, importer, importer is null, options);
        var report = csv.Report.Build();
        if (schedules.Count == 0)
        {
            throw new TradeDataException(csv.FileName, csv.HeaderLine, null, importer?.Alpha3, importer is null ? "the file has no tariff rows TradeBalance can use" : "has no usable tariff rows in the file");
        }

        return new ReadResult<TariffSchedule>(schedules.First().Value, report);
    }

    private static ReadResult<ImmutableSortedDictionary<Country, TariffSchedule>> All(CsvInput csv, WitsReadOptions options)
    {
        var schedules = ReadCore(csv, null, false, options);
        return new ReadResult<ImmutableSortedDictionary<Country, TariffSchedule>>(schedules.ToImmutableSortedDictionary(), csv.Report.Build());
    }

    private static Dictionary<Country, TariffSchedule> ReadCore(CsvInput csv, Country? wanted, bool single, WitsReadOptions options)
    {
        var format = TradeFile.Detect(csv.Header);
        if (format is not (TradeFileFormat.WitsTariffs or TradeFileFormat.WitsAveMfn or TradeFileFormat.WitsAvePref))
        {
            throw new TradeDataException(csv.FileName, csv.HeaderLine, null, null, "is not a WITS/TRAINS tariff header (expected Reporter, Partner, Product, DutyType, Simple Average; or Reporter_ISO_N, ProductCode, SimpleAverage)");
        }

        csv.Report.Format = format;
        var aq = format == TradeFileFormat.WitsTariffs;
        var reporter = csv.Require(aq ? "Reporter" : "Reporter_ISO_N");
        var partner = format == TradeFileFormat.WitsAveMfn ? -1 : csv.Require("Partner");
        var product = csv.Require(aq ? "Product" : "ProductCode");
        var yearCol = csv.Require(aq ? "Tariff Year" : "Year");
        var duty = aq ? csv.Require("DutyType", "Duty Type") : -1;
        var rate = csv.Require(aq ? "Simple Average" : "SimpleAverage");
        var groups = new Dictionary<string, IReadOnlyCollection<Country>>(options.PreferenceGroups ?? new Dictionary<string, IReadOnlyCollection<Country>>(), StringComparer.OrdinalIgnoreCase);

        var rows = new List<Row>();
        Country? first = null;
        long firstLine = 0;
        while (csv.Read())
        {
            var imp = Reporter(csv, reporter);
            if (wanted is not null && !imp.Equals(wanted))
            {
                csv.Report.Skip($"other importer {imp.Alpha3}");
                continue;
            }

            if (single && first is not null && !imp.Equals(first))
            {
                throw csv.Error(reporter, $"differs from {first.Alpha3} (line {firstLine}): the file holds several reporters; name the importer to read, or use ReadAll");
            }

            if (first is null)
            {
                first = imp;
                firstLine = csv.Line;
            }

            var dutyType = aq
                ? WitsDutyTypes.TryParse(csv.Required(duty), out var parsed) ? parsed : throw csv.Error(duty, "is not a WITS duty type (MFN, PRF, AHS or BND)")
                : format == TradeFileFormat.WitsAveMfn ? WitsDutyType.Mfn : WitsDutyType.Preferential;

            var code = csv.Required(product);
            if (code.StartsWith("Total", StringComparison.OrdinalIgnoreCase) || code.StartsWith("All", StringComparison.OrdinalIgnoreCase))
            {
                csv.Report.Skip("aggregate product (Total)");
                continue;
            }

            if (code.Length == 5 && code.All(char.IsAsciiDigit))
            {
                code = "0" + code;
                csv.Report.Adjust("product had 5 digits: leading zero restored");
            }

            if (!HsCode.TryParse(code, out var hs) || hs.IsTotal)
            {
                throw csv.Error(product, InputErrors.HsProblem(code));
            }

            var year = csv.Int(yearCol, 1900, 2200);
            var percent = csv.OptionalDecimal(rate, false, "NA", "N/A");
            if (percent is null)
            {
                csv.Report.Skip("no ad valorem rate (Simple Average empty or NA)");
                continue;
            }

            var (kind, country, group) = partner < 0 ? (PartnerKind.World, null, string.Empty) : Partner(csv, partner, imp, groups);
            rows.Add(new Row(csv.Line, imp, dutyType, kind, country, group, hs, year, new TariffRate(csv.InRange(rate, percent.Value, 0m, NumericDomain.MaxTariffPercent, "percent"))));
        }

        var selection = options.DutySelection;
        if (selection == WitsDutySelection.Auto)
        {
            selection = rows.Any(r => r.Duty is WitsDutyType.Mfn or WitsDutyType.Preferential) ? WitsDutySelection.MfnAndPreferential : WitsDutySelection.EffectivelyApplied;
        }

        csv.Report.Unit(selection == WitsDutySelection.MfnAndPreferential
            ? "duty selection: MFN rows → MFN regime, PRF rows → preferences; AHS and BND skipped (the schedule applies the lowest regime)"
            : "duty selection: AHS (effectively applied) rows; World → MFN regime, partners → preferences; MFN, PRF and BND skipped");
        csv.Report.Unit("Simple Average: ad valorem percent (simple average of the national lines under the code)");
        csv.Report.Unit(options.ExtendLatestYear
            ? "tariff year Y → in force 1 Jan–31 Dec Y; the latest year of each regime and product stays in force"
            : "tariff year Y → in force 1 Jan–31 Dec Y");

        var regimes = new Dictionary<(Country Importer, string Name), TariffRegime>();
        var chosen = new Dictionary<(Country Importer, TariffRegime Regime, HsCode Hs, int Year), Row>();
        var order = new List<(Country Importer, TariffRegime Regime, HsCode Hs, int Year)>();
        foreach (var row in rows)
        {
            TariffRegime? regime = null;
            string? skip = null;
            if (selection == WitsDutySelection.MfnAndPreferential)
            {
                switch (row.Duty)
                {
                    case WitsDutyType.Mfn:
                        regime = TariffRegime.Mfn;
                        break;
                    case WitsDutyType.Preferential when row.Kind == PartnerKind.World:
                        skip = "PRF row for partner World (an average over partners)";
                        break;
                    case WitsDutyType.Preferential:
                        regime = Regime(csv, regimes, groups, row);
                        break;
                    case WitsDutyType.EffectivelyApplied:
                        skip = "AHS row (effectively applied: the schedule derives it from MFN and PRF)";
                        break;
                    default:
                        skip = "BND row (bound rate, not applied)";
                        break;
                }
            }
            else
            {
                switch (row.Duty)
                {
                    case WitsDutyType.EffectivelyApplied when row.Kind == PartnerKind.World:
                        regime = TariffRegime.Mfn;
                        break;
                    case WitsDutyType.EffectivelyApplied:
                        regime = Regime(csv, regimes, groups, row);
                        break;
                    default:
                        skip = $"{row.Duty.Code()} row (reading AHS, effectively applied)";
                        break;
                }
            }

            if (regime is null)
            {
                csv.Report.Skip(skip!);
                continue;
            }

            var key = (row.Importer, regime, row.Hs, row.Year);
            if (chosen.TryGetValue(key, out var earlier))
            {
                if (earlier.Rate != row.Rate)
                {
                    throw new TradeDataException(csv.FileName, row.Line, null, null, string.Create(CultureInfo.InvariantCulture, $"{row.Duty.Code()} rate {row.Rate} for regime {regime.Name}, HS {row.Hs}, {row.Year} conflicts with line {earlier.Line} ({earlier.Rate})"));
                }

                csv.Report.Skip("repeated row (same regime, product, year and rate)");
                continue;
            }

            chosen[key] = row;
            order.Add(key);
            csv.Report.Kept++;
        }

        var name = Path.GetFileName(csv.FileName);
        var schedules = new Dictionary<Country, TariffSchedule>();
        foreach (var byImporter in order.GroupBy(k => k.Importer))
        {
            var lines = new List<TariffLine>();
            foreach (var series in byImporter.GroupBy(k => (k.Regime, k.Hs)))
            {
                var years = series.OrderBy(k => k.Year).ToList();
                for (var i = 0; i < years.Count; i++)
                {
                    var row = chosen[years[i]];
                    var end = i == years.Count - 1 && options.ExtendLatestYear ? TariffLine.OpenEnd : new LocalDate(row.Year, 12, 31);
                    var source = options.Source ?? string.Create(CultureInfo.InvariantCulture, $"WITS/TRAINS {row.Duty.Code()} {row.Year} ({name})");
                    lines.Add(new TariffLine(series.Key.Regime, series.Key.Hs, row.Rate, new DateInterval(new LocalDate(row.Year, 1, 1), end), source));
                }
            }

            schedules[byImporter.Key] = new TariffSchedule(byImporter.Key, lines);
        }

        return schedules;
    }

    private static Country Reporter(CsvInput csv, int ordinal)
    {
        var s = csv.Required(ordinal);
        if (s.All(char.IsAsciiDigit) && s.Length <= 4)
        {
            return TradeCodes.Resolve(int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture), out var c) == NumericCodeKind.Country
                ? c!
                : throw csv.Error(ordinal, "is not a country code TradeBalance knows; group reporters such as the EU (918, EUN) are not read");
        }

        return TradeCodes.TryCountry(s, out var country)
            ? country
            : throw csv.Error(ordinal, "is not a country code TradeBalance knows; group reporters such as the EU (918, EUN) are not read");
    }

    private static (PartnerKind Kind, Country? Country, string Group) Partner(CsvInput csv, int ordinal, Country importer, Dictionary<string, IReadOnlyCollection<Country>> groups)
    {
        var s = csv.Required(ordinal);
        if (string.Equals(s, "WLD", StringComparison.OrdinalIgnoreCase) || string.Equals(s, "World", StringComparison.OrdinalIgnoreCase) || (s.All(c => c == '0')))
        {
            return (PartnerKind.World, null, string.Empty);
        }

        if (groups.ContainsKey(s))
        {
            return (PartnerKind.Group, null, s);
        }

        Country? country = null;
        if (s.All(char.IsAsciiDigit) && s.Length <= 4)
        {
            if (TradeCodes.Resolve(int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture), out var c) == NumericCodeKind.Country)
            {
                country = c;
            }
        }
        else if (TradeCodes.TryCountry(s, out var c))
        {
            country = c;
        }

        if (country is null || country.IsAggregate)
        {
            throw csv.Error(ordinal, "is not a country code or a preference group given in WitsReadOptions.PreferenceGroups");
        }

        return country.Equals(importer)
            ? throw csv.Error(ordinal, "is the reporter itself; a preference needs a partner")
            : (PartnerKind.Country, country, string.Empty);
    }

    private static TariffRegime Regime(CsvInput csv, Dictionary<(Country, string), TariffRegime> regimes, Dictionary<string, IReadOnlyCollection<Country>> groups, Row row)
    {
        if (row.Kind == PartnerKind.Country)
        {
            return TariffRegime.For(row.Country!);
        }

        var key = (row.Importer, row.Group.ToUpperInvariant());
        if (!regimes.TryGetValue(key, out var regime))
        {
            var members = groups[row.Group].Where(m => m is not null && !m.Equals(row.Importer)).ToList();
            if (members.Count < groups[row.Group].Count)
            {
                csv.Report.Adjust("importer left out of its own preference group");
            }

            if (members.Count == 0)
            {
                throw new TradeDataException(csv.FileName, row.Line, "Partner", row.Group, "is a preference group with no members besides the importer");
            }

            regimes[key] = regime = TariffRegime.Preferential(row.Group, members);
        }

        return regime;
    }

    private enum PartnerKind
    {
        World,
        Country,
        Group,
    }

    private sealed record Row(long Line, Country Importer, WitsDutyType Duty, PartnerKind Kind, Country? Country, string Group, HsCode Hs, int Year, TariffRate Rate);
}
