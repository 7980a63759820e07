namespace TradeBalance.Projections;

/// <summary>How <see cref="Sensitivity"/> runs: the model, the degree of parallelism and the Armington solver settings.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record SensitivityOptions
{
    private readonly int _maxDegreeOfParallelism = -1;

    /// <summary>Gets the default options: SMART, all cores.</summary>
    public static SensitivityOptions Default { get; } = new();

    /// <summary>Gets the model each draw is projected with: <see cref="ProjectionModelKind.Smart"/> (default) or <see cref="ProjectionModelKind.Armington"/>.</summary>
    public ProjectionModelKind Model { get; init; } = ProjectionModelKind.Smart;

    /// <summary>Gets the largest number of draws run at once; −1 (default) lets the runtime use every core. Results do not depend on it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to 0 or to less than −1.</exception>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init => _maxDegreeOfParallelism = value == -1 || value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "The degree of parallelism must be -1 (all cores) or at least 1.");
    }

    /// <summary>Gets the Armington solver settings (used when <see cref="Model"/> is Armington).</summary>
    public ArmingtonOptions Armington { get; init; } = ArmingtonOptions.Default;
}
