using TradeBalance.Testing;
using Xunit;

namespace TradeBalance.Cli.Tests;

/// <summary>
/// Every command resolves the model and the Monte Carlo settings once, the same way: an option wins, then the
/// scenario, then the default. 'sensitivity' used to run SMART whatever the scenario named.
/// </summary>
public class SettingsResolutionTests
{
    public static TheoryData<string, string> CommandsAndModels => new()
    {
        { "project", "smart" }, { "project", "armington" }, { "project", "gsim" },
        { "sensitivity", "smart" }, { "sensitivity", "armington" }, { "sensitivity", "gsim" },
    };

    [Theory]
    [MemberData(nameof(CommandsAndModels))]
    public void A_command_runs_the_model_its_scenario_names(string command, string model)
    {
        using var dir = new TempDir();
        var path = dir.File("scenario.json");
        File.WriteAllText(path, File.ReadAllText(RepoFiles.Path("src/TradeBalance.Data/Resources/KenyaChina/scenario.json")).Replace("\"model\": \"smart\"", $"\"model\": \"{model}\"", StringComparison.Ordinal).Replace("\"draws\": 200", "\"draws\": 20", StringComparison.Ordinal));

        var run = CliRun.Of(command, "--scenario", path, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"\"model\": \"{model}\"", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(((string[])["smart", "armington", "gsim"]).Where(m => m != model).Select(m => $"\"model\": \"{m}\"").FirstOrDefault(run.Out.Contains) ?? "\u0000", run.Out, StringComparison.Ordinal);

        // An option still wins over the scenario.
        var over = CliRun.Of(command, "--scenario", path, "--model", "smart", "--format", "json", "--draws", "20");
        Assert.Equal(0, over.ExitCode);
        Assert.Contains("\"model\": \"smart\"", over.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_draws_come_from_the_option_then_the_scenario_then_the_default_for_the_use()
    {
        // The embedded scenario asks for 200 draws; sensitivity with no scenario value would take 1,000.
        Assert.Contains("200 draws", CliRun.Of("sensitivity").Out, StringComparison.Ordinal);
        Assert.Contains("37 draws", CliRun.Of("sensitivity", "--draws", "37").Out, StringComparison.Ordinal);
        Assert.Contains("\"draws\": 30", CliRun.Of("project", "--draws", "30", "--format", "json").Out, StringComparison.Ordinal);
    }
}

/// <summary>A misspelled command or option gets a suggestion of the nearest names, and only close ones.</summary>
public class SuggestionTests
{
    [Theory]
    [InlineData(new[] { "projct" }, "'projct': did you mean 'project'?")]
    [InlineData(new[] { "sensitivty" }, "'sensitivty': did you mean 'sensitivity'?")]
    [InlineData(new[] { "project", "--draw", "5" }, "'--draw': did you mean '--draws'?")]
    [InlineData(new[] { "project", "--scenaro", "s.json" }, "'--scenaro': did you mean '--scenario'?")]
    [InlineData(new[] { "backtest", "--cas", "chafta-wine" }, "'--cas': did you mean '--case'?")]
    [InlineData(new[] { "project", "--verbos" }, "'--verbos': did you mean '--verbose'?")]
    public void A_misspelled_name_gets_the_nearest_one(string[] args, string suggestion)
    {
        var run = CliRun.Of(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(suggestion, run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_far_from_every_option_gets_no_guess()
    {
        var run = CliRun.Of("project", "--zzz");
        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("did you mean", run.Err, StringComparison.Ordinal);
    }
}
