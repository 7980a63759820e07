using System.IO.Compression;
using System.Security;
using System.Text;

namespace TradeBalance.Data.Tests.Spreadsheets;

/// <summary>Tiny xlsx workbooks built in memory: the parts the reader follows and nothing else.</summary>
internal static class SyntheticXlsx
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>A workbook of sheets (name, the XML inside sheetData) and a shared-string table.</summary>
    public static byte[] Build(IReadOnlyList<(string Name, string SheetData)> sheets, IReadOnlyList<string> sharedStrings, Action<ZipArchive>? extra = null)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            Add(zip, "_rels/.rels", $"<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{Rel}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            var wb = new StringBuilder($"<?xml version=\"1.0\"?><workbook xmlns=\"{Main}\" xmlns:r=\"{Rel}\"><sheets>");
            var rels = new StringBuilder("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
            for (var i = 0; i < sheets.Count; i++)
            {
                wb.Append($"<sheet name=\"{SecurityElement.Escape(sheets[i].Name)}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"/>");
                rels.Append($"<Relationship Id=\"rId{i + 1}\" Type=\"{Rel}/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>");
                Add(zip, $"xl/worksheets/sheet{i + 1}.xml", $"<?xml version=\"1.0\"?><worksheet xmlns=\"{Main}\"><sheetData>{sheets[i].SheetData}</sheetData></worksheet>");
            }

            rels.Append($"<Relationship Id=\"rIdS\" Type=\"{Rel}/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
            Add(zip, "xl/workbook.xml", wb.Append("</sheets></workbook>").ToString());
            Add(zip, "xl/_rels/workbook.xml.rels", rels.ToString());
            Add(zip, "xl/sharedStrings.xml", $"<?xml version=\"1.0\"?><sst xmlns=\"{Main}\">" + string.Concat(sharedStrings.Select(s => $"<si><t xml:space=\"preserve\">{SecurityElement.Escape(s)}</t></si>")) + "</sst>");
            extra?.Invoke(zip);
        }

        return ms.ToArray();
    }

    /// <summary>A one-sheet workbook.</summary>
    public static byte[] OneSheet(string sheetData, params string[] sharedStrings) => Build([("Data", sheetData)], sharedStrings);

    /// <summary>Writes an entry (replacing none: the caller names new parts only).</summary>
    public static void Add(ZipArchive zip, string name, string text)
    {
        using var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        w.Write(text);
    }

    /// <summary>Sets the uncompressed size an entry declares in the central directory (a lie the reader must not trust).</summary>
    public static byte[] DeclareSize(byte[] zip, string entryName, uint size)
    {
        var copy = (byte[])zip.Clone();
        var name = Encoding.UTF8.GetBytes(entryName);
        for (var i = 0; i + 46 < copy.Length; i++)
        {
            if (copy[i] == 0x50 && copy[i + 1] == 0x4B && copy[i + 2] == 0x01 && copy[i + 3] == 0x02
                && BitConverter.ToUInt16(copy, i + 28) == name.Length && copy.AsSpan(i + 46, name.Length).SequenceEqual(name))
            {
                BitConverter.GetBytes(size).CopyTo(copy, i + 24);
                return copy;
            }
        }

        throw new InvalidOperationException("entry not found in the central directory");
    }
}
