using Xunit;

namespace TradeBalance.Tests;

public class TariffRegimeTests
{
    private static readonly Country Uganda = Country.FromIso3("UGA");

    [Fact]
    public void Mfn_covers_every_partner()
    {
        var mfn = TariffRegime.Mfn;
        Assert.True(mfn.IsMfn);
        Assert.Equal("MFN", mfn.Name);
        Assert.Empty(mfn.Partners);
        Assert.All(Country.All, c => Assert.True(mfn.Covers(c)));
        Assert.Equal("MFN", mfn.ToString());
    }

    [Fact]
    public void For_one_partner_is_named_after_its_alpha3_and_covers_only_it()
    {
        var ken = TariffRegime.For(Countries.Kenya);
        Assert.False(ken.IsMfn);
        Assert.Equal("KEN", ken.Name);
        Assert.Equal([Countries.Kenya], ken.Partners);
        Assert.True(ken.Covers(Countries.Kenya));
        Assert.False(ken.Covers(Countries.Ethiopia));
        Assert.Equal("KEN", ken.ToString());
        Assert.Throws<ArgumentNullException>(() => TariffRegime.For(null!));
    }

    [Fact]
    public void Preferential_group_covers_its_members()
    {
        var ldc = TariffRegime.Preferential(" LDC ", [Uganda, Countries.Ethiopia, Uganda]);
        Assert.Equal("LDC", ldc.Name);
        Assert.Equal([Countries.Ethiopia, Uganda], ldc.Partners);
        Assert.True(ldc.Covers(Countries.Ethiopia));
        Assert.True(ldc.Covers(Uganda));
        Assert.False(ldc.Covers(Countries.Kenya));
        Assert.Equal("LDC (ETH, UGA)", ldc.ToString());
    }

    [Theory]
    [InlineData("MFN")]
    [InlineData("mfn")]
    [InlineData(" Mfn ")]
    public void A_preference_cannot_be_called_MFN(string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => TariffRegime.Preferential(name, [Countries.Kenya]));
        Assert.Contains("TariffRegime.Mfn", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_preference_needs_a_name_and_a_partner()
    {
        Assert.Throws<ArgumentException>(() => TariffRegime.Preferential("", [Countries.Kenya]));
        Assert.Throws<ArgumentException>(() => TariffRegime.Preferential("  ", [Countries.Kenya]));
        Assert.Throws<ArgumentNullException>(() => TariffRegime.Preferential(null!, [Countries.Kenya]));
        Assert.Throws<ArgumentNullException>(() => TariffRegime.Preferential("LDC", null!));
        var ex = Assert.Throws<ArgumentException>(() => TariffRegime.Preferential("LDC", []));
        Assert.Contains("'LDC'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Equality_compares_name_flag_and_partner_set()
    {
        var a = TariffRegime.Preferential("LDC", [Countries.Ethiopia, Uganda]);
        var b = TariffRegime.Preferential("LDC", [Uganda, Countries.Ethiopia]);
        Assert.Equal(a, b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, TariffRegime.Preferential("LDC", [Countries.Ethiopia]));
        Assert.NotEqual(a, TariffRegime.Preferential("EAC", [Countries.Ethiopia, Uganda]));
        Assert.NotEqual(a, TariffRegime.Mfn);
        Assert.Equal(TariffRegime.For(Countries.Kenya), TariffRegime.Preferential("KEN", [Countries.Kenya]));
        Assert.False(a.Equals(null));
        Assert.False(a.Equals("LDC"));
        Assert.Equal("KEN (ETH)", TariffRegime.Preferential("KEN", [Countries.Ethiopia]).ToString());
    }
}
