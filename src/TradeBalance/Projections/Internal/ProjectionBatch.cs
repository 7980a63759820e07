using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using TradeBalance.Internal;

namespace TradeBalance.Projections;

/// <summary>
/// A scenario's markets laid out for the numeric core: struct-of-arrays with CSR offsets, plus the
/// domain values each index stands for. Shared by the models so they read inputs the same way.
/// </summary>
internal sealed class ProjectionBatch
{
    private ProjectionBatch(Scenario scenario, TradeDataSet data, int year, ImmutableArray<MarketKey> markets, ImmutableArray<TradeFlow> flows, int[] offsets, TariffRate[] before, TariffRate[] after, ElasticityValues[] elasticities, (double Low, double High)?[] ranges, ImmutableArray<string> notes)
    {
        SubstitutionRanges = ranges;
        Scenario = scenario;
        Data = data;
        Year = year;
        Markets = markets;
        Flows = flows;
        Offsets = offsets;
        RatesBefore = before;
        RatesAfter = after;
        MarketElasticities = elasticities;
        Notes = notes;
        Baseline = [.. flows.Select(f => (double)f.Value.Amount)];
        TariffBefore = [.. before.Select(r => r.Fraction)];
        TariffAfter = [.. after.Select(r => r.Fraction)];
        ImportDemand = [.. elasticities.Select(e => e.ImportDemand)];
        Substitution = [.. elasticities.Select(e => e.Substitution)];
        ExportSupply = [.. elasticities.Select(e => e.ExportSupply)];
    }

    public Scenario Scenario { get; }

    public TradeDataSet Data { get; }

    public int Year { get; }

    public ImmutableArray<MarketKey> Markets { get; }

    public ImmutableArray<TradeFlow> Flows { get; }

    public int[] Offsets { get; }

    public TariffRate[] RatesBefore { get; }

    public TariffRate[] RatesAfter { get; }

    public ElasticityValues[] MarketElasticities { get; }

    public ImmutableArray<string> Notes { get; }

    /// <summary>Per market, the interval σ is drawn from across published tables (<see cref="Elasticities.SubstitutionRange"/>), or null.</summary>
    public (double Low, double High)?[] SubstitutionRanges { get; }

    public double[] Baseline { get; }

    public double[] TariffBefore { get; }

    public double[] TariffAfter { get; }

    public double[] ImportDemand { get; }

    public double[] Substitution { get; }

    public double[] ExportSupply { get; }

    /// <summary>The batch of some of these markets (indexes ascending), each with its flows, rates and elasticities as here.</summary>
    public ProjectionBatch Slice(int[] markets)
    {
        var offsets = new int[markets.Length + 1];
        var flows = ImmutableArray.CreateBuilder<TradeFlow>();
        var before = new List<TariffRate>();
        var after = new List<TariffRate>();
        for (var i = 0; i < markets.Length; i++)
        {
            var m = markets[i];
            for (var f = Offsets[m]; f < Offsets[m + 1]; f++)
            {
                flows.Add(Flows[f]);
                before.Add(RatesBefore[f]);
                after.Add(RatesAfter[f]);
            }

            offsets[i + 1] = flows.Count;
        }

        return new ProjectionBatch(Scenario, Data, Year, [.. markets.Select(m => Markets[m])], flows.ToImmutable(), offsets, [.. before], [.. after], [.. markets.Select(m => MarketElasticities[m])], [.. markets.Select(m => SubstitutionRanges[m])], Notes);
    }

