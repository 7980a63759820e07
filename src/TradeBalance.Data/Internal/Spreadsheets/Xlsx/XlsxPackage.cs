using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace TradeBalance.Data.Internal.Spreadsheets.Xlsx;

/// <summary>
/// The zip container of an xlsx file: parts found by name, each inflated under
/// <see cref="SpreadsheetLimits.MaxPartBytes"/> whatever size its entry declares, and read as XML with DTDs
/// prohibited and no resolver (no entity expansion, no external fetch).
/// </summary>
internal sealed class XlsxPackage : IDisposable
{
    // Deflate cannot inflate by more than this: 258 bytes from each pair of 1-bit codes, about 1032:1.
    private const long MaxDeflateRatio = 1032;

    private readonly ZipArchive _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _entries = new(StringComparer.OrdinalIgnoreCase);
    private long _inflated;

    private XlsxPackage(string fileName, ZipArchive zip)
    {
        FileName = fileName;
        _zip = zip;
        foreach (var e in zip.Entries)
        {
            // Part names are case-insensitive (OPC); a second entry of one name is a broken or crafted file.
            if (!_entries.TryAdd(e.FullName.TrimStart('/'), e))
            {
                throw SpreadsheetErrors.At(fileName, $"zip entry '{e.FullName}'", "appears twice in the archive");
            }
        }
    }

    /// <summary>Gets the file as the caller named it.</summary>
    public string FileName { get; }

    /// <summary>Opens the zip archive held in memory.</summary>
    public static XlsxPackage Open(string fileName, byte[] bytes)
    {
        try
        {
            return new XlsxPackage(fileName, new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            throw SpreadsheetErrors.At(fileName, "zip archive", "is not a readable zip archive (xlsx files are zip archives): its directory is damaged or cut short", inner: e);
        }
    }

    /// <summary>Whether the archive holds a part.</summary>
    public bool Has(string partName) => _entries.ContainsKey(partName.TrimStart('/'));

    /// <summary>Reads a part's bytes, refusing one that inflates beyond the cap.</summary>
    public byte[] ReadPart(string partName)
    {
        var where = $"part '{partName}'";
        if (!_entries.TryGetValue(partName.TrimStart('/'), out var entry))
        {
            throw SpreadsheetErrors.At(FileName, where, "is missing from the archive");
        }

        if (entry.Length > SpreadsheetLimits.MaxPartBytes)
        {
            throw TooLarge(where, entry.Length);
        }

        try
        {
            using var input = entry.Open();
            // The declared length sizes the buffer only when deflate could produce it from the compressed
            // bytes (at most about 1032:1); the loop below still stops at the cap whatever arrives.
            var plausible = entry.Length <= (entry.CompressedLength * MaxDeflateRatio) + 1024;
            using var output = new MemoryStream(plausible ? (int)entry.Length : 0);
            var buffer = new byte[81920];
            int n;
            while ((n = input.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + n > SpreadsheetLimits.MaxPartBytes)
                {
                    throw TooLarge(where, output.Length + n);
                }

                _inflated += n;
                if (_inflated > SpreadsheetLimits.MaxInflatedBytes)
                {
                    throw SpreadsheetErrors.At(FileName, where, string.Create(CultureInfo.InvariantCulture,
                        $"brings the parts inflated to more than {SpreadsheetLimits.MaxInflatedBytes:N0} bytes: refused as a zip bomb or a workbook far larger than any correlation table"));
                }

                output.Write(buffer, 0, n);
            }

            // A declared length that was right needs no copy.
            return output.Length == output.Capacity ? output.GetBuffer() : output.ToArray();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            throw SpreadsheetErrors.At(FileName, where, "does not decompress (the archive is corrupt or truncated)", inner: e);
        }
    }

    /// <summary>An XML reader over a part: no DTD, no resolver, whitespace kept (cell text may be spaces).</summary>
    public XmlReader ReadXml(string partName)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        var bytes = ReadPart(partName);
        if (XlsxXml.FindCrowdedElement(bytes) is { } offset)
        {
            throw SpreadsheetErrors.At(FileName, string.Create(CultureInfo.InvariantCulture, $"part '{partName}', byte {offset}"),
                string.Create(CultureInfo.InvariantCulture, $"starts an element with more than {XlsxXml.MaxAttributes} attributes: refused, as XML parsers slow down without bound on such elements"));
        }

        return XmlReader.Create(new MemoryStream(bytes, writable: false), settings);
    }

    /// <summary>The error for XML that does not parse (or has a DTD), naming the part and the XML line when known.</summary>
    public TradeDataException BadXml(string partName, XmlException e) =>
        SpreadsheetErrors.At(FileName, e.LineNumber > 0 ? string.Create(CultureInfo.InvariantCulture, $"part '{partName}', XML line {e.LineNumber}") : $"part '{partName}'",
            "is not XML the reader accepts (malformed, or with a DTD, which is refused): " + Why(e), inner: e);

    // In TradeBalance's words: the parser's own messages name .NET's settings ("DtdProcessing") and positions already given.
    private static string Why(XmlException e) =>
        e.Message.Contains("DTD", StringComparison.Ordinal) ? "it holds a DTD (a DTD can declare entities that expand without bound)"
        : e.Message.StartsWith("elements are nested", StringComparison.Ordinal) ? e.Message
        : "it is not well-formed XML";

    /// <inheritdoc/>
    public void Dispose() => _zip.Dispose();

    private TradeDataException TooLarge(string where, long bytes) =>
        SpreadsheetErrors.At(FileName, where, string.Create(CultureInfo.InvariantCulture,
            $"inflates to more than {SpreadsheetLimits.MaxPartBytes:N0} bytes ({bytes:N0} or more): refused as a zip bomb or a table far larger than any correlation table"));
}
