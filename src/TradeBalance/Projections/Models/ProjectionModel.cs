using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using NodaTime;

namespace TradeBalance.Projections;

/// <summary>
/// A projection model: its name, what it supports and how it projects. <see cref="Smart"/> (WITS-SMART),
/// <see cref="Armington"/> (the exact CES model SMART linearises) and <see cref="Gsim"/> (every market of a
/// product cleared together, with finite export supply) are the models; every way to project (one scenario,
/// staged cuts year by year, Monte Carlo bands) goes through one of them.
/// </summary>
/// <remarks>
/// <para>Choose a model by object (<c>ProjectionModel.Gsim</c>), by name (<see cref="Parse"/>: <c>"smart"</c>,
/// <c>"armington"</c>, <c>"gsim"</c>, the names scenario files and the command line use) or by
/// <see cref="ProjectionModelKind"/> (<see cref="For"/>, e.g. a scenario's <see cref="Scenario.Model"/>).</para>
/// <para>Every model takes the same <see cref="ProjectionInputs"/>: the scenario, the data and the tariff schedules.
/// SMART and Armington use the scenario importer's schedule; GSIM (<see cref="NeedsEveryImporter"/>) needs one for
/// every importer in the data, because it clears each exporter's supply across all its markets.</para>
/// </remarks>
/// <threadsafety>Models are immutable and thread-safe.</threadsafety>
public abstract class ProjectionModel : IEquatable<ProjectionModel>
{
    private protected ProjectionModel()
    {
    }

    /// <summary>Gets WITS-SMART: the partial-equilibrium model of one importer's market per product, linear in the price change.</summary>
    public static ProjectionModel Smart { get; } = new SmartProjectionModel();

    /// <summary>Gets the exact Armington (CES) model with the default solver options; see <see cref="ArmingtonWith"/>.</summary>
    public static ProjectionModel Armington { get; } = new ArmingtonProjectionModel(ArmingtonOptions.Default);

    /// <summary>Gets GSIM: every importer's market of a product solved together, so an exporter's supply is shared among its markets.</summary>
    public static GsimProjectionModel Gsim { get; } = new();

    /// <summary>Gets every model, in the order the tool compares them.</summary>
    public static ImmutableArray<ProjectionModel> All { get; } = [Smart, Armington, Gsim];

    /// <summary>Gets the model's kind (what <see cref="Scenario.Model"/> stores).</summary>
    public abstract ProjectionModelKind Kind { get; }

    /// <summary>Gets the name scenario files and the command line use: <c>smart</c>, <c>armington</c> or <c>gsim</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Gets the name to show a reader: <c>SMART</c>, <c>Armington</c> or <c>GSIM</c>.</summary>
    public abstract string DisplayName { get; }

    /// <summary>Gets what the model's welfare figure (<see cref="MarketProjection.Welfare"/>) measures, in a few words: SMART's
    /// <c>dead-weight loss recovered</c>, Armington's and GSIM's <c>ΔCS + ΔTR</c> (docs/models.md, "Welfare").</summary>
    public abstract string WelfareMeasure { get; }

    /// <summary>Gets a value indicating whether the model needs every importer's tariff schedule (GSIM), not only the scenario importer's.</summary>
    public virtual bool NeedsEveryImporter => false;

    /// <summary>Gets a value indicating whether each Monte Carlo draw costs a whole projection (GSIM: a dense solve per
    /// product), rather than a pass of the per-market kernels that SMART and Armington draw on (hundreds of draws for the
    /// cost of a few projections).</summary>
    public virtual bool DrawsCostAProjection => false;

    /// <summary>The model of a kind (the one place a kind becomes a model).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The model, with default options.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined kind.</exception>
    public static ProjectionModel For(ProjectionModelKind kind) =>
        All.FirstOrDefault(m => m.Kind == kind) ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a projection model.");

    /// <summary>The model a run uses: the caller's choice, else the scenario's (<see cref="Scenario.Model"/>). Every command resolves its model here.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="chosen">The caller's model (a command-line option, say), or null.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scenario"/> is null.</exception>
    public static ProjectionModel Resolve(Scenario scenario, ProjectionModel? chosen = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return chosen ?? For(scenario.Model);
    }

