using TradeBalance.Projections;

namespace TradeBalance.Cli;

/// <summary>Runs the model a user chose.</summary>
internal static class Projector
{
    /// <summary>The models the tool offers, by the names the command line and scenario.json use.</summary>
    public static readonly string[] ModelNames = ["smart"];

    public static ProjectionModelKind ParseModel(string name) => name.ToUpperInvariant() switch
    {
        "SMART" => ProjectionModelKind.Smart,
        _ => throw new UsageException($"--model: '{name}' is not a model this tool offers; use one of {string.Join(", ", ModelNames)}."),
    };

    public static ProjectionResult Project(Inputs inputs, ProjectionModelKind model) => model switch
    {
        ProjectionModelKind.Smart => SmartModel.Project(inputs.Scenario, inputs.Flows, inputs.Tariffs),
        _ => throw new UsageException($"The scenario asks for the {model} model, which this tool does not offer yet; use --model smart."),
    };
}
