namespace TradeBalance.Data.Internal;

/// <summary>Text that cannot be read as lines: bytes invalid in the encoding, or a line without end. <see cref="CsvInput"/>
/// reports it with the file name.</summary>
/// <param name="line">The physical line (1-based) the problem is on.</param>
/// <param name="problem">The problem, as the end of a sentence that starts with the file and line.</param>
internal sealed class InvalidTextException(long line, string problem) : Exception(problem)
{
    public long Line { get; } = line;

    /// <summary>Gets the column the problem is in, when known.</summary>
    public string? Column { get; init; }
}
