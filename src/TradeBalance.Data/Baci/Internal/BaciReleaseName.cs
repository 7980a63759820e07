using System.Globalization;

namespace TradeBalance.Data.Internal.Baci;

/// <summary>
/// The names of a CEPII BACI release's files: <c>BACI_HS17_Y2022_V202501.csv</c> (a year's trade),
/// <c>country_codes_V202501.csv</c> and <c>product_codes_HS17_V202501.csv</c>. The HS revision and the version are read
/// from them, since the files themselves do not say.
/// </summary>
internal static class BaciReleaseName
{
    /// <summary>The HS revisions BACI is published in.</summary>
    public static readonly IReadOnlyList<string> Revisions = ["HS92", "HS96", "HS02", "HS07", "HS12", "HS17", "HS22"];

    /// <summary>A year's trade file: <c>BACI_{revision}_Y{year}_V{version}.csv</c>; false for any other name.</summary>
    public static bool TryYearFile(string name, out string revision, out int year, out string version)
    {
        revision = version = string.Empty;
        year = 0;
        if (!name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var parts = name[..^4].Split('_');
        if (parts.Length != 4 || !parts[0].Equals("BACI", StringComparison.OrdinalIgnoreCase) || Revision(parts[1]) is not { } r
            || parts[2].Length != 5 || parts[2][0] is not ('Y' or 'y')
            || !int.TryParse(parts[2].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out year) || year is < BaciRules.MinYear or > BaciRules.MaxYear
            || Version(parts[3]) is not { } v)
        {
            return false;
        }

        revision = r;
        version = v;
        return true;
    }

    /// <summary>The country-code file: <c>country_codes_V{version}.csv</c>; false for any other name.</summary>
    public static bool TryCountryCodesFile(string name, out string version)
    {
        version = string.Empty;
        const string prefix = "country_codes_";
        if (!name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || !name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
            || Version(name[prefix.Length..^4]) is not { } v)
        {
            return false;
        }

        version = v;
        return true;
    }

    /// <summary>An HS revision as BACI writes it (<c>HS17</c>, any case), in upper case; null when it is none of <see cref="Revisions"/>.</summary>
    public static string? Revision(string text) => Revisions.FirstOrDefault(r => r.Equals(text, StringComparison.OrdinalIgnoreCase));

    /// <summary>A version as BACI writes it: <c>V</c>, six digits (year and month) and perhaps a letter (<c>V202401b</c>); null otherwise.</summary>
    private static string? Version(string text) =>
        text.Length is 7 or 8 && text[0] is 'V' or 'v' && !text.AsSpan(1, 6).ContainsAnyExceptInRange('0', '9') && (text.Length == 7 || char.IsAsciiLetterLower(text[7]))
            ? "V" + text[1..]
            : null;
}
