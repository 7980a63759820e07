using NodaTime;
using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Tests.Groups;

public class CountryGroupTests
{
    private static readonly LocalDate Effective = new(2026, 5, 1);

    [Fact]
    public void EUN_is_a_known_code_the_defect_the_issue_names()
    {
        // Was: "'EUN' is not a known country code".
        var eu = Country.Parse("EUN");
        Assert.True(eu.IsAggregate);
        Assert.Equal("European Union", eu.Name);
        Assert.Same(CountryGroups.EuropeanUnion.Economy, eu);
        Assert.Equal(eu, Country.FromM49(918));
        Assert.Equal(eu, Country.Parse("918"));
        Assert.Equal(eu, Country.Parse("eun"));
    }

    [Fact]
    public void The_EU_has_27_members_in_2024_and_the_UK_until_January_2020()
    {
        var eu = CountryGroups.EuropeanUnion;
        Assert.Equal(27, eu.MembersOn(new LocalDate(2024, 1, 1)).Count);
        Assert.Equal(28, eu.MembersOn(new LocalDate(2019, 6, 1)).Count);
        Assert.True(eu.Contains(Country.FromIso3("GBR"), new LocalDate(2020, 1, 31)));
        Assert.False(eu.Contains(Country.FromIso3("GBR"), new LocalDate(2020, 2, 1)));
        Assert.True(eu.Contains(Country.FromIso3("HRV"), new LocalDate(2013, 7, 1)));
        Assert.False(eu.Contains(Country.FromIso3("HRV"), new LocalDate(2013, 6, 30)));
        Assert.Equal(CountryGroupKind.CustomsUnion, eu.Kind);
        Assert.True(eu.HasCommonTariff);
        Assert.Equal(Currency.Eur, eu.Currency);
        Assert.Equal(Currency.Eur, Currency.ForCountry(eu.Economy, Effective));
    }

    [Fact]
    public void The_EAC_has_eight_partner_states_in_mid_2024_and_three_in_2001()
    {
        var eac = CountryGroups.EastAfricanCommunity;
        Assert.Equal(8, eac.MembersOn(new LocalDate(2024, 6, 1)).Count);
        Assert.Equal(["KEN", "TZA", "UGA"], eac.MembersOn(new LocalDate(2001, 1, 1)).Select(c => c.Alpha3));
        Assert.True(eac.HasCommonTariff);
        Assert.Null(eac.Currency);
        Assert.False(Currency.TryForCountry(eac.Economy, Effective, out _));
    }

    [Fact]
    public void The_LDC_list_has_44_countries_in_2025_Kenya_is_not_one_Ethiopia_is()
    {
        var ldc = CountryGroups.LeastDeveloped;
        Assert.Equal(44, ldc.MembersOn(new LocalDate(2025, 1, 1)).Count);
        Assert.False(ldc.Contains(Countries.Kenya, Effective));
        Assert.True(ldc.Contains(Countries.Ethiopia, Effective));
        Assert.False(ldc.HasCommonTariff);
        Assert.Equal(55, CountryGroups.AfricanUnion.MembersOn(new LocalDate(2024, 1, 1)).Count);
    }

    [Fact]
    public void Every_built_in_membership_carries_a_source()
    {
        foreach (var g in new[] { CountryGroups.EuropeanUnion, CountryGroups.EastAfricanCommunity, CountryGroups.AfricanUnion, CountryGroups.LeastDeveloped })
        {
            Assert.False(string.IsNullOrWhiteSpace(g.Source), g.Code);
            Assert.All(g.Memberships, m => Assert.False(string.IsNullOrWhiteSpace(m.Source), $"{g.Code} {m}"));
        }
    }

