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
