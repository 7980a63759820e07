using System.Text.RegularExpressions;
using Xunit;
using TradeBalance.Testing;

namespace TradeBalance.Cli.Tests;

/// <summary>
/// Text reaches the terminal through one layer (<c>Terminal</c>): the tool's sources call Spectre's
/// markup escaping and write <c>tradebalance: </c> error lines nowhere else, so no new table, title
/// or message can skip the escaping.
/// </summary>
public partial class TerminalLayerTests
{
    [Fact]
    public void Only_the_terminal_layer_escapes_markup_or_writes_an_error_line()
    {
        var sources = Directory.GetFiles(RepoFiles.Path("src/TradeBalance.Cli"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && Path.GetFileName(f) != "Terminal.cs")
            .ToList();
        Assert.NotEmpty(sources);
        var offenders = sources
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line)))
            .Where(l => l.Text.Contains("Markup.Escape(", StringComparison.Ordinal) || ErrorLiteral().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, "use Terminal.Markup / Terminal.ErrorLine:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void Verbose_shows_the_exception_with_its_lines_and_escaped()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("f.csv"), "year,exporter,importer,hs,value_usd\n2024,K\u001bEN,CHN,0902,5\n");
        var run = CliRun.Of("project", "--flows", dir.File("f.csv"), "--verbose");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("TradeDataException", run.Err, StringComparison.Ordinal); // --verbose is for developers
        Assert.DoesNotContain('\u001b', run.Err);
        Assert.True(run.Err.Split('\n').Length > 3);
    }

    [GeneratedRegex(@"(Write|WriteLine)\(\$?""tradebalance: ")]
    private static partial Regex ErrorLiteral();
}
