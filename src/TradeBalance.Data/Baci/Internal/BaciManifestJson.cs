using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TradeBalance.Data.Internal.Baci;

/// <summary>
/// A BACI conversion's <c>manifest.json</c>, written last (a folder without it is no conversion) and read as hostile
/// input: size-capped, every field checked, file names only as the converter writes them (no path can escape the folder).
/// </summary>
internal static class BaciManifestJson
{
    /// <summary>What the manifest says it is.</summary>
    public const string Format = "tradebalance-baci-parquet";

    /// <summary>The layout's version; a reader refuses another.</summary>
    public const int FormatVersion = 1;

    /// <summary>The largest manifest read: a few hundred bytes a year.</summary>
    public const int MaxBytes = 1 << 20;

    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");

    public static void Write(Stream stream, BaciParquetManifest m)
    {
        // Relaxed escaping: the manifest is read by people and JSON parsers, never embedded in HTML ("0.1.0+c0ca46f", not "\u002B").
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("format", Format);
        w.WriteNumber("formatVersion", FormatVersion);
        w.WriteString("tool", m.ToolVersion);
        w.WriteStartObject("source");
        w.WriteString("name", m.SourceName);
        w.WriteNumber("bytes", m.SourceBytes);
        w.WriteString("sha256", m.SourceSha256);
        w.WriteEndObject();
        w.WriteString("baciVersion", m.BaciVersion);
        w.WriteString("hsRevision", m.HsRevision);
        w.WriteString("countryCodes", m.CountryCodesFile);
        w.WriteString("layout", "one Parquet file per year, year=YYYY.parquet, canonical flow columns: year, exporter, importer, hs, value_usd (USD), quantity_kg (kg), source; value_decimals and quantity_decimals give each number's decimals as BACI wrote it");
        w.WriteStartArray("years");
        foreach (var y in m.Years)
        {
            w.WriteStartObject();
            w.WriteNumber("year", y.Year);
            w.WriteString("file", y.FileName);
            w.WriteString("sourceFile", y.SourceFile);
            w.WriteNumber("rowsRead", y.RowsRead);
            w.WriteNumber("rows", y.Rows);
            w.WriteNumber("bytes", y.Bytes);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("totals");
        w.WriteNumber("years", m.Years.Count);
        w.WriteNumber("rowsRead", m.TotalRowsRead);
        w.WriteNumber("rows", m.TotalRows);
        w.WriteNumber("bytes", m.TotalBytes);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Reads and checks a manifest (not yet the files it lists).</summary>
    public static BaciParquetManifest Read(string path, string directory)
    {
        var length = new FileInfo(path).Length;
        if (length > MaxBytes)
        {
            throw Bad(path, string.Create(CultureInfo.InvariantCulture, $"is {length:N0} bytes; a BACI conversion's manifest is at most {MaxBytes:N0} (this is not one)"));
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException e)
        {
            throw Bad(path, $"is not valid JSON ({e.Message}); convert the release again", e);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "format", path) != Format)
            {
                throw Bad(path, $"is not a BACI conversion's manifest (its \"format\" is not \"{Format}\")");
            }

            var version = Number(root, "formatVersion", path);
            if (version != FormatVersion)
            {
                throw Bad(path, string.Create(CultureInfo.InvariantCulture, $"has formatVersion {version}; this TradeBalance reads version {FormatVersion}: convert the release again with it"));
            }

            var source = Member(root, "source", JsonValueKind.Object, path);
            var sha = Text(source, "sha256", path);
            if (sha.Length != 64 || sha.AsSpan().ContainsAnyExcept(LowerHex))
            {
                throw Bad(path, "has a source sha256 that is not 64 lower-case hexadecimal digits");
            }

            var revision = BaciReleaseName.Revision(Text(root, "hsRevision", path))
                ?? throw Bad(path, $"has an hsRevision that is none of {string.Join(", ", BaciReleaseName.Revisions)}");
            var years = new List<BaciParquetYear>();
            foreach (var y in Member(root, "years", JsonValueKind.Array, path).EnumerateArray())
            {
                BaciParquetYear year;
                try
                {
                    year = new BaciParquetYear((int)Math.Clamp(Number(y, "year", path), int.MinValue, int.MaxValue), Text(y, "sourceFile", path), Number(y, "rowsRead", path), Number(y, "rows", path), Number(y, "bytes", path));
                }
                catch (ArgumentException e)
                {
                    throw Bad(path, $"has a year that cannot be: {e.Message}", e);
                }

                if (Text(y, "file", path) != year.FileName)
                {
                    throw Bad(path, string.Create(CultureInfo.InvariantCulture, $"names the file of {year.Year} '{Text(y, "file", path)}'; a conversion names it '{year.FileName}'"));
                }

                if (years.Count > 0 && years[^1].Year >= year.Year)
                {
                    throw Bad(path, string.Create(CultureInfo.InvariantCulture, $"lists {year.Year} after {years[^1].Year}: years are listed once each, in ascending order"));
                }

                years.Add(year);
            }

            if (years.Count == 0)
            {
                throw Bad(path, "lists no years");
            }

            var manifest = new BaciParquetManifest(directory, Text(source, "name", path), Number(source, "bytes", path), sha, Text(root, "baciVersion", path), revision, Text(root, "countryCodes", path), Text(root, "tool", path), years);
            var totals = Member(root, "totals", JsonValueKind.Object, path);
            if (Number(totals, "rows", path) != manifest.TotalRows || Number(totals, "rowsRead", path) != manifest.TotalRowsRead || Number(totals, "bytes", path) != manifest.TotalBytes)
            {
                throw Bad(path, "has totals that are not the sums of its years: it was edited; convert the release again");
            }

            return manifest;
        }
    }

    private static JsonElement Member(JsonElement e, string name, JsonValueKind kind, string path) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == kind
            ? v
            : throw Bad(path, $"has no \"{name}\" ({kind.ToString().ToLowerInvariant()})");

    private static string Text(JsonElement e, string name, string path)
    {
        var s = Member(e, name, JsonValueKind.String, path).GetString()!;
        return s.Length is > 0 and <= 200 ? s : throw Bad(path, $"has a \"{name}\" that is empty or longer than 200 characters");
    }

    private static long Number(JsonElement e, string name, string path) =>
        Member(e, name, JsonValueKind.Number, path).TryGetInt64(out var n) && n >= 0 ? n : throw Bad(path, $"has a \"{name}\" that is not a whole number ≥ 0");

    public static TradeDataException Bad(string path, string problem, Exception? inner = null) => new($"{Printable.Escape(path)}: {problem}", inner);
}
