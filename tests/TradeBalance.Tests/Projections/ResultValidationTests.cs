using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Tests.Projections;

/// <summary>
/// Result records hold only states the models produce: built or copied with <c>with</c>, a negative
/// value or a share that is NaN or outside [0, 1] is refused with the property named.
/// </summary>
public class ResultValidationTests
{
    private static readonly ProjectionResult Result = KenyaTea.Project();

    private static readonly BilateralBalance Balance = new(Countries.Kenya, Countries.China, 2024, new Money(190m, Currency.Usd), new Money(4223m, Currency.Usd));

    public static TheoryData<string, Func<object>> Bad => new()
    {
        { "Projected", () => Result.Rows[0] with { Projected = new Money(-100m, Currency.Usd) } },
        { "Baseline", () => Result.Rows[0] with { Baseline = new Money(-0.01m, Currency.Usd) } },
        { "ProjectedShare", () => Result.Rows[0] with { ProjectedShare = double.NaN } },
        { "BaselineShare", () => Result.Rows[0] with { BaselineShare = 1.5 } },
        { "ProjectedTotal", () => Result.Markets[0] with { ProjectedTotal = new Money(-1m, Currency.Usd) } },
        { "RevenueAfter", () => Result.Markets[0] with { RevenueAfter = new Money(-1m, Currency.Usd) } },
        { "Exports", () => Balance with { Exports = new Money(-100m, Currency.Usd) } },
        { "Imports", () => new BilateralBalance(Countries.Kenya, Countries.China, 2024, new Money(1m, Currency.Usd), new Money(-1m, Currency.Usd)) },
        { "Share", () => new TradeShare(Countries.Kenya, new Money(1m, Currency.Usd), double.PositiveInfinity) },
        { "Value", () => new TradeShare(Countries.Kenya, new Money(-1m, Currency.Usd), 0.5) },
        { "ShareAfter", () => new DestinationShareChange(Countries.China, new Money(1m, Currency.Usd), new Money(2m, Currency.Usd), 0.1, -0.2) },
        { "Projected", () => new MonteCarloRow(Countries.China, Countries.Kenya, KenyaTea.Tea, new Money(1m, Currency.Usd), new PercentileBand<Money>(new Money(3m, Currency.Usd), new Money(2m, Currency.Usd), new Money(4m, Currency.Usd)), new PercentileBand<double>(0.1, 0.2, 0.3)) },
        { "ProjectedShare", () => new MonteCarloRow(Countries.China, Countries.Kenya, KenyaTea.Tea, new Money(1m, Currency.Usd), new PercentileBand<Money>(new Money(1m, Currency.Usd), new Money(2m, Currency.Usd), new Money(4m, Currency.Usd)), new PercentileBand<double>(0.1, double.NaN, 0.3)) },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void A_result_refuses_a_state_no_model_produces(string property, Func<object> make)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(make);
        Assert.Equal(property, e.ParamName);
        Assert.Contains(property, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_copies_still_work_and_keep_value_equality()
    {
        var row = Result.Rows[0];
        Assert.Equal(row, row with { Projected = row.Projected });
        Assert.NotEqual(row, row with { ProjectedShare = 0.5 });
        Assert.Equal(0m, (Balance with { Exports = new Money(0m, Currency.Usd) }).Exports.Amount);
    }

    [Fact]
    public void The_export_import_ratio_is_absent_rather_than_zero_without_imports()
    {
        Assert.Null(new BilateralBalance(Countries.Kenya, Countries.China, 2024, new Money(5m, Currency.Usd), new Money(0m, Currency.Usd)).ExportImportRatio);
        Assert.Equal(0.5, new BilateralBalance(Countries.Kenya, Countries.China, 2024, new Money(5m, Currency.Usd), new Money(10m, Currency.Usd)).ExportImportRatio);
    }
}
