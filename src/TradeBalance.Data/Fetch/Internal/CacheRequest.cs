using System.Security.Cryptography;
using System.Text;

namespace TradeBalance.Data.Fetch.Internal;

/// <summary>
/// One request as the cache knows it: the provider, the method and the full address without the key (keys travel in a
/// header, never in the address). Its <see cref="Key"/>, a SHA-256 of that canonical text, names the cached piece, so a
/// file's name depends only on what was asked, never on what came back.
/// </summary>
internal sealed record CacheRequest(string Provider, Uri Url)
{
    /// <summary>The cache format's version, part of every key: a new format never reads an old piece.</summary>
    public const string Format = "tradebalance-fetch-piece/1";

    public const string Method = "GET";

    /// <summary>The canonical text hashed for the key.</summary>
    public string Canonical => $"{Format}\n{Provider}\n{Method}\n{Url.AbsoluteUri}";

    /// <summary>The piece's name: lower-case hex SHA-256 of <see cref="Canonical"/>.</summary>
    public string Key => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical)));

    /// <summary>The query's parameters in order, for the piece's header.</summary>
    public IEnumerable<KeyValuePair<string, string>> Parameters =>
        Url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => KeyValuePair.Create(Uri.UnescapeDataString(p[0]), p.Length > 1 ? Uri.UnescapeDataString(p[1]) : string.Empty));
}
