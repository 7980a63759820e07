namespace TradeBalance.Projections;

/// <summary>Turns a batch and the numeric core's spans into a <see cref="ProjectionResult"/>: the one place doubles become money.</summary>
internal static class ProjectionAssembly
{
    /// <summary>Builds the result of a single-market model (SMART or Armington).</summary>
    public static ProjectionResult Build(ProjectionBatch batch, ProjectionModel model, in SmartOutput output, ReadOnlySpan<int> iterations, ReadOnlySpan<double> residuals, IEnumerable<string>? extraNotes = null)
    {
        var currency = batch.Data.Currency;
        var k = batch.Markets.Length;
        var markets = new List<MarketProjection>(k);
        for (var m = 0; m < k; m++)
        {
            try
            {
                markets.Add(Market(batch, output, iterations, residuals, currency, m));
            }
            catch (ProjectionException e) when (e.Market is null)
            {
                // Name the market and its elasticities: an amount out of range means inputs at the edge of the model.
                throw new ProjectionException(
                    batch.Markets[m],
                    iterations.IsEmpty ? 0 : iterations[m],
                    residuals.IsEmpty ? 0d : residuals[m],
                    $"The {model} projection cannot be reported with elasticities {batch.MarketElasticities[m]}. {e.Message}");
            }
        }

        var notes = extraNotes is null ? batch.Notes : batch.Notes.AddRange(extraNotes);
        return new ProjectionResult(batch.Scenario, model, batch.Year, batch.Data, markets, notes);
    }

    private static MarketProjection Market(ProjectionBatch batch, in SmartOutput output, ReadOnlySpan<int> iterations, ReadOnlySpan<double> residuals, Currency currency, int m)
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

        return new MarketProjection
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
        };
    }
}
