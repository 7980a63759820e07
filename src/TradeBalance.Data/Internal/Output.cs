using System.IO.Compression;

namespace TradeBalance.Data.Internal;

/// <summary>Creates output files: UTF-8 without BOM, gzip when the name ends in .gz.</summary>
internal static class Output
{
    public static StreamWriter CreateText(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Stream stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            stream = new GZipStream(stream, CompressionLevel.Optimal, leaveOpen: false);
        }

        return new StreamWriter(stream, CsvOutput.Utf8NoBom, 1 << 16) { NewLine = "\n" };
    }
}
