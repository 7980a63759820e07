using NodaTime;
using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Tests.Projections;

/// <summary>
/// Contracts of the calculation core that the whole-core mutation run (2026-12-07) showed no test held: each test kills
/// a class of surviving mutants — the models' names and welfare measures (which the outputs print and the scenario
/// files select by), GSIM's net welfare and its lookups' argument checks, the staged path's lookups, the one conversion
/// of the core's doubles to money at its bound, and the tariff schedule's argument checks and identity for its own
/// importer.
/// </summary>
public sealed class CoreContractTests
{
    private static readonly Country Usa = Countries.UnitedStates;
    private static readonly TariffSchedule China = GsimContractTests.China;

    private static ProjectionInputs GsimInputs() =>
        new(ProjectionFixtures.Scenario(TariffChange.NewRate(TariffRate.Zero), new ElasticityValues(-1.5, 1.83, 2d)), GsimContractTests.World, [China, GsimContractTests.Us]);

    /// <summary>A model's name is what a scenario's <c>"model"</c> and <c>--model</c> select it by, and its welfare
    /// measure is printed beside every welfare figure: an empty string would ship unnoticed.</summary>
    [Fact]
    public void Each_model_has_its_name_display_name_welfare_measure_and_needs()
    {
        Assert.Equal(("smart", "SMART", "dead-weight loss recovered", false), Identity(ProjectionModel.Smart));
        Assert.Equal(("armington", "Armington", "ΔCS + ΔTR", false), Identity(ProjectionModel.Armington));
        Assert.Equal(("gsim", "GSIM", "ΔCS + ΔTR", true), Identity(ProjectionModel.Gsim));

        static (string, string, string, bool) Identity(ProjectionModel m) => (m.Name, m.DisplayName, m.WelfareMeasure, m.NeedsEveryImporter);
    }

    [Fact]
    public void Gsim_net_welfare_is_the_sum_of_its_three_parts()
    {
        var w = new GsimWelfare(Countries.Kenya, new Money(5m, Currency.Usd), new Money(-2m, Currency.Usd), new Money(0.25m, Currency.Usd));
        Assert.Equal(new Money(3.25m, Currency.Usd), w.NetWelfare);
    }

