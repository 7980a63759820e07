namespace TradeBalance.Projections;

/// <summary>Where <see cref="SmartKernel"/> writes its results: per-flow and per-market spans.</summary>
public readonly ref struct SmartOutput
{
    /// <summary>Creates the outputs.</summary>
    /// <param name="tradeCreation">Trade creation per flow.</param>
    /// <param name="tradeDiversion">Trade diversion per flow.</param>
    /// <param name="priceEffect">Price effect per flow (0 with infinite supply).</param>
    /// <param name="projected">Projected imports per flow.</param>
    /// <param name="marketTotalBefore">Baseline total per market.</param>
    /// <param name="marketTotalAfter">Projected total per market.</param>
    /// <param name="revenueBefore">Tariff revenue before, per market.</param>
    /// <param name="revenueAfter">Tariff revenue after, per market.</param>
    /// <param name="welfare">SMART's welfare (consumer surplus) gain per market.</param>
    public SmartOutput(Span<double> tradeCreation, Span<double> tradeDiversion, Span<double> priceEffect, Span<double> projected, Span<double> marketTotalBefore, Span<double> marketTotalAfter, Span<double> revenueBefore, Span<double> revenueAfter, Span<double> welfare)
    {
        TradeCreation = tradeCreation;
        TradeDiversion = tradeDiversion;
        PriceEffect = priceEffect;
        Projected = projected;
        MarketTotalBefore = marketTotalBefore;
        MarketTotalAfter = marketTotalAfter;
        RevenueBefore = revenueBefore;
        RevenueAfter = revenueAfter;
        Welfare = welfare;
    }

    /// <summary>Gets trade creation per flow.</summary>
    public Span<double> TradeCreation { get; }

    /// <summary>Gets trade diversion per flow.</summary>
    public Span<double> TradeDiversion { get; }

    /// <summary>Gets the price effect per flow.</summary>
    public Span<double> PriceEffect { get; }

    /// <summary>Gets projected imports per flow.</summary>
    public Span<double> Projected { get; }

    /// <summary>Gets the baseline total per market.</summary>
    public Span<double> MarketTotalBefore { get; }

    /// <summary>Gets the projected total per market.</summary>
    public Span<double> MarketTotalAfter { get; }

    /// <summary>Gets tariff revenue before, per market.</summary>
    public Span<double> RevenueBefore { get; }

    /// <summary>Gets tariff revenue after, per market.</summary>
    public Span<double> RevenueAfter { get; }

    /// <summary>Gets the welfare gain per market.</summary>
    public Span<double> Welfare { get; }
}
