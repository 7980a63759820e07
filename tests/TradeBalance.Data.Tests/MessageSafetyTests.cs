using System.Globalization;
using System.Text;
using Xunit;

namespace TradeBalance.Data.Tests;

/// <summary>
/// Every reader's message is safe to print: each control, bidirectional and invisible character is put
/// into every field (and header name, and JSON string) of a valid file of each kind, and whatever the
/// reader says must hold none of them raw, nor the wording of the libraries underneath.
/// </summary>
public class MessageSafetyTests
{
    /// <summary>The characters a terminal acts on or that hide or reorder text: C0, DEL, C1, bidi controls, separators, invisible marks.</summary>
    public static readonly char[] Hostile = TradeBalance.Testing.HostileText.Characters;

    /// <summary>Wording that belongs to .NET, Sylvan.Data.Csv or System.Text.Json, not to a message about a file.</summary>
    public static readonly string[] Machinery = TradeBalance.Testing.HostileText.Machinery;

    private static readonly (string Kind, string File, string Text)[] Seeds =
    [
        ("flows", "flows.csv", "year,exporter,importer,hs,value_usd,quantity_kg\n2024,KEN,CHN,0902,1,2\n"),
        ("tariffs", "tariffs.csv", "importer,exporter,hs,rate_percent,valid_from,valid_to,regime\nCHN,*,0902,15,2020-01-01,,MFN\n"),
        ("rates", "exchange-rates.csv", "base,quote,as_of,rate,basis,source\nUSD,KES,2024-01-01,130,daily,CBK\n"),
        ("totals", "bilateral-totals.csv", "year,exporter,importer,value,currency,period,basis\n2024,KEN,CHN,1,USD,full-year,kenya-reported\n"),
        ("comtrade", "comtrade.csv", "classificationCode,reporterCode,flowCode,partnerCode,cmdCode,refYear,primaryValue\nH6,156,M,404,0902,2024,10\n"),
        ("baci", "baci.csv", "t,i,j,k,v,q\n2022,404,156,090240,1,1\n"),
        ("baci-columns", "baci.csv", "t,i,j,k,v,q\n2022,404,156,090240,1,1\n"),
        ("wits", "wits.csv", "Reporter,Partner,Product,Tariff Year,DutyType,Simple Average\nCHN,WLD,090240,2023,MFN,15\n"),
        ("projection", "projection.csv", "importer,exporter,hs,baseline_usd,tariff_before_percent,tariff_after_percent,trade_creation_usd,trade_diversion_usd,projected_usd,baseline_share,projected_share\nCHN,KEN,0902,20,15,0,1,2,23,1,1\n"),
    ];

    private const string Scenario = """{"name":"tea","importer":"CHN","beneficiaries":["KEN"],"hs":["0902"],"newRatePercent":0,"effective":"2026-05-01","description":"d","sources":{"a":"b"}}""";

