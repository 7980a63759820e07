namespace TradeBalance.Data.Internal;

/// <summary>
/// Marks an <see cref="InvalidDataException"/> (as its inner exception) for gzip content that decompressed but does
/// not end as gzip requires: truncated, altered, or followed by other data. <see cref="InvalidDataException"/> is
/// sealed, and readers already turn it into a <see cref="TradeDataException"/>; this says which message to give.
/// </summary>
/// <param name="line">The last line of the content that did decompress: where the file ends.</param>
/// <param name="message">What is wrong, as the end of a sentence that starts with the file's name and line.</param>
/// <param name="inner">The decompressor's own error, when it found the problem.</param>
internal sealed class GzipCheckException(long line, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>Gets the last line of the content that did decompress.</summary>
    public long Line { get; } = line;

    /// <summary>The exception the stream throws.</summary>
    /// <param name="line">The last line of the content that did decompress.</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="decompressor">The decompressor's own error, if it found the problem (kept as the inner exception: it speaks of deflate blocks, not of the file).</param>
    public static InvalidDataException Create(long line, string message, Exception? decompressor = null) => new(message, new GzipCheckException(line, message, decompressor));
}
