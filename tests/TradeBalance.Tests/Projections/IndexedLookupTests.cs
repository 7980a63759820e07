using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Tests.Projections;

/// <summary>
/// The look-ups that replaced scans (scenario lines, a result's destination shares and balances) give
/// what a scan of every line, flow and row gives: the indexes change the cost, never the answer.
/// </summary>
public class IndexedLookupTests
{
    private static readonly LocalDate May1 = new(2026, 5, 1);
    private static readonly Country India = Countries.India;

    [Property(MaxTest = 300)]
    public Property Scenario_covers_a_code_exactly_when_a_scan_of_its_lines_finds_one()
    {
        var lines = Gen.NonEmptyListOf(Gen.Elements(Arbitraries.ScheduleCodes.Where(c => !c.IsTotal).ToArray()));
        return Prop.ForAll(lines.ToArbitrary(), Gen.Elements(Arbitraries.ScheduleCodes).ToArbitrary(), (chosen, hs) =>
        {
            var scenario = new Scenario("s", Countries.China, [Countries.Kenya], chosen, TariffChange.NewRate(TariffRate.Zero), May1);
            Assert.Equal(!hs.IsTotal && chosen.Any(l => l.Contains(hs)), scenario.Covers(hs));
        });
    }

    [Fact]
    public void Destination_shares_and_balances_equal_a_scan_of_every_flow_and_row()
    {
        // Kenya sells to China (projected), India (with a heading and its subheading: only the heading
        // counts) and Viet Nam (all goods only); China sells to Kenya.
        var usd = (string e, string i, string hs, decimal v) => TradeFlow.Usd(Country.FromIso3(e), Country.FromIso3(i), HsCode.Parse(hs), 2024, v);
        var data = new TradeDataSet(
        [
            usd("KEN", "CHN", "0902", 100m), usd("LKA", "CHN", "0902", 300m), usd("IND", "CHN", "0902", 50m),
            usd("KEN", "CHN", "0901", 20m), usd("BRA", "CHN", "0901", 500m),
            usd("KEN", "IND", "0902", 70m), usd("KEN", "IND", "090240", 60m), usd("KEN", "IND", "0901", 5m),
            usd("KEN", "VNM", "TOTAL", 40m), usd("CHN", "KEN", "TOTAL", 4000m), usd("KEN", "CHN", "TOTAL", 190m),
        ]);
        var tariffs = new TariffSchedule(Countries.China, [new TariffLine(TariffRegime.Mfn, HsCode.Parse("09"), TariffRate.FromPercent(15))]);
        var scenario = new Scenario("s", Countries.China, [Countries.Kenya], [HsCode.Parse("0901"), HsCode.Parse("0902")], TariffChange.NewRate(TariffRate.Zero), May1);
        var result = ProjectionModel.Smart.Project(new ProjectionInputs(scenario, data, tariffs));

        foreach (var scope in new[] { HsCode.Total, HsCode.Parse("09"), HsCode.Parse("0902"), HsCode.Parse("090240"), HsCode.Parse("0901") })
        {
            // Oracle: every flow and row scanned, top-most codes per destination.
            var expected = data.Flows.Where(f => f.Exporter.Equals(Countries.Kenya) && f.Year == 2024 && scope.Contains(f.Hs))
                .Select(f => f.Importer).Distinct().Order()
                .Select(d =>
                {
                    var flows = data.Flows.Where(f => f.Exporter.Equals(Countries.Kenya) && f.Importer.Equals(d) && f.Year == 2024 && scope.Contains(f.Hs)).ToList();
                    var before = flows.Where(f => !flows.Any(o => o.Hs.Length < f.Hs.Length && o.Hs.Contains(f.Hs))).Sum(f => f.Value.Amount);
                    var change = result.Rows.Where(r => r.Exporter.Equals(Countries.Kenya) && r.Importer.Equals(d) && scope.Contains(r.Hs)).Sum(r => r.Change.Amount);
                    return (d, before, after: before + change);
                }).ToList();
            var shares = result.DestinationShares(Countries.Kenya, scope);
            Assert.Equal(expected.Select(e => e.d), shares.Select(s => s.Destination));
            Assert.Equal(expected.Select(e => e.before), shares.Select(s => s.Before.Amount));
            Assert.Equal(expected.Select(e => e.after), shares.Select(s => s.After.Amount));
        }

        Assert.Equal(3, result.DestinationShares(Countries.Kenya, HsCode.Total).Length);
        // India's tea heading counts, its subheading (inside the heading) does not: 70 + 5.
        Assert.Equal(75m, result.DestinationShares(Countries.Kenya, HsCode.Parse("09")).Single(s => s.Destination.Equals(India)).Before.Amount);

        var balance = result.Balance(Countries.Kenya, Countries.China);
        var exportChange = result.Rows.Where(r => r.Exporter.Equals(Countries.Kenya) && r.Importer.Equals(Countries.China)).Sum(r => r.Change.Amount);
        Assert.Equal(190m, balance.Before.Exports.Amount);
        Assert.Equal(190m + exportChange, balance.After.Exports.Amount);
        Assert.Equal(4000m, balance.After.Imports.Amount);
        Assert.Same(result.Markets[1], result.Market(HsCode.Parse("0902")));
        Assert.Same(result.Markets[0], result.Market(Countries.China, HsCode.Parse("0901")));
        Assert.Throws<KeyNotFoundException>(() => result.Market(India, HsCode.Parse("0902")));
    }
}