    [Theory]
    [InlineData("KEN", "is an ISO 3166-1 country code (Kenya)")]
    [InlineData("ROW", "is an ISO 3166-1 country code")]
    [InlineData("eu1", "is not a group code")]
    [InlineData("A", "is not a group code")]
    [InlineData("1AB", "is not a group code")]
    public void A_group_code_must_be_new_and_well_formed(string code, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => new CountryGroup(code, "x", CountryGroupKind.Group, [new GroupMembership(Countries.Kenya)]));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_members_periods_must_not_overlap_and_must_not_run_backwards()
    {
        var e = Assert.Throws<ArgumentException>(() => new CountryGroup("XOV", "x", CountryGroupKind.Group,
        [
            new GroupMembership(Countries.Kenya, new LocalDate(2000, 1, 1), new LocalDate(2010, 1, 1)),
            new GroupMembership(Countries.Kenya, new LocalDate(2010, 1, 1)),
        ]));
        Assert.Contains("overlap", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new GroupMembership(Countries.Kenya, new LocalDate(2010, 1, 2), new LocalDate(2010, 1, 1)));
        Assert.Throws<ArgumentException>(() => new GroupMembership(Countries.RestOfWorld));

        // Left and joined again, the day after: fine.
        var g = new CountryGroup("XRJ", "x", CountryGroupKind.Group,
        [
            new GroupMembership(Countries.Kenya, new LocalDate(2000, 1, 1), new LocalDate(2009, 12, 31)),
            new GroupMembership(Countries.Kenya, new LocalDate(2010, 1, 1)),
        ]);
        Assert.True(g.Contains(Countries.Kenya, new LocalDate(2009, 12, 31)));
        Assert.True(g.Contains(Countries.Kenya, new LocalDate(2010, 1, 1)));
    }

    [Fact]
    public void An_economy_has_no_members_and_a_group_has_some()
    {
        Assert.Throws<ArgumentException>(() => new CountryGroup("XEC", "x", CountryGroupKind.Economy, [new GroupMembership(Countries.Kenya)]));
        Assert.Throws<ArgumentException>(() => new CountryGroup("XNM", "x", CountryGroupKind.Group, []));
        var kosovo = new CountryGroup("XKX", "Kosovo", CountryGroupKind.Economy, [], Currency.Eur);
        Assert.Empty(kosovo.Memberships);
    }

    [Fact]
    public void A_registered_code_parses_everywhere_and_a_code_means_one_group()
    {
        var bloc = new CountryGroup("XTB1", "Test bloc", CountryGroupKind.CustomsUnion, [new GroupMembership(Countries.Kenya), new GroupMembership(Countries.Ethiopia)]);
        Assert.False(Country.TryParse("XTB1", out _));
        Assert.Same(bloc, CountryGroups.Register(bloc));
        Assert.Equal(bloc.Economy, Country.Parse("XTB1"));
        Assert.True(CountryGroups.TryGet(bloc.Economy, out var found));
        Assert.Same(bloc, found);

        var same = new CountryGroup("XTB1", "Test bloc", CountryGroupKind.CustomsUnion, [new GroupMembership(Countries.Ethiopia), new GroupMembership(Countries.Kenya)]);
        Assert.Same(bloc, CountryGroups.Register(same));

        var other = new CountryGroup("XTB1", "Other bloc", CountryGroupKind.Group, [new GroupMembership(Countries.Kenya)]);
        var e = Assert.Throws<InvalidOperationException>(() => CountryGroups.Register(other));
        Assert.Contains("XTB1 is already taken", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => CountryGroups.Register(new CountryGroup("XTB2", "x", CountryGroupKind.Group, [new GroupMembership(Countries.Kenya)], numericCode: 918)));
    }

