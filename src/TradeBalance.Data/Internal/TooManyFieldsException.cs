namespace TradeBalance.Data.Internal;

/// <summary>A record has more fields than <see cref="NewlineReader"/> allows; <see cref="CsvInput"/> reports it with the file name.</summary>
internal sealed class TooManyFieldsException(long line, int maxFields) : Exception($"Line {line} has more than {maxFields} fields.")
{
    public long Line { get; } = line;

    public int MaxFields { get; } = maxFields;
}
