using System.Collections.Immutable;
using System.Globalization;
using TradeBalance.Data.Internal;

namespace TradeBalance.Data.Fetch.Internal;

/// <summary>
/// One UN Comtrade request: a year, some partners (empty = every partner) and some HS codes. A piece whose response
/// reaches the row cap may have been cut, so it splits: by partners first, then by products, each in halves.
/// </summary>
internal sealed record ComtradePiece(int Year, ImmutableArray<Country> Partners, ImmutableArray<HsCode> Products)
{
    /// <summary>The most HS codes in a first request (an address of a few hundred characters).</summary>
    public const int ProductsPerRequest = 20;

    /// <summary>The most partners in a first request.</summary>
    public const int PartnersPerRequest = 50;

    /// <summary>The first pieces of a query: each year, partners and products in chunks.</summary>
    public static List<ComtradePiece> Plan(ComtradeQuery query)
    {
        var partnerChunks = query.Partners.IsEmpty ? [ImmutableArray<Country>.Empty] : query.Partners.Chunk(PartnersPerRequest).Select(c => c.ToImmutableArray()).ToList();
        var productChunks = query.Products.Chunk(ProductsPerRequest).Select(c => c.ToImmutableArray()).ToList();
        return [.. from y in query.Years from p in partnerChunks from h in productChunks select new ComtradePiece(y, p, h)];
    }

    /// <summary>Two smaller pieces, or null when this one is a single partner and product (or every partner and one product) and cannot split.</summary>
    public (ComtradePiece, ComtradePiece)? Split()
    {
        if (Partners.Length > 1)
        {
            var half = Partners.Length / 2;
            return (this with { Partners = Partners[..half] }, this with { Partners = Partners[half..] });
        }

        if (Products.Length > 1)
        {
            var half = Products.Length / 2;
            return (this with { Products = Products[..half] }, this with { Products = Products[half..] });
        }

        return null;
    }

    /// <summary>The request's address: <c>{base}/data/v1/get/C/A/HS</c> with a key, <c>{base}/public/v1/preview/C/A/HS</c> without.</summary>
    public Uri Url(Uri baseUrl, bool keyed, Country reporter, ComtradeFlow flow, int cap)
    {
        var path = keyed ? "data/v1/get/C/A/HS" : "public/v1/preview/C/A/HS";
        var query = new List<(string, string)>
        {
            ("reporterCode", Code(reporter)),
            ("period", Year.ToString(CultureInfo.InvariantCulture)),
        };
        if (!Partners.IsEmpty)
        {
            query.Add(("partnerCode", string.Join(',', Partners.Select(Code))));
        }

        query.Add(("cmdCode", string.Join(',', Products.Select(p => p.Digits))));
        query.Add(("flowCode", flow == ComtradeFlow.Import ? "M" : "X"));

        // Totals only: no breakdown by second partner, customs procedure or mode of transport (the reader skips those rows anyway).
        query.Add(("partner2Code", "0"));
        query.Add(("customsCode", "C00"));
        query.Add(("motCode", "0"));
        query.Add(("maxRecords", cap.ToString(CultureInfo.InvariantCulture)));
        query.Add(("includeDesc", "false"));
        var text = string.Join('&', query.Select(q => q.Item1 + "=" + Uri.EscapeDataString(q.Item2)));
        return new Uri(new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/"), path + "?" + text);
    }

    /// <summary>The piece in words, for progress.</summary>
    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"{Year}, partners {(Partners.IsEmpty ? "all" : Partners.Length <= 3 ? string.Join(',', Partners.Select(p => p.Alpha3)) : $"{Partners.Length}")}, HS {(Products.Length <= 3 ? string.Join(',', Products) : $"{Products.Length} codes")}");

    /// <summary>A country's code as Comtrade numbers it: the trade-statistics alias (842 USA, 699 IND, …) where there is one, else ISO 3166-1 numeric.</summary>
    public static string Code(Country country)
    {
        foreach (var (code, c) in TradeCodes.NumericAliases)
        {
            if (c.Equals(country))
            {
                return code.ToString(CultureInfo.InvariantCulture);
            }
        }

        return country.NumericCode.ToString(CultureInfo.InvariantCulture);
    }
}
