namespace TradeBalance;

/// <summary>
/// How the codes of two HS revisions correspond, seen from the concordance's <see cref="HsConcordance.From"/>
/// revision: written <c>1:1</c>, <c>1:n</c>, <c>n:1</c> and <c>n:n</c> in the published correlation tables.
/// </summary>
public enum HsRelationship
{
    /// <summary>One code becomes one code, and no other code shares its target (<c>1:1</c>): a relabelling.</summary>
    OneToOne = 0,

    /// <summary>One code is split into several, each of which comes from it alone (<c>1:n</c>).</summary>
    OneToMany = 1,

    /// <summary>Several codes are merged into one (<c>n:1</c>).</summary>
    ManyToOne = 2,

    /// <summary>Codes are split and merged within one connected group (<c>n:n</c>).</summary>
    ManyToMany = 3,
}
