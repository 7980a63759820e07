using NodaTime;
using Xunit;

namespace TradeBalance.Tests;

public class TariffLineTests
{
    private static readonly HsCode Tea = HsCode.Parse("0902");
    private static readonly DateInterval Year2024 = new(new LocalDate(2024, 1, 1), new LocalDate(2024, 12, 31));

    [Fact]
    public void Constructor_keeps_values_and_defaults_to_always_in_force()
    {
        var line = new TariffLine(TariffRegime.Mfn, Tea, new TariffRate(15m));
        Assert.Equal((TariffRegime.Mfn, Tea, new TariffRate(15m), string.Empty), (line.Regime, line.Hs, line.Rate, line.Source));
        Assert.Equal(new DateInterval(TariffLine.OpenStart, TariffLine.OpenEnd), line.Validity);
        Assert.Equal(new LocalDate(1900, 1, 1), TariffLine.OpenStart);
        Assert.Equal(new LocalDate(9999, 12, 31), TariffLine.OpenEnd);
    }

    [Fact]
    public void Nulls_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => new TariffLine(null!, Tea, TariffRate.Zero));
        Assert.Throws<ArgumentNullException>(() => new TariffLine(TariffRegime.Mfn, null!, TariffRate.Zero));
        Assert.Throws<ArgumentNullException>(() => new TariffLine(TariffRegime.Mfn, Tea, TariffRate.Zero, source: null!));
    }

    [Fact]
    public void AppliesTo_checks_regime_code_and_date_with_inclusive_ends()
    {
        var line = new TariffLine(TariffRegime.For(Countries.Kenya), Tea, TariffRate.Zero, Year2024);
        var sub = HsCode.Parse("090240");
        Assert.True(line.AppliesTo(Countries.Kenya, sub, new LocalDate(2024, 1, 1)));
        Assert.True(line.AppliesTo(Countries.Kenya, Tea, new LocalDate(2024, 12, 31)));
        Assert.False(line.AppliesTo(Countries.Kenya, Tea, new LocalDate(2023, 12, 31)));
        Assert.False(line.AppliesTo(Countries.Kenya, Tea, new LocalDate(2025, 1, 1)));
        Assert.False(line.AppliesTo(Countries.SriLanka, Tea, new LocalDate(2024, 6, 1)));
        Assert.False(line.AppliesTo(Countries.Kenya, HsCode.Parse("09"), new LocalDate(2024, 6, 1)));
        Assert.False(line.AppliesTo(Countries.Kenya, HsCode.Parse("0901"), new LocalDate(2024, 6, 1)));
    }

    [Fact]
    public void ToString_shows_regime_code_rate_and_dates()
    {
        Assert.Equal("MFN 0902 15% [..]", new TariffLine(TariffRegime.Mfn, Tea, new TariffRate(15m)).ToString());
        Assert.Equal("KEN 0902 0% [2024-01-01..2024-12-31]", new TariffLine(TariffRegime.For(Countries.Kenya), Tea, TariffRate.Zero, Year2024).ToString());
        Assert.Equal(
            "MFN 0902 15% [2017-12-01..]",
            new TariffLine(TariffRegime.Mfn, Tea, new TariffRate(15m), new DateInterval(new LocalDate(2017, 12, 1), TariffLine.OpenEnd)).ToString());
    }

    [Fact]
    public void Equality_is_by_value()
    {
        var a = new TariffLine(TariffRegime.Mfn, Tea, new TariffRate(15m), Year2024, "WTO");
        Assert.Equal(a, new TariffLine(TariffRegime.Mfn, HsCode.Parse("0902"), new TariffRate(15.0m), new DateInterval(new LocalDate(2024, 1, 1), new LocalDate(2024, 12, 31)), "WTO"));
        Assert.NotEqual(a, new TariffLine(TariffRegime.Mfn, Tea, new TariffRate(15m), Year2024, "other"));
    }
}
