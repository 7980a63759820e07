using System.Text;
using System.Text.Json;
using TradeBalance.Data.Internal;
using TradeBalance.Projections;

namespace TradeBalance.Data;

/// <summary>
/// Writes a projection as JSON: the same rows as <see cref="ProjectionCsv"/> (camelCase names), plus
/// the scenario, the model, its parameters (the elasticities resolved per market), per-market
/// totals, revenue and welfare, the notes, and the sources of the data used.
/// </summary>
/// <remarks>
/// <para>Layout: <c>{ "scenario": {…as scenario.json…}, "model": "smart", "referenceYear": 2024,
/// "currency": "USD", "parameters": { "markets": [ { "importer", "hs", "year", "importDemand",
/// "substitution", "exportSupply" } ] }, "rows": [ { "importer", "exporter", "hs", "baselineUsd",
/// "tariffBeforePercent", "tariffAfterPercent", "tradeCreationUsd", "tradeDiversionUsd",
/// "priceEffectUsd", "projectedUsd", "baselineShare", "projectedShare" } ], "markets": [ { "importer",
/// "hs", "year", "baselineTotalUsd", "projectedTotalUsd", "revenueBeforeUsd", "revenueAfterUsd",
/// "welfareUsd" } ], "notes": [ … ], "sources": { "path": "text" } }</c>. Creation and diversion are
/// <c>null</c> where the model does not define them; an infinite export supply is <c>"infinity"</c>.</para>
/// <para><c>sources</c> is flat, keyed by path: the scenario's own sources (<c>elasticities.byHs.0902.substitution</c>),
/// each baseline flow's source (<c>flows.CHN.0902.2024.KEN</c>) and, when a tariff schedule is given,
/// the source of the line that decided each supplier's rate before the scenario (<c>tariffs.CHN.0902.KEN</c>).</para>
/// </remarks>
/// <threadsafety>Stateless; safe to use from many threads.</threadsafety>
public static class ProjectionJson
{
    /// <summary>Returns the projection as indented JSON text.</summary>
    /// <param name="result">The projection; its data must be in USD.</param>
    /// <param name="tariffs">The tariff schedule used, to cite each rate's source; may be null.</param>
    /// <returns>The JSON, ending with a line break.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    /// <exception cref="ArgumentException">The projection is not in USD.</exception>
    public static string ToJson(ProjectionResult result, TariffSchedule? tariffs = null)
    {
        using var buffer = new MemoryStream();
        Write(result, buffer, tariffs);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes the projection as indented UTF-8 JSON (no BOM) to a stream, which stays open.</summary>
    /// <param name="result">The projection; its data must be in USD.</param>
    /// <param name="stream">Where to write.</param>
    /// <param name="tariffs">The tariff schedule used, to cite each rate's source; may be null.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">The projection is not in USD.</exception>
    public static void Write(ProjectionResult result, Stream stream, TariffSchedule? tariffs = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(stream);
        if (!result.Data.Currency.Equals(Currency.Usd))
        {
            throw new ArgumentException($"The projection output is in USD; this projection is in {result.Data.Currency.Code}.", nameof(result));
        }

        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            WriteCore(w, result, tariffs);
        }

        stream.WriteByte((byte)'\n');
    }

