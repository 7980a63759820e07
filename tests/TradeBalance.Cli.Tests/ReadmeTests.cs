using System.Text;
using System.Text.RegularExpressions;
using Xunit;
using TradeBalance.Testing;

namespace TradeBalance.Cli.Tests;

/// <summary>
/// The README and the pages under docs/ show real output and link to files that exist; these tests
/// keep them true: the default run's output, every local link and image, and no pointer to a file
/// that is not in the repository.
/// </summary>
public class ReadmeTests
{
    /// <summary>docs/kenya-china.md pastes the default run's whole output; the README, its summary.</summary>
    [Fact]
    public void The_docs_show_the_default_runs_real_output()
    {
        var run = CliRun.Of("project");
        Assert.Equal(0, run.ExitCode);
        var output = Normalize(run.Out);
        Assert.Contains(output, Normalize(File.ReadAllText(RepoFiles.Path("docs/kenya-china.md"))), StringComparison.Ordinal);

        // The README's answer is the first text block after its "The answer" heading: a part of the real output.
        var readme = File.ReadAllText(RepoFiles.Path("README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var answer = readme[readme.IndexOf("\n## The answer", StringComparison.Ordinal)..];
        var start = answer.IndexOf("```text\n", StringComparison.Ordinal) + "```text\n".Length;
        var excerpt = Normalize(answer[start..answer.IndexOf("```", start, StringComparison.Ordinal)]);
        Assert.Contains("Summary: Kenya → China", excerpt, StringComparison.Ordinal);
        Assert.Contains(excerpt, output, StringComparison.Ordinal);
    }

    /// <summary>Every relative link and image in the README and docs/ names a file that exists, and an anchor a heading it has.</summary>
    [Fact]
    public void Every_local_link_in_the_docs_resolves()
    {
        var broken = new List<string>();
        foreach (var page in UserPages())
        {
            var text = File.ReadAllText(page);
            foreach (Match m in Regex.Matches(text, @"\]\(([^)\s]+)\)", RegexOptions.CultureInvariant))
            {
                var target = m.Groups[1].Value;
                if (target.StartsWith("http://", StringComparison.Ordinal) || target.StartsWith("https://", StringComparison.Ordinal)
                    || target.StartsWith("mailto:", StringComparison.Ordinal))
                {
                    continue;
                }

                var hash = target.IndexOf('#', StringComparison.Ordinal);
                var file = hash < 0 ? target : target[..hash];
                var anchor = hash < 0 ? null : target[(hash + 1)..];
                var path = file.Length == 0 ? page : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, file));
                var name = Path.GetRelativePath(RepoFiles.Path("."), page);
                if (!File.Exists(path) && !Directory.Exists(path))
                {
                    broken.Add($"{name}: {target} (no such file)");
                }
                else if (anchor is not null && path.EndsWith(".md", StringComparison.Ordinal) && !Anchors(path).Contains(anchor))
                {
                    broken.Add($"{name}: {target} (no heading with that anchor)");
                }
            }
        }

        Assert.True(broken.Count == 0, string.Join('\n', broken));
    }

