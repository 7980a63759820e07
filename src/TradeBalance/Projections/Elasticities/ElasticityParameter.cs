namespace TradeBalance.Projections;

/// <summary>Which of the three elasticities an estimate is of.</summary>
public enum ElasticityParameter
{
    /// <summary>η, the import-demand elasticity (negative).</summary>
    ImportDemand = 0,

    /// <summary>σ, the elasticity of substitution between suppliers (positive).</summary>
    Substitution = 1,

    /// <summary>ε, the export-supply elasticity (positive; 99 or more is infinite).</summary>
    ExportSupply = 2,
}