    /// <summary>Writes the projection to a file (UTF-8 without BOM).</summary>
    /// <param name="result">The projection; its data must be in USD.</param>
    /// <param name="path">The file, replaced if it exists.</param>
    /// <param name="tariffs">The tariff schedule used, to cite each rate's source; may be null.</param>
    /// <exception cref="ArgumentException">The projection is not in USD.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Write(ProjectionResult result, string path, TariffSchedule? tariffs = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrEmpty(path);
        Output.Replace(path, stream => Write(result, stream, tariffs));
    }

    /// <summary>
    /// Writes the projection's members (<c>scenario</c> through <c>sources</c>) into a JSON object the caller has
    /// started, so a document can carry the projection and members of its own (the command line adds its
    /// <c>summary</c>) in one pass, without writing and re-reading it.
    /// </summary>
    /// <param name="writer">The writer, positioned inside an object.</param>
    /// <param name="result">The projection; its data must be in USD.</param>
    /// <param name="tariffs">The tariff schedule used, to cite each rate's source; may be null.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">The projection is not in USD.</exception>
    public static void WriteMembers(Utf8JsonWriter writer, ProjectionResult result, TariffSchedule? tariffs = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        if (!result.Data.Currency.Equals(Currency.Usd))
        {
            throw new ArgumentException($"The projection output is in USD; this projection is in {result.Data.Currency.Code}.", nameof(result));
        }

        WriteMembersCore(writer, result, tariffs);
    }

    private static void WriteCore(Utf8JsonWriter w, ProjectionResult result, TariffSchedule? tariffs)
    {
        w.WriteStartObject();
        WriteMembersCore(w, result, tariffs);
        w.WriteEndObject();
    }

    private static void WriteMembersCore(Utf8JsonWriter w, ProjectionResult result, TariffSchedule? tariffs)
    {
        var scenario = result.Scenario;
        w.WritePropertyName("scenario");
        ScenarioJson.WriteScenario(w, scenario);
        w.WriteString("model", result.Model.Name);
        w.WriteNumber("referenceYear", result.Year);
        w.WriteString("currency", result.Data.Currency.Code);

        w.WriteStartObject("parameters");
        w.WriteStartArray("markets");
        foreach (var m in result.Markets)
        {
            StartMarket(w, m.Market);
            w.WriteNumber("importDemand", m.Elasticities.ImportDemand);
            w.WriteNumber("substitution", m.Elasticities.Substitution);
            ScenarioJson.WriteSupply(w, m.Elasticities.ExportSupply);
            var origin = result.Scenario.Elasticities.Explain(m.Market.Importer, m.Market.Hs);
            w.WriteStartObject("sources");
            w.WriteString("importDemand", origin.ImportDemand);
            w.WriteString("substitution", origin.Substitution);
            w.WriteString("exportSupply", origin.ExportSupply);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteStartArray("rows");
        foreach (var r in result.Rows)
        {
            JsonStreaming.FlushIfFull(w);
            w.WriteStartObject();
            w.WriteString("importer", r.Importer.Alpha3);
            w.WriteString("exporter", r.Exporter.Alpha3);
            w.WriteString("hs", r.Hs.ToString());
            w.WriteNumber("baselineUsd", r.Baseline.Amount);
            w.WriteNumber("tariffBeforePercent", r.TariffBefore.Percent);
            w.WriteNumber("tariffAfterPercent", r.TariffAfter.Percent);
            WriteOptional(w, "tradeCreationUsd", r.TradeCreation);
            WriteOptional(w, "tradeDiversionUsd", r.TradeDiversion);
            w.WriteNumber("priceEffectUsd", r.PriceEffect.Amount);
            w.WriteNumber("projectedUsd", r.Projected.Amount);
            w.WriteNumber("baselineShare", r.BaselineShare);
            w.WriteNumber("projectedShare", r.ProjectedShare);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("markets");
        foreach (var m in result.Markets)
        {
            StartMarket(w, m.Market);
            w.WriteNumber("baselineTotalUsd", m.BaselineTotal.Amount);
            w.WriteNumber("projectedTotalUsd", m.ProjectedTotal.Amount);
            w.WriteNumber("revenueBeforeUsd", m.RevenueBefore.Amount);
            w.WriteNumber("revenueAfterUsd", m.RevenueAfter.Amount);
            w.WriteNumber("welfareUsd", m.Welfare.Amount);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("notes");
        foreach (var n in result.Notes)
        {
            JsonStreaming.FlushIfFull(w);
            w.WriteStringValue(n);
        }

        w.WriteEndArray();

        w.WriteStartObject("sources");
        foreach (var (k, v) in Sources(result, tariffs))
        {
            JsonStreaming.FlushIfFull(w);
            w.WriteString(k, v);
        }

        w.WriteEndObject();
    }

    /// <summary>
    /// Every source in key order (ordinal): the scenario's own, then per flow <c>flows.IMP.HS.YEAR.EXP</c> and per
    /// flow's deciding tariff line <c>tariffs.IMP.HS.EXP</c>, a flow's or line's source replacing a scenario source of
    /// the same key. Generated in order, market by market, rather than gathered into one sorted map: at a million flows
    /// that map was a million entries held until written.
    /// </summary>
    private static IEnumerable<(string Key, string Value)> Sources(ProjectionResult result, TariffSchedule? tariffs)
    {
        var scenario = result.Scenario;
        using var own = scenario.Sources.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)).GetEnumerator();
        var hasOwn = own.MoveNext();
        foreach (var entry in FlowAndTariffSources(result, tariffs))
        {
            while (hasOwn && string.CompareOrdinal(own.Current.Key, entry.Key) < 0)
            {
                yield return own.Current;
                hasOwn = own.MoveNext();
            }

            if (hasOwn && string.Equals(own.Current.Key, entry.Key, StringComparison.Ordinal))
            {
                hasOwn = own.MoveNext(); // the flow's or line's own source wins
            }

            yield return entry;
        }

        while (hasOwn)
        {
            yield return own.Current;
            hasOwn = own.MoveNext();
        }
    }

    /// <summary>The flows' sources, then the deciding tariff lines', each in key order: markets ordered as their keys'
    /// prefixes (<c>IMP.HS.YEAR.</c>, which ends in the separator, so no market's prefix begins another's), exporters
    /// within a market by code.</summary>
    private static IEnumerable<(string Key, string Value)> FlowAndTariffSources(ProjectionResult result, TariffSchedule? tariffs)
    {
        var markets = result.Markets.Select(m => m.Market).ToList();
        markets.Sort((a, b) => string.CompareOrdinal(Prefix(a, year: true), Prefix(b, year: true)));
        foreach (var m in markets)
        {
            foreach (var f in result.Data.FlowsInto(m).Where(f => f.Source.Length > 0).OrderBy(f => f.Exporter.Alpha3, StringComparer.Ordinal))
            {
                yield return ($"flows.{Prefix(m, year: true)}{f.Exporter.Alpha3}", f.Source);
            }
        }

        if (tariffs is null)
        {
            yield break;
        }

        // tariffs.IMP.HS.EXP holds no year: one key for the market in every year (the rate is the one in force the day
        // before the change, whatever the year), the latest year's line as it was kept before.
        var effective = result.Scenario.Effective.PlusDays(-1);
        foreach (var group in result.Markets.Select(m => m.Market).Where(m => tariffs.Importer.Equals(m.Importer)).GroupBy(m => Prefix(m, year: false)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var byExporter = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var m in group)
            {
                foreach (var f in result.Data.FlowsInto(m))
                {
                    if (tariffs.TryRateFor(f.Exporter, f.Hs, effective, out var decision) && decision.DecidingLine.Source.Length > 0)
                    {
                        byExporter[f.Exporter.Alpha3] = decision.DecidingLine.Source;
                    }
                }
            }

            foreach (var (exporter, source) in byExporter)
            {
                yield return ($"tariffs.{group.Key}{exporter}", source);
            }
        }
    }

    private static string Prefix(MarketKey m, bool year) =>
        year ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{m.Importer.Alpha3}.{m.Hs}.{m.Year}.") : $"{m.Importer.Alpha3}.{m.Hs}.";

    /// <summary>Starts a market's object with its key (importer, hs, year); the block before it is passed on when full.</summary>
    private static void StartMarket(Utf8JsonWriter w, MarketKey market)
    {
        JsonStreaming.FlushIfFull(w);
        w.WriteStartObject();
        w.WriteString("importer", market.Importer.Alpha3);
        w.WriteString("hs", market.Hs.ToString());
        w.WriteNumber("year", market.Year);
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, Money? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v.Amount);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
