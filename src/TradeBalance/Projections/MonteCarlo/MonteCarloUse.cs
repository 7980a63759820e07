namespace TradeBalance.Projections;

/// <summary>What a Monte Carlo run is for, which sets its default number of draws (<see cref="MonteCarloSettings.Resolve"/>).</summary>
public enum MonteCarloUse
{
    /// <summary>P5–P95 bands printed beside a projection: <see cref="MonteCarloSettings.BandDraws"/> draws by default, none for a model whose draw costs a projection (GSIM).</summary>
    Bands = 0,

    /// <summary>A sensitivity run, whose bands are the result: <see cref="MonteCarloSettings.DefaultDraws"/> draws by default.</summary>
    Sensitivity = 1,
}
