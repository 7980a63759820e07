using System.Globalization;
using System.Text;
using TradeBalance.Data.Internal;

namespace TradeBalance.Data;

/// <summary>
/// Reads UN Comtrade downloads into a <see cref="TradeDataSet"/> of importer-reported imports in
/// USD: the current "Comtrade Plus" layout (camelCase API/web CSV, its PascalCase variant, and the
/// tab-separated bulk <c>.txt.gz</c> files) and the legacy (pre-2023) 22- and 35-column layouts.
/// </summary>
/// <remarks>
/// <para><b>Which rows.</b> Only imports are read (<c>flowCode</c> M; legacy <c>Trade Flow Code</c> 1):
/// the reporter is the importer, the partner the exporter, as TradeBalance's flows are "as reported by
/// the importer". Other flows (X, RX, RM, …) are skipped and counted by flow code. Monthly rows
/// (<c>freqCode</c> M, or a 6-digit legacy period) are skipped: flows are annual. Breakdown rows are
/// skipped so that nothing is counted twice: <c>motCode</c> ≠ 0, <c>customsCode</c> ≠ C00,
/// <c>partner2Code</c> ≠ 0 (when those columns exist). Aggregates: partner World (0, W00, WLD) is
/// skipped; <c>TOTAL</c> is skipped when reading HS detail (the default) and detail is skipped when
/// reading totals (<see cref="ComtradeReadOptions.Commodities"/>). "Areas, nes" and other special
/// partner areas (899, 839 Special Categories, 577 Other Africa nes, …) become
/// <see cref="Countries.RestOfWorld"/>, and all ROW rows of one market are summed into one flow
/// (counted as adjustments). A partner equal to the reporter is skipped. A non-HS classification
/// (SITC <c>S1</c>–<c>S4</c>, BEC) is an error.</para>
/// <para><b>Which value.</b> <c>cifvalue</c> (any spelling: <c>cifValue</c>, <c>CIFValue</c>) when the
/// column exists and the cell is not empty, else <c>primaryValue</c>, which Comtrade defines as CIF
/// for imports. Legacy: <c>CIF Trade Value (US$)</c> when present and not empty, else
/// <c>Trade Value (US$)</c>. Both are current US dollars in units (not thousands). Quantity:
/// <c>netWgt</c> (legacy <c>Netweight (kg)</c>) in kilograms, empty when missing.</para>
/// <para><b>Codes.</b> Reporter and partner codes are UN M49 numbers, resolved through ISO 3166-1
/// numeric and the trade-statistics aliases (842 USA, 699 IND, 757 CHE, 490 Other Asia nes = TWN);
/// when a file has only the ISO columns, those are used. Header names are matched
/// case-insensitively, so the PascalCase variant (<c>Prtner2Code</c> typo included) reads too.</para>
/// <para>Streams row by row; memory grows only with the flows kept (use the filters for large
/// files). Bad values raise <see cref="TradeDataException"/> with file, line, column and value.</para>
/// </remarks>
/// <threadsafety>Stateless; safe to use from many threads.</threadsafety>
public static class ComtradeReader
{
    /// <summary>Reads a Comtrade file (gzip detected).</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Options; null = <see cref="ComtradeReadOptions.Default"/>.</param>
    /// <returns>The flows and the report.</returns>
    /// <exception cref="TradeDataException">The file is not a Comtrade layout, or holds a bad value.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ReadResult<TradeDataSet> Read(string path, ComtradeReadOptions? options = null)
    {
        options ??= ComtradeReadOptions.Default;
        return CsvEntry.FromPath(path, TradeFileFormat.ComtradePlus, options.Encoding ?? Encoding.UTF8, csv => ReadCore(csv, options));
    }

