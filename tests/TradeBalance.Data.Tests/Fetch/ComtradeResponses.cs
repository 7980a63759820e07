using System.Globalization;
using System.Text;
using TradeBalance.Testing;

namespace TradeBalance.Data.Tests.Fetch;

/// <summary>UN Comtrade API responses in the documented shape, made for the request asked: one row per partner and product.</summary>
internal static class ComtradeResponses
{
    /// <summary>A row as the API returns it (the fields of a real response, in its order).</summary>
    public static string Row(int reporter, int partner, string cmd, int year, decimal value, string flow = "M", string classification = "H6") =>
        string.Create(CultureInfo.InvariantCulture, $$"""{"typeCode":"C","freqCode":"A","refPeriodId":{{year}}0101,"refYear":{{year}},"refMonth":52,"period":"{{year}}","reporterCode":{{reporter}},"reporterISO":null,"reporterDesc":null,"flowCode":"{{flow}}","flowDesc":null,"partnerCode":{{partner}},"partnerISO":null,"partnerDesc":null,"partner2Code":0,"partner2ISO":null,"partner2Desc":null,"classificationCode":"{{classification}}","classificationSearchCode":"HS","isOriginalClassification":true,"cmdCode":"{{cmd}}","cmdDesc":null,"aggrLevel":{{cmd.Length}},"isLeaf":false,"customsCode":"C00","customsDesc":null,"mosCode":"0","motCode":0,"motDesc":null,"qtyUnitCode":-1,"qtyUnitAbbr":null,"qty":null,"isQtyEstimated":false,"altQtyUnitCode":-1,"altQtyUnitAbbr":null,"altQty":null,"isAltQtyEstimated":false,"netWgt":null,"isNetWgtEstimated":false,"grossWgt":null,"isGrossWgtEstimated":false,"cifvalue":{{value}},"fobvalue":null,"primaryValue":{{value}},"legacyEstimationFlag":0,"isReported":true,"isAggregate":false}""");

    /// <summary>The body for a list of rows.</summary>
    public static string Body(IReadOnlyCollection<string> rows) =>
        string.Create(CultureInfo.InvariantCulture, $$"""{"elapsedTime":"0.01 secs","count":{{rows.Count}},"data":[{{string.Join(',', rows)}}],"error":""}""");

    /// <summary>A value that depends only on the cell, so a test can check every flow.</summary>
    public static decimal Value(int partner, string cmd, int year) => 1000m + partner + (int.Parse(cmd, CultureInfo.InvariantCulture) % 1000) + (year - 2000);

    /// <summary>
    /// The answer to a request: a row for every partner asked (or <paramref name="allPartners"/>) and every product, for
    /// the reporter and year asked; cut to <paramref name="cap"/> rows when there are more, as the API does.
    /// </summary>
    public static FakeResponse For(FakeRequest request, int[] allPartners, int cap = int.MaxValue)
    {
        var reporter = int.Parse(request.Query("reporterCode")!, CultureInfo.InvariantCulture);
        var year = int.Parse(request.Query("period")!, CultureInfo.InvariantCulture);
        var partners = request.Query("partnerCode") is { } p ? p.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() : allPartners;
        var products = request.Query("cmdCode")!.Split(',');
        var rows = (from partner in partners from cmd in products select Row(reporter, partner, cmd, year, Value(partner, cmd, year))).Take(cap).ToList();
        return FakeResponse.Json(Body(rows));
    }

    public static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}
