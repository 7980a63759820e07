using System.Collections.Immutable;
using System.Globalization;
using TradeBalance.Internal;

namespace TradeBalance.Projections;

/// <summary>
/// GSIM, the multi-market partial-equilibrium model of Francois &amp; Hall (2003), linearised: every
/// importer buys each product from every exporter, and one world price per exporter × product clears
/// that exporter's sales across all importers, so a preference in one market moves prices and flows
/// in every other market of the product.
/// </summary>
/// <remarks>
/// <para>Equations (linearised GSIM, Francois &amp; Hall 2003; see the README, GSIM), with
/// <c>T = 1 + t</c> the tariff's power,
/// <c>θ_(v),r</c> r's share of v's imports at internal prices, <c>φ_(v),r</c> v's share of r's exports at
/// world prices, <c>E_m &lt; 0</c>, <c>E_s ≥ 0</c>, <c>E_x &gt; 0</c>:
/// <c>N_(v),rr = θ_(v),r·E_m − (1 − θ_(v),r)·E_s</c>, <c>N_(v),rs = θ_(v),s·(E_m + E_s)</c>;
/// <c>P̂_(v),r = T̂_(v),r + P̂*_r</c>; <c>M̂_(v),r = Σ_s N_(v),rs·P̂_(v),s</c>; clearing
/// <c>Σ_v φ_(v),r·M̂_(v),r = E_x,r·P̂*_r</c>; new flows <c>M1 = M·(1 + M̂)·(1 + P̂*)</c>.</para>
/// <para>The clearing conditions are linear in the world-price changes P̂*: per product the n×n system
/// is built and solved directly by LU with partial pivoting plus one step of iterative refinement; the
/// solution reports its residual (largest clearing error). An exporter with infinite supply
/// (ε ≥ 99 in <see cref="Elasticities"/>, +∞ in <see cref="Solve"/>) or no exports keeps its world price.
/// Checked against the 4×4 US–EU FTA example of GSIM (Francois &amp; Hall 2003), whose world-price
/// changes it reproduces to 4 decimal places.</para>
/// <para>Scenarios: tariffs come from one schedule per importer. The scenario's importer changes the
/// beneficiaries' rates on its lines as <see cref="Scenario.Tariffs"/> says; every other rate, in
/// every importer, goes from the applied rate the day before <see cref="Scenario.Effective"/> to the
/// applied rate on that day (so it only moves if a schedule says so). Elasticities per product come
/// from <see cref="Scenario.Elasticities"/>: η → E_m, σ → E_s, ε → E_x, the same in every country.</para>
/// <para>Results: every market of the scenario's products in the reference year appears (all importers);
/// rows carry no trade creation or diversion (GSIM does not split the change), the price effect is
/// <c>M·(1 + M̂)·P̂*</c>, the value change from the world price. A market's
/// <see cref="MarketProjection.Welfare"/> is the importer's ΔCS + ΔTR from that product;
/// <see cref="GsimResult.Welfare"/> adds producer surplus per country. A projected flow the linear model
/// takes below zero (only possible for a very large tariff increase) is reported as 0, with a note.</para>
/// <para>Products are solved in parallel; each solve is independent and sequential inside, so results do
/// not depend on scheduling.</para>
/// </remarks>
/// <threadsafety>Stateless; safe to use from many threads.</threadsafety>
public static class GsimModel
{
    /// <summary>Solves one product from matrices (rows = exporters, columns = importers, the same n regions in the same order).</summary>
    /// <param name="imports">M: imports of column v from row r at world prices; ≥ 0.</param>
    /// <param name="powerBefore">T0 = 1 + t0 per flow; positive (1 for no tariff).</param>
    /// <param name="powerAfter">T1 = 1 + t1 per flow; positive.</param>
    /// <param name="importDemand">E_m per importer (negative).</param>
    /// <param name="substitution">E_s per importer (≥ 0).</param>
    /// <param name="exportSupply">E_x per exporter (positive; <see cref="double.PositiveInfinity"/> for a fixed world price).</param>
    /// <returns>The solution.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shapes differ, the matrices are not square, or a value is out of range; the message names it.</exception>
    /// <exception cref="ProjectionException">The linear system is singular.</exception>
    public static GsimSolution Solve(double[,] imports, double[,] powerBefore, double[,] powerAfter, IReadOnlyList<double> importDemand, IReadOnlyList<double> substitution, IReadOnlyList<double> exportSupply)
    {
        ArgumentNullException.ThrowIfNull(imports);
        ArgumentNullException.ThrowIfNull(powerBefore);
        ArgumentNullException.ThrowIfNull(powerAfter);
        ArgumentNullException.ThrowIfNull(importDemand);
        ArgumentNullException.ThrowIfNull(substitution);
        ArgumentNullException.ThrowIfNull(exportSupply);
        var n = imports.GetLength(0);
        if (n == 0 || imports.GetLength(1) != n)
        {
            throw new ArgumentException($"GSIM imports must be a non-empty square matrix (regions × regions); got {n}×{imports.GetLength(1)}.", nameof(imports));
        }

        foreach (var (matrix, name) in new[] { (powerBefore, nameof(powerBefore)), (powerAfter, nameof(powerAfter)) })
        {
            if (matrix.GetLength(0) != n || matrix.GetLength(1) != n)
            {
                throw new ArgumentException($"GSIM {name} must be {n}×{n} like the imports; got {matrix.GetLength(0)}×{matrix.GetLength(1)}.", name);
            }
        }

        foreach (var (vector, name) in new[] { (importDemand, nameof(importDemand)), (substitution, nameof(substitution)), (exportSupply, nameof(exportSupply)) })
        {
            if (vector.Count != n)
            {
                throw new ArgumentException($"GSIM {name} must have one value per region ({n}); got {vector.Count}.", name);
            }
        }

        return GsimKernel.Solve(n, Flatten(imports), Flatten(powerBefore), Flatten(powerAfter), [.. importDemand], [.. substitution], [.. exportSupply], "the given matrices");
    }

