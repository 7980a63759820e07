using NodaTime;
using Xunit;

namespace TradeBalance.Tests;

public class TradeDataSetTests
{
    private static readonly HsCode Tea = HsCode.Parse("0902");
    private static readonly HsCode BlackTea = HsCode.Parse("090240");
    private static readonly HsCode Coffee = HsCode.Parse("0901");
    private static readonly HsCode Ch09 = HsCode.Parse("09");
    private static readonly Country Pakistan = Country.FromIso3("PAK");
    private static readonly Country Egypt = Country.FromIso3("EGY");

    private static TradeFlow F(Country e, Country i, HsCode hs, decimal usd, int year = 2024) => TradeFlow.Usd(e, i, hs, year, usd);

    private static Money Usd(decimal amount) => new(amount, Currency.Usd);

    /// <summary>
    /// Made-up figures shaped like the Kenya–China question: bilateral TOTAL rows, tea rows that the
    /// TOTAL rows already include, and tea at heading and subheading level.
    /// </summary>
    private static TradeDataSet Sample() => new(
    [
        F(Countries.Kenya, Countries.China, HsCode.Total, 300_000_000m),
        F(Countries.Kenya, Countries.China, Tea, 20_000_000m),
        F(Countries.Kenya, Countries.China, BlackTea, 15_000_000m),
        F(Countries.Kenya, Countries.China, Coffee, 5_000_000m),
        F(Countries.SriLanka, Countries.China, Tea, 30_000_000m),
        F(Countries.India, Countries.China, Tea, 50_000_000m),
        F(Countries.China, Countries.Kenya, HsCode.Total, 4_000_000_000m),
        F(Countries.China, Countries.Kenya, Tea, 1_000_000m),
        F(Countries.Kenya, Pakistan, Tea, 500_000_000m),
        F(Countries.Kenya, Egypt, Tea, 100_000_000m),
        F(Countries.Kenya, Countries.China, HsCode.Total, 250_000_000m, 2023),
    ]);

    [Fact]
    public void Constructor_keeps_the_flows_in_order_and_defaults_to_USD()
    {
        var flows = new[] { F(Countries.Kenya, Countries.China, Tea, 1m), F(Countries.India, Countries.China, Tea, 2m) };
        var ds = new TradeDataSet(flows);
        Assert.Equal(flows, ds.Flows);
        Assert.Same(Currency.Usd, ds.Currency);
    }

    [Fact]
    public void An_empty_set_has_no_markets_or_years()
    {
        var ds = new TradeDataSet([]);
        Assert.Empty(ds.Flows);
        Assert.Empty(ds.Markets);
        Assert.Empty(ds.Years);
        Assert.Equal(Money.Zero(Currency.Usd), ds.Total(Countries.Kenya, Countries.China, HsCode.Total, 2024));
        Assert.Empty(ds.SupplierShares(Countries.China, Tea, 2024));
    }

    [Fact]
    public void Markets_and_years_are_ordered()
    {
        var ds = Sample();
        Assert.Equal([2023, 2024], ds.Years);
        Assert.Equal(
            [
                "CHN TOTAL 2023", "CHN TOTAL 2024", "CHN 0901 2024", "CHN 0902 2024", "CHN 090240 2024",
                "EGY 0902 2024", "KEN TOTAL 2024", "KEN 0902 2024", "PAK 0902 2024",
            ],
            ds.Markets.Select(m => m.ToString()));
    }