    [Fact]
    public void An_unknown_code_names_the_known_groups()
    {
        var e = Assert.Throws<FormatException>(() => Country.Parse("XYZQ"));
        Assert.Contains("EUN", e.Message, StringComparison.Ordinal);
        Assert.Contains("LDC", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_group_beneficiary_stands_for_its_members_on_the_effective_date()
    {
        var scenario = new Scenario("LDC tea", Countries.China, [CountryGroups.LeastDeveloped.Economy, Countries.Kenya], [HsCode.Parse("0902")], TariffChange.NewRate(TariffRate.Zero), Effective);
        Assert.Equal(["KEN", "LDC"], scenario.BeneficiariesAsGiven.Select(c => c.Alpha3));
        Assert.Contains(Countries.Ethiopia, scenario.Beneficiaries);
        Assert.Contains(Countries.Kenya, scenario.Beneficiaries);
        Assert.DoesNotContain(CountryGroups.LeastDeveloped.Economy, scenario.Beneficiaries);
        Assert.Equal(CountryGroups.LeastDeveloped.MembersOn(Effective).Count + 1, scenario.Beneficiaries.Count);
        Assert.True(scenario.Changes(Countries.Ethiopia, HsCode.Parse("090240")));

        // Before Bhutan graduated (2023-12-13) it was one of them; after, not.
        var bhutan = Country.FromIso3("BTN");
        Assert.DoesNotContain(bhutan, scenario.Beneficiaries);
        var earlier = new Scenario("LDC tea", Countries.China, [CountryGroups.LeastDeveloped.Economy], [HsCode.Parse("0902")], TariffChange.NewRate(TariffRate.Zero), new LocalDate(2020, 1, 1));
        Assert.Contains(bhutan, earlier.Beneficiaries);
    }

    [Fact]
    public void A_union_cutting_for_a_group_leaves_out_its_own_members()
    {
        // Kenya cuts for the EAC: the other seven partner states benefit, not Kenya itself.
        var scenario = new Scenario("EAC", Countries.Kenya, [CountryGroups.EastAfricanCommunity.Economy], [HsCode.Parse("85")], TariffChange.NewRate(TariffRate.Zero), Effective);
        Assert.Equal(7, scenario.Beneficiaries.Count);
        Assert.DoesNotContain(Countries.Kenya, scenario.Beneficiaries);

        var e = Assert.Throws<ArgumentException>(() => new Scenario("x", CountryGroups.EastAfricanCommunity.Economy, [CountryGroups.EastAfricanCommunity.Economy], [HsCode.Parse("85")], TariffChange.NewRate(TariffRate.Zero), Effective));
        Assert.Contains("own beneficiary", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every number trade statistics already use (the Comtrade/BACI/WITS aliases such as 699 India, World 0 aside, the
    /// "nes" areas) is refused as a group's numeric code, naming what it means: a group numbered 699 used to capture
    /// India's rows in a Comtrade file (hostile input, round three, class 2).
    /// </summary>
    [Fact]
    public void A_group_may_not_take_a_number_trade_statistics_already_use()
    {
        var reserved = TradeBalance.Internal.TradeStatisticsCodes.Aliases.Keys.Concat(TradeBalance.Internal.TradeStatisticsCodes.NesAreas).Where(n => !Country.IsIsoNumeric(n)).ToList();
        Assert.Contains(699, reserved);
        Assert.Contains(490, reserved);
        Assert.Contains(129, reserved);
        foreach (var n in reserved)
        {
            var e = Assert.Throws<ArgumentException>(() => new CountryGroup("XTN", "x", CountryGroupKind.Group, [new GroupMembership(Countries.Kenya)], numericCode: n));
            Assert.Contains($"numeric code {n} is ", e.Message, StringComparison.Ordinal);
            Assert.Contains("in trade statistics", e.Message, StringComparison.Ordinal);
        }

        Assert.Contains("India's code in trade statistics", Assert.Throws<ArgumentException>(() => new CountryGroup("XTN", "x", CountryGroupKind.Group, [new GroupMembership(Countries.Kenya)], numericCode: 699)).Message, StringComparison.Ordinal);
        Assert.Equal(950, new CountryGroup("XTN", "x", CountryGroupKind.Group, [new GroupMembership(Countries.Kenya)], numericCode: 950).Economy.NumericCode);
    }
}
