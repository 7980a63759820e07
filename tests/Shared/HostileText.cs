namespace TradeBalance.Testing;

/// <summary>
/// Shared by the data and command-line tests (linked into both): the characters a terminal acts on or that hide or
/// reorder text, and wording that belongs to .NET or the parsers underneath rather than to a message about a file.
/// </summary>
internal static class HostileText
{
    /// <summary>C0 controls, DEL, C1 controls, bidi controls, line and paragraph separators, invisible marks.</summary>
    public static readonly char[] Characters =
    [
        .. Enumerable.Range(0, 0x20).Select(i => (char)i),
        '\u007F',
        .. Enumerable.Range(0x80, 0x20).Select(i => (char)i),
        '\u061C', '\u200B', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E',
        '\u2028', '\u2029', '\u2060', '\u2066', '\u2067', '\u2068', '\u2069', '\uFEFF',
    ];

    /// <summary>Wording of .NET, Sylvan.Data.Csv or System.Text.Json.</summary>
    public static readonly string[] Machinery =
    [
        "System.", "`1", "(Parameter '", "Actual value was", "MaxBufferSize", "reader options", "in this mode", "Row 0", "LineNumber:", "BytePositionInLine", "Exception",
    ];
}
