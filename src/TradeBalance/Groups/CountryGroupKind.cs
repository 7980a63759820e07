namespace TradeBalance;

/// <summary>What kind of economy a <see cref="CountryGroup"/> is, which decides what its tariffs do.</summary>
public enum CountryGroupKind
{
    /// <summary>
    /// A customs union (the European Union, the EAC): one common external tariff, so a schedule for
    /// the union applies to every member's imports, and trade between members pays none of it.
    /// </summary>
    CustomsUnion,

    /// <summary>A free-trade area (the AfCFTA): members trade with each other on preferential terms but keep their own tariffs towards others.</summary>
    FreeTradeArea,

    /// <summary>A political or regional group with no tariff of its own (the African Union).</summary>
    Group,

    /// <summary>A statistical or legal category (the UN's least developed countries) that preferences are granted to.</summary>
    Category,

    /// <summary>A single economy that ISO 3166-1 does not list (Kosovo as <c>XKX</c>), defined by the user; it has no members.</summary>
    Economy,
}
