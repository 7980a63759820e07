using NodaTime;
using TradeBalance.Projections;

namespace TradeBalance.Tests.Projections;

/// <summary>
/// China's 2024 tea market as in the embedded data set (flows.csv, documented in its SOURCES.md: China customs'
/// 2024 release, 54,200 t worth USD 158m, with supplier values derived from customs volumes) as a fixture:
/// a handful of flows, one MFN line, one preference.
/// </summary>
internal static class KenyaTea
{
    internal static readonly HsCode Tea = HsCode.Parse("0902");

    internal static TradeDataSet Flows() => new(
    [
        TradeFlow.Usd(Countries.SriLanka, Countries.China, Tea, 2024, 58_800_000m),
        TradeFlow.Usd(Countries.VietNam, Countries.China, Tea, 2024, 19_374_000m),
        TradeFlow.Usd(Countries.India, Countries.China, Tea, 2024, 21_459_000m),
        TradeFlow.Usd(Countries.Kenya, Countries.China, Tea, 2024, 21_299_000m),
        TradeFlow.Usd(Countries.RestOfWorld, Countries.China, Tea, 2024, 37_068_000m),
    ]);

    internal static TariffSchedule Tariffs() => new(Countries.China,
    [
        new TariffLine(TariffRegime.Mfn, Tea, TariffRate.FromPercent(15m)),
    ]);

    internal static Scenario Scenario(TariffChange? change = null) =>
        new("China: zero tariff on Kenyan tea", Countries.China, [Countries.Kenya], [Tea], change ?? TariffChange.NewRate(TariffRate.Zero), new LocalDate(2026, 5, 1))
        {
            Elasticities = new Elasticities(new ElasticityValues(-1.5, 1.83, 99)),
        };

    internal static ProjectionResult Project(TariffChange? change = null) => ProjectionModel.Smart.Project(new ProjectionInputs(Scenario(change), Flows(), Tariffs()));
}
