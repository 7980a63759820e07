namespace TradeBalance.Projections;

/// <summary>A bilateral balance before and after a projection.</summary>
/// <param name="Before">The baseline balance.</param>
/// <param name="After">The projected balance.</param>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record BalanceProjection(BilateralBalance Before, BilateralBalance After)
{
    /// <summary>Gets the change in the balance (after − before).</summary>
    public Money Change => After.Balance - Before.Balance;

    /// <summary>Returns two lines, before and after.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() => $"before: {Before}{Environment.NewLine}after:  {After}";
}
