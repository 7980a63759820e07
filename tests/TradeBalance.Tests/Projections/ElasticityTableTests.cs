using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Tests.Projections;

/// <summary>
/// The bundled elasticity tables: values read back as published, their sign and unit conventions,
/// where each market's σ comes from, and Monte Carlo draws between sources.
/// </summary>
public class ElasticityTableTests
{
    private static readonly HsCode Tea = HsCode.Parse("0902");
    private static readonly HsCode BlackTea = HsCode.Parse("090240");
    private static readonly HsCode Avocado = HsCode.Parse("080440");

    private static Scenario TeaScenario(ElasticityTable table) =>
        new("China: zero tariff on Kenyan tea", Countries.China, [Countries.Kenya], [Tea], TariffChange.NewRate(TariffRate.Zero), new NodaTime.LocalDate(2026, 5, 1))
        {
            Elasticities = Elasticities.SmartDefaults.WithSubstitutionTables(table),
        };

    [Fact]
    public void Broda_Weinstein_gives_China_sigma_by_HS3_group_as_published()
    {
        var table = ElasticityTables.BrodaWeinstein2006;
        Assert.Equal(ElasticityParameter.Substitution, table.Parameter);
        Assert.True(table.ByImporter);

        // Read from Sigmas73countries_9403_HS3digit.dta: China 080 = 3.240986, 090 = 1.826646 (six significant digits kept).
        Assert.Equal(new ElasticityEstimate(3.24099, "CHN HS3 080", string.Empty), table.Find(Countries.China, Avocado));
        Assert.Equal(new ElasticityEstimate(1.82665, "CHN HS3 090", string.Empty), table.Find(Countries.China, Tea));
        Assert.Equal(1.82665, table.Find(Countries.China, BlackTea)!.Value);
        Assert.Equal(2.25683, table.Find(Countries.UnitedStates, Tea)!.Value);

        // Kenya is not among the 73 importers, and a chapter is coarser than an HS3 group.
        Assert.Null(table.Find(Countries.Kenya, Tea));
        Assert.Null(table.Find(Countries.China, HsCode.Parse("09")));
    }

    [Fact]
    public void ProTEE_converts_the_tariff_elasticity_to_sigma_and_says_when_the_table_replaced_a_value()
    {
        var table = ElasticityTables.CepiiProTee;
        Assert.False(table.ByImporter);

        // The file gives 090240 = -5.4099908: the elasticity of import values to (1 + t), which is −σ.
        var blackTea = table.Find(Countries.China, BlackTea)!;
        Assert.Equal(5.4099908, blackTea.Value);
        Assert.Equal(string.Empty, blackTea.Note);
        Assert.Equal(blackTea, table.Find(Countries.UnitedStates, BlackTea)); // pooled over importers

        // 080440 is flagged "not significant at 1 %" and carries the HS4 mean: imputed, not estimated.
        var avocado = table.Find(Countries.China, Avocado)!;
        Assert.Equal(8.8590927, avocado.Value);
        Assert.Contains("not significant", avocado.Note, StringComparison.Ordinal);
        Assert.True(avocado.Imputed);
        Assert.False(blackTea.Imputed);

        // A heading is the mean of its estimated lines: the two green-tea lines carry CEPII's imputed HS4 mean and are left out.
        var tea = table.Find(Countries.China, Tea)!;
        Assert.Equal((8.6727886 + 5.4099908) / 2, tea.Value, 12);
        Assert.StartsWith("mean of the 2 estimated HS6 lines of heading 0902 (090230, 090240)", tea.Key, StringComparison.Ordinal);
        Assert.Equal("2 imputed lines left out: 090210, 090220", tea.Note);
        Assert.False(tea.Imputed);

        // Coffee: 090111 and 090190 are estimated; the decaffeinated and roasted lines are imputed.
        Assert.Equal((5.9517212 + 5.5800691) / 2, table.Find(Countries.China, HsCode.Parse("0901"))!.Value, 12);
        Assert.Null(table.Find(Countries.China, HsCode.Parse("09")));
    }

