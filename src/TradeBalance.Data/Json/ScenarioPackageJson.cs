using System.Text;
using System.Text.Json;
using TradeBalance.Data.Internal;
using TradeBalance.Projections;

namespace TradeBalance.Data;

/// <summary>
/// Reads and writes a scenario package (<see cref="ScenarioPackage"/>): several tariff changes applied
/// together, each a scenario as <see cref="ScenarioJson"/> reads it.
/// </summary>
/// <remarks>
/// <para>Fields: <c>parts</c> (required: an array of scenario objects), <c>name</c> (required),
/// <c>description</c>, <c>balance</c> (<c>{"country": "KEN", "partner": "CHN"}</c>: the balance to show;
/// default: the first part's first beneficiary with its importer) and <c>sources</c>. The rules of
/// <see cref="ScenarioJson"/> hold for each part; errors name the part by its JSON path, for example
/// <c>package.json:31: $.parts[1].hs[0]: …</c>. A file whose root has <c>parts</c> is a package
/// (<see cref="IsPackage(Stream)"/>; <see cref="ReadScenarioOrPackage"/> reads either); any other is one scenario.</para>
/// </remarks>
/// <threadsafety>Stateless; safe to use from many threads.</threadsafety>
public static class ScenarioPackageJson
{
    private static readonly string[] RootFields = ["name", "description", "balance", "parts", "sources"];

    /// <summary>Reads a package file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The package.</returns>
    /// <exception cref="TradeDataException">The file is not valid JSON or breaks a rule; the message says where.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ScenarioPackage Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Reads a package from a stream (read to its end; it stays open).</summary>
    /// <param name="stream">The UTF-8 content (gzip detected), at most <see cref="ScenarioJson.MaxBytes"/>.</param>
    /// <param name="fileName">The name to use in messages.</param>
    /// <returns>The package.</returns>
    /// <exception cref="TradeDataException">The content is not valid JSON or breaks a rule.</exception>
    public static ScenarioPackage Read(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        return FromNode(ScenarioJson.ReadNode(stream, fileName));
    }

    /// <summary>Parses a package from JSON text.</summary>
    /// <param name="json">The JSON.</param>
    /// <param name="fileName">The name to use in messages.</param>
    /// <returns>The package.</returns>
    /// <exception cref="TradeDataException">The text is not valid JSON or breaks a rule.</exception>
    public static ScenarioPackage Parse(string json, string fileName = "package.json")
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(fileName);
        return FromNode(JsonNode.Parse(Encoding.UTF8.GetBytes(json), fileName));
    }

    /// <summary>Reads a file that is either one scenario or a package, from one read of the stream.</summary>
    /// <param name="stream">The UTF-8 content (gzip detected), at most <see cref="ScenarioJson.MaxBytes"/>; read to its end, left open.</param>
    /// <param name="fileName">The name to use in messages.</param>
    /// <returns>For a package (its root has <c>parts</c>): its first part and the package; for one scenario: the scenario and null.</returns>
    /// <exception cref="TradeDataException">The content is not valid JSON, is too large, or breaks a rule.</exception>
    public static (Scenario Scenario, ScenarioPackage? Package) ReadScenarioOrPackage(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        var root = ScenarioJson.ReadNode(stream, fileName);
        if (!IsPackage(root))
        {
            return (ScenarioJson.FromNode(root), null);
        }

        var package = FromNode(root);
        return (package.Parts[0], package);
    }

    /// <summary>Tells whether JSON content is a package (its root is an object with <c>parts</c>) rather than one scenario; the stream is read to its end.</summary>
    /// <param name="stream">The content (gzip detected); at most <see cref="ScenarioJson.MaxBytes"/> of JSON is read.</param>
    /// <returns>True for a package; false for anything else, invalid or oversized JSON included (the scenario reader then says what is wrong).</returns>
    public static bool IsPackage(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            return IsPackage(ScenarioJson.ReadNode(stream, "input"));
        }
        catch (TradeDataException)
        {
            return false;
        }
    }

    /// <summary>Returns the package as indented JSON text.</summary>
    /// <param name="package">The package.</param>
    /// <returns>The JSON, ending with a line break.</returns>
    public static string ToJson(ScenarioPackage package)
    {
        using var buffer = new MemoryStream();
        Write(package, buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes the package as indented UTF-8 JSON (no BOM) to a stream, which stays open.</summary>
    /// <param name="package">The package.</param>
    /// <param name="stream">Where to write.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(ScenarioPackage package, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(stream);
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("name", package.Name);
            if (package.Description.Length > 0)
            {
                w.WriteString("description", package.Description);
            }

            if (package.BalanceCountry is not null || package.BalancePartner is not null)
            {
                w.WriteStartObject("balance");
                if (package.BalanceCountry is { } c)
                {
                    w.WriteString("country", c.Alpha3);
                }

                if (package.BalancePartner is { } p)
                {
                    w.WriteString("partner", p.Alpha3);
                }

                w.WriteEndObject();
            }

            w.WriteStartArray("parts");
            foreach (var part in package.Parts)
            {
                ScenarioJson.WriteScenario(w, part);
            }

            w.WriteEndArray();
            if (!package.Sources.IsEmpty)
            {
                w.WriteStartObject("sources");
                foreach (var (k, v) in package.Sources)
                {
                    w.WriteString(k, v);
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }

    private static bool IsPackage(JsonNode root) => root.Kind == JsonValueKind.Object && root.Properties.Any(p => p.Key == "parts");

    private static ScenarioPackage FromNode(JsonNode root)
    {
        root.ExpectObject(RootFields);
        var partsNode = root.Property("parts") ?? throw root.Error("has no 'parts': a package lists its scenarios in an array 'parts' (one scenario alone is read with ScenarioJson)");
        var items = partsNode.Array();
        if (items.Count == 0)
        {
            throw partsNode.Error("is empty; a package needs at least one part");
        }

        var parts = items.Select(ScenarioJson.FromNode).ToList();
        var name = root.Property("name")?.String() ?? throw root.Error("has no 'name'; a package needs one");
        Country? country = null, partner = null;
        if (root.Property("balance") is { } balance)
        {
            balance.ExpectObject("country", "partner");
            country = balance.Property("country") is { } c ? ScenarioJson.Country(c) : null;
            partner = balance.Property("partner") is { } p ? ScenarioJson.Country(p) : null;
            if (country is not null && country.Equals(partner))
            {
                throw balance.Error($"names {country.Alpha3} as both country and partner");
            }
        }

        try
        {
            return new ScenarioPackage(name, parts)
            {
                Description = root.Property("description")?.String() ?? string.Empty,
                BalanceCountry = country,
                BalancePartner = partner,
                Sources = root.Property("sources") is { } s ? ScenarioJson.Sources(s) : System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal),
            };
        }
        catch (ArgumentException e)
        {
            throw partsNode.Error(e.Message.Split(" (Parameter", 2)[0], e);
        }
    }
}
