namespace TradeBalance.Tests.Revisions;

/// <summary>
/// A few hand-written links, not a published table. The 8517 facts are real: HS 2022 split HS 2017's 8517.12 (telephones
/// for cellular networks) into 8517.13 (smartphones) and 8517.14 (other cellular telephones), and the flat-panel display
/// modules of new heading 8524 took goods from several old codes; here 8517.12 and 8529.90 (parts) stand for those, to
/// make one n:n group. Codes marked "made up" exist only to give the tests a merge.
/// </summary>
internal static class HsFixtures
{
    public static HsCode C(string code) => HsCode.Parse(code);

    public static HsLink L(string from, string to, HsRelationship? declared = null) => new(C(from), C(to), declared);

    /// <summary>HS2017 → HS2022: the 8517.12 split alone, black tea unchanged, and a merge of two made-up coffee lines.</summary>
    public static HsConcordance Split { get; } = new(HsRevision.Hs2017, HsRevision.Hs2022, [
        L("851712", "851713"),
        L("851712", "851714"),
        L("090240", "090240"),
        L("090111", "090110"), // made up: two coffee lines merged into one
        L("090112", "090110"),
    ]);

    /// <summary>HS2017 → HS2022: 8517.12 split among phones and display modules, which also come from 8529.90: one n:n group.</summary>
    public static HsConcordance ManyToMany { get; } = new(HsRevision.Hs2017, HsRevision.Hs2022, [
        L("851712", "851713"),
        L("851712", "851714"),
        L("851712", "852411"),
        L("851712", "852412"),
        L("852990", "852411"),
        L("852990", "852412"),
        L("852990", "852990"),
    ]);

    public static TradeFlow Flow(Country exporter, Country importer, string code, decimal usd, int year = 2021) =>
        TradeFlow.Usd(exporter, importer, C(code), year, usd, "fixture");
}
