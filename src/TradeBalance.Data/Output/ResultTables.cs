using TradeBalance.Projections;

namespace TradeBalance.Data;

/// <summary>
/// The tables of TradeBalance's results, ready for <see cref="OutputTableCsv"/> and
/// <see cref="OutputTableParquet"/>: a projection, a staged projection year by year, and a Monte Carlo run.
/// The columns are listed in docs/data-formats.md (Result tables).
/// </summary>
/// <remarks>Money is in the data's currency, which must be USD (the columns say <c>_usd</c>). A share
/// that is not a number (a market with no imports) is null, never NaN.</remarks>
/// <threadsafety>Stateless; safe to use from many threads.</threadsafety>
public static class ResultTables
{
    private const string Iso = "ISO 3166-1 alpha-3";
    private const string Hs = "HS code (leading zeros kept)";

    /// <summary>A projection: one row per market × supplier, the columns of <see cref="ProjectionCsv.Columns"/>, then <c>scenario</c>.</summary>
    /// <param name="result">The projection; its data must be in USD.</param>
    /// <returns>The <c>projection</c> table.</returns>
    /// <exception cref="ArgumentException">The projection is not in USD.</exception>
    public static OutputTable Projection(ProjectionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        RequireUsd(result);
        return new OutputTable("projection", [.. ProjectionColumns(result.Rows), .. ElasticityColumns(result, result.Rows), ScenarioColumn(result.Scenario, result.Rows.Length)]);
    }

    /// <summary>A staged projection: every year's projection rows, each with its year and stage first.</summary>
    /// <param name="path">The path; its data must be in USD.</param>
    /// <returns>The <c>projection_path</c> table: <c>year, stage</c>, then the projection's columns (with <c>scenario</c> last).</returns>
    /// <exception cref="ArgumentException">The data is not in USD.</exception>
    public static OutputTable Path(ProjectionPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        foreach (var p in path.Points)
        {
            RequireUsd(p.Result);
        }

        var rows = path.Points.SelectMany(p => p.Result.Rows.Select(r => (Point: p, Row: r))).ToList();
        return new OutputTable(
            "projection_path",
            [
                OutputColumn.WholeNumber("year", "calendar year", "The year projected, with the rates in force on the path's day of that year.", rows.Select(x => (int?)x.Point.Year)),
                OutputColumn.WholeNumber("stage", "count", "The phasing stage in force that year (0: before the change).", rows.Select(x => (int?)x.Point.Stage)),
                .. ProjectionColumns(rows.Select(x => x.Row).ToList()),
                .. ElasticityColumns(path.Points[0].Result, rows.Select(x => x.Row).ToList()),
                ScenarioColumn(path.Scenario, rows.Count),
            ]);
    }

    /// <summary>A scenario package: every part's projection rows, each with its part number first and its part's scenario name last.</summary>
    /// <param name="result">The package's result; its data must be in USD.</param>
    /// <returns>The <c>package</c> table: <c>part</c> (1, 2, …), then the projection's columns, <c>scenario</c> last.</returns>
    /// <exception cref="ArgumentException">The data is not in USD.</exception>
    public static OutputTable Package(PackageResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var p in result.Parts)
        {
            RequireUsd(p);
        }

