using System.Text;

namespace TradeBalance.Data.Internal;

/// <summary>Opens files and streams for reading: gzip by extension or magic bytes, UTF-8 with or without BOM.</summary>
internal static class Input
{
    /// <summary>
    /// Strict UTF-8 (canonical files): invalid bytes become <see cref="NewlineReader.InvalidMarker"/>, which the
    /// <see cref="NewlineReader"/> refuses naming the line it is on. Throwing while decoding would name the line being
    /// parsed instead, because decoding runs a buffer ahead of parsing.
    /// </summary>
    public static readonly Encoding StrictUtf8 = Marking(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));

    /// <summary>Opens a file, decompressing gzip when the name ends in .gz or the content starts with the gzip magic bytes.</summary>
    public static Stream OpenFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Decompress(file, path, leaveOpen: false);
    }

    /// <summary>Wraps a stream in a GZipStream when the name ends in .gz or the first two bytes are 1F 8B.</summary>
    public static Stream Decompress(Stream stream, string fileName, bool leaveOpen)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            return new CheckedGzipStream(stream, leaveOpen);
        }

        var head = new byte[2];
        var n = 0;
        while (n < 2)
        {
            var r = stream.Read(head, n, 2 - n);
            if (r == 0)
            {
                break;
            }

            n += r;
        }

        Stream replay = new ReplayStream(head, n, stream, leaveOpen);
        return n == 2 && head[0] == 0x1F && head[1] == 0x8B ? new CheckedGzipStream(replay, leaveOpen: false) : replay;
    }

    /// <summary>A text reader over a (possibly gzipped) stream; a BOM, if any, is honoured. With no encoding, strict
    /// UTF-8; an encoding that throws on invalid bytes keeps doing so, through the marker, so the error names its line.</summary>
    public static StreamReader Text(Stream stream, Encoding? encoding) =>
        new(stream, encoding is null ? StrictUtf8 : Marking(encoding), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: false);

    /// <summary>The encoding with invalid bytes decoded as the marker, when it would otherwise throw; else unchanged.</summary>
    private static Encoding Marking(Encoding encoding)
    {
        if (encoding.DecoderFallback is not DecoderExceptionFallback)
        {
            return encoding; // the caller chose replacement (or their own fallback): keep it
        }

        var marking = (Encoding)encoding.Clone();
        marking.DecoderFallback = new DecoderReplacementFallback(NewlineReader.InvalidMarker.ToString());
        return marking;
    }
}
