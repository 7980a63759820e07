namespace TradeBalance.Projections;

/// <summary>The projection models TradeBalance implements.</summary>
public enum ProjectionModelKind
{
    /// <summary>WITS-SMART, the linear single-market partial-equilibrium model (<see cref="SmartModel"/>).</summary>
    Smart = 0,

    /// <summary>The exact single-market Armington model SMART linearises (<see cref="ArmingtonModel"/>).</summary>
    Armington = 1,

    /// <summary>GSIM, the multi-market model of Francois &amp; Hall (<see cref="GsimModel"/>).</summary>
    Gsim = 2,
}
