using TradeBalance.Projections;

namespace TradeBalance.Cli;

/// <summary>Runs the model a user chose.</summary>
internal static class Projector
{
    /// <summary>The models the tool offers, by the names the command line and scenario.json use.</summary>
    public static readonly string[] ModelNames = ["smart", "armington", "gsim"];

    public static ProjectionModelKind ParseModel(string name) => name.ToUpperInvariant() switch
    {
        "SMART" => ProjectionModelKind.Smart,
        "ARMINGTON" => ProjectionModelKind.Armington,
        "GSIM" => ProjectionModelKind.Gsim,
        _ => throw new UsageException($"--model: '{name}' is not a model this tool offers; use one of {string.Join(", ", ModelNames)}."),
    };

    public static ProjectionResult Project(Inputs inputs, ProjectionModelKind model) => model switch
    {
        ProjectionModelKind.Smart => SmartModel.Project(inputs.Scenario, inputs.Flows, inputs.Tariffs),
        ProjectionModelKind.Armington => ArmingtonModel.Project(inputs.Scenario, inputs.Flows, inputs.Tariffs),
        _ => GsimModel.Project(inputs.Scenario, inputs.Flows, inputs.AllTariffs).Projection,
    };

    public static ProjectionPath Path(Inputs inputs, ProjectionModelKind model, int from, int to) =>
        model == ProjectionModelKind.Gsim
            ? StagedProjection.Project(inputs.Scenario, inputs.Flows, inputs.AllTariffs, from, to, model)
            : StagedProjection.Project(inputs.Scenario, inputs.Flows, inputs.Tariffs, from, to, model);

    /// <summary>Parses <c>2026..2030</c> (or a single year).</summary>
    public static (int From, int To) ParseYears(string text)
    {
        var parts = text.Split("..", StringSplitOptions.TrimEntries);
        if (parts.Length is 1 or 2
            && int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var from)
            && int.TryParse(parts[^1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var to)
            && from is >= 1900 and <= 2200 && to >= from && to - from <= 100)
        {
            return (from, to);
        }

        throw new UsageException($"--years: '{text}' is not a year range; write it like 2026..2030.");
    }

    public static SensitivitySummary? Bands(Inputs inputs, ProjectionModelKind model, int draws, int? seed, IProgress<int>? progress = null)
    {
        if (draws <= 0)
        {
            return null;
        }

        if (model == ProjectionModelKind.Gsim)
        {
            return null; // Monte Carlo over GSIM is not offered.
        }

        var settings = new MonteCarloSettings(draws, seed ?? inputs.Scenario.MonteCarlo?.Seed ?? 42, inputs.Scenario.MonteCarlo?.Spread ?? 0.5);
        var result = Sensitivity.Run(inputs.Scenario, inputs.Flows, inputs.Tariffs, settings, new SensitivityOptions { Model = model }, progress);
        return new SensitivitySummary(result);
    }
}
