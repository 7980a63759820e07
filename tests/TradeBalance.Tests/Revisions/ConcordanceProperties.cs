using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace TradeBalance.Tests.Revisions;

/// <summary>A random concordance, flows in its From revision over the codes it lists, and maybe trade in its To revision and user weights.</summary>
public sealed record ConversionCase(HsConcordance Concordance, TradeDataSet Flows, TradeDataSet? TargetTrade, IReadOnlyDictionary<HsCode, decimal>? UserWeights)
{
    public override string ToString() =>
        $"{string.Join(" ", Concordance.Links.Select(l => $"{l.From}>{l.To}"))} | {string.Join(" ", Flows.Flows)} | trade: {(TargetTrade is null ? "none" : string.Join(" ", TargetTrade.Flows))}"
        + $" | user: {(UserWeights is null ? "none" : string.Join(" ", UserWeights.Select(w => $"{w.Key}={w.Value}")))}";
}

public static class ConversionArbitraries
{
    // Few codes on each side, so random links often split, merge and form n:n groups.
    private static readonly string[] FromCodes = ["010110", "010120", "010130", "010210", "010290", "020110"];
    private static readonly string[] ToCodes = ["010111", "010112", "010120", "010190", "020110", "020190"];
    private static readonly Country[] Economies = [Countries.Kenya, Countries.China, Countries.India, Countries.UnitedStates];

    public static Arbitrary<ConversionCase> Cases()
    {
        var link = from f in Gen.Elements(FromCodes) from t in Gen.Elements(ToCodes) select (f, t);
        var concordance = from n in Gen.Choose(1, 12)
                          from links in Gen.ArrayOf(link, n)
                          select new HsConcordance(HsRevision.Hs2017, HsRevision.Hs2022, links.Distinct().Select(l => new HsLink(HsCode.Parse(l.f), HsCode.Parse(l.t))));
        var gen = from c in concordance
                  from flows in Flows(c.Links.Select(l => l.From.Digits).Distinct().ToArray())
                  from weighted in Gen.Elements(true, false)
                  from trade in Flows(ToCodes)
                  from user in Gen.Frequency((2, Gen.Constant<Dictionary<HsCode, decimal>?>(null)), (1, UserWeights()))
                  select new ConversionCase(c, flows, weighted ? trade.WithRevision(HsRevision.Hs2022) : null, user);
        return Arb.From(gen);
    }

    // Some target codes weighted 0 to 3 (a zero sum falls back to the next rule), others left out (the split then is not the user's).
    private static Gen<Dictionary<HsCode, decimal>?> UserWeights() =>
        from weights in Gen.ArrayOf(Gen.Choose(-1, 3), ToCodes.Length)
        select (Dictionary<HsCode, decimal>?)ToCodes.Zip(weights).Where(p => p.Second >= 0).ToDictionary(p => HsCode.Parse(p.First), p => (decimal)p.Second);

    private static Gen<TradeDataSet> Flows(string[] codes)
    {
        var flow = from code in Gen.Elements(codes)
                   from exporter in Gen.Elements(Economies)
                   from importer in Gen.Elements(Economies)
                   from year in Gen.Choose(2020, 2021)
                   from cents in Gen.Frequency((3, Gen.Choose(0, 1_000_000)), (1, Gen.Choose(0, 3)))
                   from subCent in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(1, 9_999)))
                   select (code, exporter, importer, year, value: (cents / 100m) + (subCent / 1_000_000m));
        return from n in Gen.Choose(0, 15)
               from all in Gen.ArrayOf(flow, n)
               select new TradeDataSet(all
                   .Where(f => !f.exporter.Equals(f.importer))
                   .DistinctBy(f => (f.code, f.exporter, f.importer, f.year))
                   .Select(f => TradeFlow.Usd(f.exporter, f.importer, HsCode.Parse(f.code), f.year, f.value)));
    }
}

[Properties(Arbitrary = [typeof(ConversionArbitraries)])]
public class ConcordanceProperties
{
    [Property]
    public void Conversion_keeps_every_exporter_importer_and_year_total_exactly(ConversionCase c)
    {
        var (converted, report) = c.Concordance.Convert(c.Flows, c.TargetTrade, c.UserWeights);

        static Dictionary<(Country, Country, int), decimal> Totals(TradeDataSet ds) =>
            ds.Flows.GroupBy(f => (f.Exporter, f.Importer, f.Year)).ToDictionary(g => g.Key, g => g.Sum(f => f.Value.Amount));
        Assert.Equal(Totals(c.Flows).OrderBy(p => p.Key.ToString()), Totals(converted).OrderBy(p => p.Key.ToString()));
        Assert.Equal(report.ValueBefore, report.ValueAfter);
        Assert.All(converted.Flows, f => Assert.Contains(f.Hs, c.Concordance.Links.Select(l => l.To)));
        Assert.All(converted.Flows, f => Assert.True(f.Value.Amount >= 0m));
    }