    /// <summary>Each seed with one hostile character put into the middle of one field: (kind, file, text, what was changed).</summary>
    public static IEnumerable<(string Kind, string File, string Text, string What)> Variants()
    {
        foreach (var (kind, file, text) in Seeds)
        {
            var lines = text.TrimEnd('\n').Split('\n');
            for (var l = 0; l < lines.Length; l++)
            {
                var fields = lines[l].Split(',');
                for (var f = 0; f < fields.Length; f++)
                {
                    foreach (var c in Hostile)
                    {
                        var changed = (string[])fields.Clone();
                        changed[f] = Insert(changed[f], c);
                        var copy = (string[])lines.Clone();
                        copy[l] = string.Join(',', changed);
                        yield return (kind, file, string.Join('\n', copy) + "\n", string.Create(CultureInfo.InvariantCulture, $"line {l + 1} field {f + 1} U+{(int)c:X4}"));
                    }
                }
            }
        }

        // Scenario JSON: every string (names and values), raw and as a JSON escape.
        var quotes = Enumerable.Range(0, Scenario.Length).Where(i => Scenario[i] == '"').ToList();
        for (var q = 0; q + 1 < quotes.Count; q += 2)
        {
            var (open, close) = (quotes[q], quotes[q + 1]);
            foreach (var c in Hostile)
            {
                var middle = (open + close + 1) / 2;
                foreach (var (form, insert) in new[] { ("raw", c.ToString()), ("escaped", string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}")) })
                {
                    yield return ("scenario", "scenario.json", Scenario[..middle] + insert + Scenario[middle..], string.Create(CultureInfo.InvariantCulture, $"string at {open} {form} U+{(int)c:X4}"));
                }
            }
        }
    }

    [Fact]
    public void Every_message_of_every_reader_is_free_of_control_and_bidi_characters_and_machinery()
    {
        var failures = new List<string>();
        var refused = 0;
        var total = 0;
        foreach (var (kind, file, text, what) in Variants())
        {
            total++;
            try
            {
                Read(kind, text, file);
            }
            catch (TradeDataException e)
            {
                refused++;
                if (Problem(e.Message) is { } problem)
                {
                    failures.Add($"{kind} {what}: {problem}: {Visible(e.Message)}");
                }
            }
            catch (Exception e)
            {
                failures.Add($"{kind} {what}: {e.GetType().Name}: {Visible(e.Message)}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {total}:\n" + string.Join('\n', failures.Take(30)));
        Assert.True(total > 5000 && refused > total / 2, $"{total} inputs, {refused} refused");
    }

    [Fact]
    public void Every_message_of_the_bad_input_catalogue_passes_the_same_check()
    {
        var n = 0;
        foreach (var row in BadInputTests.Cases)
        {
            var data = ((ITheoryDataRow)row).GetData();
            var (kind, text) = ((string)data[0]!, (string)data[1]!);
            var e = Assert.Throws<TradeDataException>(() => Read(kind, text, kind + ".file"));
            Assert.True(Problem(e.Message) is null, $"{Problem(e.Message)}: {Visible(e.Message)}");
            n++;
        }

        Assert.True(n >= 110, $"{n} cases");
    }

    [Fact]
    public void The_file_name_is_escaped_too()
    {
        var e = Assert.Throws<TradeDataException>(() => FlowsCsv.Read(new StringReader("year,exporter,importer,hs,value_usd\n2024,XX,CHN,0902,1\n"), "fl\u001b[2Jows\u202E.csv"));
        Assert.StartsWith("fl\\x1B[2Jows\\u202E.csv:2: column 'exporter': 'XX'", e.Message, StringComparison.Ordinal);
        Assert.Equal("fl\u001b[2Jows\u202E.csv", e.FileName);
    }

    [Fact]
    public void The_properties_keep_the_text_and_only_the_message_is_escaped()
    {
        var e = new TradeDataException("f.csv", 3, "col\u0007", "v\u001b\u202Ee", "is bad\u0000");
        Assert.Equal("f.csv:3: column 'col\\x07': 'v\\x1B\\u202Ee' is bad\\x00", e.Message);
        Assert.Equal(("col\u0007", "v\u001b\u202Ee", "is bad\u0000"), (e.Column, e.Value, e.Problem));
        Assert.Equal("a\\nb\\x1B", new TradeDataException("a\nb\u001b").Message);
        Assert.Equal("\\t", new TradeDataException("\t", null).Message);
    }

    [Fact]
    public void A_pair_of_surrogates_is_kept_and_a_lone_one_escaped()
    {
        Assert.Equal("f.csv:1: '\U0001F375 \\uD83C' is bad", new TradeDataException("f.csv", 1, null, "\U0001F375 \uD83C", "is bad").Message);
    }

    [Fact]
    public void Escaping_twice_changes_nothing_and_a_backslash_stays()
    {
        var once = new TradeDataException("f.csv", 1, null, "a\\x1B\u001b", "is bad").Message;
        Assert.Equal("f.csv:1: 'a\\x1B\\x1B' is bad", once);
        Assert.Equal(once, new TradeDataException(once).Message);
    }

    /// <summary>What is wrong with a message, or null: a hostile character (a line break included) or a machinery word.</summary>
    public static string? Problem(string message)
    {
        foreach (var c in message)
        {
            if (Hostile.Contains(c))
            {
                return string.Create(CultureInfo.InvariantCulture, $"raw U+{(int)c:X4}");
            }
        }

        return Machinery.FirstOrDefault(m => message.Contains(m, StringComparison.Ordinal)) is { } word ? $"'{word}'" : null;
    }

    /// <summary>The text with every character outside printable ASCII shown as its code, for a failure message.</summary>
    public static string Visible(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s)
        {
            if (c is >= ' ' and < '\u007F')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append(CultureInfo.InvariantCulture, $"<U+{(int)c:X4}>");
            }
        }

        return sb.ToString();
    }

    private static string Insert(string field, char c) => field.Length < 2 ? c + field : field[..(field.Length / 2)] + c + field[(field.Length / 2)..];

    private static object Read(string kind, string text, string file) => BadInputTests.Read(kind, text, file);
}
