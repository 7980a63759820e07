using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using NodaTime.Text;
using TradeBalance.Data.Internal;
using TradeBalance.Projections;

namespace TradeBalance.Data;

/// <summary>
/// Reads and writes <c>scenario.json</c> (DESIGN.md §4) as a <see cref="Scenario"/>.
/// </summary>
/// <remarks>
/// <para>Fields (camelCase): <c>importer</c>, <c>beneficiaries</c>, <c>hs</c>, <c>effective</c> and
/// exactly one of <c>newRatePercent</c> / <c>cutPoints</c> / <c>cutPercent</c> are required;
/// <c>name</c>, <c>description</c>, <c>stages</c> (default 1), <c>referenceYear</c> (default: the
/// data's latest year), <c>model</c> (<c>smart</c>, <c>armington</c> or <c>gsim</c>; default
/// <c>smart</c>), <c>elasticities</c> (<c>default</c> with <c>importDemand</c>, <c>substitution</c>,
/// <c>exportSupply</c>, each defaulting to WITS-SMART's value; <c>byHs</c> with per-code partial
/// overrides, each optionally with a <c>source</c>), <c>monteCarlo</c> (<c>draws</c> 1000, <c>seed</c>
/// 42, <c>spread</c> 0.5 by default) and <c>sources</c> (an object of strings, keyed by parameter path)
/// are optional. <c>exportSupply</c> is a number or the string <c>"infinity"</c>. A JSON <c>null</c>
/// counts as absent. A missing <c>name</c> is generated from the other fields.</para>
/// <para>Strictness: an unknown or repeated field is an error naming the field and its JSON path
/// (typos are caught), as is a value of the wrong type or out of range, a repeated beneficiary or HS
/// code, a second tariff change, a number outside the numeric domain (<see cref="NumericDomain"/>) or an
/// elasticity override (<c>byHs</c>) for a code that is neither one of the <c>hs</c> lines, under one, nor
/// above one (it would never be used). Errors are <see cref="TradeDataException"/> with the file, the
/// line and the path, for example <c>scenario.json:12: $.elasticities.defualt: unknown field …</c>.</para>
/// <para>Writing gives the fields in the order above, dates as ISO <c>yyyy-MM-dd</c> (NodaTime's
/// converter), numbers in their shortest round-trip form; reading the output gives an equal scenario.</para>
/// </remarks>
/// <threadsafety>Stateless; safe to use from many threads.</threadsafety>
public static class ScenarioJson
{
    private static readonly string[] RootFields =
        ["name", "description", "importer", "beneficiaries", "hs", "newRatePercent", "cutPoints", "cutPercent", "effective", "stages", "referenceYear", "model", "elasticities", "monteCarlo", "sources"];

    /// <summary>The largest scenario read from a stream or file, in bytes of (decompressed) JSON: 16 MB.</summary>
    public const int MaxBytes = 16 << 20;