    internal static GsimResult ProjectWith(Scenario scenario, TradeDataSet data, IEnumerable<TariffSchedule> tariffs, Func<TradeFlow, TariffSchedule, (TariffRate Before, TariffRate After)>? rates, Func<int, HsCode, ElasticityValues, ElasticityValues>? drawElasticities = null)
    {
        // The inputs come from ProjectionInputs, which has refused nulls and two schedules for one importer.
        var schedules = tariffs.ToDictionary(s => s.Importer);

        if (data.Years.IsEmpty)
        {
            throw new ArgumentException("The trade data set has no flows.", nameof(data));
        }

        var year = scenario.ReferenceYear ?? data.Years[^1];
        var markets = data.Markets.Where(k => k.Year == year && scenario.Covers(k.Hs)).ToImmutableArray();
        if (markets.IsEmpty)
        {
            throw new ArgumentException($"The data has no imports in {year} on the scenario's lines ({string.Join(", ", scenario.Lines)}).", nameof(data));
        }

        var products = markets.Select(k => k.Hs).Distinct().Order().ToImmutableArray();
        // One code inside another: each code's ancestors, looked up in a hash set.
        var byKey = products.ToDictionary(HsKey.Of);
        foreach (var b in products)
        {
            var key = HsKey.Of(b);
            for (var length = 2; length < b.Length; length += 2)
            {
                if (byKey.TryGetValue(HsKey.Prefix(key, length), out var a))
                {
                    throw new ArgumentException($"The data holds both HS {a} and HS {b}, one inside the other; projecting both would count {b} twice. Keep one level per scenario line.", nameof(data));
                }
            }
        }

        var missing = markets.Select(k => k.Importer).Distinct().Where(c => !schedules.ContainsKey(c)).Order().ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"GSIM needs a tariff schedule for every importer of the scenario's products in {year}; missing: {string.Join(", ", missing.Select(c => c.Alpha3))}.", nameof(tariffs));
        }

        rates ??= (flow, schedule) => DefaultRates(scenario, flow, schedule);

        // Lay out each product (sequential: schedule look-ups), then solve in parallel.
        var inputs = new ProductInput[products.Length];
        // A data set holds no two equal flows, so a flow's identity is its reference: no record hashing.
        var rateBefore = new Dictionary<TradeFlow, TariffRate>(ReferenceEqualityComparer.Instance);
        var rateAfter = new Dictionary<TradeFlow, TariffRate>(ReferenceEqualityComparer.Instance);
        var marketsByProduct = markets.ToLookup(k => k.Hs);
        for (var p = 0; p < products.Length; p++)
        {
            var hs = products[p];
            var flows = marketsByProduct[hs].SelectMany(k => data.FlowsInto(k)).ToList();
            var countries = flows.Select(f => f.Exporter).Concat(flows.Select(f => f.Importer)).Distinct().Order().ToImmutableArray();
            var index = countries.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
            var n = countries.Length;
            // One set per product, the scenario importer's (a table by importer is read for it). A Monte Carlo
            // draw replaces each product's elasticities (by product index, so the draw is the same whatever the order of work).
            var elasticities = scenario.Elasticities.For(scenario.Importer, hs);
            var input = new ProductInput(hs, countries, index, drawElasticities is null ? elasticities : drawElasticities(p, hs, elasticities), n);
            Array.Fill(input.PowerBefore, 1d);
            Array.Fill(input.PowerAfter, 1d);
            foreach (var f in flows)
            {
                var (before, after) = rates(f, schedules[f.Importer]);
                rateBefore[f] = before;
                rateAfter[f] = after;
                var i = (index[f.Exporter] * n) + index[f.Importer];
                input.Imports[i] = (double)f.Value.Amount;
                input.PowerBefore[i] = 1d + before.Fraction;
                input.PowerAfter[i] = 1d + after.Fraction;
            }

            inputs[p] = input;
        }

        var solutions = new GsimSolution[products.Length];
        var errors = new Exception?[products.Length];
        Parallel.For(0, products.Length, p =>
        {
            var input = inputs[p];
            var e = input.Elasticities;
            var n = input.Countries.Length;
            var em = new double[n];
            var es = new double[n];
            var ex = new double[n];
            Array.Fill(em, e.ImportDemand);
            Array.Fill(es, e.Substitution);
            Array.Fill(ex, e.IsSupplyInfinite ? double.PositiveInfinity : e.ExportSupply);
            try
            {
                solutions[p] = GsimKernel.Solve(n, input.Imports, input.PowerBefore, input.PowerAfter, em, es, ex, $"HS {input.Hs} ({year})");
            }
#pragma warning disable CA1031 // Re-thrown below, in product order, so the error does not depend on scheduling.
            catch (Exception ex2)
#pragma warning restore CA1031
            {
                errors[p] = ex2;
            }
        });

        var firstError = errors.FirstOrDefault(e => e is not null);
        if (firstError is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(firstError).Throw();
        }

        var own = markets.Where(k => k.Importer.Equals(scenario.Importer)).Select(k =>
        {
            var into = data.FlowsInto(k);
            return new ScenarioNotes.OwnMarket(k, into.AsMemory(), i => rateBefore[into[i]]);
        }).ToList();
        var scenarioNotes = ScenarioNotes.For(scenario, data, year, own, markets, scenario.Elasticities);
        return Assemble(scenario, data, year, markets, inputs, solutions, rateBefore, rateAfter, scenarioNotes);
    }

    private static GsimResult Assemble(Scenario scenario, TradeDataSet data, int year, ImmutableArray<MarketKey> markets, ProductInput[] inputs, GsimSolution[] solutions, Dictionary<TradeFlow, TariffRate> rateBefore, Dictionary<TradeFlow, TariffRate> rateAfter, List<string> scenarioNotes)
    {
        var currency = data.Currency;
        var notes = new List<string>
        {
            "GSIM (linearised Francois & Hall): trade creation and diversion are not defined; the change is the whole of projected minus baseline, and the price effect is the value change from the world price.",
        };
        notes.AddRange(scenarioNotes);
        var productIndex = inputs.Select((p, i) => (p.Hs, i)).ToDictionary(x => x.Hs, x => x.i);
        var projections = new List<MarketProjection>(markets.Length);
        foreach (var market in markets)
        {
            var p = productIndex[market.Hs];
            var input = inputs[p];
            var solution = solutions[p];
            var n = input.Countries.Length;
            var v = input.Index[market.Importer];
            var flows = data.FlowsInto(market);
            var projected = new double[flows.Length];
            double totalBefore = 0d, totalAfter = 0d, revenueBefore = 0d, revenueAfter = 0d;
            for (var j = 0; j < flows.Length; j++)
            {
                var f = flows[j];
                var r = input.Index[f.Exporter];
                var value = solution.ProjectedImports(r, v);
                if (value < 0d)
                {
                    notes.Add(string.Create(CultureInfo.InvariantCulture, $"GSIM's linear approximation takes {f.Exporter.Alpha3}→{market.Importer.Alpha3} HS {market.Hs} below zero ({value:G6}); reported as 0."));
                    value = 0d;
                }

                projected[j] = value;
                var m0 = input.Imports[(r * n) + v];
                totalBefore += m0;
                totalAfter += value;
                revenueBefore += rateBefore[f].Fraction * m0;
                revenueAfter += rateAfter[f].Fraction * value;
            }

            var rows = new List<ProjectionRow>(flows.Length);
            for (var j = 0; j < flows.Length; j++)
            {
                var f = flows[j];
                var r = input.Index[f.Exporter];
                var m0 = input.Imports[(r * n) + v];
                var priceEffect = projected[j] == 0d ? 0d : m0 * (1d + solution.ImportChange(r, v)) * solution.WorldPriceChanges[r];
                rows.Add(new ProjectionRow
                {
                    Importer = f.Importer,
                    Exporter = f.Exporter,
                    Hs = f.Hs,
                    Baseline = f.Value,
                    TariffBefore = rateBefore[f],
                    TariffAfter = rateAfter[f],
                    TradeCreation = null,
                    TradeDiversion = null,
                    PriceEffect = SmartModel.ToMoney(priceEffect, currency),
                    Projected = SmartModel.ToMoney(projected[j], currency),
                    BaselineShare = totalBefore > 0d ? m0 / totalBefore : 0d,
                    ProjectedShare = totalAfter > 0d ? projected[j] / totalAfter : 0d,
                });
            }

            projections.Add(new MarketProjection
            {
                Market = market,
                Elasticities = input.Elasticities,
                Rows = rows,
                BaselineTotal = SmartModel.ToMoney(totalBefore, currency),
                ProjectedTotal = SmartModel.ToMoney(totalAfter, currency),
                RevenueBefore = SmartModel.ToMoney(revenueBefore, currency),
                RevenueAfter = SmartModel.ToMoney(revenueAfter, currency),
                Welfare = SmartModel.ToMoney(solution.ConsumerSurplus[v] + solution.TariffRevenue[v], currency),
                Iterations = null,
                Residual = solution.Residual,
            });
        }

        var products = ImmutableArray.CreateBuilder<GsimProduct>(inputs.Length);
        var totals = new SortedDictionary<Country, (double Ps, double Cs, double Tr)>();
        for (var p = 0; p < inputs.Length; p++)
        {
            var s = solutions[p];
            var countries = inputs[p].Countries;
            var welfare = ImmutableArray.CreateBuilder<GsimWelfare>(countries.Length);
            for (var i = 0; i < countries.Length; i++)
            {
                welfare.Add(new GsimWelfare(countries[i], SmartModel.ToMoney(s.ProducerSurplus[i], currency), SmartModel.ToMoney(s.ConsumerSurplus[i], currency), SmartModel.ToMoney(s.TariffRevenue[i], currency)));
                totals.TryGetValue(countries[i], out var t);
                totals[countries[i]] = (t.Ps + s.ProducerSurplus[i], t.Cs + s.ConsumerSurplus[i], t.Tr + s.TariffRevenue[i]);
            }

            products.Add(new GsimProduct(inputs[p].Hs, countries, s, welfare.MoveToImmutable()));
        }

        var projection = new ProjectionResult(scenario, ProjectionModel.Gsim, year, data, projections, notes);
        return new GsimResult(
            projection,
            products.MoveToImmutable(),
            [.. totals.Select(t => new GsimWelfare(t.Key, SmartModel.ToMoney(t.Value.Ps, currency), SmartModel.ToMoney(t.Value.Cs, currency), SmartModel.ToMoney(t.Value.Tr, currency)))]);
    }

    private static (TariffRate Before, TariffRate After) DefaultRates(Scenario scenario, TradeFlow flow, TariffSchedule schedule) =>
        flow.Importer.Equals(scenario.Importer)
            ? scenario.Tariffs(schedule, flow.Exporter, flow.Hs)
            : (schedule.RateFor(flow.Exporter, flow.Hs, scenario.Effective.PlusDays(-1)).Rate, schedule.RateFor(flow.Exporter, flow.Hs, scenario.Effective).Rate);

    private static double[] Flatten(double[,] matrix)
    {
        var n = matrix.GetLength(0);
        var m = matrix.GetLength(1);
        var flat = new double[n * m];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < m; j++)
            {
                flat[(i * m) + j] = matrix[i, j];
            }
        }

        return flat;
    }

    private sealed class ProductInput(HsCode hs, ImmutableArray<Country> countries, Dictionary<Country, int> index, ElasticityValues elasticities, int n)
    {
        public HsCode Hs { get; } = hs;

        public ImmutableArray<Country> Countries { get; } = countries;

        public Dictionary<Country, int> Index { get; } = index;

        public ElasticityValues Elasticities { get; } = elasticities;

        public double[] Imports { get; } = new double[n * n];

        public double[] PowerBefore { get; } = new double[n * n];

        public double[] PowerAfter { get; } = new double[n * n];
    }
}
