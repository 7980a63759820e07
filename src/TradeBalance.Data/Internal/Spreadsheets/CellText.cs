using System.Globalization;

namespace TradeBalance.Data.Internal.Spreadsheets;

/// <summary>How a number, a boolean or an error value in a cell becomes text, alike for xlsx and xls.</summary>
internal static class CellText
{
    // 2^53: up to it every integer is a double and fits a long; above it, "R" gives the shortest text that round-trips.
    private const double LargestExactInteger = 9_007_199_254_740_992d;

    /// <summary>
    /// A number as invariant text: an integer without a decimal point (<c>10121</c>, not <c>10121.0</c>),
    /// any other number in its shortest round-trip form (<c>0.5</c>, <c>1E+20</c>).
    /// </summary>
    /// <returns>Null for NaN or an infinity, which no cell can hold: the caller refuses it.</returns>
    public static string? Number(double value)
    {
        if (!double.IsFinite(value))
        {
            return null;
        }

        if (value == Math.Floor(value) && Math.Abs(value) <= LargestExactInteger)
        {
            // Negative zero prints as 0, as Excel shows it.
            return ((long)value).ToString(CultureInfo.InvariantCulture);
        }

        return value.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>A boolean cell's text, as Excel shows it.</summary>
    public static string Boolean(bool value) => value ? "TRUE" : "FALSE";

    /// <summary>The text of a BIFF error code (xlsx writes the text itself).</summary>
    /// <returns>Null for a code BIFF does not define.</returns>
    public static string? Error(byte code) => code switch
    {
        0x00 => "#NULL!",
        0x07 => "#DIV/0!",
        0x0F => "#VALUE!",
        0x17 => "#REF!",
        0x1D => "#NAME?",
        0x24 => "#NUM!",
        0x2A => "#N/A",
        0x2B => "#GETTING_DATA",
        _ => null,
    };
}