    [Fact]
    public void A_duplicate_flow_is_rejected_naming_both()
    {
        var a = F(Countries.Kenya, Countries.China, Tea, 20_000_000m);
        var b = F(Countries.Kenya, Countries.China, HsCode.Parse("09.02"), 21_000_000m);
        var ex = Assert.Throws<ArgumentException>(() => new TradeDataSet([a, b]));
        Assert.Contains("Duplicate", ex.Message, StringComparison.Ordinal);
        Assert.Contains(a.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Contains(b.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Equal("flows", ex.ParamName);
    }

    /// <summary>
    /// A union and its member both supplying one market count the member's trade twice (hostile input, round three,
    /// class 2): refused by the data set itself, so a .NET caller is held to it as the tool is. Membership is the flow's
    /// year: the United Kingdom beside the EU in 2024 is two suppliers, in 2019 a double count.
    /// </summary>
    [Theory]
    [InlineData("DEU", 2024, true)]
    [InlineData("GBR", 2024, false)]
    [InlineData("GBR", 2019, true)]
    [InlineData("FRA", 2024, true)]
    public void A_group_and_its_member_supplying_one_market_are_refused(string member, int year, bool refused)
    {
        var tea = HsCode.Parse("0902");
        var eu = Country.Parse("EUN");
        var m = Country.Parse(member);
        TradeFlow[] flows = [F(Countries.Kenya, Countries.China, tea, 100, year), F(eu, Countries.China, tea, 50, year), F(m, Countries.China, tea, 20, year), F(eu, Country.Parse("USA"), tea, 5, year)];
        if (!refused)
        {
            Assert.Equal(4, new TradeDataSet(flows).Flows.Length);
            return;
        }

        var e = Assert.Throws<ArgumentException>(() => new TradeDataSet(flows));
        Assert.Equal("flows", e.ParamName);
        Assert.StartsWith($"EUN and its member {member} both supply CHN with HS 0902 in {year}; {member}'s trade would be counted twice.", e.Message, StringComparison.Ordinal);

        // The same member supplying another market, or another product, is not a double count.
        Assert.Equal(3, new TradeDataSet([F(eu, Countries.China, tea, 50, year), F(m, Countries.China, HsCode.Parse("0901"), 20, year), F(m, Country.Parse("USA"), tea, 20, year)]).Flows.Length);
    }

    [Fact]
    public void The_same_pair_and_code_in_another_year_or_direction_is_not_a_duplicate()
    {
        var ds = new TradeDataSet(
        [
            F(Countries.Kenya, Countries.China, Tea, 1m, 2023),
            F(Countries.Kenya, Countries.China, Tea, 1m, 2024),
            F(Countries.China, Countries.Kenya, Tea, 1m, 2024),
        ]);
        Assert.Equal(3, ds.Flows.Length);
    }

    [Fact]
    public void A_flow_in_another_currency_is_rejected_naming_both()
    {
        var kesFlow = new TradeFlow(Countries.Kenya, Countries.China, Tea, 2024, new Money(1m, Currency.Kes));
        var ex = Assert.Throws<CurrencyMismatchException>(() => new TradeDataSet([F(Countries.India, Countries.China, Tea, 1m), kesFlow]));
        Assert.Equal((Currency.Usd, Currency.Kes), (ex.Expected, ex.Actual));
        Assert.Contains("USD", ex.Message, StringComparison.Ordinal);
        Assert.Contains("KES", ex.Message, StringComparison.Ordinal);
        Assert.Throws<CurrencyMismatchException>(() => new TradeDataSet([F(Countries.India, Countries.China, Tea, 1m)], Currency.Kes));
    }

    [Fact]
    public void A_set_in_another_currency_holds_flows_in_that_currency()
    {
        var kesFlow = new TradeFlow(Countries.Kenya, Countries.China, Tea, 2024, new Money(1_000m, Currency.Kes));
        var ds = new TradeDataSet([kesFlow], Currency.Kes);
        Assert.Same(Currency.Kes, ds.Currency);
        Assert.Equal(new Money(1_000m, Currency.Kes), ds.Total(Countries.Kenya, Countries.China, Tea, 2024));
        Assert.Equal(new Money(1_000m, Currency.Kes), ds.BilateralBalance(Countries.Kenya, Countries.China, 2024).Balance);
    }

    [Fact]
    public void Nulls_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => new TradeDataSet(null!));
        Assert.Throws<ArgumentNullException>(() => new TradeDataSet([null!]));
        var ds = Sample();
        Assert.Throws<ArgumentNullException>(() => ds.FlowsInto(null!));
        Assert.Throws<ArgumentNullException>(() => ds.DestinationShares(null!, Tea, 2024));
        Assert.Throws<ArgumentNullException>(() => ds.DestinationShares(Countries.Kenya, null!, 2024));
        Assert.Throws<ArgumentNullException>(() => ds.Total(null!, Countries.China, Tea, 2024));
        Assert.Throws<ArgumentNullException>(() => ds.Total(Countries.Kenya, null!, Tea, 2024));
        Assert.Throws<ArgumentNullException>(() => ds.Total(Countries.Kenya, Countries.China, null!, 2024));
        Assert.Throws<ArgumentNullException>(() => ds.BilateralBalance(null!, Countries.China, 2024));
        Assert.Throws<ArgumentNullException>(() => ds.BilateralBalance(Countries.Kenya, null!, 2024));
    }

