using System.Text.Json;
using NodaTime.Serialization.SystemTextJson;
using TradeBalance.Projections;

namespace TradeBalance.Data;

// The scenario as JSON: the writer of every field (the projection JSON writer uses it too).
public static partial class ScenarioJson
{
    /// <summary>Writes the scenario object (used by the projection JSON writer too).</summary>
    internal static void WriteScenario(Utf8JsonWriter w, Scenario s)
    {
        w.WriteStartObject();
        w.WriteString("name", s.Name);
        if (s.Description.Length > 0)
        {
            w.WriteString("description", s.Description);
        }

        w.WriteString("importer", s.Importer.Alpha3);
        w.WriteStartArray("beneficiaries");
        foreach (var b in s.BeneficiariesAsGiven)
        {
            w.WriteStringValue(b.Alpha3);
        }

        w.WriteEndArray();
        w.WriteStartArray("hs");
        foreach (var h in s.Lines)
        {
            w.WriteStringValue(h.ToString());
        }

        w.WriteEndArray();
        w.WriteNumber(s.Change.Kind switch
        {
            TariffChangeKind.NewRate => "newRatePercent",
            TariffChangeKind.CutPoints => "cutPoints",
            _ => "cutPercent",
        }, s.Change.Value);
        w.WritePropertyName("effective");
        NodaConverters.LocalDateConverter.Write(w, s.Effective, NodaOptions);
        w.WriteNumber("stages", s.Stages);
        if (s.ReferenceYear is { } year)
        {
            w.WriteNumber("referenceYear", year);
        }

        w.WriteString("model", FormatModel(s.Model));
        w.WriteStartObject("elasticities");
        w.WriteStartObject("default");
        w.WriteNumber("importDemand", s.Elasticities.Default.ImportDemand);
        w.WriteNumber("substitution", s.Elasticities.Default.Substitution);
        WriteSupply(w, s.Elasticities.Default.ExportSupply);
        w.WriteEndObject();
        if (!s.Elasticities.SubstitutionTables.IsEmpty)
        {
            w.WriteStartArray("substitutionTables");
            foreach (var table in s.Elasticities.SubstitutionTables)
            {
                w.WriteStringValue(table.Name);
            }

            w.WriteEndArray();
        }

        if (!s.Elasticities.TradedLines.IsEmpty)
        {
            w.WriteStartObject("tradedLines");
            foreach (var (market, lines) in s.Elasticities.TradedLines)
            {
                w.WriteStartObject(market.ToString());
                w.WriteStartObject("lines");
                foreach (var (line, weight) in lines.Weights)
                {
                    w.WriteNumber(line.ToString(), weight);
                }

                w.WriteEndObject();
                w.WriteString("source", lines.Source);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        if (!s.Elasticities.Overrides.IsEmpty)
        {
            w.WriteStartObject("byHs");
            foreach (var (hs, o) in s.Elasticities.Overrides)
            {
                w.WriteStartObject(hs.ToString());
                if (o.ImportDemand is { } eta)
                {
                    w.WriteNumber("importDemand", eta);
                }

                if (o.Substitution is { } sigma)
                {
                    w.WriteNumber("substitution", sigma);
                }

                if (o.ExportSupply is { } eps)
                {
                    WriteSupply(w, eps);
                }

                if (o.Source.Length > 0)
                {
                    w.WriteString("source", o.Source);
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
        if (s.MonteCarlo is { } mc)
        {
            w.WriteStartObject("monteCarlo");
            w.WriteNumber("draws", mc.Draws);
            w.WriteNumber("seed", mc.Seed);
            w.WriteNumber("spread", mc.Spread);

            w.WriteEndObject();
        }

        if (!s.Sources.IsEmpty)
        {
            w.WriteStartObject("sources");
            foreach (var (k, v) in s.Sources)
            {
                w.WriteString(k, v);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    internal static void WriteSupply(Utf8JsonWriter w, double exportSupply)
    {
        if (double.IsPositiveInfinity(exportSupply))
        {
            w.WriteString("exportSupply", "infinity");
        }
        else
        {
            w.WriteNumber("exportSupply", exportSupply);
        }
    }
}
