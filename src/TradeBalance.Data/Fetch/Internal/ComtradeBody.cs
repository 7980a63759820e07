using System.Globalization;
using System.Text.Json;
using TradeBalance.Data.Internal;

namespace TradeBalance.Data.Fetch.Internal;

/// <summary>
/// A UN Comtrade API response, <c>{"elapsedTime": …, "count": n, "data": [ … ], "error": ""}</c>: checked before it is
/// cached (JSON, <c>count</c> equal to the rows, the fields the reader needs present in every row, no <c>error</c>), and
/// turned into the Comtrade Plus CSV layout that <see cref="ComtradeReader"/> reads, so a fetched row means what the
/// same row means in a downloaded file.
/// </summary>
internal static class ComtradeBody
{
    /// <summary>The fields every row must have (a year: <c>refYear</c> or <c>period</c>).</summary>
    public static readonly string[] Required = ["reporterCode", "flowCode", "partnerCode", "cmdCode", "primaryValue"];

    /// <summary>The columns written for the reader, in the API's names.</summary>
    private static readonly string[] Columns =
    [
        "reporterCode", "reporterISO", "partnerCode", "partnerISO", "partner2Code", "flowCode", "cmdCode", "refYear", "period",
        "freqCode", "customsCode", "motCode", "cifvalue", "primaryValue", "netWgt", "classificationCode",
    ];

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    /// <summary>What a piece asked for, which every row must match: a server that answers another question is wrong, not data.</summary>
    public sealed record Asked(string Reporter, int Year, string Flow);

    /// <summary>What is wrong with a body, or null when it is a valid response (to <paramref name="asked"/>, when given).</summary>
    public static string? Problem(byte[] body, Asked? asked = null)
    {
        try
        {
            using var json = JsonDocument.Parse(body, Options);
            return Problem(json.RootElement, asked);
        }
        catch (JsonException e)
        {
            return string.Create(CultureInfo.InvariantCulture, $"is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})");
        }
    }

    private static string? Problem(JsonElement root, Asked? asked)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return "is not a JSON object";
        }

        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String && error.GetString() is { Length: > 0 } said)
        {
            return $"carries the error \"{Printable.Value(said)}\"";
        }

        if (!root.TryGetProperty("count", out var count) || !count.TryGetInt32(out var n) || n < 0)
        {
            return "has no whole-number 'count'";
        }

        if (!root.TryGetProperty("data", out var data) || data.ValueKind is not (JsonValueKind.Array or JsonValueKind.Null))
        {
            return "has no 'data' array";
        }

        var rows = data.ValueKind == JsonValueKind.Null ? 0 : data.GetArrayLength();
        if (rows != n)
        {
            return string.Create(CultureInfo.InvariantCulture, $"says count {n} but holds {rows} rows (cut short?)");
        }

        var index = 0;
        foreach (var row in data.ValueKind == JsonValueKind.Null ? default : data.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Object)
            {
                return string.Create(CultureInfo.InvariantCulture, $"row {index} is not an object");
            }

            foreach (var field in Required)
            {
                if (!row.TryGetProperty(field, out _))
                {
                    return string.Create(CultureInfo.InvariantCulture, $"row {index} has no '{field}'");
                }
            }

            if (!row.TryGetProperty("refYear", out _) && !row.TryGetProperty("period", out _))
            {
                return string.Create(CultureInfo.InvariantCulture, $"row {index} has neither 'refYear' nor 'period'");
            }

            if (asked is not null && Unasked(row, asked) is { } unasked)
            {
                return string.Create(CultureInfo.InvariantCulture, $"row {index} {unasked}");
            }

            index++;
        }

        return null;
    }

    private static string? Unasked(JsonElement row, Asked asked)
    {
        var reporter = Text(row.GetProperty("reporterCode"));
        if (reporter != asked.Reporter)
        {
            return $"is for reporter {Printable.Value(reporter)}, not {asked.Reporter} as asked";
        }

        var flow = Text(row.GetProperty("flowCode"));
        if (!string.Equals(flow, asked.Flow, StringComparison.OrdinalIgnoreCase))
        {
            return $"is flow {Printable.Value(flow)}, not {asked.Flow} as asked";
        }

        var year = row.TryGetProperty("refYear", out var y) ? Text(y) : Text(row.GetProperty("period"));
        return year is { Length: >= 4 } && year.AsSpan(0, 4).SequenceEqual(asked.Year.ToString(CultureInfo.InvariantCulture))
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"is for year {Printable.Value(year)}, not {asked.Year} as asked");
    }

    /// <summary>The number of rows (the body is valid): the top-level <c>count</c>, found by a forward scan that stops there (it comes before <c>data</c>), so no second document is built.</summary>
    public static int Count(byte[] body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 16 });
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("count"u8))
            {
                reader.Read();
                return reader.GetInt32();
            }
        }

        throw new InvalidOperationException("A checked Comtrade body has no 'count'.");
    }

    /// <summary>
    /// The rows as Comtrade Plus CSV for <see cref="ComtradeReader"/>, and the classifications met. Exports become
    /// mirror imports: reporter and partner swap and the flow reads M; rows whose partner is World or an area that is
    /// not a country cannot become an importer and are counted in <paramref name="skipped"/>.
    /// </summary>
    public static string Csv(byte[] body, ComtradeFlow flow, ISet<string> classifications, IDictionary<string, long> skipped)
    {
        using var json = JsonDocument.Parse(body, Options);
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var o = new CsvOutput(text);
        o.Row(Columns);
        var data = json.RootElement.GetProperty("data");
        if (data.ValueKind != JsonValueKind.Array)
        {
            return text.ToString();
        }

        var fields = new string?[Columns.Length];
        foreach (var row in data.EnumerateArray())
        {
            for (var i = 0; i < Columns.Length; i++)
            {
                fields[i] = row.TryGetProperty(Columns[i], out var v) ? Text(v) : null;
            }

            if (fields[^1] is { Length: > 0 } cl)
            {
                classifications.Add(cl);
            }

            if (flow == ComtradeFlow.Export)
            {
                if (!IsCountry(fields[2]))
                {
                    var key = "export to World or an area that is not a country (cannot be a mirror importer)";
                    skipped[key] = skipped.TryGetValue(key, out var k) ? k + 1 : 1;
                    continue;
                }

                (fields[0], fields[2]) = (fields[2], fields[0]);
                (fields[1], fields[3]) = (fields[3], fields[1]);
                fields[5] = "M";
                fields[12] = null; // no CIF value for an export; primaryValue is FOB
            }

            o.Row(fields);
        }

        return text.ToString();
    }

    private static bool IsCountry(string? code) =>
        int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && TradeCodes.Resolve(n, out _) == NumericCodeKind.Country;

    private static string? Text(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };
}