    [Property]
    public void Weights_of_every_split_sum_to_one(ConversionCase c)
    {
        var (_, report) = c.Concordance.Convert(c.Flows, c.TargetTrade, c.UserWeights);
        Assert.All(report.Entries, e =>
        {
            Assert.Equal(1m, e.Weights.Sum(w => w.Share));
            Assert.All(e.Weights, w => Assert.InRange(w.Share, 0m, 1m));
            Assert.Equal(c.Concordance.TargetsOf(e.Code), e.Weights.Select(w => w.Code));

            // User weights decide wherever they cover every target with a positive sum, in proportion.
            var user = c.UserWeights;
            var byUser = e.Weights.Length > 1 && user is not null && e.Weights.All(w => user.ContainsKey(w.Code)) && e.Weights.Sum(w => user[w.Code]) > 0m;
            Assert.Equal(byUser, e.Rule == HsWeighting.User);
            if (byUser)
            {
                var total = e.Weights.Sum(w => user![w.Code]);
                Assert.All(e.Weights, w => Assert.Equal(user![w.Code] / total, w.Share, 20));
            }
        });
    }

    [Property]
    public void A_converted_rate_lies_between_its_sources_rates_and_equals_a_single_sources(ConversionCase c)
    {
        // An MFN rate on every listed code, from its digits, so sources differ; the flows weigh the means of China's imports.
        var sources = c.Concordance.Links.Select(l => l.From).Distinct().ToArray();
        var rates = sources.ToDictionary(s => s, s => (decimal)(int.Parse(s.Digits[3..], System.Globalization.CultureInfo.InvariantCulture) % 37));
        var schedule = new TariffSchedule(Countries.China, sources.Select(s => new TariffLine(TariffRegime.Mfn, s, new TariffRate(rates[s]))), HsRevision.Hs2017);

        var (converted, report) = c.Concordance.Convert(schedule, c.Flows.WithRevision(HsRevision.Hs2017));

        var day = new NodaTime.LocalDate(2024, 1, 1);
        foreach (var target in c.Concordance.Links.Select(l => l.To).Distinct())
        {
            var from = c.Concordance.SourcesOf(target).Select(s => rates[s]).ToArray();
            var rate = converted.RateFor(Countries.Kenya, target, day).Rate.Percent;
            Assert.InRange(rate, from.Min(), from.Max());
            Assert.Equal(from.Length == 1, report.Entries.Single(e => e.Code == target).Rule == HsWeighting.Whole);
        }

        Assert.Equal(c.Concordance.Links.Select(l => l.To).Distinct().Count(), converted.Lines.Length);
    }

    [Property]
    public bool Inverse_of_the_inverse_is_the_concordance(ConversionCase c) =>
        c.Concordance.Inverse().Inverse().Equals(c.Concordance) && c.Concordance.Inverse().Inverse().GetHashCode() == c.Concordance.GetHashCode();

    [Property]
    public void Lookups_agree_with_the_links_and_relationships_with_fan_out_and_fan_in(ConversionCase c)
    {
        var concordance = c.Concordance;
        foreach (var link in concordance.Links)
        {
            Assert.Contains(link.To, concordance.TargetsOf(link.From));
            Assert.Contains(link.From, concordance.SourcesOf(link.To));
            var split = concordance.TargetsOf(link.From).Length > 1;
            var merged = concordance.SourcesOf(link.To).Length > 1;
            switch (link.Relationship)
            {
                case HsRelationship.OneToOne:
                    Assert.False(split || merged);
                    break;
                case HsRelationship.OneToMany:
                    Assert.False(merged);
                    break;
                case HsRelationship.ManyToOne:
                    Assert.False(split);
                    break;
            }
        }

        // Every link appears once under its source's targets: the lookups hold the links, no more, no fewer.
        Assert.Equal(concordance.Links.Length, concordance.Links.Select(l => l.From).Distinct().Sum(f => concordance.TargetsOf(f).Length));
    }
}
