using System.Globalization;

namespace TradeBalance.Data.Internal.Spreadsheets;

/// <summary>A1-style cell references: <c>C7</c> is 0-based column 2 of 1-based row 7.</summary>
internal static class CellReference
{
    /// <summary>The column letters of a 0-based column: 0 is A, 26 is AA.</summary>
    public static string ColumnName(int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        Span<char> letters = stackalloc char[8];
        var i = letters.Length;
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            letters[--i] = (char)('A' + ((n - 1) % 26));
        }

        return new string(letters[i..]);
    }

    /// <summary>The reference of a 0-based column in a 1-based row, for example <c>C7</c>.</summary>
    public static string Format(int column, int row) => ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Parses a reference such as <c>C7</c> (letters, then a row number) within Excel's bounds
    /// (<see cref="SpreadsheetLimits.MaxColumns"/> columns, <see cref="SpreadsheetLimits.MaxRows"/> rows).
    /// </summary>
    /// <returns>False when the text is not such a reference.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out int column, out int row)
    {
        column = -1;
        row = 0;
        var i = 0;
        var col = 0;
        while (i < text.Length && i < 4 && char.IsAsciiLetterUpper(text[i]))
        {
            col = (col * 26) + (text[i] - 'A' + 1);
            i++;
        }

        if (i == 0 || col > SpreadsheetLimits.MaxColumns || i == text.Length || text.Length - i > 7 || text[i] == '0')
        {
            return false;
        }

        var r = 0;
        for (; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }

            r = (r * 10) + (text[i] - '0');
        }

        if (r > SpreadsheetLimits.MaxRows)
        {
            return false;
        }

        column = col - 1;
        row = r;
        return true;
    }
}