    /// <summary>Lays out the scenario's markets, the flows into them and the tariffs before and after.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="data">The baseline flows.</param>
    /// <param name="tariffs">The importer's schedule.</param>
    /// <param name="elasticities">Elasticities to use instead of the scenario's.</param>
    /// <param name="rates">Rates before and after per flow instead of <see cref="Scenario.Tariffs"/> (staged scenarios).</param>
    public static ProjectionBatch Create(Scenario scenario, TradeDataSet data, TariffSchedule tariffs, Elasticities? elasticities = null, Func<TradeFlow, (TariffRate Before, TariffRate After)>? rates = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(tariffs);
        if (!tariffs.Importer.Equals(scenario.Importer))
        {
            throw new ArgumentException($"The scenario's importer is {scenario.Importer.Alpha3} but the tariff schedule is {tariffs.Importer.Alpha3}'s.", nameof(tariffs));
        }

        if (data.Years.IsEmpty)
        {
            throw new ArgumentException("The trade data set has no flows.", nameof(data));
        }

        var year = scenario.ReferenceYear ?? data.Years[^1];
        if (!data.Years.Contains(year))
        {
            throw new ArgumentException($"The scenario's reference year {year} has no flows; the data covers {string.Join(", ", data.Years)}.", nameof(data));
        }

        var markets = data.Markets.Where(k => k.Importer.Equals(scenario.Importer) && k.Year == year && scenario.Covers(k.Hs)).ToImmutableArray();
        if (markets.IsEmpty)
        {
            throw new ArgumentException($"The data has no {scenario.Importer.Alpha3} imports in {year} on the scenario's lines ({string.Join(", ", scenario.Lines)}).", nameof(data));
        }

        // Every market has the same importer and year, so one code inside another is found by walking
        // each code's ancestors through a hash set.
        var byKey = markets.ToDictionary(k => HsKey.Of(k.Hs));
        foreach (var b in markets)
        {
            var key = HsKey.Of(b.Hs);
            for (var length = 2; length < b.Hs.Length; length += 2)
            {
                if (byKey.TryGetValue(HsKey.Prefix(key, length), out var a))
                {
                    throw new ArgumentException($"The data holds both {a} and {b}, one inside the other; projecting both would count {b.Hs} twice. Keep one level per scenario line.", nameof(data));
                }
            }
        }

        var e = elasticities ?? scenario.Elasticities;
        var into = new ImmutableArray<TradeFlow>[markets.Length];
        var offsets = new int[markets.Length + 1];
        for (var m = 0; m < markets.Length; m++)
        {
            into[m] = data.FlowsInto(markets[m]);
            offsets[m + 1] = offsets[m] + into[m].Length;
        }

        // Markets are independent: their tariffs are looked up on both cores, in blocks of markets.
        // Any failure is re-thrown for the first market in order, as a sequential pass would meet it.
        var flows = new TradeFlow[offsets[^1]];
        var before = new TariffRate[flows.Length];
        var after = new TariffRate[flows.Length];
        var marketElasticities = new ElasticityValues[markets.Length];
        var ranges = new (double Low, double High)?[markets.Length];
        var failures = new ExceptionDispatchInfo?[markets.Length];
        Parallel.ForEach(Partitioner.Create(0, markets.Length, MarketsPerBlock), range =>
        {
            for (var m = range.Item1; m < range.Item2; m++)
            {
                try
                {
                    Lay(m);
                }
#pragma warning disable CA1031 // Re-thrown below for the first market in order, so the error does not depend on scheduling.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    failures[m] = ExceptionDispatchInfo.Capture(ex);
                    return;
                }
            }
        });

        Array.Find(failures, f => f is not null)?.Throw();
        var own = new ScenarioNotes.OwnMarket[markets.Length];
        for (var m = 0; m < markets.Length; m++)
        {
            var first = offsets[m];
            own[m] = new ScenarioNotes.OwnMarket(markets[m], flows.AsMemory(first, offsets[m + 1] - first), i => before[first + i]);
        }

        var notes = ImmutableArray.CreateRange(ScenarioNotes.For(scenario, data, year, own, markets, e));
        return new ProjectionBatch(scenario, data, year, markets, ImmutableCollectionsMarshal.AsImmutableArray(flows), offsets, before, after, marketElasticities, ranges, notes);

        void Lay(int m)
        {
            (marketElasticities[m], _, ranges[m]) = e.Resolve(markets[m].Importer, markets[m].Hs, explain: false);
            var i = offsets[m];
            foreach (var f in into[m])
            {
                var (t0, t1) = rates is null ? scenario.Tariffs(tariffs, f.Exporter, f.Hs) : rates(f);
                flows[i] = f;
                before[i] = t0;
                after[i] = t1;
                i++;
            }
        }
    }

    /// <summary>Markets per block of parallel work: enough that a block outweighs its scheduling.</summary>
    private const int MarketsPerBlock = 512;
}
