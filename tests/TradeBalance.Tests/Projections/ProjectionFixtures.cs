using NodaTime;
using TradeBalance.Projections;

namespace TradeBalance.Tests.Projections;

/// <summary>Small hand-made markets for the model tests (values in USD, tariffs in percent).</summary>
internal static class ProjectionFixtures
{
    public static readonly HsCode Tea = HsCode.Parse("0902");
    public static readonly HsCode Coffee = HsCode.Parse("0901");
    public static readonly LocalDate Effective = new(2026, 5, 1);

    public static readonly Country[] Suppliers =
    [
        Countries.Kenya, Countries.SriLanka, Countries.India, Countries.VietNam, Countries.Ethiopia, Countries.Brazil, Countries.Peru, Countries.Chile,
    ];

    /// <summary>China's imports of one code from the first suppliers, with the given values.</summary>
    public static TradeDataSet Market(HsCode hs, params decimal[] values) =>
        new(values.Select((v, i) => TradeFlow.Usd(Suppliers[i], Countries.China, hs, 2024, v)));

    /// <summary>An MFN schedule at one rate for the codes, plus per-supplier preferential rates.</summary>
    public static TariffSchedule Schedule(Country importer, decimal mfnPercent, IEnumerable<HsCode> codes, params (Country Partner, decimal Percent)[] preferences) =>
        new(importer, codes.SelectMany(hs => preferences.Select(p => new TariffLine(TariffRegime.For(p.Partner), hs, new TariffRate(p.Percent)))
            .Prepend(new TariffLine(TariffRegime.Mfn, hs, new TariffRate(mfnPercent)))));

    public static TariffSchedule Schedule(decimal mfnPercent, params (Country Partner, decimal Percent)[] preferences) =>
        Schedule(Countries.China, mfnPercent, [Tea, Coffee], preferences);

    public static Scenario Scenario(TariffChange change, ElasticityValues elasticities, IEnumerable<Country>? beneficiaries = null, params HsCode[] lines) =>
        new("test", Countries.China, beneficiaries ?? [Countries.Kenya], lines.Length == 0 ? [Tea] : lines, change, Effective)
        {
            Elasticities = new Elasticities(elasticities),
            ReferenceYear = 2024,
        };

    public static double D(Money m) => (double)m.Amount;
}
