namespace TradeBalance.Projections;

/// <summary>Turns a batch and the numeric core's spans into a <see cref="ProjectionResult"/>: the one place doubles become money.</summary>
internal static class ProjectionAssembly
{
    /// <summary>Builds the result of a single-market model (SMART or Armington).</summary>
    public static ProjectionResult Build(ProjectionBatch batch, ProjectionModelKind model, in SmartOutput output, ReadOnlySpan<int> iterations, ReadOnlySpan<double> residuals, IEnumerable<string>? extraNotes = null)
    {
        var currency = batch.Data.Currency;
        var k = batch.Markets.Length;
        var markets = new List<MarketProjection>(k);
        for (var m = 0; m < k; m++)
        {
            var rows = new List<ProjectionRow>(batch.Offsets[m + 1] - batch.Offsets[m]);
            var totalBefore = output.MarketTotalBefore[m];
            var totalAfter = output.MarketTotalAfter[m];
            for (var i = batch.Offsets[m]; i < batch.Offsets[m + 1]; i++)
            {
                var f = batch.Flows[i];
                rows.Add(new ProjectionRow
                {
                    Importer = f.Importer,
                    Exporter = f.Exporter,
                    Hs = f.Hs,
                    Baseline = f.Value,
                    TariffBefore = batch.RatesBefore[i],
                    TariffAfter = batch.RatesAfter[i],
                    TradeCreation = SmartModel.ToMoney(output.TradeCreation[i], currency),
                    TradeDiversion = SmartModel.ToMoney(output.TradeDiversion[i], currency),
                    PriceEffect = SmartModel.ToMoney(output.PriceEffect[i], currency),
                    Projected = SmartModel.ToMoney(output.Projected[i], currency),
                    BaselineShare = totalBefore > 0d ? batch.Baseline[i] / totalBefore : 0d,
                    ProjectedShare = totalAfter > 0d ? output.Projected[i] / totalAfter : 0d,
                });
            }

            markets.Add(new MarketProjection
            {
                Market = batch.Markets[m],
                Elasticities = batch.MarketElasticities[m],
                Rows = rows,
                BaselineTotal = SmartModel.ToMoney(totalBefore, currency),
                ProjectedTotal = SmartModel.ToMoney(totalAfter, currency),
                RevenueBefore = SmartModel.ToMoney(output.RevenueBefore[m], currency),
                RevenueAfter = SmartModel.ToMoney(output.RevenueAfter[m], currency),
                Welfare = SmartModel.ToMoney(output.Welfare[m], currency),
                Iterations = iterations.IsEmpty ? null : iterations[m],
                Residual = residuals.IsEmpty ? null : residuals[m],
            });
        }

        var notes = extraNotes is null ? batch.Notes : batch.Notes.AddRange(extraNotes);
        return new ProjectionResult(batch.Scenario, model, batch.Year, batch.Data, markets, notes);
    }
}
