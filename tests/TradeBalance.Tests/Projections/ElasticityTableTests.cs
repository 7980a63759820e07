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
            Elasticities = Elasticities.SmartDefaults.WithSubstitutionTable(table),
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

        // 080440 is flagged "not significant at 1 %" and carries the HS4 mean.
        var avocado = table.Find(Countries.China, Avocado)!;
        Assert.Equal(8.8590927, avocado.Value);
        Assert.Contains("not significant", avocado.Note, StringComparison.Ordinal);

        // A heading is the simple mean of its HS6 estimates, labelled as such.
        var tea = table.Find(Countries.China, Tea)!;
        Assert.Equal((7.0413895 + 7.0413895 + 8.6727886 + 5.4099908) / 4, tea.Value, 12);
        Assert.StartsWith("mean of the 4 HS6 estimates of heading 0902", tea.Key, StringComparison.Ordinal);
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
        }, ElasticityTables.BrodaWeinstein2006);

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
        var e = Elasticities.SmartDefaults.WithSubstitutionTable(ElasticityTables.BrodaWeinstein2006);
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
    public void Monte_Carlo_draws_sigma_between_the_sources_and_covers_both_point_projections()
    {
        var data = KenyaTea.Flows();
        var tariffs = KenyaTea.Tariffs();
        var scenario = TeaScenario(ElasticityTables.BrodaWeinstein2006);
        var inputs = new ProjectionInputs(scenario, data, tariffs);
        var across = new MonteCarloSettings(draws: 2000, seed: 7, spread: 0.0)
        {
            SubstitutionTables = [ElasticityTables.BrodaWeinstein2006, ElasticityTables.CepiiProTee],
        };

        var bands = ProjectionModel.Smart.MonteCarlo(inputs, across, cancellationToken: TestContext.Current.CancellationToken).ExportsOf(Countries.Kenya).Projected;
        var low = ProjectionModel.Smart.Project(inputs).Rows.Single(r => r.Exporter == Countries.Kenya).Projected;
        var highScenario = TeaScenario(ElasticityTables.CepiiProTee);
        var high = ProjectionModel.Smart.Project(new ProjectionInputs(highScenario, data, tariffs)).Rows.Single(r => r.Exporter == Countries.Kenya).Projected;

        // Kenya's exports rise with σ, so the draws lie between the two sources' projections, spread over most of the gap.
        Assert.True(low.Amount < bands.P5.Amount && bands.P95.Amount < high.Amount, $"{low} < {bands.P5} … {bands.P95} < {high}");
        Assert.True(bands.P95.Amount - bands.P5.Amount > 0.8m * (high.Amount - low.Amount));

        // The same seed gives the same band; without tables and with no spread there is no band at all.
        Assert.Equal(bands, ProjectionModel.Smart.MonteCarlo(inputs, across, cancellationToken: TestContext.Current.CancellationToken).ExportsOf(Countries.Kenya).Projected);
        var none = ProjectionModel.Smart.MonteCarlo(inputs, new MonteCarloSettings(draws: 50, seed: 7, spread: 0.0), cancellationToken: TestContext.Current.CancellationToken).ExportsOf(Countries.Kenya).Projected;
        Assert.Equal(none.P5, none.P95);
    }

    [Fact]
    public void Monte_Carlo_settings_take_only_tables_of_sigma_and_compare_tables_by_value()
    {
        var a = new MonteCarloSettings { SubstitutionTables = [ElasticityTables.CepiiProTee] };
        var b = new MonteCarloSettings { SubstitutionTables = [ElasticityTables.CepiiProTee] };
        Assert.Equal(a, b);
        Assert.NotEqual(a, new MonteCarloSettings());
        Assert.Empty(new MonteCarloSettings().SubstitutionTables);
    }
}
