using System.Xml;

namespace TradeBalance.Data.Internal.Spreadsheets.Xlsx;

/// <summary>A part's relationships (its <c>_rels/NAME.rels</c>): id to target part and type.</summary>
internal sealed class XlsxRelationships
{
    private readonly Dictionary<string, (string Target, string Type)> _byId = new(StringComparer.Ordinal);

    private XlsxRelationships()
    {
    }

    /// <summary>Gets every relationship: id, resolved target part, type URI.</summary>
    public IEnumerable<(string Id, string Target, string Type)> All => _byId.Select(p => (p.Key, p.Value.Target, p.Value.Type));

    /// <summary>Reads the relationships of a part (empty when it has none); targets are resolved to part names.</summary>
    /// <param name="package">The package.</param>
    /// <param name="sourcePart">The part whose relationships these are; empty for the package's own.</param>
    public static XlsxRelationships Read(XlsxPackage package, string sourcePart)
    {
        var folder = sourcePart.Contains('/', StringComparison.Ordinal) ? sourcePart[..(sourcePart.LastIndexOf('/') + 1)] : string.Empty;
        var name = sourcePart[folder.Length..];
        var relsPart = folder + "_rels/" + name + ".rels";
        var rels = new XlsxRelationships();
        if (!package.Has(relsPart))
        {
            return rels;
        }

        try
        {
            using var r = package.ReadXml(relsPart);
            while (XlsxXml.Next(r))
            {
                if (r.NodeType != XmlNodeType.Element || r.LocalName != "Relationship")
                {
                    continue;
                }

                var id = r.GetAttribute("Id");
                var target = r.GetAttribute("Target");
                var type = r.GetAttribute("Type") ?? string.Empty;
                if (id is null || target is null || string.Equals(r.GetAttribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (rels._byId.Count >= SpreadsheetLimits.MaxSheets * 4)
                {
                    throw SpreadsheetErrors.At(package.FileName, $"part '{relsPart}'", "declares more relationships than any workbook of sheets needs");
                }

                rels._byId[id] = (Resolve(folder, target), type);
            }
        }
        catch (XmlException e)
        {
            throw package.BadXml(relsPart, e);
        }

        return rels;
    }

    /// <summary>The target and type of a relationship id, or null.</summary>
    public (string Target, string Type)? Find(string id) => _byId.TryGetValue(id, out var t) ? t : null;

    /// <summary>The first target whose type URI ends with a name such as <c>/sharedStrings</c>.</summary>
    public string? FirstOfType(string typeSuffix) =>
        _byId.Values.Where(v => v.Type.EndsWith(typeSuffix, StringComparison.Ordinal)).Select(v => v.Target).Order(StringComparer.Ordinal).FirstOrDefault();

    // A target is relative to the source part's folder unless it starts with '/'; ".." climbs, never above the root.
    private static string Resolve(string folder, string target)
    {
        var path = target.StartsWith('/') ? target[1..] : folder + target;
        var parts = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (segment.Length > 0 && segment != ".")
            {
                parts.Add(segment);
            }
        }

        return string.Join('/', parts);
    }
}
