namespace TradeBalance.Data;

/// <summary>
/// How <see cref="OutputTableCsv"/> writes text cells. By default a text cell that a spreadsheet would run as a
/// formula (it starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return, and is not a number)
/// is written with a single quote in front, the OWASP rule against CSV injection: a scenario or source named
/// <c>=HYPERLINK(…)</c> is then shown as text. Numbers are never changed.
/// </summary>
/// <threadsafety>Immutable; safe to share.</threadsafety>
public sealed record CsvWriteOptions
{
    /// <summary>Gets the default options: formula-leading text neutralised.</summary>
    public static CsvWriteOptions Default { get; } = new();

    /// <summary>
    /// Gets a value indicating whether text cells are written exactly as they are, without the leading quote that
    /// keeps a spreadsheet from running formula-leading text. For a program that needs the text verbatim and never
    /// opens the file in a spreadsheet. Default false.
    /// </summary>
    public bool RawText { get; init; }
}
