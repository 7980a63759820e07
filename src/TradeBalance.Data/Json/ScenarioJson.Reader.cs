using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using TradeBalance.Data.Internal;
using TradeBalance.Projections;

namespace TradeBalance.Data;

// The scenario from JSON: each field parsed from the node tree, with its line and path in every error.
public static partial class ScenarioJson
{
    internal static Scenario FromNode(JsonNode root)
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
            e.ExpectObject(ElasticityFields);
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
            MovedTables(mc);
            mc.ExpectObject("draws", "seed", "spread");
        }
    }

    private static readonly string[] ElasticityFields = ["default", "substitutionTable", "substitutionTables", "tradedLines", "byHs"];

    /// <summary>monteCarlo.substitutionTables (an earlier place for the band's tables) set the band's σ apart from the point's: refused with the fix.</summary>
    private static void MovedTables(JsonNode monteCarlo)
    {
        if (monteCarlo.Property("substitutionTables") is { } moved)
        {
            throw moved.Context.Error(moved.NameOffset, moved.Path, null, "has moved to $.elasticities.substitutionTables: the point σ is now the middle of the tables' range and the band draws across that same range, so the two cannot disagree");
        }
    }

    internal static JsonNode Required(JsonNode parent, string name) =>
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

    internal static Country Country(JsonNode node) =>
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

    private static ProjectionModelKind Model(JsonNode node) =>
        ProjectionModel.TryParse(node.String(), out var model)
            ? model.Kind
            : throw node.Error($"is not a model: expected {string.Join(", ", ProjectionModel.All.SkipLast(1).Select(m => m.Name))} or {ProjectionModel.All[^1].Name}");

    private static Elasticities Elasticities(JsonNode node, Scenario scenario)
    {
        node.ExpectObject(ElasticityFields);
        var defaults = TradeBalance.Projections.Elasticities.SmartDefaults.Default;
        var tables = new List<ElasticityTable>();
        if (node.Property("substitutionTable") is { } t)
        {
            if (node.Property("substitutionTables") is { } both)
            {
                throw both.Error("is given with substitutionTable: name one table there, or several here");
            }

            tables.Add(Table(t));
        }
        else if (node.Property("substitutionTables") is { } names)
        {
            tables.AddRange(Distinct(names, Table, "elasticity table"));
        }

        var lines = node.Property("tradedLines") is { } traded ? TradedLines(traded, scenario) : [];
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

        return new TradeBalance.Projections.Elasticities(defaults, overrides, tables, lines);
    }

    private static ElasticityTable Table(JsonNode node) =>
        ElasticityTables.TryFind(node.String(), out var table)
            ? table
            : throw node.Error($"is not an elasticity table: expected {string.Join(" or ", ElasticityTables.All.Select(x => x.Name))}");

    /// <summary>"tradedLines": { "0902": { "lines": { "090240": 0.99, "090230": 0.01 }, "source": "…" } }.</summary>
    private static List<TradedLines> TradedLines(JsonNode node, Scenario scenario)
    {
        node.ExpectAnyObject();
        var list = new List<TradedLines>();
        var seen = new HashSet<HsCode>();
        foreach (var (code, o) in node.Properties)
        {
            if (!HsCode.TryParse(code, out var market) || market.IsTotal || market.Length >= 6)
            {
                throw o.Context.Error(o.NameOffset, o.Path, code, "is not a chapter or heading (2 or 4 digits): traded lines describe a market coarser than HS6");
            }

            if (!seen.Add(market))
            {
                throw o.Context.Error(o.NameOffset, o.Path, code, $"repeats HS {market} (written differently)");
            }

            if (!scenario.Concerns(market))
            {
                throw o.Context.Error(o.NameOffset, o.Path, code, $"is outside the scenario's lines ({string.Join(", ", scenario.Lines)}): its composition would never be used; remove it or add the line to $.hs");
            }

            o.ExpectObject("lines", "source");
            var weightsNode = Required(o, "lines");
            weightsNode.ExpectAnyObject();
            var weights = new Dictionary<HsCode, double>();
            foreach (var (lineCode, w) in weightsNode.Properties)
            {
                if (!HsCode.TryParse(lineCode, out var line) || line.Length != 6 || !market.Contains(line))
                {
                    throw w.Context.Error(w.NameOffset, w.Path, lineCode, $"is not an HS6 line inside {market}");
                }

                var weight = w.Double();
                if (!(weight > 0d))
                {
                    throw w.Error("must be a positive weight (a share of the market's trade)");
                }

                if (!weights.TryAdd(line, weight))
                {
                    throw w.Context.Error(w.NameOffset, w.Path, lineCode, $"repeats HS {line} (written differently)");
                }
            }

            if (weights.Count == 0)
            {
                throw weightsNode.Error("must name at least one HS6 line with its weight");
            }

            list.Add(new TradedLines(market, weights, Required(o, "source").String()));
        }

        return list;
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
        MovedTables(node);
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

    internal static ImmutableSortedDictionary<string, string> Sources(JsonNode node)
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
