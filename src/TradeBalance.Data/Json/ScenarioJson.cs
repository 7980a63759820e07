using System.Globalization;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using TradeBalance.Data.Internal;
using TradeBalance.Projections;

namespace TradeBalance.Data;

/// <summary>
/// Reads and writes <c>scenario.json</c> (docs/data-formats.md, <c>scenario.json</c>) as a <see cref="Scenario"/>.
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
public static partial class ScenarioJson
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
        return FromNode(ReadNode(stream, fileName));
    }

    /// <summary>Reads a JSON document of at most <see cref="MaxBytes"/> (gzip detected) into a node tree.</summary>
    internal static JsonNode ReadNode(Stream stream, string fileName)
    {
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

        return JsonNode.Parse(buffer.ToArray(), fileName);
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
    public static string FormatModel(ProjectionModelKind model) => ProjectionModel.For(model).Name;
}
