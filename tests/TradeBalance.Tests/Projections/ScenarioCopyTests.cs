using NodaTime;
using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Tests.Projections;

/// <summary>A changed copy of a scenario keeps every other field (<c>with</c>), still validates what it sets, and two scenarios with the same fields are equal.</summary>
public class ScenarioCopyTests
{
    private static Scenario Full() =>
        new("China: zero tariff on Kenyan tea", Countries.China, [Countries.Kenya], [HsCode.Parse("0902")], TariffChange.NewRate(TariffRate.Zero), new LocalDate(2026, 5, 1))
        {
            Description = "a description",
            Stages = 3,
            ReferenceYear = 2024,
            Model = ProjectionModelKind.Armington,
            Elasticities = Elasticities.SmartDefaults.WithSubstitutionTables(ElasticityTables.BrodaWeinstein2006),
            MonteCarlo = new MonteCarloSettings(300, 7, 0.25),
            Sources = System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty.Add("stages", "a source"),
        };

    [Fact]
    public void With_changes_one_field_and_keeps_the_rest()
    {
        var s = Full();
        var copy = s with { MonteCarlo = new MonteCarloSettings(50) };

        Assert.Equal(50, copy.MonteCarlo!.Draws);
        Assert.Equal((s.Name, s.Description, s.Stages, s.ReferenceYear, s.Model, s.Importer, s.Effective), (copy.Name, copy.Description, copy.Stages, copy.ReferenceYear, copy.Model, copy.Importer, copy.Effective));
        Assert.Equal(s.Elasticities, copy.Elasticities);
        Assert.Equal(s.Sources, copy.Sources);
        Assert.True(copy.Covers(HsCode.Parse("090240")));
        Assert.NotEqual(s, copy);
        Assert.Equal(s, copy with { MonteCarlo = s.MonteCarlo });
    }

    [Fact]
    public void With_validates_what_it_sets()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Full() with { Stages = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => Full() with { ReferenceYear = 1800 });
        var outside = Elasticities.SmartDefaults.With(HsCode.Parse("080440"), new ElasticityOverride(Substitution: 2));
        Assert.Throws<ArgumentException>(() => Full() with { Elasticities = outside });
    }

    [Fact]
    public void Scenarios_with_the_same_fields_are_equal()
    {
        Assert.Equal(Full(), Full());
        Assert.Equal(Full().GetHashCode(), Full().GetHashCode());
        Assert.NotEqual(Full(), Full() with { Description = "another" });
        Assert.NotEqual(Full(), Full() with { Elasticities = Elasticities.SmartDefaults });
        Assert.Equal(Elasticities.SmartDefaults.WithSubstitutionTables(ElasticityTables.CepiiProTee), Elasticities.SmartDefaults.WithSubstitutionTables(ElasticityTables.CepiiProTee));
    }
}
