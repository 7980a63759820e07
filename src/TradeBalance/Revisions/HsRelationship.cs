namespace TradeBalance;

/// <summary>
/// How one link of a concordance joins the codes of two HS revisions, seen from the concordance's
/// <see cref="HsConcordance.From"/> revision and judged at the link's two ends, as the published correlation tables
/// write it (<c>1:1</c>, <c>1:n</c>, <c>n:1</c>, <c>n:n</c>): does its From code have other targets, does its To
/// code have other sources.
/// </summary>
public enum HsRelationship
{
    /// <summary>The From code has this target only, and the target this source only (<c>1:1</c>): a relabelling.</summary>
    OneToOne = 0,

    /// <summary>The From code is split among several targets; this target comes from it alone (<c>1:n</c>).</summary>
    OneToMany = 1,

    /// <summary>The target merges several codes; the From code goes to this target only (<c>n:1</c>).</summary>
    ManyToOne = 2,

    /// <summary>The From code is split and the target merges other codes too (<c>n:n</c>).</summary>
    ManyToMany = 3,
}
