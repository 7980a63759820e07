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
    /// succeeded, so a failed or interrupted write leaves the old file (or none), never half a file.
    /// A path that is a symbolic link is written at the file it points to.
    /// </summary>
    public static void Replace(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        var target = LinkTarget(path);
        var temporary = Path.Combine(Path.GetDirectoryName(target) ?? ".", $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
            }

            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>The full path of the file a path names: a symbolic link's final target, else the path itself (which need not exist).</summary>
    private static string LinkTarget(string path)
    {
        var file = new FileInfo(path);
        return file.LinkTarget is null ? file.FullName : Path.GetFullPath(file.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? file.FullName);
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
