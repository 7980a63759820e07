namespace TradeBalance.Data.Internal;

/// <summary>
/// The HS revision a file's name states, as the providers name their files: CEPII's <c>BACI_HS17_Y2022_V202501.csv</c>
/// (HS92 … HS22) and WITS's <c>AVEMFN_H5_156_2024_U2.CSV</c> (H0 … H6), or <c>HS2022</c> spelt out. The token must
/// stand between separators (<c>_</c>, <c>-</c>, <c>.</c>, a space or the name's ends) and be in capitals, so that an
/// ordinary word does not pass for one.
/// </summary>
internal static class FileRevision
{
    private static readonly string[] Tokens = ["HS92", "HS96", "HS02", "HS07", "HS12", "HS17", "HS22", "HS1992", "HS1996", "HS2002", "HS2007", "HS2012", "HS2017", "HS2022", "H0", "H1", "H2", "H3", "H4", "H5", "H6"];

    /// <summary>The revision the file name states, or null; two different ones in one name state none.</summary>
    /// <param name="fileName">A path or a name; only the name is read.</param>
    public static HsRevision? FromName(string fileName)
    {
        var name = Path.GetFileName(fileName);
        HsRevision? found = null;
        foreach (var token in name.Split(['_', '-', '.', ' ']))
        {
            if (!Tokens.Contains(token, StringComparer.Ordinal))
            {
                continue;
            }

            var revision = HsRevision.Parse(token);
            if (found is not null && found != revision)
            {
                return null;
            }

            found = revision;
        }

        return found;
    }
}