    private static readonly JsonSerializerOptions NodaOptions = new JsonSerializerOptions().ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);

    /// <summary>Reads a scenario file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="TradeDataException">The file is not valid JSON or breaks a rule; the message says where.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static Scenario Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Reads a scenario from a stream (read to its end; it stays open).</summary>
    /// <param name="stream">The UTF-8 content (gzip detected).</param>
    /// <param name="fileName">The name to use in messages.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="TradeDataException">The content is not valid JSON (or not valid gzip), is larger than <see cref="MaxBytes"/>, or breaks a rule.</exception>
    public static Scenario Read(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        using var buffer = new MemoryStream();
        try
        {
            using var input = Input.Decompress(stream, fileName, leaveOpen: true);
            var chunk = new byte[1 << 16];
            int n;
            while ((n = input.Read(chunk)) > 0)
            {
                if (buffer.Length + n > MaxBytes)
                {
                    // A scenario is a few kilobytes; this bounds memory against a gzip archive that expands a thousandfold.
                    var lines = buffer.GetBuffer().AsSpan(0, (int)buffer.Length).Count((byte)'\n') + 1;
                    throw new TradeDataException(fileName, lines, null, null, string.Create(CultureInfo.InvariantCulture, $"is larger than {MaxBytes >> 20} MB of JSON; a scenario file is a few kilobytes"));
                }

                buffer.Write(chunk, 0, n);
            }
        }
        catch (InvalidDataException e)
        {
            throw InputErrors.NotGzip(fileName, 1, e);
        }

        return FromNode(JsonNode.Parse(buffer.ToArray(), fileName));
    }

    /// <summary>Parses a scenario from JSON text.</summary>
    /// <param name="json">The JSON.</param>
    /// <param name="fileName">The name to use in messages.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="TradeDataException">The text is not valid JSON or breaks a rule.</exception>
    public static Scenario Parse(string json, string fileName = "scenario.json")
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(fileName);
        return FromNode(JsonNode.Parse(Encoding.UTF8.GetBytes(json), fileName));
    }

    /// <summary>Returns the scenario as indented JSON text.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>The JSON, ending with a line break.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scenario"/> is null.</exception>
    public static string ToJson(Scenario scenario)
    {
        using var buffer = new MemoryStream();
        Write(scenario, buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes the scenario as indented UTF-8 JSON (no BOM) to a stream, which stays open.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="stream">Where to write.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(Scenario scenario, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(stream);
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            WriteScenario(w, scenario);
        }

        stream.WriteByte((byte)'\n');
    }

    /// <summary>Writes the scenario to a file (UTF-8 without BOM).</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="path">The file, replaced if it exists.</param>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Write(Scenario scenario, string path)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        Write(scenario, stream);
    }

    /// <summary>Returns the file spelling of a model: <c>smart</c>, <c>armington</c> or <c>gsim</c>.</summary>
    /// <param name="model">The model.</param>
    /// <returns>The spelling.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined model.</exception>
    public static string FormatModel(ProjectionModelKind model) => model switch
    {
        ProjectionModelKind.Smart => "smart",
        ProjectionModelKind.Armington => "armington",
        ProjectionModelKind.Gsim => "gsim",
        _ => throw new ArgumentOutOfRangeException(nameof(model), model, "Unknown model."),
    };

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
        foreach (var b in s.Beneficiaries)
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

    private static Scenario FromNode(JsonNode root)
    {
        CheckFields(root);
        var importer = Country(Required(root, "importer"));
        var beneficiaries = Distinct(Required(root, "beneficiaries"), Country, "beneficiary");
        var lines = Distinct(Required(root, "hs"), Hs, "HS code");
        var change = Change(root);
        var effective = Date(Required(root, "effective"));
        var name = root.Property("name")?.String()
            ?? $"{importer.Alpha3}: {change} for {string.Join(", ", beneficiaries.Select(b => b.Alpha3))} on HS {string.Join(", ", lines)}";
        var description = root.Property("description")?.String() ?? string.Empty;
        var stages = root.Property("stages") is { } st ? InRange(st, 1, 100) : 1;
        int? year = root.Property("referenceYear") is { } y ? InRange(y, 1900, 2200) : null;
        var model = root.Property("model") is { } m ? Model(m) : ProjectionModelKind.Smart;
        Scenario probe;
        try
        {
            // The scenario's lines first: every elasticity override must concern one of them.
            probe = new Scenario(name, importer, beneficiaries, lines, change, effective);
        }
        catch (ArgumentException e)
        {
            var at = e.ParamName == "lines" ? root.Property("hs")! : root.Property("beneficiaries")!;
            throw at.Error(FirstSentence(e.Message).Replace("is out of range: ", string.Empty, StringComparison.Ordinal), e);
        }

        var elasticities = root.Property("elasticities") is { } el ? Elasticities(el, probe) : TradeBalance.Projections.Elasticities.SmartDefaults;
        var monteCarlo = root.Property("monteCarlo") is { } mc ? MonteCarlo(mc) : null;
        var sources = root.Property("sources") is { } src ? Sources(src) : ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);
        return new Scenario(name, importer, beneficiaries, lines, change, effective)
        {
            Description = description,
            Stages = stages,
            ReferenceYear = year,
            Model = model,
            Elasticities = elasticities,
            MonteCarlo = monteCarlo,
            Sources = sources,
        };
    }

    /// <summary>Rejects unknown fields everywhere first, so a typo is reported before what it makes look missing.</summary>
    private static void CheckFields(JsonNode root)
    {
        root.ExpectObject(RootFields);
        if (root.Property("elasticities") is { Kind: JsonValueKind.Object } e)
        {
            e.ExpectObject("default", "byHs");
            if (e.Property("default") is { Kind: JsonValueKind.Object } d)
            {
                d.ExpectObject("importDemand", "substitution", "exportSupply");
            }

            if (e.Property("byHs") is { Kind: JsonValueKind.Object } byHs)
            {
                foreach (var (_, o) in byHs.Properties)
                {
                    if (o.Kind == JsonValueKind.Object)
                    {
                        o.ExpectObject("importDemand", "substitution", "exportSupply", "source");
                    }
                }
            }
        }

        if (root.Property("monteCarlo") is { Kind: JsonValueKind.Object } mc)
        {
            mc.ExpectObject("draws", "seed", "spread");
        }
    }

    private static JsonNode Required(JsonNode parent, string name) =>
        parent.Property(name) ?? throw parent.Context.Error(parent.Offset, parent.Path + "." + name, null, "is required but missing");

    private static List<T> Distinct<T>(JsonNode array, Func<JsonNode, T> parse, string what)
    {
        var items = array.Array();
        if (items.Count == 0)
        {
            throw array.Error($"must list at least one {what}");
        }

        var list = new List<T>();
        var seen = new HashSet<T>(); // not list.Contains: n items would cost n²
        foreach (var item in items)
        {
            var v = parse(item);
            if (!seen.Add(v))
            {
                throw item.Error($"is listed twice in {array.Path}");
            }

            list.Add(v);
        }

        return list;
    }

    private static Country Country(JsonNode node) =>
        TradeCodes.TryCountry(node.String(), out var c) ? c : throw node.Error("is not a known country code (ISO 3166-1 alpha-3, alpha-2 or numeric / UN M49)");

    private static HsCode Hs(JsonNode node)
    {
        var s = node.String();
        return HsCode.TryParse(s, out var h) ? h : throw node.Error(InputErrors.HsProblem(s));
    }

    private static LocalDate Date(JsonNode node)
    {
        var r = LocalDatePattern.Iso.Parse(node.String());
        return r.Success ? r.Value : throw node.Error("is not an ISO date (yyyy-MM-dd)");
    }

    private static int InRange(JsonNode node, int min, int max)
    {
        var v = node.Int();
        return v < min || v > max ? throw node.Error(string.Create(CultureInfo.InvariantCulture, $"is out of range ({min} to {max})")) : v;
    }

    private static TariffChange Change(JsonNode root)
    {
        string[] names = ["newRatePercent", "cutPoints", "cutPercent"];
        var given = names.Select(n => (Name: n, Node: root.Property(n))).Where(p => p.Node is not null).ToList();
        if (given.Count == 0)
        {
            throw root.Context.Error(root.Offset, root.Path, null, "needs one of newRatePercent, cutPoints or cutPercent (the tariff change)");
        }

        if (given.Count > 1)
        {
            throw given[1].Node!.Error($"conflicts with {given[0].Name}: give exactly one of newRatePercent, cutPoints or cutPercent");
        }

        var (name, node) = given[0];
        var v = node!.Decimal();
        return name switch
        {
            "newRatePercent" => v < 0m ? throw node.Error("is negative; a tariff rate is zero or more")
                : v > NumericDomain.MaxTariffPercent ? throw node.Error(string.Create(CultureInfo.InvariantCulture, $"is outside the numeric domain: a tariff rate is at most {NumericDomain.MaxTariffPercent} percent (docs/numeric-domain.md)"))
                : TariffChange.NewRate(new TariffRate(v)),
            "cutPoints" => Math.Abs(v) > NumericDomain.MaxTariffPercent
                ? throw node.Error(string.Create(CultureInfo.InvariantCulture, $"is outside the numeric domain: a cut is within ±{NumericDomain.MaxTariffPercent} points (docs/numeric-domain.md)"))
                : TariffChange.CutPoints(v),
            _ => v is < 0m or > 100m ? throw node.Error("is out of range (0 to 100 percent of the rate)") : TariffChange.CutPercent(v),
        };
    }

    private static ProjectionModelKind Model(JsonNode node) => node.String().ToUpperInvariant() switch
    {
        "SMART" => ProjectionModelKind.Smart,
        "ARMINGTON" => ProjectionModelKind.Armington,
        "GSIM" => ProjectionModelKind.Gsim,
        _ => throw node.Error("is not a model: expected smart, armington or gsim"),
    };

    private static Elasticities Elasticities(JsonNode node, Scenario scenario)
    {
        node.ExpectObject("default", "byHs");
        var defaults = TradeBalance.Projections.Elasticities.SmartDefaults.Default;
        if (node.Property("default") is { } d)
        {
            d.ExpectObject("importDemand", "substitution", "exportSupply");
            try
            {
                defaults = new ElasticityValues(
                    d.Property("importDemand")?.Double() ?? defaults.ImportDemand,
                    d.Property("substitution")?.Double() ?? defaults.Substitution,
                    d.Property("exportSupply") is { } s ? Supply(s) : defaults.ExportSupply);
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw (d.Property(e.ParamName ?? string.Empty) ?? d).Error(FirstSentence(e.Message), e);
            }
        }

        var overrides = new Dictionary<HsCode, ElasticityOverride>();
        if (node.Property("byHs") is { } byHs)
        {
            byHs.ExpectAnyObject();
            foreach (var (code, o) in byHs.Properties)
            {
                if (!HsCode.TryParse(code, out var hs) || hs.IsTotal)
                {
                    throw o.Context.Error(o.NameOffset, o.Path, code, InputErrors.HsProblem(code));
                }

                if (overrides.ContainsKey(hs))
                {
                    throw o.Context.Error(o.NameOffset, o.Path, code, $"repeats HS {hs} (written differently)");
                }

                if (!scenario.Concerns(hs))
                {
                    throw o.Context.Error(o.NameOffset, o.Path, code, $"is outside the scenario's lines ({string.Join(", ", scenario.Lines)}): an elasticity override for it would never be used; remove it or add the line to $.hs");
                }

                o.ExpectObject("importDemand", "substitution", "exportSupply", "source");
                var value = new ElasticityOverride(
                    o.Property("importDemand")?.Double(),
                    o.Property("substitution")?.Double(),
                    o.Property("exportSupply") is { } s ? Supply(s) : null,
                    o.Property("source")?.String() ?? string.Empty);
                if (value.ImportDemand is null && value.Substitution is null && value.ExportSupply is null)
                {
                    throw o.Error("sets no elasticity (give importDemand, substitution or exportSupply)");
                }

                try
                {
                    _ = new TradeBalance.Projections.Elasticities(defaults, new Dictionary<HsCode, ElasticityOverride> { [hs] = value });
                }
                catch (ArgumentOutOfRangeException e)
                {
                    var field = value.ImportDemand is { } eta && (eta >= 0d || eta < NumericDomain.MinImportDemand) ? "importDemand"
                        : value.Substitution is { } sg && (sg <= 0d || sg > NumericDomain.MaxSubstitution) ? "substitution"
                        : "exportSupply";
                    throw (o.Property(field) ?? o).Error(FirstSentence(e.Message), e);
                }

                overrides[hs] = value;
            }
        }

        return new TradeBalance.Projections.Elasticities(defaults, overrides);
    }

    private static double Supply(JsonNode node)
    {
        if (node.Kind == JsonValueKind.String)
        {
            return string.Equals(node.Text, "infinity", StringComparison.OrdinalIgnoreCase)
                ? double.PositiveInfinity
                : throw node.Error("is not an export-supply elasticity: expected a positive number or \"infinity\"");
        }

        var v = node.Double();
        return v > 0d ? v : throw node.Error("must be positive (99 or \"infinity\" for infinite supply)");
    }

    private static MonteCarloSettings MonteCarlo(JsonNode node)
    {
        node.ExpectObject("draws", "seed", "spread");
        var defaults = new MonteCarloSettings();
        if (node.Property("draws") is { } draws && draws.Int() is < 1 or > MonteCarloSettings.MaxDraws)
        {
            throw draws.Error(string.Create(CultureInfo.InvariantCulture, $"is out of range (1 to {MonteCarloSettings.MaxDraws:N0} draws)"));
        }

        try
        {
            return new MonteCarloSettings(
                node.Property("draws")?.Int() ?? defaults.Draws,
                node.Property("seed")?.Int() ?? defaults.Seed,
                node.Property("spread")?.Double() ?? defaults.Spread);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw (node.Property(e.ParamName ?? string.Empty) ?? node).Error(FirstSentence(e.Message), e);
        }
    }

    private static ImmutableSortedDictionary<string, string> Sources(JsonNode node)
    {
        node.ExpectAnyObject();
        return node.Properties.ToImmutableSortedDictionary(p => p.Key, p => p.Value.String(), StringComparer.Ordinal);
    }

    private static string FirstSentence(string message)
    {
        var i = message.IndexOf(" (Parameter", StringComparison.Ordinal);
        var s = i >= 0 ? message[..i] : message;
        var j = s.IndexOf(Environment.NewLine, StringComparison.Ordinal);
        s = j >= 0 ? s[..j] : s;
        return "is out of range: " + (s.Length > 0 ? char.ToLowerInvariant(s[0]) + s[1..] : s);
    }
}