    [Fact]
    public void FlowsInto_a_market_is_ordered_by_exporter()
    {
        var flows = Sample().FlowsInto(new MarketKey(Countries.China, Tea, 2024));
        Assert.Equal(["IND", "KEN", "LKA"], flows.Select(f => f.Exporter.Alpha3));
        Assert.Empty(Sample().FlowsInto(new MarketKey(Countries.China, Tea, 2022)));
        Assert.Empty(Sample().FlowsInto(new MarketKey(Countries.China, HsCode.Parse("080440"), 2024)));
    }

    [Fact]
    public void Supplier_shares_of_Chinas_tea_imports()
    {
        var shares = Sample().SupplierShares(Countries.China, Tea, 2024);
        Assert.Equal(
            [
                new TradeShare(Countries.India, Usd(50_000_000m), 0.5),
                new TradeShare(Countries.Kenya, Usd(20_000_000m), 0.2),
                new TradeShare(Countries.SriLanka, Usd(30_000_000m), 0.3),
            ],
            shares);
        Assert.Equal(1d, shares.Sum(s => s.Share), 12);
    }

    [Fact]
    public void Supplier_shares_are_per_exact_code_not_per_scope()
    {
        // 090240 is its own market: Kenya is its only supplier.
        var shares = Sample().SupplierShares(Countries.China, BlackTea, 2024);
        Assert.Equal([new TradeShare(Countries.Kenya, Usd(15_000_000m), 1d)], shares);
    }

    [Fact]
    public void Supplier_shares_of_a_zero_market_are_zero()
    {
        var ds = new TradeDataSet([F(Countries.Kenya, Countries.China, Tea, 0m), F(Countries.India, Countries.China, Tea, 0m)]);
        var shares = ds.SupplierShares(Countries.China, Tea, 2024);
        Assert.Equal(2, shares.Length);
        Assert.All(shares, s => Assert.Equal(0d, s.Share));
    }

    [Fact]
    public void Destination_shares_of_Kenyan_tea_count_heading_and_subheading_once()
    {
        var shares = Sample().DestinationShares(Countries.Kenya, Tea, 2024);
        Assert.Equal(["CHN", "EGY", "PAK"], shares.Select(s => s.Partner.Alpha3));
        Assert.Equal([Usd(20_000_000m), Usd(100_000_000m), Usd(500_000_000m)], shares.Select(s => s.Value));
        Assert.Equal(20d / 620d, shares[0].Share, 12);
        Assert.Equal(100d / 620d, shares[1].Share, 12);
        Assert.Equal(500d / 620d, shares[2].Share, 12);
    }

    [Fact]
    public void Destination_shares_of_all_goods_use_the_TOTAL_row_where_there_is_one()
    {
        var shares = Sample().DestinationShares(Countries.Kenya, HsCode.Total, 2024);
        Assert.Equal([Usd(300_000_000m), Usd(100_000_000m), Usd(500_000_000m)], shares.Select(s => s.Value));
        Assert.Equal(1d, shares.Sum(s => s.Share), 12);
        Assert.Empty(Sample().DestinationShares(Countries.Kenya, HsCode.Parse("080440"), 2024));
        Assert.Empty(Sample().DestinationShares(Countries.Kenya, Tea, 2022));
    }

    [Theory]
    [InlineData("TOTAL", 300_000_000)]
    [InlineData("09", 25_000_000)]
    [InlineData("0902", 20_000_000)]
    [InlineData("090240", 15_000_000)]
    [InlineData("0901", 5_000_000)]
    [InlineData("0903", 0)]
    public void Total_counts_only_the_topmost_codes_in_scope(string scope, long expected) =>
        Assert.Equal(Usd(expected), Sample().Total(Countries.Kenya, Countries.China, HsCode.Parse(scope), 2024));

