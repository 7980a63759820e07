using System.IO.Compression;

namespace TradeBalance.Data.Tests;

/// <summary>Paths of the fixture files copied next to the test assembly, and temporary files.</summary>
internal static class Fixtures
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>A fresh temporary directory, deleted by the caller's <c>using</c>.</summary>
    public static TempDir TempDir() => new();

    /// <summary>Gzips a file to a new path.</summary>
    public static void Gzip(string from, string to)
    {
        using var input = File.OpenRead(from);
        using var output = File.Create(to);
        using var gz = new GZipStream(output, CompressionLevel.Optimal);
        input.CopyTo(gz);
    }

    /// <summary>A page under docs/, line ends normalised.</summary>
    public static string DocsPage(string name) =>
        File.ReadAllText(System.IO.Path.Combine(RepoRoot(), "docs", name)).Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>
    /// The lines between <c>// docs:NAME-begin</c> and <c>// docs:NAME-end</c> in a test file of this
    /// project, dedented, so a test can check that a page shows the code it runs.
    /// </summary>
    public static string ExampleCode(string testClass, string name)
    {
        // Not [CallerFilePath]: with CI=true the compiler maps source paths to /_/.
        var lines = File.ReadAllLines(System.IO.Path.Combine(RepoRoot(), "tests", "TradeBalance.Data.Tests", testClass + ".cs"));
        var begin = Array.FindIndex(lines, l => l.Trim() == $"// docs:{name}-begin");
        var end = Array.FindIndex(lines, l => l.Trim() == $"// docs:{name}-end");
        var body = lines[(begin + 1)..end];
        var indent = body.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', body.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "TradeBalance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new FileNotFoundException($"Could not find the repository root (TradeBalance.sln) above {AppContext.BaseDirectory}.");
    }
}

internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tb-data-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string File(string name) => System.IO.Path.Combine(Root, name);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