    /// <summary>Reads a Comtrade download from a stream, which stays open.</summary>
    /// <param name="stream">The content (gzip detected).</param>
    /// <param name="fileName">The name to use in messages.</param>
    /// <param name="options">Options; null = defaults.</param>
    /// <returns>The flows and the report.</returns>
    /// <exception cref="TradeDataException">Not a Comtrade layout, or a bad value.</exception>
    public static ReadResult<TradeDataSet> Read(Stream stream, string fileName, ComtradeReadOptions? options = null)
    {
        options ??= ComtradeReadOptions.Default;
        return CsvEntry.FromStream(stream, fileName, TradeFileFormat.ComtradePlus, options.Encoding ?? Encoding.UTF8, csv => ReadCore(csv, options));
    }

    /// <summary>Reads a Comtrade download from text, which stays open.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="fileName">The name to use in messages.</param>
    /// <param name="options">Options; null = defaults.</param>
    /// <returns>The flows and the report.</returns>
    /// <exception cref="TradeDataException">Not a Comtrade layout, or a bad value.</exception>
    public static ReadResult<TradeDataSet> Read(TextReader reader, string fileName, ComtradeReadOptions? options = null)
    {
        options ??= ComtradeReadOptions.Default;
        return CsvEntry.FromText(reader, fileName, TradeFileFormat.ComtradePlus, csv => ReadCore(csv, options));
    }

