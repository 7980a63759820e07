using System.Globalization;
using System.Xml;
using TradeBalance.Data.Internal;

namespace TradeBalance.Data.Fetch.Internal;

/// <summary>
/// A WITS API tariff response: SDMX 2.1 XML whose <c>Series</c> elements carry <c>REPORTER</c>, <c>PARTNER</c> and
/// <c>PRODUCTCODE</c>, and whose <c>Obs</c> elements carry <c>TIME_PERIOD</c>, <c>OBS_VALUE</c> (the simple average of
/// the national lines, percent), <c>TARIFFTYPE</c> and <c>NOMENCODE</c>; or an error document
/// (<c>wits:error</c>/<c>wits:message</c>). Read with no DTD and no external entity, as hostile text.
/// </summary>
internal static class WitsBody
{
    /// <summary>One observation.</summary>
    public sealed record Obs(string Reporter, string Partner, string Product, string Year, string? Rate, string? Type, string? Nomen);

    private static XmlReaderSettings Settings(long size) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = size * 2,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreWhitespace = true,
    };

    /// <summary>What is wrong with a body, or null when it is well-formed SDMX data or a WITS error document.</summary>
    public static string? Problem(byte[] body)
    {
        try
        {
            _ = Read(body, out _);
            return null;
        }
        catch (XmlException e)
        {
            return string.Create(CultureInfo.InvariantCulture, $"is not well-formed XML (line {e.LineNumber}, position {e.LinePosition})");
        }
    }

    /// <summary>The observations, and the provider's error message if the body is an error document.</summary>
    public static List<Obs> Read(byte[] body, out string? error)
    {
        error = null;
        var list = new List<Obs>();
        using var stream = new MemoryStream(body, writable: false);
        using var xml = XmlReader.Create(stream, Settings(body.Length));
        string? reporter = null, partner = null, product = null;
        var sawData = false;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (xml.LocalName)
            {
                case "Series":
                    reporter = xml.GetAttribute("REPORTER");
                    partner = xml.GetAttribute("PARTNER");
                    product = xml.GetAttribute("PRODUCTCODE");
                    sawData = true;
                    break;
                case "Obs" when reporter is not null && partner is not null && product is not null:
                    list.Add(new Obs(reporter, partner, product, xml.GetAttribute("TIME_PERIOD") ?? string.Empty, xml.GetAttribute("OBS_VALUE"), xml.GetAttribute("TARIFFTYPE"), xml.GetAttribute("NOMENCODE")));
                    break;
                case "DataSet" or "StructureSpecificData" or "GenericData":
                    sawData = true;
                    break;
                case "message" when xml.Prefix == "wits" || xml.NamespaceURI.Contains("wits", StringComparison.OrdinalIgnoreCase):
                    error = xml.ReadElementContentAsString();
                    break;
                default:
                    break;
            }
        }

        if (!sawData && error is null)
        {
            throw new XmlException("neither SDMX data (Series, Obs) nor a WITS error");
        }

        return list;
    }

    /// <summary>The observations as the WITS "Tariff and Trade Analysis" CSV that <see cref="WitsTariffReader"/> reads.</summary>
    public static string Csv(List<Obs> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var o = new CsvOutput(text);
        o.Row("Reporter", "Partner", "Product", "Tariff Year", "Duty Type", "Simple Average");
        foreach (var r in rows)
        {
            o.Row(r.Reporter, r.Partner, r.Product, r.Year, r.Type ?? "MFN", r.Rate);
        }

        return text.ToString();
    }
}
