using System.Text;

namespace TradeBalance.Testing;

/// <summary>Files of the repository the tests run from, and the examples pages show: one copy for every test project.</summary>
internal static class RepoFiles
{
    /// <summary>The path of a file under the repository root (the folder holding TradeBalance.sln).</summary>
    public static string Path(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "TradeBalance.sln")))
            {
                return System.IO.Path.Combine(dir.FullName, relativePath);
            }
        }

        throw new FileNotFoundException($"Could not find the repository root (TradeBalance.sln) above {AppContext.BaseDirectory}.");
    }

    /// <summary>
    /// The lines between <c>// README:NAME-begin</c> and <c>// README:NAME-end</c> in a test source file, dedented:
    /// the code a page shows. Not [CallerFilePath]: with CI=true (ContinuousIntegrationBuild) the compiler maps
    /// source paths to /_/, so the path it gives does not exist on disk.
    /// </summary>
    public static string ExampleCode(string sourceFile, string name)
    {
        var lines = File.ReadAllLines(Path(sourceFile));
        var begin = Array.FindIndex(lines, l => l.Trim() == $"// README:{name}-begin");
        var end = Array.FindIndex(lines, l => l.Trim() == $"// README:{name}-end");
        var body = lines[(begin + 1)..end];
        var indent = body.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        var sb = new StringBuilder();
        foreach (var l in body)
        {
            sb.AppendLine(l.Length >= indent ? l[indent..] : l.TrimStart());
        }

        return sb.ToString();
    }
}