    /// <summary>
    /// Nothing a user reads (README, docs, samples, the shipped sources and data, benchmarks, tools,
    /// build files) points at design notes or research notes that are not part of the repository.
    /// </summary>
    [Fact]
    public void No_user_facing_file_points_outside_the_repository()
    {
        // Split so that this file does not match itself.
        string[] patterns = ["DESIGN" + ".md", "MODELS" + ".md", "../" + "shared", "shared" + "/research", "research" + " §", "research" + " kenya-china", "models" + "-sources"];
        var root = RepoFiles.Path(".");
        var hits = new List<string>();
        foreach (var dir in new[] { "docs", "samples", "src", "benchmarks", "tools", "tests", ".ci" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, dir), "*", SearchOption.AllDirectories))
            {
                if (IsBuildOutput(file) || !IsText(file))
                {
                    continue;
                }

                Collect(file);
            }
        }

        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.TopDirectoryOnly))
        {
            if (IsText(file))
            {
                Collect(file);
            }
        }

        Assert.True(hits.Count == 0, string.Join('\n', hits));

        void Collect(string file)
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (var p in patterns.Where(p => lines[i].Contains(p, StringComparison.Ordinal)))
                {
                    hits.Add($"{Path.GetRelativePath(root, file)}:{i + 1}: '{p}'");
                }
            }
        }
    }

    /// <summary>The README is an entry page, not the manual.</summary>
    /// <summary>
    /// Every text block the README marks with <c>&lt;!-- output: ARGS --&gt;</c> is a part of what
    /// <c>tradebalance ARGS</c> prints (paths under samples/ are the repository's): the reciprocal
    /// package, the EU as importer and the summary in another currency cannot drift from the tool.
    /// </summary>
    [Fact]
    public void Every_marked_README_output_is_what_the_tool_prints()
    {
        var readme = File.ReadAllText(RepoFiles.Path("README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var blocks = System.Text.RegularExpressions.Regex.Matches(readme, "<!-- output: (?<args>[^>]*?) -->\n```text\n(?<text>.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(blocks.Count >= 2, "the README marks its command-line outputs");
        foreach (System.Text.RegularExpressions.Match block in blocks)
        {
            var args = block.Groups["args"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(a => a.StartsWith("samples/", StringComparison.Ordinal) ? RepoFiles.Path(a) : a).ToArray();
            var run = CliRun.Of(args);
            Assert.True(run.ExitCode == 0, run.Err);
            Assert.Contains(Normalize(block.Groups["text"].Value), Normalize(run.Out), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_README_stays_an_entry_page()
    {
        var bytes = File.ReadAllBytes(RepoFiles.Path("README.md")).Length;
        Assert.True(bytes <= 20 * 1024, $"README.md is {bytes} bytes; move detail into docs/.");
    }

    private static bool IsBuildOutput(string file)
    {
        var parts = file.Split(Path.DirectorySeparatorChar);
        return parts.Any(p => p is "bin" or "obj" or "BenchmarkDotNet.Artifacts" or "TestResults");
    }

    private static bool IsText(string file) =>
        Path.GetExtension(file) is ".md" or ".cs" or ".csv" or ".json" or ".props" or ".csproj" or ".py" or ".sh" or ".txt" or ".ipynb" or ".sln" or ""
        && !Path.GetFileName(file).StartsWith('.') || Path.GetFileName(file) is ".editorconfig";

    /// <summary>The user-facing Markdown pages: the README, the changelog and everything under docs/ and samples/.</summary>
    private static IEnumerable<string> UserPages() =>
        new[] { RepoFiles.Path("README.md"), RepoFiles.Path("CHANGELOG.md") }
            .Concat(Directory.EnumerateFiles(RepoFiles.Path("docs"), "*.md", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(RepoFiles.Path("samples"), "*.md", SearchOption.AllDirectories));

    /// <summary>GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered.</summary>
    private static HashSet<string> Anchors(string page)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var inCode = false;
        foreach (var line in File.ReadAllLines(page))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
            }

            if (inCode || !line.StartsWith('#'))
            {
                continue;
            }

            var text = line.TrimStart('#').Trim();
            var slug = new StringBuilder();
            foreach (var c in text.ToLowerInvariant())
            {
                if (char.IsLetterOrDigit(c) || c is '-' or '_')
                {
                    slug.Append(c);
                }
                else if (c == ' ')
                {
                    slug.Append('-');
                }
            }

            var s = slug.ToString();
            var candidate = s;
            for (var n = 1; !anchors.Add(candidate); n++)
            {
                candidate = $"{s}-{n}";
            }
        }

        return anchors;
    }

    private static string Normalize(string s) =>
        string.Join('\n', s.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd())).Trim();
}
