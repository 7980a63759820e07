using TradeBalance.Projections;

namespace TradeBalance.Cli;

/// <summary>Runs the model a user chose.</summary>
internal static class Projector
{
    /// <summary>The models the tool offers, by the names the command line and scenario.json use.</summary>
    public static readonly string[] ModelNames = [.. ProjectionModel.All.Select(m => m.Name)];

    public static ProjectionModel ParseModel(string name) =>
        ProjectionModel.TryParse(name, out var model)
            ? model
            : throw new UsageException($"--model: '{name}' is not a model this tool offers; use one of {string.Join(", ", ModelNames)}.");

    public static ProjectionResult Project(Inputs inputs, ProjectionModel model) => model.Project(inputs.For(model));

    public static ProjectionPath Path(Inputs inputs, ProjectionModel model, int from, int to) => model.ProjectStages(inputs.For(model), from, to);

    /// <summary>Parses <c>2026..2030</c> (or a single year).</summary>
    public static (int From, int To) ParseYears(string text)
    {
        var parts = text.Split("..", StringSplitOptions.TrimEntries);
        if (parts.Length is 1 or 2
            && int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var from)
            && int.TryParse(parts[^1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var to)
            && from is >= 1900 and <= 2200 && to is >= 1900 and <= 2200 && to >= from && to - from <= 100)
        {
            return (from, to);
        }

        throw new UsageException($"--years: '{text}' is not a year range from 1900 to 2200 of at most 100 years; write it like 2026..2030.");
    }

    /// <summary>The bands beside a projection, with the settings resolved once (<see cref="MonteCarloSettings.Resolve"/>): null when they are off.</summary>
    public static MonteCarloBands? Bands(Inputs inputs, ProjectionModel model, int? draws, int? seed, IProgress<int>? progress = null) =>
        MonteCarloSettings.Resolve(inputs.Scenario, model, MonteCarloUse.Bands, draws, seed) is { } settings
            // The bands summarise the beneficiaries' exports only: draw only the markets they supply (the same bands), a
            // group as given, so that its members' exports are summed draw by draw into one band for the group.
            ? new MonteCarloBands(model.MonteCarlo(inputs.For(model), settings, progress: progress, exporters: inputs.Scenario.BeneficiariesAsGiven))
            : null;
}
