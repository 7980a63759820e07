using System.Diagnostics;
using System.Globalization;
using Xunit;

namespace TradeBalance.Tests.Revisions;

/// <summary>A full-size concordance (about 6,000 links) and a few hundred thousand flows: built and converted in linear time.</summary>
public class ConversionScaleTests
{
    private static HsCode Code(int i) => HsCode.Parse((100_000 + i).ToString(CultureInfo.InvariantCulture));

    [Fact]
    public void A_full_table_and_many_flows_convert_quickly_and_keep_every_cent()
    {
        // 5,000 codes unchanged, 500 split in two (into codes 6,000 + 2i and 6,001 + 2i): 6,000 links.
        var links = Enumerable.Range(0, 5_000).Select(i => new HsLink(Code(i), Code(i)))
            .Concat(Enumerable.Range(5_000, 500).SelectMany(i => new[] { new HsLink(Code(i), Code(6_000 + (2 * i))), new HsLink(Code(i), Code(6_001 + (2 * i))) }));
        var economies = new[] { Countries.Kenya, Countries.China, Countries.India, Countries.UnitedStates, Countries.Brazil, Countries.VietNam };
        var flows = new List<TradeFlow>();
        for (var code = 0; code < 5_500; code++)
        {
            foreach (var exporter in economies)
            {
                foreach (var importer in economies.Where(e => !e.Equals(exporter)))
                {
                    flows.Add(TradeFlow.Usd(exporter, importer, Code(code), 2021, 1_000.03m + code));
                }
            }
        }

        var data = new TradeDataSet(flows, revision: HsRevision.Hs2017);
        var clock = Stopwatch.StartNew();
        var concordance = new HsConcordance(HsRevision.Hs2017, HsRevision.Hs2022, links);
        var (converted, report) = concordance.Convert(data);
        clock.Stop();

        Assert.Equal(6_000, concordance.Links.Length);
        Assert.Equal(165_000, data.Flows.Length);
        Assert.Equal(180_000, converted.Flows.Length);
        Assert.Equal(report.ValueBefore, report.ValueAfter);
        Assert.Equal(data.Flows.Sum(f => f.Value.Amount), converted.Flows.Sum(f => f.Value.Amount));
        Assert.Equal(500, report.Entries.Count(e => e.Rule == HsWeighting.Equal));

        // Linear work takes well under a second here; a look-up per flow that scanned the links would take minutes.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }
}
