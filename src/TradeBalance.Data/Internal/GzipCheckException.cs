namespace TradeBalance.Data.Internal;

/// <summary>
/// Marks an <see cref="InvalidDataException"/> (as its inner exception) for gzip content that decompressed but does
/// not end as gzip requires: truncated, altered, or followed by other data. <see cref="InvalidDataException"/> is
/// sealed, and readers already turn it into a <see cref="TradeDataException"/>; this says which message to give.
/// </summary>
/// <param name="message">What is wrong, as the end of a sentence that starts with the file's name.</param>
internal sealed class GzipCheckException(string message) : Exception(message)
{
    /// <summary>The exception the stream throws.</summary>
    public static InvalidDataException Create(string message) => new(message, new GzipCheckException(message));
}
