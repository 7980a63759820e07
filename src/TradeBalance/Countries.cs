namespace TradeBalance;

/// <summary>
/// Named shortcuts for the countries the Kenya–China question involves, taken from the
/// <see cref="Country"/> registry. Any other country: <see cref="Country.FromIso3(string)"/>.
/// </summary>
/// <threadsafety>All members are immutable and thread-safe.</threadsafety>
public static class Countries
{
    /// <summary>Gets Kenya (KE, KEN, 404).</summary>
    public static Country Kenya { get; } = Country.FromIso3("KEN");

    /// <summary>Gets China (CN, CHN, 156).</summary>
    public static Country China { get; } = Country.FromIso3("CHN");

    /// <summary>Gets Sri Lanka (LK, LKA, 144).</summary>
    public static Country SriLanka { get; } = Country.FromIso3("LKA");

    /// <summary>Gets India (IN, IND, 356).</summary>
    public static Country India { get; } = Country.FromIso3("IND");

    /// <summary>Gets Viet Nam (VN, VNM, 704).</summary>
    public static Country VietNam { get; } = Country.FromIso3("VNM");

    /// <summary>Gets Ethiopia (ET, ETH, 231).</summary>
    public static Country Ethiopia { get; } = Country.FromIso3("ETH");

    /// <summary>Gets Brazil (BR, BRA, 76).</summary>
    public static Country Brazil { get; } = Country.FromIso3("BRA");

    /// <summary>Gets Peru (PE, PER, 604).</summary>
    public static Country Peru { get; } = Country.FromIso3("PER");

    /// <summary>Gets Chile (CL, CHL, 152).</summary>
    public static Country Chile { get; } = Country.FromIso3("CHL");

    /// <summary>Gets Mexico (MX, MEX, 484).</summary>
    public static Country Mexico { get; } = Country.FromIso3("MEX");

    /// <summary>Gets the United States (US, USA, 840).</summary>
    public static Country UnitedStates { get; } = Country.FromIso3("USA");

    /// <summary>
    /// Gets the residual supplier "rest of world" (<c>ROW</c>, M49 899): all suppliers of a market
    /// that a data set does not list one by one. Not an ISO 3166-1 country.
    /// </summary>
    public static Country RestOfWorld { get; } = Country.FromIso3("ROW");
}
