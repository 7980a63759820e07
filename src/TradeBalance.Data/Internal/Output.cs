using System.IO.Compression;

namespace TradeBalance.Data.Internal;

/// <summary>
/// Creates output files: UTF-8 without BOM, gzip when the name ends in .gz; and replaces a file only
/// once its new content is complete.
/// </summary>
internal static class Output
{
    /// <summary>Writes text to <paramref name="path"/> through <see cref="Replace"/>.</summary>
    public static void WriteText(string path, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Replace(path, stream =>
        {
            using var w = Text(stream, path);
            write(w);
        });
    }

    /// <summary>
    /// Writes a new file beside <paramref name="path"/> and moves it over the path only when the writing
    /// succeeded, so a failed or interrupted write leaves the old file (or none), never half a file
    /// (<see cref="AtomicFile.Replace"/>). A path through symbolic links is written at the file they lead to.
    /// </summary>
    public static void Replace(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        AtomicFile.Replace(path, write);
    }

    private static StreamWriter Text(Stream stream, string path)
    {
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            stream = new GZipStream(stream, CompressionLevel.Optimal, leaveOpen: false);
        }

        return new StreamWriter(stream, CsvOutput.Utf8NoBom, 1 << 16) { NewLine = "\n" };
    }
}