    [Fact]
    public void Bilateral_balance_uses_the_TOTAL_rows_without_adding_the_tea_rows()
    {
        var b = Sample().BilateralBalance(Countries.Kenya, Countries.China, 2024);
        Assert.Equal((Countries.Kenya, Countries.China, 2024), (b.Country, b.Partner, b.Year));
        Assert.Equal(Usd(300_000_000m), b.Exports);
        Assert.Equal(Usd(4_000_000_000m), b.Imports);
        Assert.Equal(Usd(-3_700_000_000m), b.Balance);
        Assert.Equal(0.075, b.ExportImportRatio!.Value, 12);
    }

    [Fact]
    public void Bilateral_balance_is_antisymmetric()
    {
        var ds = Sample();
        var kc = ds.BilateralBalance(Countries.Kenya, Countries.China, 2024);
        var ck = ds.BilateralBalance(Countries.China, Countries.Kenya, 2024);
        Assert.Equal(kc.Exports, ck.Imports);
        Assert.Equal(kc.Imports, ck.Exports);
        Assert.Equal(-kc.Balance, ck.Balance);
    }

    [Fact]
    public void Without_TOTAL_rows_the_balance_adds_the_topmost_product_rows()
    {
        var b = Sample().BilateralBalance(Countries.Kenya, Pakistan, 2024);
        Assert.Equal(Usd(500_000_000m), b.Exports);
        Assert.Equal(Usd(0m), b.Imports);
        Assert.Null(b.ExportImportRatio);
    }

    [Fact]
    public void Bilateral_balance_of_a_year_without_data_is_zero()
    {
        var b = Sample().BilateralBalance(Countries.Kenya, Countries.China, 2022);
        Assert.Equal(Money.Zero(Currency.Usd), b.Balance);
        Assert.Equal(Usd(250_000_000m), Sample().BilateralBalance(Countries.Kenya, Countries.China, 2023).Exports);
    }

    [Fact]
    public void Bilateral_balance_with_itself_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => Sample().BilateralBalance(Countries.Kenya, Countries.Kenya, 2024));
        Assert.Contains("KEN", ex.Message, StringComparison.Ordinal);
        Assert.Equal("partner", ex.ParamName);
    }

    [Fact]
    public void Bilateral_balance_converts_to_KES_with_an_annual_average_table()
    {
        var rates = new ExchangeRateTable(
        [
            new ExchangeRate(Currency.Usd, Currency.Kes, 139.85m, new LocalDate(2023, 1, 1), ExchangeRateBasis.AnnualAverage),
            new ExchangeRate(Currency.Usd, Currency.Kes, 134.82m, new LocalDate(2024, 1, 1), ExchangeRateBasis.AnnualAverage),
            new ExchangeRate(Currency.Usd, Currency.Kes, 159.8m, new LocalDate(2024, 1, 11)),
        ]);
        var kes = Sample().BilateralBalance(Countries.Kenya, Countries.China, 2024).ConvertTo(rates, Currency.Kes);
        Assert.Equal(new Money(40_446_000_000m, Currency.Kes), kes.Exports);
        Assert.Equal(new Money(539_280_000_000m, Currency.Kes), kes.Imports);
        Assert.Equal(new Money(-498_834_000_000m, Currency.Kes), kes.Balance);
        Assert.Equal("KES -498,834,000,000.00", kes.Balance.Round().ToString());
        var kes2023 = Sample().BilateralBalance(Countries.Kenya, Countries.China, 2023).ConvertTo(rates, Currency.Kes);
        Assert.Equal(new Money(34_962_500_000m, Currency.Kes), kes2023.Exports);
    }

    [Fact]
    public void TradeShare_is_a_value()
    {
        var s = new TradeShare(Countries.Kenya, Usd(1m), 0.5);
        Assert.Equal(s, new TradeShare(Countries.Kenya, Usd(1.00m), 0.5));
        Assert.NotEqual(s, s with { Share = 0.25 });
    }
}