        var rows = result.Parts.SelectMany((p, i) => p.Rows.Select(r => (Part: i + 1, Result: p, Row: r))).ToList();
        var projected = rows.Select(x => x.Row).ToList();
        return new OutputTable(
            "package",
            [
                OutputColumn.WholeNumber("part", "count", "The part of the package (1 is the first in the package file).", rows.Select(x => (int?)x.Part)),
                .. ProjectionColumns(projected),
                .. ElasticityColumns(projected, i => rows[i].Result),
                OutputColumn.Text("scenario", "text", "The part's scenario name, as in the package file.", rows.Select(x => (string?)x.Result.Scenario.Name)),
            ]);
    }

    /// <summary>A Monte Carlo run: one row per market × supplier with P5, P50 and P95 of its projected imports and share.</summary>
    /// <param name="result">The run; its data must be in USD.</param>
    /// <returns>The <c>sensitivity</c> table, <c>scenario</c> last.</returns>
    /// <exception cref="ArgumentException">The data is not in USD.</exception>
    public static OutputTable MonteCarlo(MonteCarloResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        RequireUsd(result.Point);
        var rows = result.Rows;
        return new OutputTable(
            "sensitivity",
            [
                OutputColumn.Text("importer", Iso, "The importing country.", rows.Select(r => r.Importer.Alpha3)),
                OutputColumn.Text("exporter", Iso, "The supplier.", rows.Select(r => r.Exporter.Alpha3)),
                OutputColumn.Text("hs", Hs, "The market's product.", rows.Select(r => r.Hs.ToString())),
                OutputColumn.ExactNumber("baseline_usd", "USD", "Baseline imports from the supplier.", rows.Select(r => (decimal?)r.Baseline.Amount)),
                OutputColumn.ExactNumber("projected_p5_usd", "USD", "5th percentile of the projected imports over the draws.", rows.Select(r => (decimal?)r.Projected.P5.Amount)),
                OutputColumn.ExactNumber("projected_p50_usd", "USD", "Median of the projected imports over the draws.", rows.Select(r => (decimal?)r.Projected.P50.Amount)),
                OutputColumn.ExactNumber("projected_p95_usd", "USD", "95th percentile of the projected imports over the draws.", rows.Select(r => (decimal?)r.Projected.P95.Amount)),
                OutputColumn.FloatingPoint("share_p5", "fraction", "5th percentile of the supplier's projected share of the market.", rows.Select(r => Finite(r.ProjectedShare.P5))),
                OutputColumn.FloatingPoint("share_p50", "fraction", "Median of the supplier's projected share.", rows.Select(r => Finite(r.ProjectedShare.P50))),
                OutputColumn.FloatingPoint("share_p95", "fraction", "95th percentile of the supplier's projected share.", rows.Select(r => Finite(r.ProjectedShare.P95))),
                ScenarioColumn(result.Scenario, rows.Length),
            ]);
    }

    /// <summary>
    /// The last column of every scenario's table: its name on every row, so that the tables of several
    /// runs can be stacked (<c>read_parquet('runs/*.parquet')</c>) and still be told apart.
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="rows">The number of rows.</param>
    /// <returns>The <c>scenario</c> column.</returns>
    public static OutputColumn ScenarioColumn(Scenario scenario, int rows)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return OutputColumn.Text("scenario", "text", "The scenario's name, as in scenario.json.", Enumerable.Repeat<string?>(scenario.Name, rows));
    }

    /// <summary>A number, or null when it is NaN or infinite: a figure the model cannot give.</summary>
    internal static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static OutputColumn[] ProjectionColumns(IReadOnlyList<ProjectionRow> rows) =>
    [
        OutputColumn.Text("importer", Iso, "The importing country.", rows.Select(r => r.Importer.Alpha3)),
        OutputColumn.Text("exporter", Iso, "The supplier.", rows.Select(r => r.Exporter.Alpha3)),
        OutputColumn.Text("hs", Hs, "The market's product.", rows.Select(r => r.Hs.ToString())),
        OutputColumn.ExactNumber("baseline_usd", "USD", "Baseline imports from the supplier.", rows.Select(r => (decimal?)r.Baseline.Amount)),
        OutputColumn.ExactNumber("tariff_before_percent", "percent", "The supplier's tariff before the scenario.", rows.Select(r => (decimal?)r.TariffBefore.Percent)),
        OutputColumn.ExactNumber("tariff_after_percent", "percent", "The supplier's tariff after the scenario.", rows.Select(r => (decimal?)r.TariffAfter.Percent)),
        OutputColumn.ExactNumber("trade_creation_usd", "USD", "Trade creation; null where the model does not define it (GSIM).", rows.Select(r => r.TradeCreation?.Amount)),
        OutputColumn.ExactNumber("trade_diversion_usd", "USD", "Trade diversion (negative for suppliers that lose); null where the model does not define it (GSIM).", rows.Select(r => r.TradeDiversion?.Amount)),
        OutputColumn.ExactNumber("projected_usd", "USD", "Projected imports from the supplier.", rows.Select(r => (decimal?)r.Projected.Amount)),
        OutputColumn.FloatingPoint("baseline_share", "fraction", "The supplier's share of the importer's imports of the product before, 0 to 1.", rows.Select(r => Finite(r.BaselineShare))),
        OutputColumn.FloatingPoint("projected_share", "fraction", "The supplier's share after, 0 to 1.", rows.Select(r => Finite(r.ProjectedShare))),
    ];

    /// <summary>
    /// The elasticities each row's market was projected with, and where each came from (the default, an
    /// override with its source, or a published table's entry), so a file says which η, σ and ε it used.
    /// </summary>
    private static OutputColumn[] ElasticityColumns(ProjectionResult result, IReadOnlyList<ProjectionRow> rows) => ElasticityColumns(rows, _ => result);

    /// <summary>As above, each row projected by its own result (a package's parts).</summary>
    private static OutputColumn[] ElasticityColumns(IReadOnlyList<ProjectionRow> rows, Func<int, ProjectionResult> resultOf)
    {
        // Once per market of each result: the rows only look their market up.
        var byResult = new Dictionary<ProjectionResult, Dictionary<(Country, HsCode), (ElasticityValues Values, string Sources)>>(ReferenceEqualityComparer.Instance);
        // Rows come market by market, so a row usually shares the previous row's market: look up only on a change.
        var of = new (ElasticityValues Values, string Sources)[rows.Count];
        for (var i = 0; i < of.Length; i++)
        {
            var r = rows[i];
            var result = resultOf(i);
            if (i > 0 && ReferenceEquals(r.Importer, rows[i - 1].Importer) && ReferenceEquals(r.Hs, rows[i - 1].Hs) && ReferenceEquals(result, resultOf(i - 1)))
            {
                of[i] = of[i - 1];
                continue;
            }

            if (!byResult.TryGetValue(result, out var byMarket))
            {
                byMarket = result.Markets.ToDictionary(
                    m => (m.Market.Importer, m.Market.Hs),
                    m => (Values: m.Elasticities, Sources: Compact(result.Scenario.Elasticities.Explain(m.Market.Importer, m.Market.Hs))));
                byResult[result] = byMarket;
            }

            of[i] = byMarket[(r.Importer, r.Hs)];
        }

        return
        [
            OutputColumn.FloatingPoint("eta", "elasticity", "The import-demand elasticity η used for the market (negative).", of.Select(e => (double?)e.Values.ImportDemand)),
            OutputColumn.FloatingPoint("sigma", "elasticity", "The substitution elasticity σ used for the market.", of.Select(e => (double?)e.Values.Substitution)),
            OutputColumn.FloatingPoint("eps", "elasticity", "The export-supply elasticity ε used for the market; null when infinite (99 or more).", of.Select(e => e.Values.IsSupplyInfinite ? null : (double?)e.Values.ExportSupply)),
            OutputColumn.Text("elasticity_sources", "text", "Where η, σ and ε came from: the default, an override and its source, or a published table's entry (\"default\" when all three are the defaults).", of.Select(e => (string?)e.Sources)),
        ];
    }

    // "default" alone when all three are the scenario's defaults: a large file repeats it on every row.
    private static string Compact(ElasticitySources sources) =>
        sources is { ImportDemand: "default", Substitution: "default", ExportSupply: "default" } ? "default" : sources.ToString();

    private static void RequireUsd(ProjectionResult result)
    {
        if (!result.Data.Currency.Equals(Currency.Usd))
        {
            throw new ArgumentException($"The output tables are in USD; this projection is in {result.Data.Currency.Code}.", nameof(result));
        }
    }
}
