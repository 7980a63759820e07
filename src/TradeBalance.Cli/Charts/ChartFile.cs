using System.Text;

namespace TradeBalance.Cli;

/// <summary>Where a chart may be written, and writing it so that a failed run leaves the old file (or none).</summary>
internal static class ChartFile
{
    /// <summary>
    /// Throws a usage error unless the path ends in <c>.svg</c>. A <c>.png</c> gets its own message:
    /// charts are SVG since PNG drawing (and the native graphics libraries it needed) was dropped, and
    /// any SVG converter makes the PNG.
    /// </summary>
    public static void Check(string? path, string option = "--chart")
    {
        if (path is null || path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (path.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
        {
            var svg = path[..^4] + ".svg";
            throw new UsageException($"{option}: '{path}': charts are written as SVG only. Write '{svg}' and convert it if you need a PNG, for example: rsvg-convert -o '{path}' '{svg}'.");
        }

        throw new UsageException($"{option}: '{path}' must end in .svg.");
    }

    /// <summary>
    /// Writes the SVG (UTF-8, no byte-order mark) to a new file beside the target and moves it over the
    /// target only when complete; on failure the new file is deleted and the error passed on. A
    /// symbolic link is written at its target.
    /// </summary>
    public static void Write(string path, string svg) =>
        OutputPaths.Replace(path, stream => stream.Write(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(svg)));
}
