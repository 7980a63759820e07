using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using TradeBalance.Data.Internal;

namespace TradeBalance.Data;

/// <summary>
/// A CEPII BACI release's country-code file (<c>country_codes_V*.csv</c>): BACI's numeric codes
/// (which are not always ISO: 842 USA, 251 FRA, 699 IND, 490 "Other Asia, nes") mapped to countries.
/// </summary>
/// <remarks>
/// <para>Layouts: current <c>country_code, country_name, country_iso2, country_iso3</c>; older
/// (V202001–V202201) <c>country_code, country_name_abbreviation, country_name_full,
/// iso_2digit_alpha, iso_3digit_alpha</c>. Each code resolves through its ISO alpha-3 column; when
/// that is not an ISO code (BACI writes <c>S19</c> for Other Asia nes), through the numeric code
/// itself (ISO numeric or a trade alias, so 490 becomes Taiwan). A code that resolves neither way
/// (a historical grouping such as Belgium–Luxembourg) is kept unresolved: reading a flow that uses it
/// raises <see cref="TradeDataException"/> naming it.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class BaciCountryCodes
{
    private readonly FrozenDictionary<int, Country> _countries;
    private readonly FrozenDictionary<int, string> _unresolved;

    private BaciCountryCodes(Dictionary<int, Country> countries, Dictionary<int, string> unresolved)
    {
        _countries = countries.ToFrozenDictionary();
        _unresolved = unresolved.ToFrozenDictionary();
    }

    /// <summary>Gets the codes that resolved to a country.</summary>
    public IReadOnlyDictionary<int, Country> Countries => _countries;

    /// <summary>Gets the codes that did not resolve, with a description (<c>iso3 'BLX', Belgium-Luxembourg</c>).</summary>
    public IReadOnlyDictionary<int, string> Unresolved => _unresolved;

    /// <summary>Reads a country-code file (gzip detected).</summary>
    /// <param name="path">The file.</param>
    /// <param name="encoding">The encoding; null = UTF-8 (older releases were Latin-1; only names are affected).</param>
    /// <returns>The codes and the report.</returns>
    /// <exception cref="TradeDataException">A bad value or a repeated code.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ReadResult<BaciCountryCodes> Read(string path, Encoding? encoding = null) =>
        CsvEntry.FromPath(path, TradeFileFormat.BaciCountryCodes, encoding ?? Encoding.UTF8, ReadCore);

    /// <summary>Reads a country-code file from a stream, which stays open.</summary>
    /// <param name="stream">The content (gzip detected).</param>
    /// <param name="fileName">The name to use in messages.</param>
    /// <param name="encoding">The encoding; null = UTF-8.</param>
    /// <returns>The codes and the report.</returns>
    /// <exception cref="TradeDataException">A bad value or a repeated code.</exception>
    public static ReadResult<BaciCountryCodes> Read(Stream stream, string fileName, Encoding? encoding = null) =>
        CsvEntry.FromStream(stream, fileName, TradeFileFormat.BaciCountryCodes, encoding ?? Encoding.UTF8, ReadCore);

    /// <summary>Reads a country-code file from text, which stays open.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="fileName">The name to use in messages.</param>
    /// <returns>The codes and the report.</returns>
    /// <exception cref="TradeDataException">A bad value or a repeated code.</exception>
    public static ReadResult<BaciCountryCodes> Read(TextReader reader, string fileName) =>
        CsvEntry.FromText(reader, fileName, TradeFileFormat.BaciCountryCodes, ReadCore);

    /// <summary>Returns the country of a BACI code.</summary>
    /// <param name="code">The code.</param>
    /// <param name="country">The country, when the method returns true.</param>
    /// <returns>True when the code is in the file and resolved.</returns>
    public bool TryGetCountry(int code, [NotNullWhen(true)] out Country? country) => _countries.TryGetValue(code, out country);

    /// <summary>Returns true when the file lists the code (resolved or not).</summary>
    /// <param name="code">The code.</param>
    /// <returns>True when listed.</returns>
    public bool Contains(int code) => _countries.ContainsKey(code) || _unresolved.ContainsKey(code);

    private static ReadResult<BaciCountryCodes> ReadCore(CsvInput csv)
    {
        var code = csv.Require("country_code");
        var iso3 = csv.Require("country_iso3", "iso_3digit_alpha");
        var name = csv.Find("country_name", "country_name_full", "country_name_abbreviation");
        var countries = new Dictionary<int, Country>();
        var unresolved = new Dictionary<int, string>();
        var lines = new Dictionary<int, long>();
        while (csv.Read())
        {
            var n = csv.Int(code, 0, 9999);
            if (!lines.TryAdd(n, csv.Line))
            {
                throw csv.Error(code, $"repeats the code of line {lines[n]}");
            }

            var alpha = csv.Get(iso3);
            if (TradeCodes.TryCountry(alpha, out var c) && alpha.Length == 3)
            {
                countries[n] = c;
            }
            else if (TradeCodes.Resolve(n, out var byCode) == NumericCodeKind.Country)
            {
                countries[n] = byCode!;
                csv.Report.Adjust("iso3 is not an ISO code: resolved by the numeric code (e.g. 490 Other Asia nes = TWN)");
            }
            else if (byCode is not null)
            {
                countries[n] = byCode;
                csv.Report.Adjust("area nes mapped to ROW");
            }
            else
            {
                unresolved[n] = $"iso3 '{alpha}', {csv.Get(name)}";
                csv.Report.Adjust("code resolves to no country (kept unresolved; an error if a flow uses it)");
            }

            csv.Report.Kept++;
        }

        return new ReadResult<BaciCountryCodes>(new BaciCountryCodes(countries, unresolved), csv.Report.Build());
    }
}