    [Fact]
    public void Tables_are_found_by_name_and_an_unknown_name_lists_the_known_ones()
    {
        Assert.Same(ElasticityTables.CepiiProTee, ElasticityTables.Parse("CEPII-ProTEE-2022"));
        Assert.True(ElasticityTables.TryFind("broda-weinstein-2006", out var bw));
        Assert.Same(ElasticityTables.BrodaWeinstein2006, bw);
        var e = Assert.Throws<ArgumentException>(() => ElasticityTables.Parse("gtap"));
        Assert.Contains("'gtap'", e.Message, StringComparison.Ordinal);
        Assert.Contains("broda-weinstein-2006, cepii-protee-2022", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_override_beats_the_table_which_beats_the_default_and_the_sources_say_which()
    {
        var e = new Elasticities(new ElasticityValues(-1.5, 1.5, 99), new Dictionary<HsCode, ElasticityOverride>
        {
            [Avocado] = new(Substitution: 4.0, Source: "a study"),
        }, [ElasticityTables.BrodaWeinstein2006]);

        Assert.Equal(1.82665, e.For(Countries.China, Tea).Substitution);
        Assert.Equal(4.0, e.For(Countries.China, Avocado).Substitution);
        Assert.Equal(1.5, e.For(Countries.Kenya, Tea).Substitution);
        Assert.Equal(1.5, e.For(Tea).Substitution); // without the importer, no table lookup

        Assert.Equal(new ElasticitySources("default", "Broda & Weinstein (2006), CHN HS3 090", "default"), e.Explain(Countries.China, Tea));
        Assert.Equal("override for HS 080440: a study", e.Explain(Countries.China, Avocado).Substitution);
        Assert.Equal("default (broda-weinstein-2006 has no estimate for KEN HS 0902)", e.Explain(Countries.Kenya, Tea).Substitution);
    }

    [Fact]
    public void An_estimate_outside_the_numeric_domain_is_not_used_and_the_sources_say_why()
    {
        // Broda & Weinstein's Austria HS3 021 is 1560.59, past TradeBalance's σ ≤ 100.
        var e = Elasticities.SmartDefaults.WithSubstitutionTables(ElasticityTables.BrodaWeinstein2006);
        var meat = HsCode.Parse("0210");
        Assert.Equal(1560.59, ElasticityTables.BrodaWeinstein2006.Find(Country.FromIso3("AUT"), meat)!.Value);
        Assert.Equal(1.5, e.For(Country.FromIso3("AUT"), meat).Substitution);
        Assert.Contains("is outside 0 < σ ≤ 100", e.Explain(Country.FromIso3("AUT"), meat).Substitution, StringComparison.Ordinal);
    }

    [Fact]
    public void A_projection_uses_the_tables_sigma_per_importer()
    {
        var scenario = TeaScenario(ElasticityTables.BrodaWeinstein2006);
        var result = ProjectionModel.Smart.Project(new ProjectionInputs(scenario, KenyaTea.Flows(), KenyaTea.Tariffs()));
        Assert.Equal(1.82665, result.Market(Tea).Elasticities.Substitution);
    }

    [Fact]
    public void Several_tables_give_the_middle_of_their_range_as_sigma_and_the_band_draws_across_that_range()
    {
        var data = KenyaTea.Flows();
        var tariffs = KenyaTea.Tariffs();
        var both = new Scenario("China: zero tariff on Kenyan tea", Countries.China, [Countries.Kenya], [Tea], TariffChange.NewRate(TariffRate.Zero), new NodaTime.LocalDate(2026, 5, 1))
        {
            Elasticities = Elasticities.SmartDefaults.WithSubstitutionTables(ElasticityTables.BrodaWeinstein2006, ElasticityTables.CepiiProTee),
        };

        // The point is the middle of the two sources (1.82665 and ProTEE's heading 7.04), and the range is theirs.
        const double Bw = 1.82665, Pt = (8.6727886 + 5.4099908) / 2;
        Assert.Equal((Bw + Pt) / 2, both.Elasticities.For(Countries.China, Tea).Substitution, 12);
        Assert.Equal((Bw, Pt), both.Elasticities.SubstitutionRange(Countries.China, Tea));
        Assert.StartsWith("middle of 1.82665–7.04139: Broda & Weinstein (2006), CHN HS3 090 = 1.82665; CEPII ProTEE", both.Elasticities.Explain(Countries.China, Tea).Substitution, StringComparison.Ordinal);

        // One table gives its own estimate and no range: the band then draws within the spread.
        Assert.Null(Elasticities.SmartDefaults.WithSubstitutionTables(ElasticityTables.CepiiProTee).SubstitutionRange(Countries.China, Tea));
        Assert.Null(both.Elasticities.SubstitutionRange(Countries.Kenya, Tea)); // only ProTEE covers Kenya as an importer

        var inputs = new ProjectionInputs(both, data, tariffs);
        var across = new MonteCarloSettings(draws: 2000, seed: 7, spread: 0.0);
        var bands = ProjectionModel.Smart.MonteCarlo(inputs, across, cancellationToken: TestContext.Current.CancellationToken).ExportsOf(Countries.Kenya).Projected;
        Money KenyaAt(ElasticityTable table) => ProjectionModel.Smart.Project(new ProjectionInputs(TeaScenario(table), data, tariffs)).Rows.Single(r => r.Exporter == Countries.Kenya).Projected;
        var low = KenyaAt(ElasticityTables.BrodaWeinstein2006);
        var high = KenyaAt(ElasticityTables.CepiiProTee);
        var point = ProjectionModel.Smart.Project(inputs).Rows.Single(r => r.Exporter == Countries.Kenya).Projected;

        // Kenya's exports rise with σ: the draws lie between the two sources' projections, over most of the gap,
        // and the point (at the middle σ) is inside the band, near its median.
        Assert.True(low.Amount < bands.P5.Amount && bands.P95.Amount < high.Amount, $"{low} < {bands.P5} … {bands.P95} < {high}");
        Assert.True(bands.P95.Amount - bands.P5.Amount > 0.8m * (high.Amount - low.Amount));
        Assert.True(bands.P5.Amount < point.Amount && point.Amount < bands.P95.Amount, $"{bands.P5} < {point} < {bands.P95}");
        Assert.True(Math.Abs(point.Amount - bands.P50.Amount) < 0.02m * (bands.P95.Amount - bands.P5.Amount), $"point {point}, P50 {bands.P50}");

        // The same seed gives the same band; with one table and no spread there is no band at all.
        Assert.Equal(bands, ProjectionModel.Smart.MonteCarlo(inputs, across, cancellationToken: TestContext.Current.CancellationToken).ExportsOf(Countries.Kenya).Projected);
        var single = new ProjectionInputs(TeaScenario(ElasticityTables.BrodaWeinstein2006), data, tariffs);
        var none = ProjectionModel.Smart.MonteCarlo(single, new MonteCarloSettings(draws: 50, seed: 7, spread: 0.0), cancellationToken: TestContext.Current.CancellationToken).ExportsOf(Countries.Kenya).Projected;
        Assert.Equal(none.P5, none.P95);
    }

    [Fact]
    public void Traded_lines_read_a_table_at_the_lines_a_market_is_made_of()
    {
        var lines = new TradedLines(Tea, new Dictionary<HsCode, double> { [BlackTea] = 99, [HsCode.Parse("090230")] = 1 }, "black tea in bulk");
        Assert.Equal(0.99, lines.Weights[BlackTea], 15);
        var e = Elasticities.SmartDefaults.WithSubstitutionTables(ElasticityTables.CepiiProTee).WithTradedLines(lines);

        // ProTEE at the traded lines, weighted; Broda & Weinstein's one HS3 entry serves both lines as it is.
        Assert.Equal((0.99 * 5.4099908) + (0.01 * 8.6727886), e.For(Countries.China, Tea).Substitution, 12);
        Assert.Contains("traded lines 0902: 090240 99%, 090230 1%", e.Explain(Countries.China, Tea).Substitution, StringComparison.Ordinal);
        Assert.Equal(1.82665, e.WithSubstitutionTables(ElasticityTables.BrodaWeinstein2006).For(Countries.China, Tea).Substitution);

        // An imputed line is left out while another traded line is estimated, and the explanation says so.
        var coffee = HsCode.Parse("0901");
        var green = new TradedLines(coffee, new Dictionary<HsCode, double> { [HsCode.Parse("090111")] = 0.948, [HsCode.Parse("090121")] = 0.052 }, "AFA 2023/24");
        var c = Elasticities.SmartDefaults.WithSubstitutionTables(ElasticityTables.CepiiProTee).WithTradedLines(green);
        Assert.Equal(5.9517212, c.For(Countries.China, coffee).Substitution, 12);
        Assert.Contains("imputed 090121 left out", c.Explain(Countries.China, coffee).Substitution, StringComparison.Ordinal);
    }

    [Fact]
    public void An_imputed_estimate_counts_only_where_no_table_estimates_the_market()
    {
        // ProTEE's avocado line is imputed; Broda & Weinstein estimate China's HS3 080: σ is theirs, with no range.
        var both = Elasticities.SmartDefaults.WithSubstitutionTables(ElasticityTables.BrodaWeinstein2006, ElasticityTables.CepiiProTee);
        Assert.Equal(3.24099, both.For(Countries.China, Avocado).Substitution);
        Assert.Null(both.SubstitutionRange(Countries.China, Avocado));
        Assert.Contains("left out: imputed, not estimated", both.Explain(Countries.China, Avocado).Substitution, StringComparison.Ordinal);

        // Alone, the imputed value is used, and labelled.
        var protee = Elasticities.SmartDefaults.WithSubstitutionTables(ElasticityTables.CepiiProTee);
        Assert.Equal(8.8590927, protee.For(Countries.China, Avocado).Substitution);
        Assert.Contains("not significant", protee.Explain(Countries.China, Avocado).Substitution, StringComparison.Ordinal);
    }

    [Fact]
    public void Tables_and_traded_lines_are_checked_when_the_elasticities_are_made()
    {
        var twice = Assert.Throws<ArgumentException>(() => Elasticities.SmartDefaults.WithSubstitutionTables(ElasticityTables.CepiiProTee, ElasticityTables.CepiiProTee));
        Assert.Contains("named twice", twice.Message, StringComparison.Ordinal);
        var outside = Assert.Throws<ArgumentException>(() => new TradedLines(Tea, new Dictionary<HsCode, double> { [Avocado] = 1 }, "x"));
        Assert.Contains("'080440' is not an HS6 line inside it", outside.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new TradedLines(BlackTea, new Dictionary<HsCode, double> { [BlackTea] = 1 }, "x"));
        Assert.Throws<ArgumentException>(() => new TradedLines(Tea, new Dictionary<HsCode, double> { [BlackTea] = 0 }, "x"));
        Assert.Throws<ArgumentException>(() => new TradedLines(Tea, new Dictionary<HsCode, double>(), "x"));
        var lines = new TradedLines(Tea, new Dictionary<HsCode, double> { [BlackTea] = 1 }, "x");
        Assert.Throws<ArgumentException>(() => new Elasticities(Elasticities.SmartDefaults.Default, tradedLines: [lines, lines]));
        Assert.Equal(lines, new TradedLines(Tea, new Dictionary<HsCode, double> { [BlackTea] = 5 }, "x"));
    }
}
