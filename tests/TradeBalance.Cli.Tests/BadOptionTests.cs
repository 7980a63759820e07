using Xunit;

namespace TradeBalance.Cli.Tests;

/// <summary>
/// The bad-input catalogue for the command line: one row per rule, each asserting the exit code
/// (2 usage, 3 bad data), a fragment of the one-line message that names the value, and for bad data
/// the file:line: position. Files are written to a scratch folder per row.
/// </summary>
public class BadOptionTests
{
    private const string Header = "year,exporter,importer,hs,value_usd\n";

    /// <summary>Arguments ({dir} is the scratch folder), files to write there, the exit code and the message fragment.</summary>
    private static readonly Dictionary<string, (string[] Args, (string Name, string Text)[] Files, int Exit, string Fragment)> Cases = new()
    {
        ["project --draws negative"] = (["project", "--draws", "-1"], [], 2, "--draws: '-1' is outside 0 to 1,000,000 (0 turns the bands off)"),
        ["project --draws not a number"] = (["project", "--draws", "many"], [], 2, "'many'"),
        ["project --seed not whole"] = (["project", "--seed", "1.5"], [], 2, "'1.5'"),
        ["project --years backwards"] = (["project", "--years", "2030..2026"], [], 2, "--years: '2030..2026' is not a year range"),
        ["project --output extension"] = (["project", "--output", "{dir}/out.txt"], [], 2, "out.txt' must end in .csv or .json or .parquet"),
        ["project --currency unknown"] = (["project", "--currency", "XYZ"], [], 2, "--currency: 'XYZ' is not a known ISO 4217 currency code"),
        ["balance --currency unknown"] = (["balance", "--currency", "KSH"], [], 2, "--currency: 'KSH' is not a known ISO 4217 currency code"),
        ["balance --output extension"] = (["balance", "--output", "{dir}/out.xlsx"], [], 2, "out.xlsx' must end in .csv or .json or .parquet"),
        ["compare --format xml"] = (["compare", "--format", "xml"], [], 2, "--format: 'xml' is not a format; use table, csv, json or parquet."),
        ["project --output is the --flows file"] = (["project", "--flows", "{dir}/flows.csv", "--output", "{dir}/flows.csv"], [("flows.csv", Header + "2024,KEN,CHN,0902,5\n")], 2, "flows.csv' is the same file as the --flows input"),
        ["project --output is the --scenario file"] = (["project", "--scenario", "{dir}/s.json", "--output", "{dir}/s.json"], [("s.json", "{}")], 2, "s.json' is the same file as the --scenario input"),
        ["project --chart is the --output file"] = (["project", "--output", "{dir}/out.csv", "--chart", "{dir}/out.csv"], [], 2, "--chart: "),
        ["sensitivity --chart is the --tariffs file"] = (["sensitivity", "--tariffs", "{dir}/t.svg", "--chart", "{dir}/t.svg"], [("t.svg", "x")], 2, "t.svg' is the same file as the --tariffs input"),
        ["project --model unknown"] = (["project", "--model", "cge"], [], 2, "--model: 'cge' is not a model"),
        ["project --flows missing file"] = (["project", "--flows", "{dir}/none.csv"], [], 2, "none.csv' does not exist"),
        ["project scenario for another importer, no tariffs"] = (["project", "--scenario", "{dir}/s.json"], [("s.json", """{"importer":"USA","beneficiaries":["CHN"],"hs":["0902"],"newRatePercent":0,"effective":"2026-05-01"}""")], 2, "The scenario's importer is USA; the embedded tariffs are CHN, KEN, ROW's. Give --tariffs FILE."),
        ["project scenario for Kenya's imports, no such line in the data"] = (["project", "--scenario", "{dir}/s.json"], [("s.json", """{"importer":"KEN","beneficiaries":["CHN"],"hs":["0902"],"newRatePercent":0,"effective":"2026-05-01"}""")], 3, "no KEN imports in 2024 on the scenario's lines (0902)"),
        ["project --flows bad value"] = (["project", "--flows", "{dir}/flows.csv"], [("flows.csv", Header + "2024,KEN,CHN,0902,-5\n")], 3, "flows.csv:2: column 'value_usd': '-5' is negative"),
        ["project --flows duplicate"] = (["project", "--flows", "{dir}/flows.csv"], [("flows.csv", Header + "2024,KEN,CHN,0902,5\n2024,KEN,CHN,0902,6\n")], 3, "flows.csv:3: duplicate flow KEN→CHN HS 0902 2024: line 2"),
        ["project --flows a rates file"] = (["project", "--flows", "{dir}/rates.csv"], [("rates.csv", "base,quote,as_of,rate,basis\nUSD,KES,2024-01-01,130,daily\n")], 3, "rates.csv:1: is an exchange-rates file, not trade flows"),
        ["project --flows corrupt gzip"] = (["project", "--flows", "{dir}/flows.csv.gz"], [("flows.csv.gz", Header + "2024,KEN,CHN,0902,5\n")], 3, "flows.csv.gz:1: is not a valid gzip file"),
        ["project --scenario typo"] = (["project", "--scenario", "{dir}/s.json"], [("s.json", "{\n\"importr\":\"CHN\"}")], 3, "s.json:2: $.importr: unknown field 'importr'"),
        ["project --scenario invalid JSON"] = (["project", "--scenario", "{dir}/s.json"], [("s.json", "{\"importer\":\n\"CHN\",,}")], 3, "s.json:2: is not valid JSON"),
        ["project --tariffs negative rate"] = (["project", "--tariffs", "{dir}/t.csv"], [("t.csv", "importer,exporter,hs,rate_percent\nCHN,*,0902,-15\n")], 3, "t.csv:2: column 'rate_percent': '-15' is negative"),
        ["project --tariffs another importer"] = (["project", "--tariffs", "{dir}/t.csv"], [("t.csv", "importer,exporter,hs,rate_percent\nKEN,*,0902,25\n")], 3, "t.csv:1: column 'importer': 'CHN' has no tariff rows in the file"),
        ["project --rates zero rate"] = (["project", "--rates", "{dir}/r.csv"], [("r.csv", "base,quote,as_of,rate,basis\nUSD,KES,2024-01-01,0,annual-average\n")], 3, "r.csv:2: column 'rate': '0' is zero"),
        ["project --flows no scenario lines"] = (["project", "--flows", "{dir}/flows.csv"], [("flows.csv", Header + "2024,KEN,CHN,8517,5\n")], 3, "no CHN imports in 2024 on the scenario's lines"),
        ["balance --country unknown"] = (["balance", "--country", "XX"], [], 2, "--country: 'XX' is not a known ISO 3166-1 country code"),
        ["balance same country twice"] = (["balance", "--country", "KEN", "--partner", "KEN"], [], 2, "--country and --partner are both KEN"),
        ["balance --rates missing file"] = (["balance", "--rates", "{dir}/none.csv"], [], 2, "--rates: file"),
        ["balance --flows bad year"] = (["balance", "--flows", "{dir}/flows.csv"], [("flows.csv", Header + "1850,KEN,CHN,0902,5\n")], 3, "flows.csv:2: column 'year': '1850' is out of range (1900 to 2200)"),
        ["sensitivity --draws 0"] = (["sensitivity", "--draws", "0"], [], 2, "--draws: '0' is outside 1 to 1,000,000"),
        ["sensitivity --draws too many"] = (["sensitivity", "--draws", "2000000"], [], 2, "--draws: '2000000' is outside"),
        ["sensitivity --spread 1"] = (["sensitivity", "--spread", "1"], [], 2, "--spread: '1' is outside [0, 1)"),
        ["sensitivity --spread negative"] = (["sensitivity", "--spread", "-0.1"], [], 2, "--spread: '-0.1' is outside [0, 1)"),
        ["sensitivity --model cge"] = (["sensitivity", "--model", "cge"], [], 2, "'cge'"),
        ["sensitivity --chart extension"] = (["sensitivity", "--chart", "{dir}/fan.gif"], [], 2, "fan.gif' must end in .svg"),
        ["sensitivity --chart png"] = (["sensitivity", "--chart", "{dir}/fan.png"], [], 2, "fan.png': charts are written as SVG only."),
        ["sensitivity --format xlsx"] = (["sensitivity", "--format", "xlsx"], [], 2, "'xlsx'"),

        // Messages that leaked the machinery or the terminal (the second hostile-input round); every row above is also checked for both.
        ["project --draws not a number: no .NET type name"] = (["project", "--draws", "abc"], [], 2, "--draws: 'abc' is not a whole number (from 0 to 1,000,000)."),
        ["project --draws 1000000000 is a usage error"] = (["project", "--draws", "1000000000"], [], 2, "--draws: '1000000000' is outside 0 to 1,000,000"),
        ["sensitivity --seed past int"] = (["sensitivity", "--seed", "99999999999"], [], 2, "--seed: '99999999999' is outside -2,147,483,648 to 2,147,483,647."),
        ["sensitivity --spread not a number"] = (["sensitivity", "--spread", "half"], [], 2, "--spread: 'half' is not a number"),
        ["project --format xml: one line, the choices named"] = (["project", "--format", "xml"], [], 2, "--format: 'xml' is not a format; use table, csv, json or parquet."),
        ["project --flows no scenario lines: no (Parameter 'data')"] = (["project", "--flows", "{dir}/flows.csv"], [("flows.csv", Header + "2024,KEN,CHN,8517,5\n")], 3, "The data has no CHN imports in 2024 on the scenario's lines (080440, 0901, 0902)."),
        ["project --flows ESC in a value, escaped"] = (["project", "--flows", "{dir}/flows.csv"], [("flows.csv", Header + "2024,\"K\u001b[31mEN\",CHN,0902,5\n")], 3, "flows.csv:2: column 'exporter': 'K\\x1B[31mEN' is not a known country code"),
        ["project --flows NUL in a value, escaped"] = (["project", "--flows", "{dir}/flows.csv"], [("flows.csv", Header + "2024,KEN,\"C\u0000HN\",0902,5\n")], 3, "column 'importer': 'C\\x00HN' is not"),
        ["project --flows a data line starting with NUL: refused, not dropped"] = (["project", "--flows", "{dir}/flows.csv"], [("flows.csv", Header + "2024,LKA,CHN,0902,68000000\n\u00002024,KEN,CHN,0902,20000000\n")], 3, "flows.csv:3: column 'year': holds a NUL byte (U+0000) outside a quoted field"),
        ["project --tariffs a zeroed line: refused, not dropped"] = (["project", "--tariffs", "{dir}/t.csv"], [("t.csv", "importer,exporter,hs,rate_percent\nCHN,*,0902,15\n\u0000\u0000\u0000\u0000\nCHN,KEN,0902,0\n")], 3, "t.csv:3: column 'importer': holds a NUL byte (U+0000) outside a quoted field"),
        ["project --rates bidi override in the header, escaped"] = (["project", "--rates", "{dir}/r.csv"], [("r.csv", "base,quote\u202E,as_of,rate,basis\nUSD,KES,2024-01-01,130,daily\n")], 3, "r.csv:1: column 'quote': required column is missing (the header has: base, quote\\u202E, as_of, rate, basis)"),
        ["project --flows malformed quoting: not Sylvan's words"] = (["project", "--flows", "{dir}/flows.csv"], [("flows.csv", Header + "2024,KEN,CHN,0902,\"5\"0\n")], 3, "flows.csv:2: column 'value_usd': has malformed quoting: a closing quote is followed by '0'"),
        ["project --flows a record past 16 M characters (lines joined by an open quote): not 'Row 0 was too large'"] = (["project", "--flows", "{dir}/flows.csv"], [("flows.csv", Header + "2024,KEN,CHN,0902,\"" + string.Concat(Enumerable.Repeat(new string('5', 1023) + "\n", 16_400)) + "\"\n")], 3, "flows.csv:2: starts a record longer than 16,777,216 characters"),
        ["project --scenario trailing comma: not 'Change the reader options'"] = (["project", "--scenario", "{dir}/s.json"], [("s.json", "{\"importer\":\"CHN\",\n\"hs\":[\"0902\",]}")], 3, "s.json:2: is not valid JSON at column 14: a comma before the closing ']'"),
        ["project --scenario draws 1.5: not 'a whole number, not a number'"] = (["project", "--scenario", "{dir}/s.json"], [("s.json", "{\"importer\":\"CHN\",\"beneficiaries\":[\"KEN\"],\"hs\":[\"0902\"],\"newRatePercent\":0,\"effective\":\"2026-05-01\",\n\"monteCarlo\":{\"draws\":1.5}}")], 3, "s.json:2: $.monteCarlo.draws: '1.5' must be a whole number"),
        ["project --scenario unknown field with ESC, escaped"] = (["project", "--scenario", "{dir}/s.json"], [("s.json", "{\n\"\\u001b[2Jimporter\":\"CHN\"}")], 3, "s.json:2: $.\\x1B[2Jimporter: unknown field '\\x1B[2Jimporter'"),
        ["project --output NUL in the name: not (Parameter 'path')"] = (["project", "--output", "{dir}/o\u0000ut.csv"], [], 2, "--output: '"),
        ["project --output in a missing folder"] = (["project", "--output", "{dir}/none/out.csv"], [], 2, "none/out.csv': the folder '"),
        ["project --flows empty name"] = (["project", "--flows", ""], [], 2, "--flows: '' is not a file name."),
        ["project --flows @name is a file name, not a response file"] = (["project", "--flows", "@{dir}/flows.csv"], [], 2, "--flows: file '@"),
        ["project --model with ESC, escaped"] = (["project", "--model", "\u001b[31mcge"], [], 2, "--model: '\\x1B[31mcge' is not a model"),
        ["balance --country with a bidi isolate, escaped"] = (["balance", "--country", "KE\u2067N"], [], 2, "--country: 'KE\\u2067N' is not a known ISO 3166-1 country code"),
        ["project --years bad beside a bad file: the option is checked first"] = (["project", "--years", "2030..2026", "--flows", "{dir}/flows.csv"], [("flows.csv", Header + "2024,KEN,CHN,0902,-5\n")], 2, "--years: '2030..2026' is not a year range"),
        ["project --model bad beside a bad file: the option is checked first"] = (["project", "--model", "cge", "--scenario", "{dir}/s.json"], [("s.json", "{,}")], 2, "--model: 'cge' is not a model"),
        ["an unknown argument with ESC, escaped"] = (["project", "\u001b]0;x\u0007"], [], 2, "'\\x1B]0;x\\x07'"),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Bad_option_or_file_gives_the_exit_code_and_a_message_naming_the_value(string name)
    {
        var (args, files, exit, fragment) = Cases[name];
        using var dir = new TempDir();
        foreach (var (file, text) in files)
        {
            File.WriteAllText(dir.File(file), text);
        }

        var run = CliRun.Of([.. args.Select(a => a.Replace("{dir}", dir.Path, StringComparison.Ordinal))]);
        Assert.True(exit == run.ExitCode, $"exit {run.ExitCode}, expected {exit}: {run.Err}");
        Assert.Contains(fragment, run.Err, StringComparison.Ordinal);
        Assert.StartsWith("tradebalance: ", run.Err, StringComparison.Ordinal);
        Assert.True(TerminalSafety.Problem(run.Err) is null, $"{TerminalSafety.Problem(run.Err)}: {TerminalSafety.Visible(run.Err)}");
    }

    [Fact]
    public void The_catalogue_has_at_least_25_command_line_rows()
    {
        Assert.True(Cases.Count >= 25, $"{Cases.Count} rows");
    }
}
