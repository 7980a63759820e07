namespace TradeBalance.Data.Internal;

/// <summary>
/// Errors every reader gives alike, whatever the layout (CSV, JSON, BACI bytes): content that is not gzip
/// though it looks like it, and a text that is not an HS code.
/// </summary>
internal static class InputErrors
{
    /// <summary>The error for content that starts like gzip (or is named .gz) but does not decompress.</summary>
    /// <remarks>The decompressor's own message stays in the inner exception: it describes deflate blocks, not the file.</remarks>
    public static TradeDataException NotGzip(string fileName, long line, InvalidDataException e) => e.InnerException is GzipCheckException check
        ? new(fileName, check.Line, null, null, e.Message, e)
        : new(fileName, line, null, null, GzipProblem, e);

    /// <summary>What is wrong with content that starts like gzip (or is named .gz) but does not decompress.</summary>
    public const string GzipProblem = "is not a valid gzip file (the archive is corrupt or truncated, or the name ends in .gz but the content is not gzip)";

    /// <summary>What is wrong with a text that is not an HS code, with a hint when a leading zero looks lost.</summary>
    public static string HsProblem(string s)
    {
        var digits = s.Count(char.IsAsciiDigit);
        var hint = digits is 1 or 3 or 5 && digits == s.Length ? " (a leading zero may have been dropped: 0902, not 902)" : string.Empty;
        return "is not an HS code: expected 2, 4, 6, 8 or 10 digits (dots allowed between digit pairs) or TOTAL" + hint;
    }
}
