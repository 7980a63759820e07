using System.Globalization;
using TradeBalance.Data.Internal;

namespace TradeBalance.Cli;

/// <summary>
/// The layer where text reaches the terminal. Anything that came from a file or the command line (a
/// scenario name, a file name, a value in an error) goes through here once, so that control
/// characters, escape sequences and bidirectional overrides are shown as visible escapes
/// (<c>\x1B</c>, <c>\u202E</c>) instead of acting on the terminal. The escaping is the library's own
/// (<c>Printable</c>, the same source file), so the tool and <c>TradeDataException</c> agree.
/// </summary>
internal static class Terminal
{
    /// <summary>Text for Spectre.Console markup (a title, a cell, a line): escaped for the terminal, then for markup.</summary>
    public static string Markup(string? text) => Spectre.Console.Markup.Escape(Printable.Escape(text));

    /// <summary>Like <see cref="Markup"/> for text of several lines the tool composed (a read report): the line breaks are kept.</summary>
    public static string MarkupLines(string? text) => Spectre.Console.Markup.Escape(Printable.Escape(text, keepLineBreaks: true));

    /// <summary>Plain text (standard error, timings), escaped for the terminal.</summary>
    public static string Plain(string? text) => Printable.Escape(text);

    /// <summary>Plain text of several lines (a stack trace under <c>--verbose</c>): the line breaks are kept.</summary>
    public static string PlainLines(string? text) => Printable.Escape(text, keepLineBreaks: true);

    /// <summary>The one form of an error line: <c>tradebalance: file:line: field: message</c>, the parts a message knows, escaped.</summary>
    public static string ErrorLine(string message)
    {
        // A value of 100,000 characters, or a list of 65,535 lines, would otherwise make one line of half a megabyte.
        var line = Printable.Escape(message);
        return "tradebalance: " + (line.Length <= MaxErrorLength
            ? line
            : string.Concat(line.AsSpan(0, MaxErrorLength - 200), string.Create(CultureInfo.InvariantCulture, $" … ({line.Length - MaxErrorLength + 200:N0} characters left out) … "), line.AsSpan(line.Length - 120)));
    }

    /// <summary>The longest error line, in characters after escaping: the start (file, line, column, value) and the end (the fix) are kept.</summary>
    internal const int MaxErrorLength = 1000;
}
