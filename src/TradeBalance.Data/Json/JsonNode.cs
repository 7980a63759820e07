using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TradeBalance.Data.Internal;

/// <summary>
/// A parsed JSON value that remembers its byte offset and JSON path, so that a reader can report
/// <c>file:line: $.path: problem</c>. Built with <see cref="Utf8JsonReader"/> (no reflection, no
/// source generation); duplicate property names are rejected while parsing.
/// </summary>
internal sealed class JsonNode
{
    private readonly JsonNode? _parent;
    private readonly string _segment;

    private JsonNode(JsonDocumentContext context, JsonValueKind kind, long offset, JsonNode? parent, string segment)
    {
        Context = context;
        Kind = kind;
        Offset = offset;
        _parent = parent;
        _segment = segment;
    }

    public JsonDocumentContext Context { get; }

    public JsonValueKind Kind { get; }

    public long Offset { get; }

    /// <summary>The JSON path (<c>$.elasticities.byHs.0902</c>), built when asked for: only errors need it, and
    /// building it for every node cost memory in proportion to nodes × path length (a long key over a large array).</summary>
    public string Path => _parent is null ? "$" : _parent.Path + _segment;

    public List<KeyValuePair<string, JsonNode>> Properties { get; } = [];

    public List<JsonNode> Items { get; } = [];

    /// <summary>The string value, or the raw text of a number, true, false or null.</summary>
    public string Text { get; private set; } = string.Empty;

    public bool IsNull => Kind == JsonValueKind.Null;