    private static ReadResult<TradeDataSet> ReadCore(CsvInput csv, ComtradeReadOptions options)
    {
        var format = TradeFile.Detect(csv.Header);
        if (format is not (TradeFileFormat.ComtradePlus or TradeFileFormat.ComtradeLegacy))
        {
            throw new TradeDataException(csv.FileName, csv.HeaderLine, null, null, "is not a UN Comtrade header (expected cmdCode with primaryValue or cifValue, or the legacy Commodity Code with Trade Value (US$))");
        }

        csv.Report.Format = format;
        var legacy = format == TradeFileFormat.ComtradeLegacy;
        var c = legacy
            ? new Columns(
                csv.Find("Reporter Code"), csv.Find("Reporter ISO"), csv.Find("Partner Code"), csv.Find("Partner ISO"), csv.Find("2nd Partner Code"),
                csv.Require("Trade Flow Code"), csv.Require("Commodity Code"), csv.Find("Year"), csv.Find("Period"), -1,
                csv.Find("Customs Proc. Code"), csv.Find("Mode of Transport Code"), csv.Find("CIF Trade Value (US$)"), csv.Require("Trade Value (US$)"),
                csv.Find("Netweight (kg)"), csv.Find("Classification"))
            : new Columns(
                csv.Find("reporterCode"), csv.Find("reporterISO"), csv.Find("partnerCode"), csv.Find("partnerISO"), csv.Find("partner2Code", "Prtner2Code"),
                csv.Require("flowCode"), csv.Require("cmdCode"), csv.Find("refYear"), csv.Find("period"), csv.Find("freqCode"),
                csv.Find("customsCode"), csv.Find("motCode"), csv.Find("cifvalue"), csv.Find("primaryValue"),
                csv.Find("netWgt"), csv.Find("classificationCode"));
        if (c.ReporterCode < 0 && c.ReporterIso < 0)
        {
            csv.Require(legacy ? "Reporter Code" : "reporterCode");
        }

        if (c.PartnerCode < 0 && c.PartnerIso < 0)
        {
            csv.Require(legacy ? "Partner Code" : "partnerCode");
        }

        if (c.Year < 0 && c.Period < 0)
        {
            csv.Require(legacy ? "Year" : "refYear");
        }

        if (c.Primary < 0 && c.Cif < 0)
        {
            csv.Require("primaryValue");
        }

        var source = options.Source ?? $"UN Comtrade ({Path.GetFileName(csv.FileName)})";
        var flows = new FlowAccumulator(csv, options.Importers, options.Exporters, options.Products, source);

        // Per read, so that a row costs no allocation before its flow: the skip rule of each flow code met, and the
        // HS code of each cmdCode text met (a download repeats a few thousand codes over millions of rows).
        var flowRules = new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var codes = new Dictionary<string, HsCode>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        // The revision the rows state (H0–H6; "HS" is "as reported", which states none): one per file, since one
        // code in two revisions is two products.
        (HsRevision Revision, string Code, long Line)? stated = null;
        while (csv.Read())
        {
            if (c.Classification >= 0)
            {
                var cl = csv.Span(c.Classification);
                if (cl.Length > 0 && !(cl[0] is 'H' or 'h'))
                {
                    throw csv.Error(c.Classification, "is not a Harmonized System classification (H0–H6, HS); TradeBalance reads HS data only");
                }

                if (cl.Length == 2 && cl[1] is >= '0' and <= '6' && (stated is null || !cl.SequenceEqual(stated.Value.Code)))
                {
                    var code = cl.ToString();
                    var revision = HsRevision.Parse(code);
                    if (stated is { } first && first.Revision != revision)
                    {
                        throw csv.Error(c.Classification, string.Create(CultureInfo.InvariantCulture,
                            $"is {code} ({revision}), but line {first.Line} is {first.Code} ({first.Revision}): one file holds one HS revision (convert one part with an HsConcordance)"));
                    }

                    stated = (revision, code, csv.Line);
                }
            }

            var flow = csv.RequiredSpan(c.Flow);
            if (legacy ? !flow.SequenceEqual("1") : !flow.Equals("M", StringComparison.OrdinalIgnoreCase))
            {
                if (!flowRules.TryGetValue(flow, out var rule))
                {
                    var code = flow.ToString();
                    rule = legacy ? $"trade flow code {code} (only imports, code 1, are read)" : $"flow {code} (only imports, M, are read)";
                    flowRules.Dictionary[code] = rule;
                }

                csv.Report.Skip(rule);
                continue;
            }

            if (c.Freq >= 0 && csv.Span(c.Freq).Equals("M", StringComparison.OrdinalIgnoreCase))
            {
                csv.Report.Skip("monthly row (freqCode M): flows are annual");
                continue;
            }

            if (legacy && c.Period >= 0 && csv.Span(c.Period).Length == 6)
            {
                csv.Report.Skip("monthly row (6-digit period): flows are annual");
                continue;
            }

            if (IsBreakdown(csv, c.Mot, "0"))
            {
                csv.Report.Skip("breakdown by mode of transport (motCode ≠ 0)");
                continue;
            }

            if (IsBreakdown(csv, c.Customs, "C00"))
            {
                csv.Report.Skip("breakdown by customs procedure (customsCode ≠ C00)");
                continue;
            }

            if (IsBreakdown(csv, c.Partner2, "0"))
            {
                csv.Report.Skip("breakdown by second partner (partner2Code ≠ 0)");
                continue;
            }

            var importer = Area(csv, c.ReporterCode, c.ReporterIso, "reporter");
            if (importer is null)
            {
                throw csv.Error(c.ReporterCode >= 0 ? c.ReporterCode : c.ReporterIso, "is World, an aggregate, not a reporting country");
            }

            var exporter = Area(csv, c.PartnerCode, c.PartnerIso, "partner");
            if (exporter is null)
            {
                csv.Report.Skip("aggregate partner World (0)");
                continue;
            }

            var cmd = csv.RequiredSpan(c.Cmd);
            var isTotal = cmd.Equals("TOTAL", StringComparison.OrdinalIgnoreCase);
            if (isTotal && options.Commodities == CommodityLevel.Detail)
            {
                csv.Report.Skip("aggregate commodity TOTAL (reading HS detail)");
                continue;
            }

            if (!isTotal && options.Commodities == CommodityLevel.Total)
            {
                csv.Report.Skip("HS detail row (reading TOTAL only)");
                continue;
            }

            if (!codes.TryGetValue(cmd, out var hs))
            {
                var text = csv.Required(c.Cmd);
                hs = HsCode.TryParse(text, out var parsed) ? parsed : throw csv.Error(c.Cmd, InputErrors.HsProblem(text));
                codes.Dictionary[text] = hs;
            }

            if (exporter.Equals(importer))
            {
                csv.Report.Skip("partner equals reporter (re-imports)");
                continue;
            }

            var year = c.Year >= 0 ? csv.Int(c.Year, 1900, 2200) : Year(csv, c.Period);
            var valueColumn = c.Cif >= 0 && csv.Span(c.Cif).Length > 0 ? c.Cif : c.Primary;
            if (valueColumn < 0)
            {
                throw csv.Error(c.Cif, "is empty and the file has no primaryValue column; a value is required");
            }

            var value = csv.Amount(valueColumn, csv.Decimal(valueColumn), NumericDomain.MinPositiveFlowValue, NumericDomain.MaxFlowValue, "USD");
            var quantity = csv.OptionalDecimal(c.NetWeight, false, "NA", "null", "N/A") is { } kg ? csv.Amount(c.NetWeight, kg, NumericDomain.MinPositiveQuantityKg, NumericDomain.MaxQuantityKg, "kg") : (decimal?)null;
            if (!flows.Passes(exporter, importer, hs))
            {
                continue;
            }

            flows.Add(exporter, importer, hs, year, value, quantity);
        }

        csv.Report.Unit("flows: imports (M) as reported by the importer; reporter = importer, partner = exporter");
        csv.Report.Unit(legacy
            ? "value: CIF Trade Value (US$) when present, else Trade Value (US$); current USD (units)"
            : "value: cifvalue (CIF) when present, else primaryValue (CIF for imports); current USD (units)");
        csv.Report.Unit(legacy ? "quantity: Netweight (kg)" : "quantity: netWgt, kg");
        var read = flows.Build();
        return stated is { } r ? new ReadResult<TradeDataSet>(read.Value.WithRevision(r.Revision), read.Report) : read;
    }

