using Xunit;

namespace TradeBalance.Cli.Tests;

/// <summary>The README pastes the default run's real output; this keeps it true.</summary>
public class ReadmeTests
{
    [Fact]
    public void README_shows_the_default_runs_real_output()
    {
        var run = CliRun.Of("project");
        Assert.Equal(0, run.ExitCode);
        var readme = Normalize(File.ReadAllText(RepoFile("README.md")));
        Assert.Contains(Normalize(run.Out), readme, StringComparison.Ordinal);
    }

    [Fact]
    public void README_chart_images_exist()
    {
        foreach (var image in new[] { "docs/kenya-china-shares.svg", "docs/kenya-china-path.svg", "docs/kenya-china-fan.svg" })
        {
            Assert.True(File.Exists(RepoFile(image)), image);
        }
    }

    private static string Normalize(string s) =>
        string.Join('\n', s.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd())).Trim();

    private static string RepoFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TradeBalance.sln")))
            {
                return Path.Combine(dir.FullName, name);
            }
        }

        throw new FileNotFoundException("repository root not found");
    }
}
