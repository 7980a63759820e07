using System.Text.Json;
using TradeBalance.Data;
using TradeBalance.Projections;

namespace TradeBalance.Cli;

/// <summary>
/// The JSON of each command: the rows, and the summary the table shows in words (the beneficiaries'
/// totals, the bilateral balance in USD and in the local currency, the Monte Carlo bands where they were drawn). The
/// fields are listed in docs/data-formats.md (Result tables).
/// </summary>
internal static class ResultJson
{
    /// <summary>
    /// <c>project</c>: the library's projection JSON (<see cref="ProjectionJson.WriteMembers"/>, every field as the
    /// library writes it) with a <c>summary</c> object added at the end.
    /// </summary>
    public static void Projection(Utf8JsonWriter w, ProjectionResult result, Inputs inputs, MonteCarloBands? bands)
    {
        // Composed in one pass: the library writes its members into this object, then the summary follows.
        w.WriteStartObject();
        ProjectionJson.WriteMembers(w, result, inputs.Tariffs);

        w.WriteStartObject("summary");
        MonteCarlo(w, bands?.Result.Settings, bands?.Result.Model);
        w.WriteStartArray("beneficiaries");
        foreach (var beneficiary in ProjectionSummary.Of(result, bands?.Result).Beneficiaries)
        {
            Beneficiary(w, result, inputs, beneficiary);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary><c>project --years</c>: every year's rows, and each beneficiary's projected exports and balance by year.</summary>
    public static void Path(Utf8JsonWriter w, ProjectionPath path)
    {
        var table = ResultTables.Path(path);
        var importer = path.Scenario.Importer;
        Opening(w, "project --years", path.Scenario, path.Model, table);
        w.WriteStartObject("summary");
        w.WriteStartArray("beneficiaries");
        foreach (var exporter in path.Scenario.Beneficiaries)
        {
            w.WriteStartObject();
            w.WriteString("exporter", exporter.Alpha3);
            w.WriteString("importer", importer.Alpha3);
            w.WriteStartArray("years");
            foreach (var point in path.Points)
            {
                w.WriteStartObject();
                w.WriteNumber("year", point.Year);
                w.WriteNumber("stage", point.Stage);
                ExporterTotals(w, point.Result, exporter, importer);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Notes(w, path.Points.SelectMany(p => p.Result.Notes).Distinct());
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary><c>sensitivity</c>: the settings, every row's P5/P50/P95, and each beneficiary's exports band.</summary>
    public static void Sensitivity(Utf8JsonWriter w, MonteCarloResult result)
    {
        var table = ResultTables.MonteCarlo(result);
        Opening(w, "sensitivity", result.Scenario, result.Model, table);
        w.WriteStartObject("summary");
        MonteCarlo(w, result.Settings, result.Model);
        w.WriteStartArray("beneficiaries");
        foreach (var e in result.Exports.Where(x => result.Scenario.Beneficiaries.Contains(x.Exporter)))
        {
            w.WriteStartObject();
            w.WriteString("exporter", e.Exporter.Alpha3);
            w.WriteString("importer", e.Importer.Alpha3);
            w.WriteNumber("baselineUsd", e.Baseline.Amount);
            Band(w, "projectedUsd", e.Projected);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Notes(w, result.Point.Notes);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary><c>compare</c>: every row under each model, and each model's beneficiary totals or why it could not run.</summary>
    public static void Compare(Utf8JsonWriter w, Scenario scenario, OutputTable table, IReadOnlyList<(ProjectionModel Model, ProjectionResult? Result, Exception? Failure)> results)
    {
        Opening(w, "compare", scenario, model: null, table);
        w.WriteStartObject("summary");
        w.WriteStartArray("models");
        foreach (var (model, result, failure) in results)
        {
            w.WriteStartObject();
            w.WriteString("model", model.Name);
            if (result is null)
            {
                w.WriteString("error", CliApp.Classify(failure!).Message);
                w.WriteNull("beneficiaries");
            }
            else
            {
                w.WriteNull("error");
                w.WriteStartArray("beneficiaries");
                foreach (var exporter in scenario.Beneficiaries)
                {
                    w.WriteStartObject();
                    w.WriteString("exporter", exporter.Alpha3);
                    w.WriteString("importer", scenario.Importer.Alpha3);
                    ExporterTotals(w, result, exporter, scenario.Importer);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>
    /// <c>project</c> of a package: the package's name, each part as <see cref="Projection"/> writes a scenario,
    /// and the balance both sides move, with each part's contribution.
    /// </summary>
    public static void Package(Utf8JsonWriter w, PackageResult result, Inputs inputs, IReadOnlyList<Inputs> partInputs, IReadOnlyList<MonteCarloBands?> bands)
    {
        var package = result.Package;
        var (country, partner) = (package.Country, package.Partner);
        w.WriteStartObject();
        w.WriteString("package", package.Name);
        w.WriteString("description", package.Description);
        w.WriteStartArray("parts");
        for (var i = 0; i < result.Parts.Length; i++)
        {
            Projection(w, result.Parts[i], partInputs[i], bands[i]);
        }

        w.WriteEndArray();
        var local = LocalCurrency.Find(inputs.Currency, country, result.Parts[0].Data.Currency, result.Year, inputs.Rates, inputs.RatesName);
        var perUsd = local.PerUnit;
        var balance = result.Balance(country, partner);
        w.WriteStartObject("balance");
        w.WriteString("country", country.Alpha3);
        w.WriteString("partner", partner.Alpha3);
        w.WriteNumber("year", result.Year);
        w.WriteString("localCurrency", local.Currency?.Code);
        ResultOutput.Number(w, "localPerUsd", perUsd);
        BalanceSide(w, "before", balance.Before, perUsd);
        BalanceSide(w, "after", balance.After, perUsd);
        w.WriteStartArray("contributions");
        foreach (var (part, x, m) in result.Contributions(country, partner))
        {
            w.WriteStartObject();
            w.WriteString("scenario", part.Scenario.Name);
            w.WriteNumber("exportChangeUsd", x.Amount);
            w.WriteNumber("importChangeUsd", m.Amount);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary><c>balance</c>: the pair, the local currency and every year's balance in USD and that currency.</summary>
    public static void Balance(Utf8JsonWriter w, Country country, Country partner, Currency? local, OutputTable table)
    {
        w.WriteStartObject();
        w.WriteString("command", "balance");
        w.WriteString("country", country.Alpha3);
        w.WriteString("partner", partner.Alpha3);
        w.WriteString("currency", "USD");
        w.WriteString("localCurrency", local?.Code);
        OutputTableJson.WriteColumns(w, table);
        OutputTableJson.WriteRows(w, table);
        w.WriteEndObject();
    }

    private static void Beneficiary(Utf8JsonWriter w, ProjectionResult result, Inputs inputs, BeneficiarySummary summary)
    {
        var (exporter, importer) = (summary.Exporter, summary.Importer);
        var (before, after) = (summary.Baseline.Amount, summary.Projected.Amount);
        // A group's figures are its members' added: in its own currency (the EU's EUR) or --currency's, else none.
        var local = summary.IsGroup && LocalCurrency.Resolve(inputs.Currency, exporter, result.Year) is null ? null : inputs.Local(result, exporter);
        var perUsd = local?.PerUnit;
        w.WriteStartObject();
        w.WriteString("exporter", exporter.Alpha3);
        w.WriteString("importer", importer.Alpha3);
        w.WriteStartArray("members");
        foreach (var m in summary.Members)
        {
            w.WriteStringValue(m.Alpha3);
        }

        w.WriteEndArray();
        w.WriteNumber("membersWithoutTrade", summary.MembersWithoutTrade);
        w.WriteNumber("baselineUsd", before);
        w.WriteNumber("projectedUsd", after);
        w.WriteNumber("changeUsd", after - before);
        ResultOutput.Number(w, "changePercent", before == 0m ? null : (double)((after - before) / before * 100m));
        w.WriteString("localCurrency", local?.Currency?.Code);
        ResultOutput.Number(w, "localPerUsd", perUsd);
        ResultOutput.Number(w, "baselineLocal", before * perUsd);
        ResultOutput.Number(w, "projectedLocal", after * perUsd);

        var balance = summary.Balance;
        w.WriteStartObject("balance");
        w.WriteNumber("year", result.Year);
        w.WriteString("scope", summary.BalanceCoversAllGoods ? "all goods" : "only the products in the data");
        BalanceSide(w, "before", balance.Before, perUsd);
        BalanceSide(w, "after", balance.After, perUsd);
        w.WriteEndObject();

        if (summary.Band is not { } band)
        {
            w.WriteNull("bands");
        }
        else
        {
            w.WriteStartObject("bands");
            Band(w, "projectedUsd", band);
            w.WriteStartArray("products");
            foreach (var p in summary.Products)
            {
                if (p.Band is { } productBand)
                {
                    w.WriteStartObject();
                    w.WriteString("hs", p.Hs.ToString());
                    Band(w, "projectedUsd", productBand);
                    w.WriteEndObject();
                }
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void BalanceSide(Utf8JsonWriter w, string name, BilateralBalance b, decimal? perUsd)
    {
        w.WriteStartObject(name);
        w.WriteNumber("exportsUsd", b.Exports.Amount);
        w.WriteNumber("importsUsd", b.Imports.Amount);
        w.WriteNumber("balanceUsd", b.Balance.Amount);
        ResultOutput.Number(w, "exportsToImports", b.ExportImportRatio);
        ResultOutput.Number(w, "exportsLocal", b.Exports.Amount * perUsd);
        ResultOutput.Number(w, "importsLocal", b.Imports.Amount * perUsd);
        ResultOutput.Number(w, "balanceLocal", b.Balance.Amount * perUsd);
        w.WriteEndObject();
    }

    private static void Band(Utf8JsonWriter w, string name, PercentileBand<Money> band)
    {
        w.WriteStartObject(name);
        w.WriteNumber("p5", band.P5.Amount);
        w.WriteNumber("p50", band.P50.Amount);
        w.WriteNumber("p95", band.P95.Amount);
        w.WriteEndObject();
    }

    private static void MonteCarlo(Utf8JsonWriter w, MonteCarloSettings? settings, ProjectionModel? model)
    {
        if (settings is null)
        {
            w.WriteNull("monteCarlo");
            return;
        }

        w.WriteStartObject("monteCarlo");
        w.WriteString("model", model!.Name);
        w.WriteNumber("draws", settings.Draws);
        w.WriteNumber("seed", settings.Seed);
        w.WriteNumber("spread", settings.Spread);
        w.WriteEndObject();
    }

    private static void Notes(Utf8JsonWriter w, IEnumerable<string> notes)
    {
        w.WriteStartArray("notes");
        foreach (var n in notes)
        {
            w.WriteStringValue(n);
        }

        w.WriteEndArray();
    }

    /// <summary>An exporter's sales to an importer in one projection, and their bilateral balance before and after (USD).</summary>
    private static void ExporterTotals(Utf8JsonWriter w, ProjectionResult result, Country exporter, Country importer)
    {
        var rows = result.Rows.Where(r => r.Exporter.Equals(exporter) && r.Importer.Equals(importer)).ToList();
        var balance = result.Balance(exporter, importer);
        w.WriteNumber("baselineUsd", rows.Sum(r => r.Baseline.Amount));
        w.WriteNumber("projectedUsd", rows.Sum(r => r.Projected.Amount));
        w.WriteNumber("balanceBeforeUsd", balance.Before.Balance.Amount);
        w.WriteNumber("balanceAfterUsd", balance.After.Balance.Amount);
    }

    /// <summary>What every scenario command's JSON starts with: the command, the scenario's name, the model (when one), the currency, then the table's columns and rows.</summary>
    private static void Opening(Utf8JsonWriter w, string command, Scenario scenario, ProjectionModel? model, OutputTable table)
    {
        w.WriteStartObject();
        w.WriteString("command", command);
        w.WriteString("scenario", scenario.Name);
        if (model is not null)
        {
            w.WriteString("model", model.Name);
        }

        w.WriteString("currency", "USD");
        OutputTableJson.WriteColumns(w, table);
        OutputTableJson.WriteRows(w, table);
    }
}