    public static JsonNode Parse(byte[] utf8, string fileName)
    {
        var start = utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF ? 3 : 0;
        var context = new JsonDocumentContext(fileName, utf8, start);

        // Utf8JsonReader does not check the bytes inside strings; GetString would throw InvalidOperationException later.
        var invalid = InvalidUtf8At(utf8.AsSpan(start));
        if (invalid >= 0)
        {
            throw context.Error(start + invalid, null, null, "is not valid UTF-8 text (save the file as UTF-8)");
        }

        if (utf8.AsSpan(start).IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            // Utf8JsonReader would say "does not contain any JSON tokens"; say it plainly, at the end of the file.
            throw context.Error(utf8.Length, null, null, "is empty; a JSON object is expected");
        }

        var reader = new Utf8JsonReader(utf8.AsSpan(start), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 });
        try
        {
            reader.Read();
            var root = ReadValue(ref reader, context, null, string.Empty);
            if (reader.Read())
            {
                throw context.Error(reader.TokenStartIndex + start, null, null, "has content after the end of the JSON value");
            }

            return root;
        }
        catch (JsonException e)
        {
            throw new TradeDataException(fileName, (e.LineNumber ?? 0) + 1, null, null, "is not valid JSON" + SyntaxProblem(utf8.AsSpan(start), e.LineNumber ?? 0, e.BytePositionInLine ?? 0), e);
        }
    }

    /// <summary>
    /// What is wrong at a syntax error, in our words and from the bytes themselves: System.Text.Json's
    /// messages speak of reader options ("not supported in this mode. Change the reader options") and
    /// byte values. The column is counted in characters, from 1.
    /// </summary>
    internal static string SyntaxProblem(ReadOnlySpan<byte> json, long lineNumber, long bytePositionInLine)
    {
        var lineStart = 0;
        for (long l = 0; l < lineNumber; l++)
        {
            var next = json[lineStart..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            lineStart += next + 1;
        }

        var at = (int)Math.Min(lineStart + Math.Max(bytePositionInLine, 0), json.Length);
        var column = Encoding.UTF8.GetCharCount(json[lineStart..at]) + 1;
        var where = string.Create(CultureInfo.InvariantCulture, $" at column {column}");
        var rest = json[at..];
        var before = json[..at].TrimEnd(" \t\r\n"u8);
        if (rest.TrimStart(" \t\r\n"u8).IsEmpty)
        {
            return $": the text ends before the JSON value is complete (a closing '}}', ']' or '\"' is missing)";
        }

        var b = rest[0];
        if (b < 0x20 && b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{where}: a control character, {(char)b} (inside a string JSON writes it as \\u{b:x4})");
        }

        if (b is (byte)'}' or (byte)']' && !before.IsEmpty && before[^1] == (byte)',')
        {
            return $"{where}: a comma before the closing '{(char)b}' (JSON allows no comma after the last item)";
        }

        if (b is (byte)',' && !before.IsEmpty && before[^1] is (byte)',' or (byte)'{' or (byte)'[')
        {
            return $"{where}: a comma has no item before it";
        }

        if (b == (byte)'/')
        {
            return $"{where}: a comment (JSON has no comments)";
        }

        if (b == (byte)'\'')
        {
            return $"{where}: a single quote (JSON strings take double quotes)";
        }

        // The character as text (one UTF-8 sequence), for "unexpected 'x'".
        var length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
        var character = Encoding.UTF8.GetString(rest[..Math.Min(length, rest.Length)]);
        return $"{where}: unexpected '{character}' (a comma, colon, quote or bracket missing or extra before it?)";
    }

    public TradeDataException Error(string problem, Exception? inner = null) => Context.Error(Offset, Path, ValueText(), problem, inner);

    /// <summary>The value as it reads in the file, for messages: strings and numbers; null for objects and arrays.</summary>
    public string? ValueText() => Kind switch
    {
        JsonValueKind.Object or JsonValueKind.Array => null,
        _ => Text,
    };

    public string KindName() => Kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    public string String()
    {
        return Kind == JsonValueKind.String ? Text : throw Error($"must be a string, not {KindName()}");
    }

    public decimal Decimal()
    {
        return Kind == JsonValueKind.Number && decimal.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v == 0m && NumberText.Underflows(Text) ? throw Error(NumberText.Underflow) : v
            : throw Error($"must be a number, not {KindName()}");
    }

    public double Double()
    {
        return Kind == JsonValueKind.Number && double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v == 0d && NumberText.Underflows(Text) ? throw Error("is too small to hold: a non-zero number below about 5E-324 would read as 0") : v
            : throw Error($"must be a finite number, not {KindName()}");
    }

    public int Int()
    {
        if (Kind == JsonValueKind.Number && int.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
        {
            return v;
        }

        if (Kind != JsonValueKind.Number)
        {
            throw Error($"must be a whole number, not {KindName()}");
        }

        // A number, but not an int: say which way it is wrong ("not a number" would contradict itself).
        var parsed = decimal.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d);
        throw !parsed || d is < int.MinValue or > int.MaxValue
            ? Error(string.Create(CultureInfo.InvariantCulture, $"is outside the whole numbers this field takes ({int.MinValue:N0} to {int.MaxValue:N0})"))
            : d != decimal.Truncate(d)
                ? Error("must be a whole number")
                : Error("must be written as a whole number, without a decimal point or exponent");
    }

    /// <summary>Checks that this is an object whose property names are all among the known names.</summary>
    public void ExpectObject(params string[] known)
    {
        if (Kind != JsonValueKind.Object)
        {
            throw Error($"must be an object, not {KindName()}");
        }

        foreach (var (name, value) in Properties)
        {
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                throw Context.Error(value.NameOffset, value.Path, null, $"unknown field '{name}' (known fields: {string.Join(", ", known)})");
            }
        }
    }

    /// <summary>Checks that this is an object, whatever its property names (keys that are data, such as HS codes or source paths).</summary>
    public void ExpectAnyObject()
    {
        if (Kind != JsonValueKind.Object)
        {
            throw Error($"must be an object, not {KindName()}");
        }
    }

    public JsonNode? Property(string name)
    {
        foreach (var (n, v) in Properties)
        {
            if (n == name)
            {
                return v.IsNull ? null : v;
            }
        }

        return null;
    }

    public List<JsonNode> Array()
    {
        return Kind == JsonValueKind.Array ? Items : throw Error($"must be an array, not {KindName()}");
    }

    /// <summary>The byte offset of this value's property name, when it is an object member.</summary>
    public long NameOffset { get; private set; }

    /// <summary>The index of the first byte that is not valid UTF-8, or -1.</summary>
    private static int InvalidUtf8At(ReadOnlySpan<byte> utf8)
    {
        if (System.Text.Unicode.Utf8.IsValid(utf8))
        {
            return -1;
        }

        Span<char> chars = stackalloc char[256];
        var at = 0;
        while (at < utf8.Length)
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(utf8[at..], chars, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            at += read;
            if (status == System.Buffers.OperationStatus.InvalidData)
            {
                return at;
            }

            if (status == System.Buffers.OperationStatus.Done)
            {
                break;
            }
        }

        return -1;
    }

    /// <summary>A string token's value; an escaped lone surrogate (<c>\uD800</c>) is a <see cref="TradeDataException"/>, not InvalidOperationException.</summary>
    private static string GetString(ref Utf8JsonReader reader, JsonDocumentContext context, long offset, JsonNode? parent, string segment)
    {
        try
        {
            return reader.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException e)
        {
            throw context.Error(offset, (parent?.Path ?? "$") + segment, Encoding.UTF8.GetString(reader.ValueSpan), "is not a valid JSON string: it escapes a lone UTF-16 surrogate (\\uD800–\\uDFFF without its pair)", e);
        }
    }

    private static JsonNode ReadValue(ref Utf8JsonReader reader, JsonDocumentContext context, JsonNode? parent, string segment)
    {
        var offset = reader.TokenStartIndex + context.Start;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var node = new JsonNode(context, JsonValueKind.Object, offset, parent, segment);
                var names = new HashSet<string>(StringComparer.Ordinal); // not Properties.Any: an object with n members would cost n²
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var nameOffset = reader.TokenStartIndex + context.Start;
                    var name = GetString(ref reader, context, nameOffset, node, ".");
                    if (!names.Add(name))
                    {
                        throw context.Error(nameOffset, node.Path + "." + name, null, $"field '{name}' appears twice");
                    }

                    reader.Read();
                    var child = ReadValue(ref reader, context, node, "." + name);
                    child.NameOffset = nameOffset;
                    node.Properties.Add(new(name, child));
                }

                return node;
            }

            case JsonTokenType.StartArray:
            {
                var node = new JsonNode(context, JsonValueKind.Array, offset, parent, segment);
                var i = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    node.Items.Add(ReadValue(ref reader, context, node, "[" + i.ToString(CultureInfo.InvariantCulture) + "]"));
                    i++;
                }

                return node;
            }

            case JsonTokenType.String:
                return new JsonNode(context, JsonValueKind.String, offset, parent, segment) { Text = GetString(ref reader, context, offset, parent, segment) };
            case JsonTokenType.Number:
                return new JsonNode(context, JsonValueKind.Number, offset, parent, segment) { Text = Encoding.UTF8.GetString(reader.ValueSpan) };
            case JsonTokenType.True:
                return new JsonNode(context, JsonValueKind.True, offset, parent, segment) { Text = "true" };
            case JsonTokenType.False:
                return new JsonNode(context, JsonValueKind.False, offset, parent, segment) { Text = "false" };
            default:
                return new JsonNode(context, JsonValueKind.Null, offset, parent, segment) { Text = "null" };
        }
    }
}
