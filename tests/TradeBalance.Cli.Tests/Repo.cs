namespace TradeBalance.Cli.Tests;

/// <summary>Files of the repository the tests run from (README, docs, samples).</summary>
internal static class Repo
{
    /// <summary>The path of a file under the repository root (the folder holding TradeBalance.sln).</summary>
    public static string File(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "TradeBalance.sln")))
            {
                return Path.Combine(dir.FullName, relativePath);
            }
        }

        throw new FileNotFoundException("repository root not found");
    }
}