    /// <summary>The exact Armington model with the given solver options.</summary>
    /// <param name="options">The solver's tolerance and iteration limit.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public static ProjectionModel ArmingtonWith(ArmingtonOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ArmingtonProjectionModel(options);
    }

    /// <summary>Finds a model by its <see cref="Name"/> (case-insensitive, surrounding spaces ignored).</summary>
    /// <param name="name">The name.</param>
    /// <param name="model">The model, or null.</param>
    /// <returns>True when the name is a model's.</returns>
    public static bool TryParse([NotNullWhen(true)] string? name, [NotNullWhen(true)] out ProjectionModel? model)
    {
        var trimmed = name?.Trim();
        model = All.FirstOrDefault(m => string.Equals(m.Name, trimmed, StringComparison.OrdinalIgnoreCase));
        return model is not null;
    }

    /// <summary>Finds a model by its <see cref="Name"/> (case-insensitive).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="FormatException">No model has that name; the message lists the names.</exception>
    public static ProjectionModel Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TryParse(name, out var model)
            ? model
            : throw new FormatException($"'{name}' is not a model; the models are {string.Join(", ", All.Select(m => m.Name))}.");
    }

    /// <summary>Projects the scenario.</summary>
    /// <param name="inputs">The scenario, the data and the schedules.</param>
    /// <returns>The projection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null.</exception>
    /// <exception cref="ArgumentException">The inputs do not fit together (no data in the reference year on the scenario's lines; a schedule missing for an importer the model needs).</exception>
    /// <exception cref="KeyNotFoundException">A schedule has no rate for a supplier.</exception>
    /// <exception cref="ProjectionException">The model's solve failed (the message names the market or product).</exception>
    public ProjectionResult Project(ProjectionInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return ProjectWith(inputs, rates: null);
    }

    /// <summary>Projects a staged scenario for each year of a range (the cut phased in over <see cref="Scenario.Stages"/>).</summary>
    /// <param name="inputs">The scenario, the data and the schedules.</param>
    /// <param name="fromYear">The first year.</param>
    /// <param name="toYear">The last year (inclusive), at most 200 years after the first.</param>
    /// <param name="on">The day of each year whose rates apply; null for <see cref="StagedProjection.DefaultDay"/> (1 July).</param>
    /// <returns>One point per year.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The year range is empty or longer than 200 years.</exception>
    /// <exception cref="ArgumentException">The inputs do not fit together; see <see cref="Project"/>.</exception>
    /// <exception cref="KeyNotFoundException">A schedule has no rate for a supplier.</exception>
    /// <exception cref="ProjectionException">The model's solve failed.</exception>
    public ProjectionPath ProjectStages(ProjectionInputs inputs, int fromYear, int toYear, AnnualDate? on = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return StagedProjection.Run(this, inputs, fromYear, toYear, on ?? StagedProjection.DefaultDay);
    }

    /// <summary>Monte Carlo over the elasticities: the P5, P50 and P95 of every projected figure.</summary>
    /// <param name="inputs">The scenario, the data and the schedules.</param>
    /// <param name="settings">Draws, seed and spread; null for the scenario's (<see cref="Scenario.MonteCarlo"/>) or the defaults.</param>
    /// <param name="maxDegreeOfParallelism">Workers; -1 (default) for one per core. Results do not depend on it.</param>
    /// <param name="progress">Receives the draws done so far (as draw-equivalents), or null.</param>
    /// <param name="exporters">Bands for these exporters only (a group stands for itself and its members on the
    /// scenario's date), as a summary of their exports needs; null (default) for every figure. Only the markets they
    /// supply are drawn, and only their rows and exports get percentiles: the result's rows and exports are theirs, its
    /// markets those they supply, each band exactly what a run over every market gives it. The point projection still
    /// covers every market. Models that solve every market together (GSIM) draw every figure whatever is given.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The bands and the point projection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null.</exception>
    /// <exception cref="ArgumentException">The inputs do not fit together; see <see cref="Project"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or below −1.</exception>
    /// <exception cref="ProjectionException">A draw's solve failed (the message names the draw and the market).</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public MonteCarloResult MonteCarlo(ProjectionInputs inputs, MonteCarloSettings? settings = null, int maxDegreeOfParallelism = -1, IProgress<int>? progress = null, IEnumerable<Country>? exporters = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (maxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "The degree of parallelism must be -1 (all cores) or at least 1.");
        }

        return RunMonteCarlo(inputs, settings ?? inputs.Scenario.MonteCarlo ?? new MonteCarloSettings(), rates: null, maxDegreeOfParallelism, progress, cancellationToken, exporters);
    }

    /// <summary>Returns <see cref="Name"/>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;

    /// <summary>Whether the other model is the same model with the same options.</summary>
    /// <param name="other">The other model.</param>
    /// <returns>True when equal.</returns>
    public virtual bool Equals(ProjectionModel? other) => other is not null && other.Kind == Kind;

    /// <summary>Whether the object is the same model with the same options.</summary>
    /// <param name="obj">The object.</param>
    /// <returns>True when equal.</returns>
    public override bool Equals(object? obj) => Equals(obj as ProjectionModel);

    /// <summary>A hash code consistent with <see cref="Equals(ProjectionModel?)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => (int)Kind;

    /// <summary>Monte Carlo: the run (SMART and Armington: the chunked kernel draws of <see cref="ProjectionModel.MonteCarlo"/>).</summary>
    internal MonteCarloResult RunMonteCarlo(ProjectionInputs inputs, MonteCarloSettings settings, int maxDegreeOfParallelism, IProgress<int>? progress, CancellationToken cancellationToken) =>
        RunMonteCarlo(inputs, settings, rates: null, maxDegreeOfParallelism, progress, cancellationToken);

    /// <summary>Monte Carlo with the given rates per flow (null: the scenario's before and after), as a backtest replays them.</summary>
    internal abstract MonteCarloResult RunMonteCarlo(ProjectionInputs inputs, MonteCarloSettings settings, Func<TradeFlow, TariffSchedule, (TariffRate Before, TariffRate After)>? rates, int maxDegreeOfParallelism, IProgress<int>? progress, CancellationToken cancellationToken, IEnumerable<Country>? exporters = null);

    /// <summary>Projects with the given rates per flow (null: the scenario's before and after), as a staged year does.</summary>
    internal abstract ProjectionResult ProjectWith(ProjectionInputs inputs, Func<TradeFlow, TariffSchedule, (TariffRate Before, TariffRate After)>? rates);
}