    /// <summary>GSIM's lookups refuse what they cannot answer, by name: a region index outside the product's regions, a
    /// country that does not trade the product, a product not in the projection, a null; the first region answers.</summary>
    [Fact]
    public void Gsim_lookups_check_their_arguments()
    {
        var result = ProjectionModel.Gsim.Solve(GsimInputs());
        var tea = result.Product(ProjectionFixtures.Tea);
        var first = tea.Countries[0];
        Assert.Equal(tea.Solution.WorldPriceChanges[0], tea.WorldPriceChange(first));
        Assert.Throws<ArgumentNullException>(() => tea.WorldPriceChange(null!));
        var outsider = Assert.Throws<KeyNotFoundException>(() => tea.WorldPriceChange(Countries.Ethiopia));
        Assert.Equal($"ETH does not trade HS {ProjectionFixtures.Tea} in the projection's data.", outsider.Message);
        Assert.Throws<KeyNotFoundException>(() => result.Product(HsCode.Parse("0903")));

        var solution = tea.Solution;
        var n = solution.RegionCount;
        Assert.True(double.IsFinite(solution.ProjectedImports(n - 1, n - 1)));
        foreach (var (e, i) in new[] { (-1, 0), (n, 0), (0, -1), (0, n) })
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => solution.ProjectedImports(e, i));
            Assert.Throws<ArgumentOutOfRangeException>(() => solution.ImportChange(e, i));
            Assert.Throws<ArgumentOutOfRangeException>(() => solution.InternalPriceChange(e, i));
        }

        Assert.Throws<ArgumentNullException>(() => ProjectionModel.Gsim.Solve(null!));
    }

    /// <summary>GSIM's text lists each product's world-price changes and each country's welfare, signed, in percent.</summary>
    [Fact]
    public void Gsim_text_shows_world_prices_and_welfare()
    {
        var result = ProjectionModel.Gsim.Solve(GsimInputs());
        var text = result.ToString();
        var tea = result.Product(ProjectionFixtures.Tea);
        var kenya = tea.WorldPriceChange(Countries.Kenya);
        Assert.Contains($"HS {ProjectionFixtures.Tea} world-price changes (residual ", text, StringComparison.Ordinal);
        Assert.Contains($"KEN {(kenya * 100d).ToString("+0.000;-0.000;0.000", System.Globalization.CultureInfo.InvariantCulture)}%", text, StringComparison.Ordinal);
        Assert.Contains("welfare (ΔPS + ΔCS + ΔTR = net):", text, StringComparison.Ordinal);
        var w = result.Welfare.Single(x => x.Country == Countries.Kenya);
        Assert.Contains($"KEN  {w.ProducerSurplus.Amount,14:#,##0}", text, StringComparison.Ordinal);
        Assert.StartsWith(result.Projection.ToString(), text, StringComparison.Ordinal);
    }

    /// <summary>GSIM's Monte Carlo: a spread of 0 gives every band as the point; a spread gives ordered bands around it,
    /// the same for a seed whatever the workers, and the draw count it was asked for.</summary>
    [Fact]
    public void Gsim_monte_carlo_bands_collapse_to_the_point_without_spread_and_are_reproducible()
    {
        var inputs = GsimInputs();
        var ct = TestContext.Current.CancellationToken;
        var flat = ProjectionModel.Gsim.MonteCarlo(inputs, new MonteCarloSettings(8, 3, 0d), 1, cancellationToken: ct);
        Assert.Equal(flat.Point.Rows.Length, flat.Rows.Length);
        foreach (var row in flat.Rows)
        {
            var point = flat.Point.Rows.Single(r => r.Exporter == row.Exporter && r.Importer == row.Importer && r.Hs.Equals(row.Hs));
            Assert.Equal(point.Projected, row.Projected.P5);
            Assert.Equal(point.Projected, row.Projected.P50);
            Assert.Equal(point.Projected, row.Projected.P95);
        }

        var settings = new MonteCarloSettings(24, 5, 0.5);
        var one = ProjectionModel.Gsim.MonteCarlo(inputs, settings, 1, cancellationToken: ct);
        var two = ProjectionModel.Gsim.MonteCarlo(inputs, settings, 2, cancellationToken: ct);
        Assert.Equal(one.Rows, two.Rows);
        Assert.Equal(one.Markets, two.Markets);
        Assert.Equal(one.Exports, two.Exports);
        Assert.Equal(24, one.Settings.Draws);
        var kenyaTea = one.Rows.Single(r => r.Exporter == Countries.Kenya && r.Importer == Countries.China && r.Hs.Equals(ProjectionFixtures.Tea));
        Assert.True(kenyaTea.Projected.P5.Amount < kenyaTea.Projected.P95.Amount, "a spread gives a band");
        Assert.True(kenyaTea.Projected.P5 <= kenyaTea.Projected.P50 && kenyaTea.Projected.P50 <= kenyaTea.Projected.P95);
        var kenyaExports = one.Exports.Single(e => e.Exporter == Countries.Kenya && e.Importer == Countries.China);
        Assert.InRange(kenyaExports.Projected.P50.Amount, kenyaExports.Projected.P5.Amount, kenyaExports.Projected.P95.Amount);
        var another = ProjectionModel.Gsim.MonteCarlo(inputs, new MonteCarloSettings(24, 6, 0.5), 1, cancellationToken: ct);
        Assert.NotEqual(one.Rows, another.Rows);
    }

    /// <summary>A staged path answers for the years it covers and names the ones it does not; a point answers for the
    /// beneficiary and code it holds, and not for a code it holds for another beneficiary.</summary>
    [Fact]
    public void Staged_path_lookups_answer_what_they_hold_and_name_what_they_do_not()
    {
        var scenario = ProjectionFixtures.Scenario(TariffChange.NewRate(TariffRate.Zero), new ElasticityValues(-1.5, 1.83, 99d)) with { Stages = 2 };
        var path = ProjectionModel.Smart.ProjectStages(new ProjectionInputs(scenario, ProjectionFixtures.Market(ProjectionFixtures.Tea, 20_000_000m, 68_000_000m), China), 2026, 2027);
        Assert.Equal(2027, path.ForYear(2027).Year);
        var missing = Assert.Throws<KeyNotFoundException>(() => path.ForYear(2031));
        Assert.Equal("The path covers 2026–2027, not 2031.", missing.Message);

        var point = new ProjectionPathPoint(2026, new LocalDate(2026, 6, 1), 1, [new BeneficiaryRate(Countries.Kenya, ProjectionFixtures.Tea, new TariffRate(7.5m)), new BeneficiaryRate(Countries.Ethiopia, ProjectionFixtures.Coffee, new TariffRate(3m))], path[0].Result);
        Assert.Equal(new TariffRate(7.5m), point.RateFor(Countries.Kenya, ProjectionFixtures.Tea));
        Assert.Equal(new TariffRate(3m), point.RateFor(Countries.Ethiopia, ProjectionFixtures.Coffee));
        Assert.Throws<KeyNotFoundException>(() => point.RateFor(Countries.Kenya, ProjectionFixtures.Coffee));
        Assert.Throws<KeyNotFoundException>(() => point.RateFor(Countries.Ethiopia, ProjectionFixtures.Tea));
    }

    /// <summary>The core's doubles become money in one place, which refuses what a decimal cannot hold at its bound:
    /// 7.9E+28 and above, however finite.</summary>
    [Fact]
    public void A_projected_amount_at_or_past_the_decimal_bound_is_refused()
    {
        Assert.Equal(new Money(7.8e28m, Currency.Usd), SmartModel.ToMoney(7.8e28, Currency.Usd));
        Assert.Throws<ProjectionException>(() => SmartModel.ToMoney(7.9e28, Currency.Usd));
        Assert.Throws<ProjectionException>(() => SmartModel.ToMoney(-7.9e28, Currency.Usd));
        Assert.Throws<ProjectionException>(() => SmartModel.ToMoney(1e29, Currency.Usd));
        Assert.Throws<ProjectionException>(() => SmartModel.ToMoney(double.PositiveInfinity, Currency.Usd));
        Assert.Throws<ProjectionException>(() => SmartModel.ToMoney(double.NaN, Currency.Usd));
    }

    [Fact]
    public void A_schedule_is_its_own_for_its_importer_and_checks_its_arguments()
    {
        Assert.Same(China, China.ForImporter(Countries.China));
        var forKenya = China.ForImporter(Usa);
        Assert.Equal(Usa, forKenya.Importer);
        Assert.Equal(China.Lines, forKenya.Lines);
        Assert.Throws<ArgumentNullException>(() => China.ForImporter(null!));
        Assert.Throws<ArgumentNullException>(() => TariffSchedule.Find(null!, Countries.China, new LocalDate(2026, 5, 1)));
        Assert.Throws<ArgumentNullException>(() => TariffSchedule.Find([China], null!, new LocalDate(2026, 5, 1)));
    }
}