    private static bool IsBreakdown(CsvInput csv, int ordinal, string total)
    {
        if (ordinal < 0)
        {
            return false;
        }

        var s = csv.Span(ordinal);
        return s.Length > 0 && !s.Equals(total, StringComparison.OrdinalIgnoreCase) && !(total == "0" && !s.ContainsAnyExcept('0'));
    }

    /// <summary>The country of a reporter/partner; null for World; ROW (counted) for a nes area.</summary>
    private static Country? Area(CsvInput csv, int code, int iso, string role)
    {
        if (code >= 0 && csv.Span(code).Length > 0)
        {
            var n = csv.Int(code, 0, 9999);
            switch (TradeCodes.Resolve(n, out var country))
            {
                case NumericCodeKind.World:
                    return null;
                case NumericCodeKind.NesArea:
                    if (role == "reporter")
                    {
                        throw csv.Error(code, "is an 'area, nes', not a reporting country");
                    }

                    csv.Report.Adjust(string.Create(CultureInfo.InvariantCulture, $"partner area nes {n} mapped to ROW"));
                    return country;
                case NumericCodeKind.Country:
                    return country;
                default:
                    throw csv.Error(code, "is not a country code TradeBalance knows (ISO 3166-1 numeric / UN M49 or a trade alias such as 842); country groups are not read");
            }
        }

        if (iso >= 0)
        {
            var s = csv.Required(iso);
            if (s is "W00" or "WLD" || string.Equals(s, "World", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            return TradeCodes.TryCountry(s, out var country)
                ? country
                : throw csv.Error(iso, "is not a country code TradeBalance knows (ISO 3166-1 alpha-3)");
        }

        throw csv.Error(code, "is empty; a value is required");
    }

    private static int Year(CsvInput csv, int period)
    {
        var s = csv.Required(period);
        return s.Length >= 4 && int.TryParse(s.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2200
            ? y
            : throw csv.Error(period, "is not a period (yyyy or yyyymm)");
    }

    private sealed record Columns(
        int ReporterCode, int ReporterIso, int PartnerCode, int PartnerIso, int Partner2,
        int Flow, int Cmd, int Year, int Period, int Freq,
        int Customs, int Mot, int Cif, int Primary, int NetWeight, int Classification);
}
